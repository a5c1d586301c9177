#include "salvo/markup/dom.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>

#include "salvo/markup/simple_markup.h"

namespace salvo {

HtmlDocument::HtmlDocument(const MappedText& source)
    : source_(source), output_(gumbo_parse_with_options(&kGumboDefaultOptions, source.text().data(), source.size())) {}

HtmlDocument::~HtmlDocument() { gumbo_destroy_output(&kGumboDefaultOptions, output_); }

bool is_non_content_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_OPTION: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_FORM: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MAP: case GUMBO_TAG_APPLET:
      return true;
    default:
      return false;
  }
}

bool is_block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_NAV: case GUMBO_TAG_PRE: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HR: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
      return true;
    default:
      return false;
  }
}

std::string_view attribute(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
  return attr ? std::string_view(attr->value) : std::string_view();
}

namespace {

void collect_plain_text(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
    out.append(node->v.text.text);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
  if (node->type == GUMBO_NODE_ELEMENT && is_non_content_tag(node->v.element.tag) &&
      node->v.element.tag != GUMBO_TAG_TITLE) {
    return;
  }
  const GumboVector& children =
      node->type == GUMBO_NODE_ELEMENT ? node->v.element.children : node->v.document.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_ELEMENT && is_block_tag(child->v.element.tag)) out.push_back(' ');
    collect_plain_text(child, out);
  }
}

// Length in bytes of the character reference at original[i] ('&'), as the HTML5 tokenizer reads
// it: "&amp;", "&#8217;", "&#x2019;", or a legacy one without ';' ("&amp").
size_t entity_length(std::string_view original, size_t i) {
  size_t j = i + 1;
  if (j < original.size() && original[j] == '#') {
    ++j;
    if (j < original.size() && (original[j] == 'x' || original[j] == 'X')) {
      ++j;
      while (j < original.size() && std::isxdigit(static_cast<unsigned char>(original[j]))) ++j;
    } else {
      while (j < original.size() && std::isdigit(static_cast<unsigned char>(original[j]))) ++j;
    }
  } else {
    while (j < original.size() && std::isalnum(static_cast<unsigned char>(original[j])) && j - i < 40) ++j;
  }
  if (j < original.size() && original[j] == ';') ++j;
  return j - i;
}

size_t utf8_length_at(std::string_view s, size_t i);

// How many bytes of `original` at o the tokenizer consumed for the reference that decoded to the
// character at decoded[d]. Legacy references need no ';' ("&notice" reads as "¬ice"), so the
// longest candidate is tried first and shortened until what follows lines up again.
size_t reference_length(std::string_view decoded, size_t d, std::string_view original, size_t o) {
  const size_t longest = entity_length(original, o);
  const size_t after_decoded = d + utf8_length_at(decoded, d);
  for (size_t length = longest; length >= 2; --length) {
    const size_t check = std::min({size_t{8}, decoded.size() - after_decoded, original.size() - (o + length)});
    if (decoded.substr(after_decoded, check) == original.substr(o + length, check) &&
        (check > 0 || (after_decoded == decoded.size() && o + length == original.size()))) {
      return length;
    }
  }
  return longest;
}

size_t utf8_length_at(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return std::min(n, s.size() - i);
}

}  // namespace

void append_aligned_text(const MappedText& source, std::string_view decoded, std::string_view original, size_t base,
                         MappedText& out) {
  size_t d = 0, o = 0;
  size_t run_d = 0, run_o = 0;  // start of a run where decoded == original
  auto flush = [&] {
    if (d > run_d) out.append_copy(source, base + run_o, base + run_o + (d - run_d));
  };
  while (d < decoded.size() && o < original.size()) {
    if (decoded[d] == original[o] && original[o] != '&') {
      ++d, ++o;
      continue;
    }
    flush();
    if (original[o] == '&') {
      const size_t entity = reference_length(decoded, d, original, o);
      // An "&" that starts no known reference is left as is by the tokenizer.
      if (decoded.substr(d, entity) == original.substr(o, entity)) {
        out.append_copy(source, base + o, base + o + 1);
        ++d, ++o;
      } else {
        const size_t decoded_len = utf8_length_at(decoded, d);
        const RawSpan raw = source.to_raw(base + o, base + o + entity);
        out.append_replacement(decoded.substr(d, decoded_len), raw.begin, raw.end);
        d += decoded_len;
        o += entity;
      }
    } else if (original[o] == '\r') {
      ++o;  // the tokenizer folds CR LF to LF
    } else {
      // Anything else the parser rewrote (NUL, invalid bytes): map one decoded character onto one
      // original character and resynchronise.
      const size_t decoded_len = utf8_length_at(decoded, d);
      const size_t original_len = utf8_length_at(original, o);
      const RawSpan raw = source.to_raw(base + o, base + o + original_len);
      out.append_replacement(decoded.substr(d, decoded_len), raw.begin, raw.end);
      d += decoded_len;
      o += original_len;
    }
    run_d = d, run_o = o;
  }
  flush();
  if (d < decoded.size()) {
    // Decoded text longer than its source (should not happen): keep it, at the node's end.
    const RawSpan raw = source.to_raw(base + original.size(), base + original.size());
    out.append_replacement(decoded.substr(d), raw.begin, raw.end);
  }
}

void append_block_break(std::string_view separator, MappedText& out) {
  if (out.empty()) return;
  // Adjacent blocks share one break: "</p><p>" is one blank line, not two.
  const std::string_view text = out.view();
  if (text.size() >= 2 && text.substr(text.size() - 2) == "\n\n") return;
  if (separator == "\n\n" && text.back() == '\n') separator = "\n";
  // A block boundary has no text of its own: place it right after the text before it, which
  // keeps raw positions in order even for tags the parser implied.
  const RawSpan before = out.to_raw(out.size() - 1, out.size());
  out.append_inserted(separator, before.end);
}

std::string node_text(const GumboNode* node) {
  std::string raw;
  collect_plain_text(node, raw);
  std::string out;
  out.reserve(raw.size());
  bool space = false;
  for (char c : raw) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

void append_node_text(const HtmlDocument& document, const GumboNode* node, MappedText& out) {
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
      append_aligned_text(document.source(), node->v.text.text,
                          {node->v.text.original_text.data, node->v.text.original_text.length},
                          node->v.text.start_pos.offset, out);
      return;
    case GUMBO_NODE_DOCUMENT: {
      const GumboVector& children = node->v.document.children;
      for (unsigned i = 0; i < children.length; ++i) {
        append_node_text(document, static_cast<const GumboNode*>(children.data[i]), out);
      }
      return;
    }
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
      break;
    default:
      return;  // comments
  }
  const GumboTag tag = node->v.element.tag;
  if (is_non_content_tag(tag)) return;
  if (tag == GUMBO_TAG_BR) {
    append_block_break("\n", out);
    return;
  }
  const bool block = is_block_tag(tag);
  if (block) append_block_break("\n\n", out);
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    append_node_text(document, static_cast<const GumboNode*>(children.data[i]), out);
  }
  if (block) append_block_break("\n\n", out);
}

MappedText parse_markup_text(const MappedText& input) {
  HtmlDocument document(input);
  MappedText out;
  out.reserve(input.size());
  append_node_text(document, document.root(), out);
  size_t end = out.size();
  while (end > 0 && out.view()[end - 1] == '\n') --end;
  out.truncate(end);
  return out;
}

MappedText strip_markup(const MappedText& input) {
  // Two memchr (GB/s) rather than find_first_of (a few hundred MB/s): most text has neither.
  const std::string_view text = input.view();
  if (!std::memchr(text.data(), '<', text.size()) && !std::memchr(text.data(), '&', text.size())) return input;
  if (std::optional<MappedText> simple = read_simple_markup(input)) return std::move(*simple);
  return parse_markup_text(input);
}

}  // namespace salvo
