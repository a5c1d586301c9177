#include "store_commands.h"

#include <fmt/format.h>

#include <algorithm>
#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "salvo/base/data_dir.h"
#include "salvo/base/terminal_text.h"
#include "salvo/ingest/line_stream.h"
#include "salvo/export/acled_format.h"
#include "salvo/export/event_fields.h"
#include "salvo/export/merged_formats.h"
#include "salvo/gazetteer/gazetteer.h"
#include "salvo/pipeline/parallel.h"
#include "salvo/pipeline/process.h"
#include "salvo/recognize/recognizer.h"
#include "salvo/serve/api.h"
#include "salvo/store/event_filter.h"
#include "salvo/store/tally_formats.h"
#include "salvo/store/sql/postgres_connection.h"
#include "salvo/store/store.h"
#include "salvo/store/writer_presence.h"

namespace salvo::cli {
namespace {

using Json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

// Opens the store; a command that only reads refuses to create an empty SQLite file, and one that
// must not write at all (check) opens it read-only.
std::optional<Store> open_store(const std::string& path, const char* command, bool create = false, bool read_only = false) {
  if (!create && !sql::is_postgres_uri(path) && !std::filesystem::exists(path)) {
    fmt::print(stderr, "salvo {}: {}: no store here; run 'salvo ingest --db {} PATH…' first\n", command, path, path);
    return std::nullopt;
  }
  auto store = read_only ? Store::open_read_only(path) : Store::open(path);
  if (!store) {
    fmt::print(stderr, "salvo {}: {}\n", command, store.error().message);
    return std::nullopt;
  }
  return std::move(store).value();
}

// Input files under `paths`, for the progress bar's ETA (stdin and JSONL lines count as one).
size_t count_input_files(const std::vector<std::string>& paths) {
  size_t n = 0;
  std::error_code ec;
  for (const std::string& p : paths) {
    if (std::filesystem::is_directory(p, ec)) {
      for (auto it = std::filesystem::recursive_directory_iterator(p, ec); !ec && it != std::filesystem::recursive_directory_iterator();
           it.increment(ec)) {
        n += it->is_regular_file(ec) ? 1 : 0;
      }
    } else {
      ++n;
    }
  }
  return n;
}

// Whether two sources are one input, however its path is spelt: a new text from the input of the
// stored one replaces it (an edited file, an updated feed); from another input it is another
// article that happens to have the same id.
bool same_input(std::string_view a, std::string_view b) {
  if (input_of(a) == input_of(b)) return true;
  std::error_code error;
  const auto canonical = [&](std::string_view source) { return std::filesystem::weakly_canonical(std::string(input_of(source)), error); };
  return canonical(a) == canonical(b);
}

// A progress line on a terminal: articles, rate, and an ETA from the input files done.
class Progress {
 public:
  Progress(bool enabled, size_t total_files) : enabled_(enabled), total_files_(total_files) {}

  void update(size_t articles, const std::string& source, const std::string& counts) {
    const std::string_view file = input_of(source);
    if (file != last_file_) ++files_done_, last_file_ = file;
    if (!enabled_) return;
    const auto now = Clock::now();
    if (now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double rate = seconds > 0 ? static_cast<double>(articles) / seconds : 0;
    std::string eta = "--:--";
    if (files_done_ > 0 && total_files_ >= files_done_) {
      const double left = seconds / static_cast<double>(files_done_) * static_cast<double>(total_files_ - files_done_);
      eta = fmt::format("{}:{:02}", static_cast<int>(left) / 60, static_cast<int>(left) % 60);
    }
    const size_t width = 24;
    const size_t filled = total_files_ ? std::min(width, width * files_done_ / total_files_) : 0;
    fmt::print(stderr, "\r[{}{}] {} article(s) {:.1f}/s ETA {}  {}\x1b[K", std::string(filled, '#'),
               std::string(width - filled, '.'), articles, rate, eta, counts);
  }

  void finish() const {
    if (enabled_) fmt::print(stderr, "\r\x1b[K");
  }

  double seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

 private:
  bool enabled_;
  size_t total_files_;
  size_t files_done_ = 0;
  std::string last_file_;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_draw_{};
};

std::string merge_line(const MergeSummary& m) {
  return fmt::format("{} mention(s) in {} block(s) re-merged into {} event(s), {} changed", m.mentions, m.countries,
                     m.events, m.changed);
}

// An article on its way into the store: the bytes as read (the store keeps them) and its record.
// The lines of the files (a folder: every file in it, as a Hadoop job's part-* files, but not
// its _SUCCESS or hidden files) and of stdin for "-", read as they come; .gz inflated.
void for_each_extracted_line(const std::vector<std::string>& paths, const ReadOptions& options,
                             const std::function<void(std::string where, std::string_view line)>& on_line,
                             const ProblemSink& on_problem) {
  const auto read = [&](const std::string& name, LineStream& lines) {
    while (const auto line = lines.next()) {
      if (line->too_long) on_problem(line_too_long_problem(name, line->number, line->length, options));
      else if (!line->text.empty()) on_line(fmt::format("{}:{}", name, line->number), line->text);
    }
    // A part cut short (a worker killed mid-write, a copy interrupted) keeps its whole lines.
    if (lines.damage()) on_problem(damaged_lines_problem(name, *lines.damage(), lines.number()));
  };
  for (const std::string& path : paths) {
    if (path == "-") {
      read("stdin", **LineStream::open(path, max_line_bytes(options)));
      continue;
    }
    std::vector<std::filesystem::path> files;
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
      for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && name[0] != '_' && name[0] != '.') files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
    } else {
      files.emplace_back(path);
    }
    for (const std::filesystem::path& file : files) {
      auto lines = LineStream::open(file.string(), max_line_bytes(options));
      if (!lines) {
        on_problem({file.string(), lines.error().message});
        continue;
      }
      read(file.string(), **lines);
    }
  }
}

int run_ingest(const StoreArgs& args) {
  // No path is not stdin: a bare `salvo ingest` would otherwise sit waiting on a terminal.
  if (args.input.paths.empty()) {
    fmt::print(stderr, "salvo ingest: name the inputs: files or folders, or - to read stdin (salvo ingest --help)\n");
    return kExitUsage;
  }
  // Extracted records need no extraction: the data files are loaded only to extract.
  std::optional<Recognizer> recognizer;
  if (!args.extracted) {
    recognizer = load_recognizer("ingest");
    if (!recognizer) return kExitData;
  }
  std::optional<Store> store = open_store(args.db, "ingest", /*create=*/true);
  if (!store) return kExitData;
  const WriterPresence presence = WriterPresence::hold(args.db);  // for `salvo check` (writer_presence.h)
  // The reader's own connection: it skips what is stored already before anything is extracted,
  // while the writer stores (WAL lets one connection read as another writes). Extracted records
  // are not looked up (nothing is extracted): no connection for them.
  std::optional<Store> lookup;
  if (!args.extracted) {
    lookup = open_store(args.db, "ingest");
    if (!lookup) return kExitData;
  }
  const bool terminal = isatty(STDERR_FILENO) && !args.quiet;
  Progress progress(terminal, terminal ? count_input_files(args.input.paths) : 0);
  std::map<PutOutcome, size_t> stored;                     // by the writer
  size_t warnings = 0;                                     // by the writer: of the records stored
  std::atomic<size_t> read_count{0}, unchanged{0}, twins{0};  // by the reader
  std::optional<Error> fatal;
  std::atomic<size_t> skipped{0};  // by the reader, and by the writer for extracted records
  const auto read = [&](const std::function<void(Article&&)>& extract) {
    skipped = for_each_article(args.input, [&](Article&& article) {
      ++read_count;
      // A look-up that fails (a store gone away) leaves the article to the writer, whose put()
      // classifies it again and reports the failure.
      Result<PutResult> known = lookup->classify(article);
      if (known && known->outcome == PutOutcome::kReplaced && !same_input(known->replaced_source, article.source)) {
        move_to_content_suffix(article, known->replaced_source);
        known = lookup->classify(article);
      }
      // Stored by an earlier run under its content suffix (its id being another input's): unchanged.
      const bool stored_beside = known && known->outcome == PutOutcome::kDuplicate && known->stored_as == id_with_content_suffix(article);
      if (known && (known->outcome == PutOutcome::kUnchanged || stored_beside)) {
        ++unchanged;
      } else if (known && known->outcome == PutOutcome::kDuplicate) {
        ++twins;
        if (!args.quiet) {
          fmt::print(stderr, "{}salvo ingest: {}: the same text is stored as {}; not stored twice\n", terminal ? "\r\x1b[K" : "",
                     terminal_text(article.source), terminal_text(known->stored_as));
        }
      } else {
        extract(std::move(article));
      }
    });
  };
  // The record is serialized here, on the extracting threads, not by the one writer.
  const std::function<ExtractedArticle(Article&&)> work = [&](Article&& article) {
    return extract_for_store(std::move(article), *recognizer, args.input.limits);
  };
  // Articles are committed in batches (one transaction per second or per --batch articles,
  // whichever comes first): a commit per article would cost more than the extraction.
  size_t in_batch = 0;
  Clock::time_point batch_start;
  const auto commit = [&] {
    if (in_batch == 0) return true;
    in_batch = 0;
    auto committed = store->commit_batch();
    if (!committed && !fatal) fatal = committed.error();
    return committed.ok();
  };
  const std::function<void(ExtractedArticle&&)> write = [&](ExtractedArticle&& item) {
    if (fatal) return;  // the store failed: the rest is read only to end the run
    if (in_batch == 0) {
      auto begun = store->begin_batch();
      if (!begun) {
        fatal = begun.error();
        return;
      }
      batch_start = Clock::now();
    }
    ++in_batch;
    // What extract prints of each article (a cut, a limit met, an id moved aside), ingest prints too.
    const Json& record = item.record.record;
    warnings += args.quiet ? record.value("warnings", Json::array()).size() : print_record_warnings(record, terminal ? "\r\x1b[K" : "");
    auto put = store->put(item.article, item.record);
    if (!put) {
      fatal = put.error();
      commit();  // what the batch holds before the failure stays stored
      return;
    }
    if (in_batch >= args.batch_articles || Clock::now() - batch_start > std::chrono::seconds(1)) commit();
    if (put->outcome == PutOutcome::kDuplicate) ++twins;  // a twin within this very run
    else ++stored[put->outcome];
    progress.update(read_count, item.article.source,
                    fmt::format("{} added, {} unchanged", stored[PutOutcome::kAdded] + stored[PutOutcome::kReplaced], unchanged.load()));
  };
  if (!args.extracted) {
    process_in_order<ExtractedArticle>(args.threads, read, work, write);
  } else {
    // Records of 'salvo extract --with-raw' (from any number of mappers): each line parsed on the
    // worker threads and stored as the extracting process made it; nothing is extracted here.
    struct Line {
      std::string where;
      std::string text;
    };
    struct ParsedLine {
      std::optional<ExtractedArticle> article;
      InputProblem problem;
    };
    const std::function<void(const std::function<void(Line&&)>&)> read_lines = [&](const std::function<void(Line&&)>& parse) {
      for_each_extracted_line(args.input.paths, read_options(args.input), [&](std::string where, std::string_view line) {
        ++read_count;
        parse(Line{std::move(where), std::string(line)});
      }, [&](const InputProblem& problem) {
        print_problem("salvo ingest", problem);
        ++skipped;
      });
    };
    const std::function<ParsedLine(Line&&)> parse = [](Line&& line) {
      const auto json = Json::parse(line.text, nullptr, /*allow_exceptions=*/false);
      auto extracted = json.is_discarded() ? Result<ExtractedArticle>(Error{"malformed JSON"}) : extracted_from_record(json);
      if (!extracted) return ParsedLine{std::nullopt, {line.where, extracted.error().message + ": line skipped"}};
      return ParsedLine{std::move(extracted).value(), {}};
    };
    const std::function<void(ParsedLine&&)> store_line = [&](ParsedLine&& parsed) {
      if (!parsed.article) {
        print_problem("salvo ingest", parsed.problem, terminal ? "\r\x1b[K" : "");
        ++skipped;
        return;
      }
      write(std::move(*parsed.article));
    };
    process_in_order<ParsedLine, Line>(args.threads, read_lines, parse, store_line);
  }
  commit();
  progress.finish();
  if (fatal) {
    fmt::print(stderr, "salvo ingest: {}\nsalvo ingest: stopped; what was stored before stays stored\n", fatal->message);
    return kExitData;
  }
  // Also finishes the merge of a run that was interrupted.
  const double stored_after = progress.seconds();
  auto merged = store->merge_pending();
  if (!merged) {
    // The articles are stored (their batches committed); only the events lag behind them, as
    // they were before this run. The next ingest on the store finishes the merge.
    fmt::print(stderr,
               "salvo ingest: {}\nsalvo ingest: stopped: {} article(s) stored, but their merge into events was not made; "
               "the events are as before this run, and the next 'salvo ingest' on {} finishes the merge\n",
               merged.error().message, stored[PutOutcome::kAdded] + stored[PutOutcome::kReplaced], store->location());
    return kExitData;
  }
  if (!args.quiet) {
    fmt::print(stderr, "salvo ingest: {} article(s) in {:.2f} s: {} added, {} replaced, {} unchanged, {} duplicate, {} warning(s), {} input(s) skipped; {} in {:.2f} s → {}\n",
               read_count.load(), progress.seconds(), stored[PutOutcome::kAdded], stored[PutOutcome::kReplaced], unchanged.load(),
               twins.load(), warnings, skipped.load(), merge_line(*merged), progress.seconds() - stored_after, store->location());
  }
  return skipped > 0 ? kExitSkipped : kExitOk;
}

int run_reprocess(const StoreArgs& args) {
  auto recognizer = load_recognizer("reprocess");
  if (!recognizer) return kExitData;
  std::optional<Store> store = open_store(args.db, "reprocess");
  if (!store) return kExitData;
  const WriterPresence presence = WriterPresence::hold(args.db);
  auto ids = store->article_ids();
  if (!ids) {
    fmt::print(stderr, "salvo reprocess: {}\n", ids.error().message);
    return kExitData;
  }
  size_t changed = 0;
  for (const std::string& id : *ids) {
    auto article = store->article(id);
    if (!article) {
      fmt::print(stderr, "salvo reprocess: {}\n", article.error().message);
      return kExitData;
    }
    const ExtractedArticle extracted = extract_for_store(std::move(article).value(), *recognizer);
    auto updated = store->update_record(extracted.article, extracted.record);
    if (!updated) {
      fmt::print(stderr, "salvo reprocess: {}\n", updated.error().message);
      return kExitData;
    }
    changed += *updated ? 1 : 0;
  }
  auto merged = store->merge_pending();
  if (!merged) {
    fmt::print(stderr, "salvo reprocess: {}\n", merged.error().message);
    return kExitData;
  }
  if (!args.quiet) {
    fmt::print(stderr, "salvo reprocess: {} article(s) re-extracted, {} changed; {}\n", ids->size(), changed, merge_line(*merged));
  }
  return kExitOk;
}

// Options are spelt with dashes: the field min_sources is --min-sources.
std::string option_name(const char* field) {
  std::string name = std::string("--") + field;
  std::replace(name.begin(), name.end(), '_', '-');
  return name;
}

// The gazetteer's countries, by which filters read country names; nullopt (and the error told) when
// the data cannot be loaded.
std::optional<Gazetteer> load_countries(const char* command) {
  auto gazetteer = Gazetteer::load(data_dir());
  if (!gazetteer) {
    fmt::print(stderr, "salvo {}: {}\n", command, gazetteer.error().message);
    return std::nullopt;
  }
  return std::move(gazetteer).value();
}

std::optional<EventFilter> event_filter(const StoreArgs& args, const Gazetteer& countries) {
  EventFilterText text;
  text.country = args.country;
  text.since = args.since;
  text.until = args.until;
  text.type = args.type;
  text.weapon = args.weapon;
  text.actor = args.actor;
  text.text = args.text;
  text.admin1 = args.admin1;
  text.place = args.place;
  text.role = args.role;
  text.min_sources = args.min_sources;
  text.located = args.located;
  text.bbox = args.bbox;
  text.min_confidence = args.min_confidence;
  text.limit = args.limit;
  text.sort = args.sort;
  auto filter = parse_event_filter(text, option_name, countries);
  if (!filter) {
    fmt::print(stderr, "salvo events: {}\n", filter.error().message);
    return std::nullopt;
  }
  return std::move(filter).value();
}

int run_events(const StoreArgs& args) {
  const std::optional<Gazetteer> gazetteer = load_countries("events");
  if (!gazetteer) return kExitData;
  std::optional<EventFilter> filter = event_filter(args, *gazetteer);
  if (!filter) return kExitUsage;
  std::optional<Store> store = open_store(args.db, "events");
  if (!store) return kExitData;
  auto events = store->events(*filter);
  if (!events) {
    fmt::print(stderr, "salvo events: {}\n", events.error().message);
    return kExitData;
  }
  const std::string format = !args.format.empty() ? args.format : (args.output == "-" && isatty(STDOUT_FILENO) ? "table" : "jsonl");
  std::optional<AcledTables> acled;
  if (format == "acled") {
    Result<AcledTables> loaded = AcledTables::load(data_dir());
    if (!loaded) {
      fmt::print(stderr, "salvo events: {}\n", loaded.error().message);
      return kExitData;
    }
    acled = std::move(loaded).value();
  }
  Output output;
  if (!output.open(args.output, "events")) return kExitUsage;
  std::ostream& out = *output.stream;
  if (format == "table") {
    out << merged_table(*events);
  } else if (format == "jsonl") {
    for (const Json& e : *events) out << exported_event(e).dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
  } else if (format == "geojson") {
    out << geojson(*events).dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
  } else if (format == "acled") {
    size_t undated = 0;
    out << acled_csv(*events, *acled, undated);
    // ACLED has no undated events: say how many were left out, so no count is silently short.
    if (undated > 0) {
      fmt::print(stderr, "salvo events: {} undated event(s) left out of the ACLED export (list them: --format jsonl | jq 'select(.date == null)')\n",
                 undated);
    }
  } else {  // csv
    out << event_csv_header();
    for (const Json& e : *events) out << event_csv_row(e);
  }
  out.flush();
  if (!out) {
    fmt::print(stderr, "salvo events: error writing {}\n", args.output == "-" ? "standard output" : args.output);
    return kExitUsage;
  }
  return kExitOk;
}

// The events `salvo show` names: each id whole or a unique prefix of one. An unknown id is exit 1,
// an ambiguous prefix exit 2 with the ids it could be (after every argument is looked at).
int run_show(const StoreArgs& args) {
  std::optional<Store> store = open_store(args.db, "show");
  if (!store) return kExitData;
  constexpr size_t kShownMatches = 10;
  std::vector<nlohmann::ordered_json> events;
  int status = kExitOk;
  for (const std::string& given : args.event_ids) {
    auto event = store->event(given);
    if (event && !*event) {
      auto ids = store->event_ids_starting(given, kShownMatches + 1);
      if (!ids) {
        fmt::print(stderr, "salvo show: {}\n", ids.error().message);
        return kExitData;
      }
      if (ids->size() > 1) {
        fmt::print(stderr, "salvo show: {} is the start of {} events; give more of the id:\n", terminal_text(given),
                   ids->size() > kShownMatches ? fmt::format("more than {}", kShownMatches) : std::to_string(ids->size()));
        for (size_t i = 0; i < ids->size() && i < kShownMatches; ++i) fmt::print(stderr, "  {}\n", (*ids)[i]);
        status = kExitUsage;
        continue;
      }
      if (ids->size() == 1) event = store->event(ids->front());
    }
    if (!event) {
      fmt::print(stderr, "salvo show: {}\n", event.error().message);
      return kExitData;
    }
    if (!*event) {
      fmt::print(stderr, "salvo show: no event {} in {} (list them with 'salvo events')\n", terminal_text(given), store->location());
      if (status == kExitOk) status = kExitSkipped;
      continue;
    }
    events.push_back(std::move(**event));
  }
  for (size_t i = 0; i < events.size(); ++i) {
    if (args.json) {
      std::cout << events[i].dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
    } else {
      std::cout << (i ? "\n" : "") << event_account(events[i]);
    }
  }
  return status;
}

int run_tallies(const StoreArgs& args) {
  const std::optional<Gazetteer> gazetteer = load_countries("tallies");
  if (!gazetteer) return kExitData;
  auto filter = parse_tally_filter({args.country, args.since, args.until}, option_name, *gazetteer);
  if (!filter) {
    fmt::print(stderr, "salvo tallies: {}\n", filter.error().message);
    return kExitUsage;
  }
  std::optional<Store> store = open_store(args.db, "tallies");
  if (!store) return kExitData;
  auto tallies = store->tallies(*filter);
  if (!tallies) {
    fmt::print(stderr, "salvo tallies: {}\n", tallies.error().message);
    return kExitData;
  }
  std::vector<HeldTally> held;
  Store::WindowCounts counted;
  for (StoredTally& t : *tallies) {
    auto h = store->held_for(t, counted);
    if (!h) {
      fmt::print(stderr, "salvo tallies: {}\n", h.error().message);
      return kExitData;
    }
    held.push_back({std::move(t), std::move(h).value()});
  }
  const std::string format = !args.format.empty() ? args.format : "table";
  if (format == "jsonl") {
    for (const HeldTally& t : held) std::cout << tally_json(t.stored, t.held).dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
  } else if (format == "csv") {
    std::cout << tally_csv_header();
    for (const HeldTally& t : held) std::cout << tally_csv_row(t.stored, t.held);
  } else {
    std::cout << tally_table(held);
  }
  std::cout.flush();
  if (!std::cout) {
    fmt::print(stderr, "salvo tallies: error writing standard output\n");
    return kExitUsage;
  }
  return kExitOk;
}

// The token of --token-file: its first line, without surrounding whitespace.
std::optional<std::string> read_token(const std::string& path) {
  std::ifstream in(path);
  std::string token;
  if (!in || !std::getline(in, token)) return std::nullopt;
  const size_t b = token.find_first_not_of(" \t\r"), e = token.find_last_not_of(" \t\r");
  if (b == std::string::npos) return std::nullopt;
  return token.substr(b, e - b + 1);
}

int run_serve(const StoreArgs& args) {
  ServeOptions options;
  options.limits = args.limits;
  options.allowed_hosts = args.allowed_hosts;
  if (!args.token_file.empty()) {
    options.token = read_token(args.token_file);
    if (!options.token || options.token->size() < 16) {
      fmt::print(stderr, "salvo serve: {}: no token of at least 16 characters on its first line\n", args.token_file);
      return kExitUsage;
    }
  }
  if (!args.web.empty()) {
    if (!std::filesystem::is_directory(args.web)) {
      fmt::print(stderr, "salvo serve: --web {}: no such folder (build the dashboard with 'make web')\n", args.web);
      return kExitUsage;
    }
    options.web_root = args.web;
  } else {
    // The built dashboard of the working folder, else of the source tree this salvo was built from.
    for (const std::filesystem::path& dist : {std::filesystem::path("web/dist"), std::filesystem::path(SALVO_SOURCE_DIR) / "web/dist"}) {
      if (std::filesystem::is_regular_file(dist / "index.html")) {
        options.web_root = dist;
        break;
      }
    }
  }
  auto recognizer = load_recognizer("serve");
  if (!recognizer) return kExitData;
  std::optional<Store> store = open_store(args.db, "serve");
  if (!store) return kExitData;
  Api api(*store, *recognizer, options);
  // Ctrl-C and `kill` end the server in order (connections closed, the store closed by its
  // destructor): the signals are blocked before the server's threads start, which inherit the
  // mask, and waited for here. A client that hangs up mid-reply is no signal either.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);
  auto server = api.serve(args.bind, args.port);
  if (!server) {
    fmt::print(stderr, "salvo serve: {}\n", server.error().message);
    return kExitUsage;
  }
  fmt::print(stderr, "salvo serve: {} on http://{}:{}/ ({}; {}); Ctrl-C stops\n", store->location(), args.bind, (*server)->port(),
             options.web_root.empty() ? "API only: no dashboard built (make web)" : "dashboard at /",
             options.token ? "POST /api/articles with the token" : "read-only");
  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  (*server)->stop();
  fmt::print(stderr, "salvo serve: stopped ({})\n", strsignal(signal_number));
  return kExitOk;
}

int run_check(const StoreArgs& args) {
  std::optional<Store> store = open_store(args.db, "check", /*create=*/false, /*read_only=*/true);
  if (!store) return kExitData;
  auto checks = store->check();
  if (!checks) {
    fmt::print(stderr, "salvo check: {}\n", checks.error().message);
    return kExitData;
  }
  size_t failed = 0;
  for (const StoreCheck& c : *checks) {
    fmt::print("{:<6} {}: {}\n", c.ok ? "ok" : "FAIL", c.name, terminal_text(c.detail));
    failed += c.ok ? 0 : 1;
  }
  if (failed > 0) fmt::print(stderr, "salvo check: {}: {} check(s) failed\n", store->location(), failed);
  return failed > 0 ? kExitSkipped : kExitOk;
}

}  // namespace

void add_store_commands(CLI::App& app, StoreArgs& args) {
  // Only ingest makes a new store: every other command refuses a path where there is none
  // (open_store), and says so here.
  const auto add_db = [&](CLI::App* command, bool creates) {
    command
        ->add_option("--db", args.db,
                     std::string("The store: an SQLite file") + (creates ? " (created if missing)" : " (made by 'salvo ingest')") +
                         ", or a PostgreSQL database as "
                         "postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME (libpq's URI; PG* variables and ~/.pgpass apply) "
                         "that several hosts may write at once")
        ->type_name("PATH|URI")
        ->capture_default_str();
  };

  args.ingest = app.add_subcommand(
      "ingest", "Extract articles and store them with their events; merge each incident's reports into one event. "
                "Idempotent: articles already stored (same bytes) are skipped; a changed text replaces its events.");
  add_input_options(args.ingest, args.input);
  add_db(args.ingest, /*creates=*/true);
  add_threads_option(args.ingest, args.threads);
  args.ingest->add_flag("-q,--quiet", args.quiet, "No progress, no summary; problems only");
  args.ingest
      ->add_option("--batch", args.batch_articles,
                   "Articles per transaction (also one a second at least). Concurrent ingests take turns batch by batch: "
                   "smaller batches let many hosts share a PostgreSQL store more evenly, larger ones commit less often")
      ->check(CLI::Range(size_t{1}, size_t{1000000}))
      ->capture_default_str();
  args.ingest->add_flag("--extracted", args.extracted,
                        "The inputs are records of 'salvo extract --with-raw' (JSONL files, .gz, folders of part files, "
                        "- for stdin): stored as they are, nothing extracted again");
  args.ingest->footer(
      "Examples:\n"
      "  salvo ingest examples/seeds                # into ./salvo.db\n"
      "  salvo ingest --db news.db feeds/*.jsonl.gz  # again later: only new articles are extracted\n"
      "  salvo ingest --db postgresql://salvo@db.example.org/salvo feeds/  # on many hosts at once, one shared store\n"
      "Safe to kill at any moment: the store keeps every committed batch, and the next run stores the rest and merges.\n"
      "Exit status: 0 all stored; 1 some input skipped (each is named, with why); 2 usage (no input named, a bad\n"
      "  option); 3 the data files or the store cannot be used (nothing more is stored).");

  args.reprocess = app.add_subcommand(
      "reprocess", "Re-extract every stored article with today's lexicons and rules, and re-merge what changed.");
  args.reprocess->footer("Exit status: 0 done; 3 no store at --db, it cannot be written, or the data files are bad.");
  add_db(args.reprocess, /*creates=*/false);
  args.reprocess->add_flag("-q,--quiet", args.quiet, "No summary");

  args.events = app.add_subcommand("events", "List merged events, filtered, as a table, JSONL, CSV, GeoJSON (the fields of "
                                             "docs/fields.md) or ACLED's columns.");
  add_db(args.events, /*creates=*/false);
  args.events->add_option("--text", args.text,
                          "Words all of which an evidence sentence or a source's title holds (stemmed: 'rockets' finds "
                          "'rocket')")->type_name("WORDS");
  args.events->add_option("--country", args.country, "Countries by ISO code or name, comma-separated: IQ,SY or iraq,Syria")
      ->type_name("CC[,CC…]");
  args.events->add_option("--since", args.since, "From this day (YYYY-MM-DD)")->type_name("DATE");
  args.events->add_option("--until", args.until, "Up to this day (YYYY-MM-DD)")->type_name("DATE");
  args.events->add_option("--type", args.type, "attack, interception, strike; several comma-separated")->type_name("TYPE[,TYPE…]");
  args.events->add_option("--weapon", args.weapon,
                          "rocket, drone, missile, mortar, ied, small_arms, aircraft, unknown; several comma-separated (any of them)")
      ->type_name("W[,W…]");
  args.events->add_option("--actor", args.actor, "Part of the actor's name (case-insensitive)")->type_name("TEXT");
  args.events->add_option("--admin1", args.admin1, "A first-level division by name, case-insensitive: Anbar, 'Deir ez-Zor'")
      ->type_name("NAME");
  args.events->add_option("--place", args.place, "A place id, as events give it: installation:ain-al-asad")->type_name("ID");
  args.events->add_option("--role", args.role,
                          "main (the incidents articles report) or background (those they recall); both by default")
      ->type_name("ROLE");
  args.events->add_option("--min-sources", args.min_sources, "Only events told by at least N sources")->type_name("N");
  args.events->add_option("--located", args.located, "true: only events with coordinates; false: only those without")
      ->type_name("BOOL");
  args.events->add_option("--bbox", args.bbox, "WEST,SOUTH,EAST,NORTH in degrees")->type_name("W,S,E,N");
  args.events->add_option("--min-confidence", args.min_confidence, "Only events at least this confident (0-1)")->type_name("P");
  args.events->add_option("--limit", args.limit, "At most N events (1-10000), the first by --sort")->type_name("N");
  args.events->add_option("--sort", args.sort, "date (oldest first, the default) or -date (newest first)")->type_name("ORDER");
  args.events->add_option("--format", args.format,
                          "table (default on a terminal), jsonl (default otherwise), csv, geojson: Salvo's fields, named and "
                          "encoded as docs/fields.md says; acled: ACLED's 31 columns (dated events only)")
      ->check(CLI::IsMember({"table", "csv", "jsonl", "geojson", "acled"}));
  args.events->add_option("-o,--output", args.output, "Write to FILE instead of stdout")->type_name("FILE");
  args.events->footer(
      "Examples:\n"
      "  salvo events --country SY --since 2023-10-17 --weapon drone\n"
      "  salvo events --text 'rockets Ain al-Asad' --role main          # words in the evidence or a title\n"
      "  salvo events --country iraq,syria --type attack,interception --min-sources 2 --sort -date --limit 10\n"
      "  salvo events --located false --format jsonl | jq .location     # placed at a country or region only\n"
      "  salvo events --format csv -o events.csv       # one column per field of docs/fields.md\n"
      "  salvo events --format acled -o acled.csv      # ACLED's codebook columns: ACLED users' scripts read it\n"
      "  salvo events --format geojson -o events.geojson  # open in QGIS or kepler.gl\n"
      "  salvo events --bbox 38,32,42,37 --format jsonl | jq .id\n"
      "Exit status: 0 listed (perhaps none), 2 a filter is malformed (the message names it) or the output cannot be\n"
      "  written, 3 no store at --db, or it cannot be read, or the data files (ACLED tables) are bad.");

  args.show = app.add_subcommand("show", "Merged events: each one's fields, every source with its evidence sentences, and "
                                         "the values the sources disagree on.");
  add_db(args.show, /*creates=*/false);
  args.show->add_option("event", args.event_ids, "Event ids (ev_…) as 'salvo events' lists them, or unique starts of them")
      ->required();
  args.show->add_flag("--json", args.json, "Each event as JSON (spec/output.md merged form, sources with their articles)");
  args.show->footer(
      "Examples:\n"
      "  salvo show ev_eebfae6ff4545343\n"
      "  salvo show ev_eeb ev_967c --json      # unique starts of ids\n"
      "Exit status: 0 shown, 1 an id matches no event, 2 a start matches several (they are listed), 3 no store at\n"
      "  --db, or it cannot be read.");

  args.tallies = app.add_subcommand("tallies", "Official running tallies the articles report (\"74 attacks since 17 "
                                               "October\", \"45 injured\"), beside what Salvo holds for the same window and country.");
  add_db(args.tallies, /*creates=*/false);
  args.tallies->add_option("--format", args.format, "table (default), jsonl or csv")->check(CLI::IsMember({"table", "jsonl", "csv"}));
  args.tallies->add_option("--country", args.country, "Tallies of these countries (by code or name, comma-separated); totals are not")
      ->type_name("CC[,CC…]");
  args.tallies->add_option("--since", args.since, "Tallies of this day or later (as_of, else the report's publication)")
      ->type_name("DATE");
  args.tallies->add_option("--until", args.until, "Tallies of this day or earlier")->type_name("DATE");
  args.tallies->footer(
      "What \"salvo holds\" counts, in the tally's window (its since, a month from its 1st, to its as_of, else the report's\n"
      "publication day) and country (all for a total):\n"
      "  attacks  merged events of type attack or interception, each counted by its count (\"three drones\" is 3)\n"
      "  killed   the sum of those events' killed;  injured: the sum of their injured (unknown counts 0)\n"
      "Undated events are not counted; background events (past attacks an article recalls) are. A tally without a\n"
      "since has no known window: no number, and salvo_note says why.\n"
      "Examples:\n"
      "  salvo tallies --country IQ --since 2023-11-01\n"
      "  salvo tallies --format csv > tallies.csv      # RFC 4180, formula-like text neutralised\n"
      "  salvo tallies --format jsonl | jq 'select(.salvo_holds != null) | [.tally.count, .salvo_holds]'\n"
      "Exit status: 0 listed (perhaps none), 2 a filter is malformed, 3 no store at --db, or it cannot be read.");
  args.serve = app.add_subcommand("serve", "Serve the store over HTTP: a JSON API and the dashboard (web/).");
  add_db(args.serve, /*creates=*/false);
  args.serve->add_option("--port", args.port, "TCP port (default 8080; 0: a free one, printed when listening)")
      ->check(CLI::Range(0, 65535));
  args.serve->add_option("--bind", args.bind, "Address to listen on (default 127.0.0.1: this machine only)")->type_name("ADDR");
  args.serve->add_option("--allow-host", args.allowed_hosts,
                         "Also answer requests for this host name (IP addresses and localhost always are; '*' any): other names "
                         "are refused with 403, against DNS rebinding")
      ->type_name("NAME");
  args.serve->add_option("--token-file", args.token_file,
                         "File whose first line is the bearer token that POST /api/articles needs; without it the API is read-only")
      ->check(CLI::ExistingFile)->type_name("FILE");
  args.serve->add_option("--timeout", args.limits.idle_timeout_seconds,
                         "Seconds a connection may stay silent (a request half sent, a reply not read, an idle keep-alive) "
                         "before it is closed")
      ->check(CLI::Range(1, 3600))->capture_default_str();
  args.serve->add_option("--max-body-bytes", args.limits.max_body_bytes,
                         "Larger request bodies (POST /api/articles) are refused with 413, before they are read")
      ->check(CLI::PositiveNumber)->capture_default_str();
  args.serve->add_option("--max-connections", args.limits.max_connections,
                         "Connections open at once; more wait in the kernel's queue")
      ->check(CLI::Range(1u, 100000u))->capture_default_str();
  args.serve->add_option("--web", args.web, "Folder of the built dashboard (default: web/dist here, else in the source tree)")->type_name("DIR");
  args.serve->footer(
      "API (JSON; errors are {\"error\": \"...\"} with the HTTP status):\n"
      "  GET  /api/events?country=SY&since=2023-10-17&weapon=drone&limit=100   (then &cursor=<next_cursor>)\n"
      "       filters: q (words) country type weapon (several comma-separated: type=attack,strike) since until actor\n"
      "       admin1 place role=main|background min_sources located=true|false bbox min_confidence; sort=date|-date\n"
      "  GET  /api/events.geojson?...    GET /api/events/{id}    GET /api/tallies?country=IQ&since=2023-11-01&until=...\n"
      "  GET  /api/articles/{id}         GET /api/stats?...\n"
      "  POST /api/articles              a JSON article or JSONL batch; needs 'Authorization: Bearer <token>'\n"
      "Example:\n"
      "  salvo serve --db salvo.db --port 8080 &   curl -s 'localhost:8080/api/events?country=IQ&limit=5' | jq .\n"
      + fmt::format("Limits: request line and headers {} KB and {} fields (431), body --max-body-bytes (413), silence --timeout;\n",
                    salvo::HttpLimits{}.max_head_bytes >> 10, salvo::HttpLimits{}.max_header_fields) +
      "  a slow or stalled client holds a connection, not a thread: others are answered meanwhile.\n"
      "Exit status: 0 stopped by Ctrl-C or SIGTERM; 2 usage (bad port, address in use, bad token file);\n"
      "  3 store or data files unusable.");

  args.check = app.add_subcommand("check", "Verify a store: SQLite integrity, foreign keys, records, merged events, ids, pending merges.");
  add_db(args.check, /*creates=*/false);
  args.check->footer("Exit status: 0 every check passed; 1 a check failed (each says what it found); 3 no store at --db, or it\n"
                     "  cannot be opened (check opens it read-only: it never creates or changes one).");
}

std::optional<int> run_store_command(const StoreArgs& args) {
  if (args.ingest->parsed()) return run_ingest(args);
  if (args.reprocess->parsed()) return run_reprocess(args);
  if (args.events->parsed()) return run_events(args);
  if (args.show->parsed()) return run_show(args);
  if (args.tallies->parsed()) return run_tallies(args);
  if (args.serve->parsed()) return run_serve(args);
  if (args.check->parsed()) return run_check(args);
  return std::nullopt;
}

}  // namespace salvo::cli
