// What every salvo subcommand shares: exit codes, input options, reading inputs, output files.
#pragma once

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <functional>
#include <optional>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "salvo/ingest/reader.h"
#include "salvo/pipeline/limits.h"
#include "salvo/recognize/recognizer.h"

namespace salvo::cli {

constexpr int kExitOk = 0;
constexpr int kExitSkipped = 1;
constexpr int kExitUsage = 2;
constexpr int kExitData = 3;  // Salvo's own data files, a gold folder or the store unusable

struct InputArgs {
  std::vector<std::string> paths;
  std::string stdin_format = "auto";
  size_t max_article_bytes = salvo::ReadOptions{}.max_article_bytes;
  size_t max_json_depth = salvo::ReadOptions{}.max_json_depth;
  salvo::Limits limits;  // what one article may cost in the pipeline (pipeline/limits.h)
};

void add_input_options(CLI::App* command, InputArgs& args);

// Loads the lexicons and gazetteer from data_dir(); on failure says why, as `salvo COMMAND: …`, and
// returns nothing (the command then exits with kExitData).
std::optional<Recognizer> load_recognizer(const char* command);

// -j,--threads N: articles extracted on N threads; output and store identical, in input order.
void add_threads_option(CLI::App* command, size_t& threads);

// The reader's options the input options ask for.
salvo::ReadOptions read_options(const InputArgs& args);

// Reads every input, calling `on_article` for each; reports skipped inputs on stderr.
// Returns the number of inputs skipped.
size_t for_each_article(const InputArgs& args, const std::function<void(salvo::Article&&)>& on_article);

// Prints a skipped input as "COMMAND: WHERE: MESSAGE" on stderr, its file name and message
// escaped for the terminal (base/terminal_text.h), after `line_start` (what clears a progress line).
void print_problem(std::string_view command, const InputProblem& problem, std::string_view line_start = "");

// Prints each warning of `record` (process_article()'s output) on stderr as
// "salvo: SOURCE: warning: …", after `line_start` (what clears a progress line); returns how many.
size_t print_record_warnings(const nlohmann::ordered_json& record, std::string_view line_start = "");
// The same for a record written as text (salvo::RecordText's source and warnings).
size_t print_warnings(std::string_view source, const std::vector<std::string>& warnings, std::string_view line_start = "");

struct Output {
  std::ofstream file;
  std::ostream* stream = &std::cout;
  // Opens FILE, or keeps stdout for "-"; false (with a message) when it cannot be written.
  bool open(const std::string& path, const char* command);
};

}  // namespace salvo::cli
