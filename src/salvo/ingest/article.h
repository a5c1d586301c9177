// An article as read from disk or stdin, before any cleaning: the unit every later stage works on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "salvo/base/date.h"

namespace salvo {

enum class ContentKind { kText, kHtml };

// How the publication date was learnt (spec/output.md `published_from`).
enum class PublishedFrom { kHeader, kMetadata, kText, kNone };
const char* to_string(PublishedFrom from);

struct Article {
  std::string id;      // JSONL "id", else the file name without extension
  std::string source;  // where it came from: a path, or path:line for JSONL records
  std::optional<std::string> url;
  std::optional<std::string> title;
  // Who published it, as a reader would cite it: the JSONL "outlet", else the page's og:site_name,
  // else the URL's host ("reuters.com"). Filled by analyze_article.
  std::optional<std::string> outlet;
  std::optional<Date> published;
  PublishedFrom published_from = PublishedFrom::kNone;
  ContentKind kind = ContentKind::kText;
  // The raw bytes every offset refers to: the whole file for .txt/.html, the decoded "text" or
  // "html" field for a JSONL record.
  std::string raw;
  size_t body_offset = 0;  // first byte of the body in `raw` (after a .txt date header)
  std::string sha256;      // of `raw` as read, before any truncation
  std::vector<std::string> warnings;
};

}  // namespace salvo
