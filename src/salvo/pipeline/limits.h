// What one article may cost. Text written by strangers can be built to make any stage slow or
// large: a 20 MB line with no full stop, 100,000 nested tags, a million "rocket"s. Each limit
// below is far above anything news prints, so real articles never meet one; one that does is
// processed within it, with a warning in its record that names the limit (and the option that
// raises it), and the rest of the input goes on.
//
// The limits of reading (article size, JSON depth) are in ingest/reader.h's ReadOptions.
#pragma once

#include <cstddef>

#include "salvo/markup/main_content_reduce.h"

namespace salvo {

struct Limits {
  // A longer sentence is cut, at a space where it can be, into pieces of at most this many bytes.
  // The longest sentences of the corpora are ~1,000 bytes; the extractor's work in a sentence
  // grows with the square of its mentions, so a page-long "sentence" must not reach it whole.
  size_t max_sentence_bytes = 4096;
  // Mentions (places, actors, targets, weapons, numbers, times) kept of one article; the
  // sentences after the one that reaches it are not read for events. ~50 a kilobyte in news:
  // the limit leaves ~400 KB of dense text: only pathological text within the 4 MiB article cut
  // (ReadOptions::max_article_bytes) has more.
  size_t max_mentions = 20000;
  // HTML nested deeper than this is flattened (deeper tags dropped, their text kept). Real pages
  // stay under ~60 levels; the parser's scope checks are linear in the depth.
  int max_html_depth = kDefaultMaxHtmlDepth;
};

}  // namespace salvo
