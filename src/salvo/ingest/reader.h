// Reads articles from files, folders (recursively) and stdin, in a stable order, one at a time.
//
// Formats, by file name:
//   .txt               optional first-line header " date YYYY-MM-DD", then the body
//   .jsonl, .jsonl.gz  one object a line: id, url, published|date, title, text|html; read a line
//                      at a time (ingest/line_stream.h), so memory does not grow with the file
//   .html, .htm (.gz)  a web page; its main content is extracted later (markup stage)
// A problem with one input (unreadable, empty, binary, a malformed JSONL line) is reported and that
// input skipped; reading goes on with the rest.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "salvo/base/result.h"
#include "salvo/ingest/article.h"

namespace simdjson::dom {
class parser;
}

namespace salvo {

enum class InputFormat { kAuto, kText, kJsonl, kHtml };

struct ReadOptions {
  // Articles longer than this are truncated (with a warning) so one giant input cannot exhaust
  // memory or time. 4 MiB is ~12 times the longest news article seen in the corpora (~330 KB);
  // the pipeline holds ~40 bytes per byte of the article at its peak, ~170 MB at this limit.
  size_t max_article_bytes = 4u << 20;
  // A JSONL line nested deeper than this is skipped with a message. An article is one flat
  // object; simdjson would otherwise go to 1,024 levels.
  size_t max_json_depth = 64;
  InputFormat stdin_format = InputFormat::kAuto;  // for "-"
};

struct InputProblem {
  std::string where;    // "path" or "path:line"
  std::string message;  // what was wrong, in words a user understands
};

using ArticleSink = std::function<void(Article&&)>;
using ProblemSink = std::function<void(const InputProblem&)>;

// Reads every article under `paths` ("-" is stdin), calling `on_article` for each in order and
// `on_problem` for each input skipped. Returns the number of problems.
//
// Ids: a file named, or directly inside a named folder, is its file name without extension
// ("h1_003_…", as gold files and scoring name it); a file deeper down is its path from the named
// folder ("2024/jan/report"). Bytes of a name that are not UTF-8 are written %XX. The ids of one
// call are unique: an id already given (a duplicate JSONL "id", the same name in two named
// folders) is given its content suffix (id_with_content_suffix) and a warning naming both inputs.
size_t read_articles(const std::vector<std::string>& paths, const ReadOptions& options,
                     const ArticleSink& on_article, const ProblemSink& on_problem);

// The pieces, exposed for tests and for callers that already hold the bytes.
// `name` is the path or label used for the id and in messages.
size_t read_text_article(std::string name, std::string bytes, const ReadOptions& options,
                         const ArticleSink& on_article, const ProblemSink& on_problem);
size_t read_html_article(std::string name, std::string bytes, const ReadOptions& options,
                         const ArticleSink& on_article, const ProblemSink& on_problem);
// Reads JSONL content from `bytes`; `name` is used for ids of records without one and for messages.
size_t read_jsonl_articles(std::string_view name, std::string_view bytes, const ReadOptions& options,
                           const ArticleSink& on_article, const ProblemSink& on_problem);

// JSONL articles one line at a time, for a caller that has the lines one by one (a stream).
class JsonlArticleReader {
 public:
  // `name` is used for ids of records without one and in messages ("name:line").
  JsonlArticleReader(std::string_view name, const ReadOptions& options);
  ~JsonlArticleReader();
  // Reads line `line_number`; returns 1 if it was skipped as a problem, else 0.
  size_t read_line(size_t line_number, std::string_view line, const ArticleSink& on_article, const ProblemSink& on_problem);

 private:
  std::string name_, stem_;
  ReadOptions options_;
  std::unique_ptr<simdjson::dom::parser> parser_;
  bool ready_ = false;
};

// The id an article takes when its own is another input's: "id~" and the first 8 hex digits of its
// sha256 — the same on every run, so that a re-ingest finds it stored under it.
std::string id_with_content_suffix(const Article& article);

// Gives `article` its id_with_content_suffix, with a warning naming `other_source`, the input whose
// article holds its id.
void move_to_content_suffix(Article& article, std::string_view other_source);

// The input an article came from: "feed.jsonl" for the source "feed.jsonl:14", else the source.
std::string_view input_of(std::string_view source);

// A feed's line (a JSONL record, an extracted record) longer than this is skipped with a problem,
// never held whole: 32 MiB, or 8 times max_article_bytes when that is more — room for an article
// at the limit escaped in JSON, or in base64 beside its events. A longer line is no article: what
// the reader holds stays bounded however the file is made.
size_t max_line_bytes(const ReadOptions& options);
// That problem: "feed.jsonl:12: line is N bytes, over M (8 times --max-article-bytes): line skipped".
InputProblem line_too_long_problem(std::string_view name, size_t line_number, size_t length, const ReadOptions& options);

// Of a feed cut short by damage, at the first line lost: "feed.jsonl.gz:1201: truncated gzip data: …".
InputProblem damaged_lines_problem(const std::string& name, const std::string& damage, size_t whole_lines);

// Parses the seeds' optional header " date YYYY-MM-DD " at the start of a .txt file; returns the
// date and sets `body_offset` to the first byte after it.
std::optional<Date> parse_text_header(std::string_view bytes, size_t& body_offset);

}  // namespace salvo
