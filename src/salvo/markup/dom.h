// The HTML parser (gumbo, a conforming HTML5 parser) and the one walker that turns a DOM subtree
// into text, keeping every byte traced to the raw article.
#pragma once

#include <gumbo.h>

#include <memory>
#include <string>
#include <string_view>

#include "salvo/base/mapped_text.h"

namespace salvo {

// An owned parse of `source.text()`. `source` must outlive the document: node positions point into it.
class HtmlDocument {
 public:
  explicit HtmlDocument(const MappedText& source);
  ~HtmlDocument();
  HtmlDocument(const HtmlDocument&) = delete;
  HtmlDocument& operator=(const HtmlDocument&) = delete;

  const GumboNode* root() const { return output_->root; }
  const MappedText& source() const { return source_; }

 private:
  const MappedText& source_;
  GumboOutput* output_;
};

// Tags whose content is never article text (scripts, styles, forms, embedded media).
bool is_non_content_tag(GumboTag tag);
// Tags that start a new paragraph when rendered as text.
bool is_block_tag(GumboTag tag);

// The trimmed, whitespace-collapsed text content of a node (for scoring, titles, metadata).
std::string node_text(const GumboNode* node);
// Value of an attribute, or empty.
std::string_view attribute(const GumboNode* node, const char* name);

// Appends the text of `node` and its descendants to `out`: entities decoded, tags dropped, a
// blank line ("\n\n") between blocks, "\n" for <br>. Text of non-content tags is skipped.
void append_node_text(const HtmlDocument& document, const GumboNode* node, MappedText& out);

// Appends a text node's `decoded` text, aligned with the `original` bytes it came from (at offset
// `base` of `source`'s text), so that a decoded entity maps to the whole "&…;" and everything else
// byte for byte.
void append_aligned_text(const MappedText& source, std::string_view decoded, std::string_view original, size_t base,
                         MappedText& out);
// Appends the break a block (`separator` "\n\n") or a <br> ("\n") makes: none at the start, one
// blank line where blocks meet.
void append_block_break(std::string_view separator, MappedText& out);

// Parses `input` as an HTML fragment (a news body that may carry stray tags and entities) and
// returns all its text. Input with no '<' or '&' is returned unchanged, without parsing; input
// whose only markup is simple (markup/simple_markup.h) is read without the parser, to the same
// result.
MappedText strip_markup(const MappedText& input);
// strip_markup's reading by the parser, whatever the input holds.
MappedText parse_markup_text(const MappedText& input);

}  // namespace salvo
