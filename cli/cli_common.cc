#include "cli_common.h"

#include "salvo/base/data_dir.h"
#include "salvo/base/terminal_text.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <thread>

namespace salvo::cli {

void add_input_options(CLI::App* command, InputArgs& args) {
  command->add_option("paths", args.paths, "Files or folders (searched recursively); - reads stdin")
      ->type_name("PATH...");
  command->add_option("--stdin-format", args.stdin_format, "Format of stdin: auto (sniffed), txt, jsonl, html")
      ->check(CLI::IsMember({"auto", "txt", "jsonl", "html"}))
      ->capture_default_str();
  command
      ->add_option("--max-article-bytes", args.max_article_bytes,
                   "Longer articles are cut to this many bytes, with a warning")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  // The limits no news article meets (pipeline/limits.h): each hit is a warning naming its option.
  command->add_option("--max-json-depth", args.max_json_depth, "A JSONL line nested deeper than this is skipped, with a message")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command->add_option("--max-sentence-bytes", args.limits.max_sentence_bytes,
                      "A longer sentence is cut into pieces (at spaces) before extraction, with a warning")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command->add_option("--max-mentions", args.limits.max_mentions,
                      "Mentions read of one article; the sentences after are not read for events, with a warning")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command->add_option("--max-html-depth", args.limits.max_html_depth,
                      "HTML nested deeper is flattened (tags dropped, text kept), with a warning")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
}

void add_threads_option(CLI::App* command, size_t& threads) {
  command->add_option("-j,--threads", threads, "Extract on N threads (0: one per core); the output is the same, in input order")
      ->type_name("N")
      ->capture_default_str()
      ->transform([](std::string value) {
        return value == "0" ? std::to_string(std::max(1u, std::thread::hardware_concurrency())) : value;
      });
}

std::optional<Recognizer> load_recognizer(const char* command) {
  auto loaded = Recognizer::load(data_dir());
  if (!loaded) {
    fmt::print(stderr, "salvo {}: {}\n", command, loaded.error().message);
    return std::nullopt;
  }
  return std::move(loaded).value();
}

salvo::ReadOptions read_options(const InputArgs& args) {
  salvo::ReadOptions options;
  options.max_article_bytes = args.max_article_bytes;
  options.max_json_depth = args.max_json_depth;
  options.stdin_format = args.stdin_format == "txt"     ? salvo::InputFormat::kText
                         : args.stdin_format == "jsonl" ? salvo::InputFormat::kJsonl
                         : args.stdin_format == "html"  ? salvo::InputFormat::kHtml
                                                        : salvo::InputFormat::kAuto;
  return options;
}

size_t for_each_article(const InputArgs& args, const std::function<void(salvo::Article&&)>& on_article) {
  return salvo::read_articles(args.paths.empty() ? std::vector<std::string>{"-"} : args.paths, read_options(args), on_article,
                              [](const salvo::InputProblem& problem) { print_problem("salvo", problem); });
}

void print_problem(std::string_view command, const InputProblem& problem, std::string_view line_start) {
  fmt::print(stderr, "{}{}: {}: {}\n", line_start, command, terminal_text(problem.where), terminal_text(problem.message));
}

size_t print_record_warnings(const nlohmann::ordered_json& record, std::string_view line_start) {
  const auto warnings = record.find("warnings");
  if (warnings == record.end() || warnings->empty()) return 0;
  return print_warnings(record["article"].value("source", ""), warnings->get<std::vector<std::string>>(), line_start);
}

size_t print_warnings(std::string_view source, const std::vector<std::string>& warnings, std::string_view line_start) {
  for (const std::string& warning : warnings) {
    fmt::print(stderr, "{}salvo: {}: warning: {}\n", line_start, terminal_text(source), terminal_text(warning));
  }
  return warnings.size();
}

bool Output::open(const std::string& path, const char* command) {
  if (path == "-") return true;
  file.open(path, std::ios::binary | std::ios::trunc);
  if (!file) {
    fmt::print(stderr, "salvo {}: cannot write {}: {}\n", command, path, std::strerror(errno));
    return false;
  }
  stream = &file;
  return true;
}


}  // namespace salvo::cli
