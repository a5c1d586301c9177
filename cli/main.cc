// salvo: the command-line front end. It parses arguments and wires library stages; nothing more.
//
// Exit status: 0 every input processed; 1 some input skipped (the rest still processed and
// printed); 2 usage error (bad option, unwritable output).
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "salvo/ingest/reader.h"
#include "salvo/pipeline/analyze.h"
#include "salvo/record/article_record.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitSkipped = 1;
constexpr int kExitUsage = 2;

struct ExtractArgs {
  std::vector<std::string> paths;
  std::string output = "-";
  std::string format = "jsonl";
  std::string stdin_format = "auto";
  size_t max_article_bytes = salvo::ReadOptions{}.max_article_bytes;
  bool sentences = false;
  bool text = false;
  bool quiet = false;
};

int run_extract(const ExtractArgs& args) {
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (args.output != "-") {
    file.open(args.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      fmt::print(stderr, "salvo extract: cannot write {}: {}\n", args.output, std::strerror(errno));
      return kExitUsage;
    }
    out = &file;
  }
  salvo::ReadOptions read_options;
  read_options.max_article_bytes = args.max_article_bytes;
  read_options.stdin_format = args.stdin_format == "txt"     ? salvo::InputFormat::kText
                              : args.stdin_format == "jsonl" ? salvo::InputFormat::kJsonl
                              : args.stdin_format == "html"  ? salvo::InputFormat::kHtml
                                                             : salvo::InputFormat::kAuto;
  salvo::RecordOptions record_options{args.sentences, args.text};
  const int indent = args.format == "pretty" ? 2 : -1;

  size_t articles = 0;
  const size_t problems = salvo::read_articles(
      args.paths.empty() ? std::vector<std::string>{"-"} : args.paths, read_options,
      [&](salvo::Article&& article) {
        const salvo::AnalyzedArticle analyzed = salvo::analyze_article(std::move(article));
        *out << salvo::article_record(analyzed, record_options)
                    .dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
             << '\n';
        if (!args.quiet) {
          for (const std::string& warning : analyzed.warnings) {
            fmt::print(stderr, "salvo: {}: warning: {}\n", analyzed.article.source, warning);
          }
        }
        ++articles;
      },
      [&](const salvo::InputProblem& problem) {
        fmt::print(stderr, "salvo: {}: {}\n", problem.where, problem.message);
      });
  out->flush();
  if (!*out) {
    fmt::print(stderr, "salvo extract: error writing {}\n", args.output == "-" ? "standard output" : args.output);
    return kExitUsage;
  }
  if (!args.quiet && isatty(STDERR_FILENO)) {
    fmt::print(stderr, "salvo extract: {} article(s) extracted, {} input(s) skipped\n", articles, problems);
  }
  return problems > 0 ? kExitSkipped : kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Salvo turns raw news reports of armed attacks into a clean, de-duplicated, geolocated event "
      "database.\n\nExit status: 0 all inputs processed, 1 some input skipped (the rest processed), 2 usage error.",
      "salvo"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "salvo 0.1.0");
  app.footer("Run 'salvo COMMAND --help' for the options and an example of each command.");

  ExtractArgs extract;
  CLI::App* extract_cmd = app.add_subcommand(
      "extract", "Read articles (.txt, .jsonl, .jsonl.gz, .html; files, folders or - for stdin) and print one "
                 "JSON record per article (spec/output.md).");
  extract_cmd->add_option("paths", extract.paths, "Files or folders (searched recursively); - reads stdin")
      ->type_name("PATH...");
  extract_cmd->add_option("-o,--output", extract.output, "Write records to FILE instead of stdout")->type_name("FILE");
  extract_cmd->add_option("--format", extract.format, "jsonl: one record per line; pretty: indented JSON")
      ->check(CLI::IsMember({"jsonl", "pretty"}))
      ->capture_default_str();
  extract_cmd->add_option("--stdin-format", extract.stdin_format, "Format of stdin: auto (sniffed), txt, jsonl, html")
      ->check(CLI::IsMember({"auto", "txt", "jsonl", "html"}))
      ->capture_default_str();
  extract_cmd
      ->add_option("--max-article-bytes", extract.max_article_bytes,
                   "Longer articles are cut to this many bytes, with a warning")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  extract_cmd->add_flag("--sentences", extract.sentences, "Add \"sentences\": each with raw byte offsets and text");
  extract_cmd->add_flag("--text", extract.text, "Add \"text\": the article's clean text");
  extract_cmd->add_flag("-q,--quiet", extract.quiet, "Do not print per-article warnings on stderr");
  extract_cmd->footer(
      "Examples:\n"
      "  salvo extract examples/seeds                     # one JSON line per article\n"
      "  salvo extract --format pretty --sentences a.txt  # readable, with sentence offsets\n"
      "  cat feed.jsonl | salvo extract - -o out.jsonl    # JSONL in, JSONL out");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  if (extract_cmd->parsed()) return run_extract(extract);
  return kExitUsage;
}
