// Runs the built salvo binary as a user would, capturing stdout, stderr and the exit status.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "temp_dir.h"

namespace salvo::testing {

struct CommandRun {
  int status = -1;
  std::string out;
  std::string err;
  // stdout read as JSON Lines.
  std::vector<nlohmann::json> records() const {
    std::vector<nlohmann::json> result;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) result.push_back(nlohmann::json::parse(line));
    return result;
  }
};

// Runs a shell command line with `stdin_text` as its input: its status, stdout and stderr.
inline CommandRun run_command(const std::string& command_line, const std::string& stdin_text = "") {
  TempDir scratch;
  const std::string err_path = scratch.file("stderr");
  const std::string in_path = scratch.write("stdin", stdin_text);
  const std::string command = "{ " + command_line + "; } <" + in_path + " 2>" + err_path;
  CommandRun run;
  FILE* pipe = popen(command.c_str(), "r");
  char buffer[65536];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) run.out.append(buffer, n);
  const int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.err = read_file(err_path);
  return run;
}

// What runs the command after it as a user who may not read everything (nobody, when the tests
// run as root, who may), so that permissions hold for it; "" when the tests run as such a user.
inline std::string as_unprivileged_user() { return geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : ""; }

// `args` are appended to the binary's path as a shell command line; `stdin_text` is its input.
inline CommandRun run_salvo(const std::string& args, const std::string& stdin_text = "") {
  return run_command(std::string(SALVO_BINARY) + " " + args, stdin_text);
}

// The same, under the name the CLI tests read best: salvo("extract --help").
inline CommandRun salvo(const std::string& args, const std::string& stdin_text = "") { return run_salvo(args, stdin_text); }

}  // namespace salvo::testing
