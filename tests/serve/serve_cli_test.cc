// `salvo serve` refuses what it cannot serve before it listens: each case exits 2 or 3 with a
// message naming what is wrong.
#include <gtest/gtest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../support/run_salvo.h"
#include "../support/temp_dir.h"

namespace salvo::testing {
namespace {

TEST(ServeCli, AShortTokenFileIsRefused) {
  TempDir dir;
  ASSERT_EQ(salvo("ingest -q --db " + (dir.path() / "s.db").string() + " examples/seeds").status, 0);
  const std::string token = dir.write("token", "short\n");
  const CommandRun run = salvo("serve --db " + (dir.path() / "s.db").string() + " --port 1 --token-file " + token);
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("at least 16 characters"), std::string::npos) << run.err;
}

TEST(ServeCli, AMissingWebFolderIsRefused) {
  TempDir dir;
  ASSERT_EQ(salvo("ingest -q --db " + (dir.path() / "s.db").string() + " examples/seeds").status, 0);
  const CommandRun run = salvo("serve --db " + (dir.path() / "s.db").string() + " --web " + (dir.path() / "nowhere").string());
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("nowhere"), std::string::npos) << run.err;
}

TEST(ServeCli, LimitsOutOfRangeAreUsageErrors) {
  for (const std::string limit : {"--timeout 0", "--timeout 100000", "--max-body-bytes 0"}) {
    const CommandRun run = salvo("serve --db nowhere.db " + limit);
    EXPECT_EQ(run.status, 2) << limit;
    EXPECT_NE(run.err.find(limit.substr(0, limit.find(' '))), std::string::npos) << run.err;
  }
}

TEST(ServeCli, AMissingStoreIsRefused) {
  TempDir dir;
  const CommandRun run = salvo("serve --db " + (dir.path() / "absent.db").string());
  EXPECT_EQ(run.status, 3);
  EXPECT_NE(run.err.find("absent.db"), std::string::npos) << run.err;
}

TEST(ServeCli, APortInUseIsRefused) {
  TempDir dir;
  ASSERT_EQ(salvo("ingest -q --db " + (dir.path() / "s.db").string() + " examples/seeds").status, 0);
  // Hold a port on 127.0.0.1, then ask salvo to listen on it.
  const int held = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(held, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(listen(held, 1), 0);
  socklen_t length = sizeof address;
  ASSERT_EQ(getsockname(held, reinterpret_cast<sockaddr*>(&address), &length), 0);
  const int port = ntohs(address.sin_port);
  const CommandRun run = salvo("serve --db " + (dir.path() / "s.db").string() + " --port " + std::to_string(port));
  close(held);
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find(std::to_string(port)), std::string::npos) << run.err;
}

// A port a `salvo serve` listens on is in use for the next one: it exits 2 as documented instead of
// listening beside the first (SO_REUSEPORT) and taking half of its requests.
TEST(ServeCli, ASecondServeOnThePortOfARunningOneIsRefused) {
  TempDir dir;
  const std::string db = (dir.path() / "s.db").string();
  ASSERT_EQ(salvo("ingest -q --db " + db + " examples/seeds").status, 0);
  const int probe = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(probe, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  socklen_t length = sizeof address;
  ASSERT_EQ(getsockname(probe, reinterpret_cast<sockaddr*>(&address), &length), 0);
  close(probe);
  const std::string port = std::to_string(ntohs(address.sin_port));
  const std::string pid = run_command(std::string(SALVO_BINARY) + " serve --db " + db + " --port " + port + " >/dev/null 2>&1 & echo $!").out;
  // Until the first listens.
  bool listening = false;
  for (int i = 0; i < 200 && !listening; ++i) {
    const int client = socket(AF_INET, SOCK_STREAM, 0);
    listening = connect(client, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    close(client);
    if (!listening) usleep(50000);
  }
  const CommandRun second = run_command("timeout 10 " + std::string(SALVO_BINARY) + " serve --db " + db + " --port " + port);
  run_command("kill " + pid.substr(0, pid.find('\n')));
  ASSERT_TRUE(listening) << "the first salvo serve did not listen";
  EXPECT_EQ(second.status, 2) << second.err;  // 124: it listened too, until the timeout
  EXPECT_NE(second.err.find("cannot listen on 127.0.0.1:" + port), std::string::npos) << second.err;
}

// `--port 0` takes a free port and says which; SIGTERM (as Ctrl-C) stops the server in order, exit 0.
TEST(ServeCli, AFreePortIsPrintedAndSigtermStopsItCleanly) {
  TempDir dir;
  const std::string db = (dir.path() / "s.db").string();
  ASSERT_EQ(salvo("ingest -q --db " + db + " examples/seeds").status, 0);
  const std::string err = (dir.path() / "serve.err").string();
  const CommandRun run = run_command(
      std::string(SALVO_BINARY) + " serve --db " + db + " --port 0 2>" + err + " & pid=$!; "
      "for i in $(seq 100); do grep -q 'on http' " + err + " && break; sleep 0.1; done; "
      "kill -TERM $pid; wait $pid; echo \"exit $?\"; cat " + err);
  EXPECT_NE(run.out.find("exit 0"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("on http://127.0.0.1:"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("127.0.0.1:0/"), std::string::npos) << "the port it listens on, not 0: " << run.out;
  EXPECT_NE(run.out.find("salvo serve: stopped"), std::string::npos) << run.out;
}

}  // namespace
}  // namespace salvo::testing
