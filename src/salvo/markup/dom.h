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

// Parses `input` as an HTML fragment (a news body that may carry stray tags and entities) and
// returns all its text. Input with no '<' or '&' is returned unchanged, without parsing.
MappedText strip_markup(const MappedText& input);

}  // namespace salvo
