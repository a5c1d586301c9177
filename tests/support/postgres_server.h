// A real PostgreSQL server for the store's tests: Debian's `postgresql` (scripts/setup installs
// it), a cluster made by initdb in a temporary folder, run as a non-root user (the server refuses
// root: as root the tests run it as the `postgres` user the package creates), listening on a free
// loopback port only, with trust authentication for that address. Stopped and removed at exit.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "run_salvo.h"
#include "temp_dir.h"

namespace salvo::testing {

class PostgresServer {
 public:
  // The shared server of the test program, started on first use; nullptr (and `why` says why)
  // when it cannot start.
  static PostgresServer* shared(std::string& why) {
    static std::unique_ptr<PostgresServer> server;
    static std::string failure;
    static bool tried = false;
    if (!tried) {
      tried = true;
      auto started = std::unique_ptr<PostgresServer>(new PostgresServer());
      if (started->start(failure)) server = std::move(started);
    }
    why = failure;
    return server.get();
  }

  ~PostgresServer() {
    if (running_) run_command(as_server_user(bin_ + "/pg_ctl -D " + data_ + " -m immediate -w stop") + " >/dev/null");
  }

  // A new, empty database; its URI.
  std::string create_database(const std::string& name, std::string& why) {
    const CommandRun made = run_command(bin_ + "/createdb -h 127.0.0.1 -p " + std::to_string(port_) + " -U salvo " + name);
    if (made.status != 0) why = made.err;
    return uri(name);
  }
  std::string uri(const std::string& database) const {
    return "postgresql://salvo@127.0.0.1:" + std::to_string(port_) + "/" + database;
  }
  int port() const { return port_; }
  const std::string& bin() const { return bin_; }

 private:
  PostgresServer() = default;

  // The newest installed server's programs (/usr/lib/postgresql/15/bin on Debian 12).
  static std::string server_bin() {
    std::string best;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql", ec)) {
      const std::string bin = (entry.path() / "bin").string();
      if (std::filesystem::exists(bin + "/initdb") && bin > best) best = bin;
    }
    return best;
  }

  // A port no one listens on now.
  static int free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    int port = 0;
    if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0) {
      port = ntohs(address.sin_port);
    }
    close(fd);
    return port;
  }

  std::string as_server_user(const std::string& command) const {
    return geteuid() == 0 ? "setpriv --reuid=postgres --regid=postgres --init-groups " + command : command;
  }

  bool start(std::string& why) {
    bin_ = server_bin();
    if (bin_.empty()) {
      why = "no PostgreSQL server under /usr/lib/postgresql: run scripts/setup (it installs Debian's postgresql)";
      return false;
    }
    data_ = dir_.file("cluster");
    const std::string sockets = dir_.file("sockets");
    std::filesystem::create_directories(data_);
    std::filesystem::create_directories(sockets);
    if (geteuid() == 0) {
      // The folders are the server user's; the temporary folder above them must be passable.
      std::filesystem::permissions(dir_.path(), std::filesystem::perms::owner_all | std::filesystem::perms::group_exec |
                                                    std::filesystem::perms::others_exec);
      const CommandRun owned = run_command("chown postgres:postgres " + data_ + " " + sockets);
      if (owned.status != 0) {
        why = "chown to the postgres user failed: " + owned.err;
        return false;
      }
    }
    const CommandRun init = run_command(as_server_user(bin_ + "/initdb -D " + data_ +
                                                       " -U salvo -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null"));
    if (init.status != 0) {
      why = "initdb failed: " + init.err;
      return false;
    }
    for (int attempt = 0; attempt < 5 && !running_; ++attempt) {
      port_ = free_port();
      const CommandRun started = run_command(as_server_user(
          bin_ + "/pg_ctl -D " + data_ + " -l " + data_ + "/server.log -w -t 60 -o \"-p " + std::to_string(port_) +
          " -c listen_addresses=127.0.0.1 -k " + sockets + " -c fsync=off\" start >/dev/null"));
      running_ = started.status == 0;
      if (!running_) why = "pg_ctl start failed: " + started.err + read_file(data_ + "/server.log");
    }
    if (running_) why.clear();
    return running_;
  }

  TempDir dir_;
  std::string bin_, data_;
  int port_ = 0;
  bool running_ = false;
};

}  // namespace salvo::testing
