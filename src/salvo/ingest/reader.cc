#include "salvo/ingest/reader.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "salvo/base/result.h"
#include "salvo/base/sha256.h"
#include "salvo/base/utf8.h"
#include "salvo/ingest/id_registry.h"
#include "salvo/ingest/line_stream.h"

namespace salvo {

const char* to_string(PublishedFrom from) {
  switch (from) {
    case PublishedFrom::kHeader: return "header";
    case PublishedFrom::kMetadata: return "metadata";
    case PublishedFrom::kText: return "text";
    case PublishedFrom::kNone: return "none";
  }
  return "none";
}

namespace {

namespace fs = std::filesystem;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

InputFormat format_from_name(std::string_view name) {
  const std::string n = lower(name);
  if (ends_with(n, ".jsonl") || ends_with(n, ".jsonl.gz") || ends_with(n, ".ndjson")) return InputFormat::kJsonl;
  if (ends_with(n, ".html") || ends_with(n, ".htm") || ends_with(n, ".html.gz") || ends_with(n, ".htm.gz")) {
    return InputFormat::kHtml;
  }
  if (ends_with(n, ".txt") || ends_with(n, ".txt.gz")) return InputFormat::kText;
  return InputFormat::kAuto;
}

// A name's bytes as an id every consumer can carry (JSON, URLs, SQL text): a byte that is not part
// of a UTF-8 character is written %XX. Two such names stay two ids; a JSON writer would have
// made both U+FFFD, and one article then replaced the other in the store.
std::string utf8_id(std::string_view name) {
  return with_invalid_bytes_replaced(name, [](unsigned char byte) { return fmt::format("%{:02X}", byte); });
}

// The id of a file-based article: its file name without the extension(s) we know.
std::string stem_of(std::string_view path) {
  std::string name = fs::path(std::string(path)).filename().string();
  for (std::string_view ext : {".gz", ".jsonl", ".ndjson", ".html", ".htm", ".txt"}) {
    if (ends_with(lower(name), ext)) name.resize(name.size() - ext.size());
  }
  return utf8_id(name.empty() ? path : name);
}

// The id of a file found under a named folder: its stem when directly inside, else its path from
// the folder, so that "2023/report.txt" and "2024/report.txt" stay two articles.
std::string id_under(const fs::path& folder, const fs::path& file) {
  const fs::path parent = file.lexically_relative(folder).parent_path();
  if (parent.empty()) return stem_of(file.string());
  return utf8_id(parent.generic_string()) + "/" + stem_of(file.string());
}

// Whether bytes look like a binary file rather than text: NUL bytes or many control characters
// in the first 8 KiB. Text in any language passes; images, archives and executables do not.
bool looks_binary(std::string_view bytes) {
  const size_t n = std::min<size_t>(bytes.size(), 8192);
  size_t control = 0;
  for (size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return n > 0 && control * 10 > n;  // more than 10% control characters
}

// Cuts `raw` to the limit at a UTF-8 character boundary, recording a warning.
void enforce_size_limit(Article& article, const ReadOptions& options) {
  if (article.raw.size() <= options.max_article_bytes) return;
  size_t cut = options.max_article_bytes;
  while (cut > 0 && (static_cast<unsigned char>(article.raw[cut]) & 0xC0) == 0x80) --cut;
  article.warnings.push_back(fmt::format(
      "article is {} bytes, over --max-article-bytes {}: only the first {} bytes were processed",
      article.raw.size(), options.max_article_bytes, cut));
  article.raw.resize(cut);
}

bool check_content(std::string_view name, std::string_view bytes, const ProblemSink& on_problem) {
  if (std::all_of(bytes.begin(), bytes.end(), [](unsigned char c) { return std::isspace(c); })) {
    on_problem({std::string(name), "empty file: nothing to extract"});
    return false;
  }
  if (looks_binary(bytes)) {
    on_problem({std::string(name), "binary file (NUL or control bytes): not a news article, skipped"});
    return false;
  }
  return true;
}

InputFormat sniff_format(std::string_view bytes) {
  size_t i = 0;
  while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
  if (i < bytes.size() && bytes[i] == '{') return InputFormat::kJsonl;
  if (i < bytes.size() && bytes[i] == '<') {
    const std::string head = lower(bytes.substr(i, 512));
    if (head.find("<!doctype html") != std::string::npos || head.find("<html") != std::string::npos) {
      return InputFormat::kHtml;
    }
  }
  return InputFormat::kText;
}

// The article files under `dir`, depth first, unsorted. A folder that cannot be read, and a
// symbolic link to a folder (not followed: it may loop, or lead out of the input), are reported
// as skipped, never passed over in silence; returns how many were.
size_t collect_files_under(const fs::path& dir, std::vector<fs::path>& out, const ProblemSink& on_problem) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    on_problem({dir.string(), fmt::format("cannot read the folder ({}): skipped", ec.message())});
    return 1;
  }
  size_t problems = 0;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    if (entry.is_directory(ec)) {
      if (entry.is_symlink(ec)) {
        on_problem({entry.path().string(), "a symbolic link to a folder: not followed, skipped"});
        ++problems;
      } else {
        problems += collect_files_under(entry.path(), out, on_problem);
      }
    } else if (entry.is_regular_file(ec) && format_from_name(entry.path().string()) != InputFormat::kAuto) {
      out.push_back(entry.path());
    }
  }
  if (ec) {
    on_problem({dir.string(), fmt::format("reading the folder failed ({}): the rest of it skipped", ec.message())});
    ++problems;
  }
  return problems;
}

size_t collect_files(const fs::path& dir, std::vector<fs::path>& out, const ProblemSink& on_problem) {
  const size_t problems = collect_files_under(dir, out, on_problem);
  // Directory order is arbitrary; sort so output and ids come in the same order on every machine.
  std::sort(out.begin(), out.end());
  return problems;
}

std::optional<std::string> string_field(simdjson::dom::object& object, std::string_view key) {
  simdjson::dom::element element;
  if (object[key].get(element) != simdjson::SUCCESS || element.is_null()) return std::nullopt;
  std::string_view value;
  if (element.get_string().get(value) == simdjson::SUCCESS) return std::string(value);
  int64_t number = 0;
  if (element.get_int64().get(number) == simdjson::SUCCESS) return std::to_string(number);
  return std::nullopt;
}

}  // namespace

std::optional<Date> parse_text_header(std::string_view bytes, size_t& body_offset) {
  size_t i = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // UTF-8 byte-order mark
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t')) ++i;
  if (bytes.substr(i, 4) != "date" || i + 4 >= bytes.size() || (bytes[i + 4] != ' ' && bytes[i + 4] != '\t')) {
    return std::nullopt;
  }
  i += 4;
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t')) ++i;
  auto date = parse_iso_date_prefix(bytes.substr(i));
  if (!date || (i + 10 < bytes.size() && !std::isspace(static_cast<unsigned char>(bytes[i + 10])))) {
    return std::nullopt;
  }
  i += 10;
  // The seeds run the body on after the header on the same line: " date 2023-11-24 US forces …".
  while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
  body_offset = i;
  return date;
}

namespace {

// A whole file as one article of `kind`, its sha256 taken before any truncation.
Article file_article(std::string name, std::string bytes, ContentKind kind) {
  Article article;
  article.id = stem_of(name);
  article.source = std::move(name);
  article.kind = kind;
  article.sha256 = sha256_hex(bytes);
  article.raw = std::move(bytes);
  return article;
}

}  // namespace

size_t read_text_article(std::string name, std::string bytes, const ReadOptions& options,
                         const ArticleSink& on_article, const ProblemSink& on_problem) {
  if (!check_content(name, bytes, on_problem)) return 1;
  Article article = file_article(std::move(name), std::move(bytes), ContentKind::kText);
  if (auto date = parse_text_header(article.raw, article.body_offset)) {
    article.published = date;
    article.published_from = PublishedFrom::kHeader;
  }
  enforce_size_limit(article, options);
  article.body_offset = std::min(article.body_offset, article.raw.size());
  on_article(std::move(article));
  return 0;
}

size_t read_html_article(std::string name, std::string bytes, const ReadOptions& options,
                         const ArticleSink& on_article, const ProblemSink& on_problem) {
  if (!check_content(name, bytes, on_problem)) return 1;
  Article article = file_article(std::move(name), std::move(bytes), ContentKind::kHtml);
  enforce_size_limit(article, options);
  on_article(std::move(article));
  return 0;
}

JsonlArticleReader::JsonlArticleReader(std::string_view name, const ReadOptions& options)
    : name_(name), stem_(stem_of(name)), options_(options), parser_(std::make_unique<simdjson::dom::parser>()) {
  // The depth is set once: later documents larger than the capacity grow it and keep the depth.
  ready_ = parser_->allocate(1u << 16, options.max_json_depth) == simdjson::SUCCESS;
}

JsonlArticleReader::~JsonlArticleReader() = default;

size_t JsonlArticleReader::read_line(size_t line_number, std::string_view line, const ArticleSink& on_article,
                                     const ProblemSink& on_problem) {
  if (std::all_of(line.begin(), line.end(), [](unsigned char c) { return std::isspace(c); })) return 0;
  const std::string where = fmt::format("{}:{}", name_, line_number);
  if (!ready_) {
    on_problem({where, "cannot allocate the JSON parser: line skipped"});
    return 1;
  }
  simdjson::dom::element root;
  if (auto error = parser_->parse(line.data(), line.size()).get(root); error) {
    on_problem({where, error == simdjson::DEPTH_ERROR
                           ? fmt::format("JSON nested deeper than {} levels (--max-json-depth): line skipped", options_.max_json_depth)
                           : fmt::format("malformed JSON ({}): line skipped", simdjson::error_message(error))});
    return 1;
  }
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) {
    on_problem({where, "expected a JSON object per line: line skipped"});
    return 1;
  }
  Article article;
  article.source = where;
  article.id = string_field(object, "id").value_or("");
  if (std::all_of(article.id.begin(), article.id.end(), [](unsigned char c) { return std::isspace(c); })) {
    // No id, or an empty one: named by file and line. An empty id would make every such
    // record of a feed one and the same article in the store.
    if (object["id"].error() == simdjson::SUCCESS) article.warnings.push_back("empty \"id\": named by file and line");
    article.id = fmt::format("{}-{}", stem_, line_number);
  }
  article.url = string_field(object, "url");
  article.title = string_field(object, "title");
  article.outlet = string_field(object, "outlet");
  auto published = string_field(object, "published");
  if (!published) published = string_field(object, "date");
  if (published) {
    if (auto date = parse_metadata_date(*published)) {
      article.published = date;
      article.published_from = PublishedFrom::kMetadata;
    } else {
      article.warnings.push_back(fmt::format("publication date \"{}\" is not a date I can read; ignored", *published));
    }
  }
  if (auto text = string_field(object, "text")) {
    article.raw = std::move(*text);
    article.kind = ContentKind::kText;
  } else if (auto html = string_field(object, "html")) {
    article.raw = std::move(*html);
    article.kind = ContentKind::kHtml;
  } else {
    on_problem({where, "record has neither \"text\" nor \"html\": line skipped"});
    return 1;
  }
  article.sha256 = sha256_hex(article.raw);
  enforce_size_limit(article, options_);
  on_article(std::move(article));
  return 0;
}

std::string id_with_content_suffix(const Article& article) {
  return fmt::format("{}~{}", article.id, std::string_view(article.sha256).substr(0, 8));
}

void move_to_content_suffix(Article& article, std::string_view other_source) {
  const std::string id = id_with_content_suffix(article);
  article.warnings.push_back(fmt::format("id \"{}\" is already that of {}: this article is stored as \"{}\"", article.id,
                                         other_source, id));
  article.id = id;
}

std::string_view input_of(std::string_view source) {
  const size_t colon = source.rfind(':');
  const size_t slash = source.rfind('/');
  const bool line = colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash) &&
                    colon + 1 < source.size() &&
                    std::all_of(source.begin() + colon + 1, source.end(), [](unsigned char c) { return std::isdigit(c); });
  return line ? source.substr(0, colon) : source;
}

InputProblem damaged_lines_problem(const std::string& name, const std::string& damage, size_t whole_lines) {
  return {fmt::format("{}:{}", name, whole_lines + 1),
          fmt::format("{}: the {} whole line(s) before were read, the rest of the file is lost", damage, whole_lines)};
}

size_t max_line_bytes(const ReadOptions& options) { return std::max<size_t>(32u << 20, 8 * options.max_article_bytes); }

InputProblem line_too_long_problem(std::string_view name, size_t line_number, size_t length, const ReadOptions& options) {
  return {fmt::format("{}:{}", name, line_number),
          fmt::format("line is {} bytes, over the {} a line may hold (32 MiB, or 8 times --max-article-bytes): line skipped",
                      length, max_line_bytes(options))};
}

namespace {

// The head a feed is judged binary by: its first 8 KiB, of its whole lines when it is damaged
// (the bytes after the last whole line are not read).
std::string_view head_for_binary_check(LineStream& lines, const ReadOptions& options) {
  constexpr size_t kHead = 8192;
  for (size_t n = 2 * kHead;; n *= 2) {
    const std::string_view head = lines.peek(n);
    if (head.find('\n', kHead - 1) != std::string_view::npos || n > max_line_bytes(options)) return head.substr(0, kHead);
    if (head.size() < n) {
      const size_t last = head.rfind('\n');
      const size_t whole = !lines.damage() ? head.size() : last == std::string_view::npos ? 0 : last + 1;
      return head.substr(0, std::min(whole, kHead));
    }
  }
}

// The head a format is sniffed from: the first byte that is not a space, and 512 after it.
std::string_view head_for_sniffing(LineStream& lines) {
  for (size_t n = 4096;; n *= 2) {
    const std::string_view head = lines.peek(n);
    size_t i = 0;
    while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
    if (head.size() < n || i + 512 <= head.size()) return head;
  }
}

// A feed's lines, read and passed on one at a time. A damaged feed keeps every whole line before
// the damage; `check_binary`: a file that looks binary is skipped (a declared stream is not).
size_t read_jsonl_lines(std::string_view name, LineStream& lines, bool check_binary, const ReadOptions& options,
                        const ArticleSink& on_article, const ProblemSink& on_problem) {
  const auto damaged = [&](size_t problems) {
    if (!lines.damage()) return problems;
    if (lines.number() == 0) {
      on_problem({std::string(name), *lines.damage() + ": skipped"});
      return size_t{1};
    }
    on_problem(damaged_lines_problem(std::string(name), *lines.damage(), lines.number()));
    return problems + 1;
  };
  if (check_binary && looks_binary(head_for_binary_check(lines, options))) {
    lines.skip_rest();
    if (lines.damage() && lines.number() == 0) return damaged(0);
    on_problem({std::string(name), "binary file (NUL or control bytes): not JSONL, skipped"});
    return damaged(1);
  }
  JsonlArticleReader reader(name, options);
  size_t problems = 0;
  while (const auto line = lines.next()) {
    if (line->too_long) {
      on_problem(line_too_long_problem(name, line->number, line->length, options));
      ++problems;
    } else {
      problems += reader.read_line(line->number, line->text, on_article, on_problem);
    }
  }
  return damaged(problems);
}

// One input: a feed read line by line, any other format whole (it is one article). A damaged
// page or text is cut somewhere in the article, which is not read.
size_t read_one(const std::string& name, LineStream& lines, InputFormat format, const ReadOptions& options,
                const ArticleSink& on_article, const ProblemSink& on_problem) {
  if (format == InputFormat::kAuto) {
    const std::string_view head = head_for_sniffing(lines);
    if (!head.empty()) format = sniff_format(head);
  }
  if (format == InputFormat::kJsonl) return read_jsonl_lines(name, lines, /*check_binary=*/true, options, on_article, on_problem);
  std::string bytes = lines.read_rest();
  if (lines.damage()) {
    on_problem({name, *lines.damage() + ": skipped"});
    return 1;
  }
  if (format == InputFormat::kHtml) return read_html_article(name, std::move(bytes), options, on_article, on_problem);
  return read_text_article(name, std::move(bytes), options, on_article, on_problem);
}

}  // namespace

size_t read_jsonl_articles(std::string_view name, std::string_view bytes, const ReadOptions& options,
                           const ArticleSink& on_article, const ProblemSink& on_problem) {
  const auto lines = LineStream::over(bytes, max_line_bytes(options));
  return read_jsonl_lines(name, *lines, /*check_binary=*/true, options, on_article, on_problem);
}

size_t read_articles(const std::vector<std::string>& paths, const ReadOptions& options,
                     const ArticleSink& on_article, const ProblemSink& on_problem) {
  // The input that first had each id: a repeat is given its content suffix, never the same id
  // (which the store would take for a new text of the first, and replace it).
  IdRegistry given;
  const ArticleSink unique_ids = [&](Article&& article) {
    if (const auto first = given.add(article.id, article.source)) {
      move_to_content_suffix(article, *first);
      given.add(article.id, article.source);
    }
    on_article(std::move(article));
  };
  size_t problems = 0;
  for (const std::string& path : paths) {
    if (path == "-") {
      const auto lines = LineStream::open(path, max_line_bytes(options));
      // Declared JSONL: each line is read, extracted and passed on before the next is read, so a
      // stream of any length runs in bounded memory (a Hadoop Streaming or Spark pipe mapper).
      problems += options.stdin_format == InputFormat::kJsonl
                      ? read_jsonl_lines("stdin", **lines, /*check_binary=*/false, options, unique_ids, on_problem)
                      : read_one("stdin", **lines, options.stdin_format, options, unique_ids, on_problem);
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      on_problem({path, "no such file or directory"});
      ++problems;
      continue;
    }
    std::vector<fs::path> files;
    if (fs::is_directory(status)) {
      const size_t unread = collect_files(path, files, on_problem);
      problems += unread;
      if (files.empty() && unread == 0) {
        on_problem({path, "folder holds no .txt, .jsonl, .jsonl.gz or .html files"});
        ++problems;
      }
    } else {
      files.emplace_back(path);
    }
    for (const fs::path& file : files) {
      auto lines = LineStream::open(file.string(), max_line_bytes(options));
      if (!lines) {
        on_problem({file.string(), lines.error().message.substr(file.string().size() + 2)});
        ++problems;
        continue;
      }
      // A file's own article (not a JSONL record, whose source is "file:line") takes the id of
      // its place under the named folder.
      const std::string id = fs::is_directory(status) ? id_under(path, file) : stem_of(file.string());
      problems += read_one(file.string(), **lines, format_from_name(file.string()), options,
                           [&](Article&& article) {
                             if (article.source == file.string()) article.id = id;
                             unique_ids(std::move(article));
                           },
                           on_problem);
    }
  }
  return problems;
}

}  // namespace salvo
