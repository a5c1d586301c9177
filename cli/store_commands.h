// salvo ingest | reprocess | events | show | tallies | serve | check: the event store from the command line.
#pragma once

#include <CLI/CLI.hpp>

#include "salvo/serve/api.h"

#include <optional>
#include <string>
#include <vector>

#include "cli_common.h"

namespace salvo::cli {

struct StoreArgs {
  std::string db = "salvo.db";
  InputArgs input;
  size_t threads = 1;
  bool quiet = false;
  bool extracted = false;  // ingest: inputs are records of `salvo extract --with-raw`
  size_t batch_articles = 1000;  // ingest: articles per transaction
  // events
  std::string country, since, until, type, weapon, actor, bbox, min_confidence, format, output = "-";
  std::string text, admin1, place, role, min_sources, located, limit, sort;
  // show
  std::vector<std::string> event_ids;
  bool json = false;
  // serve
  std::string bind = "127.0.0.1", token_file, web;
  std::vector<std::string> allowed_hosts;  // serve --allow-host
  int port = 8080;
  salvo::HttpLimits limits;  // serve --timeout, --max-body-bytes, --max-connections

  CLI::App* ingest = nullptr;
  CLI::App* reprocess = nullptr;
  CLI::App* events = nullptr;
  CLI::App* show = nullptr;
  CLI::App* tallies = nullptr;
  CLI::App* serve = nullptr;
  CLI::App* check = nullptr;
};

void add_store_commands(CLI::App& app, StoreArgs& args);

// The exit status of the store command that was parsed; nothing when none was.
std::optional<int> run_store_command(const StoreArgs& args);

}  // namespace salvo::cli
