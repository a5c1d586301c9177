// salvo: the command-line front end. It parses arguments and wires library stages; nothing more.
//
// Exit status: 0 every input processed; 1 some input skipped (the rest still processed and
// printed); 2 usage error (bad option, unwritable output).
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <functional>
#include <fstream>
#include <iostream>

#include "salvo/base/data_dir.h"
#include "salvo/evaluate/dedup.h"
#include "salvo/evaluate/gold_set.h"
#include "salvo/evaluate/report.h"
#include "salvo/evaluate/scorer.h"
#include "salvo/ingest/reader.h"
#include "salvo/pipeline/analyze.h"
#include "salvo/pipeline/parallel.h"
#include "salvo/pipeline/process.h"
#include "salvo/recognize/recognizer.h"
#include "salvo/record/annotation.h"
#include "salvo/record/article_record.h"
#include "salvo/record/event_table.h"
#include "salvo/store/store.h"

#include "cli_common.h"
#include "store_commands.h"

namespace {

using namespace salvo::cli;

struct ExtractArgs {
  InputArgs input;
  std::string output = "-";
  std::string format = "jsonl";
  bool sentences = false;
  bool text = false;
  bool quiet = false;
  bool with_raw = false;
  double min_confidence = 0.0;
  size_t threads = 1;
};

// An article's record as `salvo extract` prints it: text for JSON lines, a tree for the others.
struct ExtractedRecord {
  salvo::RecordText text;
  nlohmann::ordered_json tree;
};

int run_extract(const ExtractArgs& args) {
  auto recognizer = load_recognizer("extract");
  if (!recognizer) return kExitData;
  Output output;
  if (!output.open(args.output, "extract")) return kExitUsage;
  std::ostream* out = output.stream;
  salvo::RecordOptions record_options{args.sentences, args.text, args.min_confidence};
  const int indent = args.format == "pretty" ? 2 : -1;
  const bool table = args.format == "table";
  if (table) *out << salvo::event_table_header();

  size_t articles = 0;
  size_t problems = 0;
  const auto read = [&](const std::function<void(salvo::Article&&)>& extract) { problems = for_each_article(args.input, extract); };
  // JSON lines are written straight to text; pretty and table read the record as a tree.
  const bool as_text = args.format == "jsonl";
  const std::function<ExtractedRecord(salvo::Article&&)> work = [&](salvo::Article&& article) {
    ExtractedRecord out;
    nlohmann::ordered_json raw;
    if (args.with_raw) raw = salvo::raw_member(article);
    if (as_text) {
      out.text = salvo::process_article_text(std::move(article), *recognizer, record_options, args.input.limits);
      if (args.with_raw) {  // the last member, as record["raw"] = raw puts it
        out.text.json.pop_back();
        out.text.json += ",\"raw\":";
        out.text.json += raw.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
        out.text.json += '}';
      }
    } else {
      out.tree = salvo::process_article(std::move(article), *recognizer, record_options, args.input.limits);
      if (args.with_raw) out.tree["raw"] = std::move(raw);
    }
    return out;
  };
  const bool streaming = args.input.paths == std::vector<std::string>{"-"} && args.input.stdin_format == "jsonl";
  const std::function<void(ExtractedRecord&&)> print = [&](ExtractedRecord&& record) {
    if (as_text) {
      record.text.json += '\n';
      *out << record.text.json;
    } else if (table) {
      *out << salvo::event_table_rows(record.tree);
    } else {
      *out << record.tree.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    }
    // A stream in, a stream out: each record leaves as soon as it is made, for the process
    // reading it (a Hadoop Streaming or Spark pipe mapper's consumer).
    if (streaming) out->flush();
    if (!args.quiet) {
      if (as_text) print_warnings(record.text.source, record.text.warnings);
      else print_record_warnings(record.tree);
    }
    ++articles;
  };
  salvo::process_in_order<ExtractedRecord>(args.threads, read, work, print);
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

struct AnnotateArgs {
  InputArgs input;
  std::string output = "-";
  std::string format = "text";
};

int run_annotate(const AnnotateArgs& args) {
  auto recognizer = load_recognizer("annotate");
  if (!recognizer) return kExitData;
  Output output;
  if (!output.open(args.output, "annotate")) return kExitUsage;
  const size_t problems = for_each_article(args.input, [&](salvo::Article&& article) {
    const salvo::AnalyzedArticle analyzed = salvo::analyze_article(std::move(article), args.input.limits);
    const salvo::ArticleMentions mentions = recognizer->recognize(analyzed);
    if (args.format == "jsonl") {
      *output.stream << salvo::annotation_record(analyzed, mentions, *recognizer)
                            .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                     << '\n';
    } else {
      *output.stream << salvo::annotation_text(analyzed, mentions, *recognizer) << '\n';
    }
  });
  output.stream->flush();
  return problems > 0 ? kExitSkipped : kExitOk;
}

struct EvalArgs {
  std::string gold;
  std::string articles;  // empty: the gold folder's set under shared/ (gold/dev → dev)
  bool json = false;
  bool verbose = false;
  double min_confidence = 0;
  bool given_published = false;
};

int run_eval(const EvalArgs& args) {
  auto recognizer = load_recognizer("eval");
  if (!recognizer) return kExitData;
  salvo::GoldSetOptions options;
  options.gold_dir = args.gold;
  options.articles_dir = args.articles;
  options.min_confidence = args.min_confidence;
  options.given_published = args.given_published;
  auto run = salvo::run_gold_set(options, *recognizer);
  if (!run) {
    fmt::print(stderr, "salvo eval: {}\n", run.error().message);
    return kExitData;
  }
  for (const std::string& skipped : run->skipped) fmt::print(stderr, "salvo eval: skipped {}\n", skipped);
  if (!run->given_published.empty()) {
    fmt::print(stderr, "salvo eval: {} article(s) given the gold's publication date: {}\n", run->given_published.size(),
               fmt::join(run->given_published, ", "));
  }
  const salvo::EvalReport report = salvo::score(run->articles);
  const salvo::GoldSetMerge merge = salvo::merge_gold_set(*run);
  const salvo::DedupScore dedup = salvo::score_dedup(run->articles, report, merge.ids, merge.by_record);
  salvo::ReportOptions report_options{args.verbose, run->skipped};
  if (args.json) {
    nlohmann::ordered_json json = salvo::report_json(report, report_options);
    json["dedup"] = salvo::dedup_json(dedup);
    std::cout << json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  } else {
    std::cout << salvo::report_text(report, report_options) << salvo::dedup_text(dedup);
  }
  std::cout.flush();
  return run->skipped.empty() ? kExitOk : kExitSkipped;
}

}  // namespace

int main(int argc, char** argv) {
  // Reading stdin must not flush stdout: with -j N the reader thread would flush it while the
  // writer thread writes (a data race), and each record is flushed where that is wanted (the
  // streaming mapper) rather than on every read.
  std::cin.tie(nullptr);
  CLI::App app{
      "Salvo turns raw news reports of armed attacks into a clean, de-duplicated, geolocated event "
      "database.\n\nExit status: 0 all inputs processed, 1 some input skipped (the rest processed), 2 usage error,\n"
      "3 Salvo's data files missing or invalid.",
      "salvo"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "salvo 0.1.0");
  app.footer("Run 'salvo COMMAND --help' for the options and an example of each command.");

  ExtractArgs extract;
  CLI::App* extract_cmd = app.add_subcommand(
      "extract", "Read articles (.txt, .jsonl, .jsonl.gz, .html; files, folders or - for stdin) and print one "
                 "JSON record per article (spec/output.md).");
  add_input_options(extract_cmd, extract.input);
  add_threads_option(extract_cmd, extract.threads);
  extract_cmd->add_option("-o,--output", extract.output, "Write records to FILE instead of stdout")->type_name("FILE");
  extract_cmd->add_option("--format", extract.format,
                          "jsonl: one record per line; pretty: indented JSON; table: one line per event and tally "
                          "(* = background, ×N = N incidents)")
      ->check(CLI::IsMember({"jsonl", "pretty", "table"}))
      ->capture_default_str();
  extract_cmd->add_flag("--sentences", extract.sentences, "Add \"sentences\": each with raw byte offsets and text");
  extract_cmd->add_flag("--text", extract.text, "Add \"text\": the article's clean text");
  extract_cmd->add_flag("-q,--quiet", extract.quiet, "Do not print per-article warnings on stderr");
  extract_cmd->add_flag("--with-raw", extract.with_raw,
                        "Add \"raw\": the article's bytes (base64), so that 'salvo ingest --extracted' can store the "
                        "record without reading the article again");
  extract_cmd->add_option("--min-confidence", extract.min_confidence, "Leave out events whose confidence is below X")
      ->check(CLI::Range(0.0, 1.0))
      ->type_name("X")
      ->capture_default_str();
  extract_cmd->footer(
      "Examples:\n"
      "  salvo extract examples/seeds                     # one JSON line per article\n"
      "  salvo extract --format pretty --sentences a.txt  # readable, with sentence offsets\n"
      "  salvo extract --format table examples/seeds      # one line per event\n"
      "  cat feed.jsonl | salvo extract - -o out.jsonl    # JSONL in, JSONL out\n"
      "  salvo extract --stdin-format jsonl --with-raw -   # a streaming mapper: a record out per line in, as it comes");

  AnnotateArgs annotate;
  CLI::App* annotate_cmd = app.add_subcommand(
      "annotate", "Show what the recognizers find in each article: places, actors, targets, weapons, numbers "
                  "and times, with offsets and normalised values (a debugging view).");
  add_input_options(annotate_cmd, annotate.input);
  annotate_cmd->add_option("-o,--output", annotate.output, "Write to FILE instead of stdout")->type_name("FILE");
  annotate_cmd->add_option("--format", annotate.format, "text: readable, sentence by sentence; jsonl: one object per article")
      ->check(CLI::IsMember({"text", "jsonl"}))
      ->capture_default_str();
  annotate_cmd->footer(
      "Examples:\n"
      "  salvo annotate examples/seeds/001_02c4609296c7c39b.txt\n"
      "  salvo annotate --format jsonl examples/seeds | jq '.mentions[] | select(.kind==\"place\")'\n"
      "Data files are read from $SALVO_DATA_DIR, else the data/ folder Salvo was built with.");

  EvalArgs eval;
  CLI::App* eval_cmd = app.add_subcommand(
      "eval", "Run extraction on the articles a gold set names and score it (shared/spec/scoring.md): event "
              "precision, recall, F1 (also per slice: the article id's prefix, h1_… h5_ in dev), false events on "
              "distractors (gold without events), per-field accuracy, tallies, confidence calibration, and per "
              "article the misses and false alarms.");
  eval_cmd->add_option("--gold", eval.gold, "Folder of gold files (shared/gold/<set>/*.json)")
      ->type_name("DIR")
      ->required();
  eval_cmd->add_option("--articles", eval.articles, "Folder of the articles the gold files name [default: <gold>/../../<set>]")
      ->type_name("DIR");
  eval_cmd->add_flag("--given-published", eval.given_published,
                     "Articles with no publication date of their own (no date header, no JSONL or page metadata) get the gold "
                     "file's \"published\", as a feed's metadata would give it");
  eval_cmd->add_flag("--json", eval.json, "Print one JSON document (pairs and per-field verdicts included)");
  eval_cmd->add_flag("-v,--verbose", eval.verbose, "Also list each pair with the fields it got wrong; evidence uncut");
  eval_cmd->add_option("--min-confidence", eval.min_confidence,
                       "Score only predicted events with at least this confidence (the report's calibration "
                       "section shows P/R/F1 at each threshold 0.0-0.9)")
      ->check(CLI::Range(0.0, 1.0))
      ->type_name("X")
      ->capture_default_str();
  eval_cmd->footer(
      "Examples:\n"
      "  salvo eval --gold ../shared/gold/seeds                 # articles from ../shared/seeds\n"
      "  salvo eval --gold ../shared/gold/dev --verbose         # which fields each pair got wrong\n"
      "  salvo eval --gold g/ --articles a/ --json | jq .events  # for scripts\n"
      "Exit status: 0 every gold article scored; 1 some skipped (missing article, bad gold file);\n"
      "2 usage error; 3 data files or the gold folder unusable.");

  salvo::cli::StoreArgs store;
  salvo::cli::add_store_commands(app, store);

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
  if (annotate_cmd->parsed()) return run_annotate(annotate);
  if (eval_cmd->parsed()) return run_eval(eval);
  if (const std::optional<int> status = salvo::cli::run_store_command(store)) return *status;
  return kExitUsage;
}
