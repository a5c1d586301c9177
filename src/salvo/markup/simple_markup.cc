#include "salvo/markup/simple_markup.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "salvo/markup/dom.h"

namespace salvo {
namespace {

constexpr size_t kUnsure = std::string_view::npos;  // a construct only the parser reads right

bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The tags read here. Inline ones only split text nodes; blocks break lines; an <img> is empty; an
// <iframe>'s content is raw text the parser does not read as markup, and no article text.
enum class SimpleTag { kA, kB, kI, kEm, kStrong, kSpan, kBr, kImg, kIframe, kP, kDiv, kBlockquote, kOther };

SimpleTag simple_tag(std::string_view name) {
  static constexpr std::pair<std::string_view, SimpleTag> kNames[] = {
      {"a", SimpleTag::kA},       {"b", SimpleTag::kB},     {"i", SimpleTag::kI},
      {"em", SimpleTag::kEm},     {"strong", SimpleTag::kStrong}, {"span", SimpleTag::kSpan},
      {"br", SimpleTag::kBr},     {"img", SimpleTag::kImg}, {"iframe", SimpleTag::kIframe},
      {"p", SimpleTag::kP},       {"div", SimpleTag::kDiv}, {"blockquote", SimpleTag::kBlockquote},
  };
  if (name.size() > 10) return SimpleTag::kOther;
  char lower[10];
  for (size_t k = 0; k < name.size(); ++k) lower[k] = ascii_lower(name[k]);
  const std::string_view folded(lower, name.size());
  for (const auto& [tag_name, tag] : kNames) {
    if (folded == tag_name) return tag;
  }
  return SimpleTag::kOther;
}

bool is_block(SimpleTag tag) { return tag == SimpleTag::kP || tag == SimpleTag::kDiv || tag == SimpleTag::kBlockquote; }

// Where the raw text of an <iframe> opened before text[from] ends: the '<' of its "</iframe"
// (any case, then a space, '/' or '>'), as the tokenizer's RAWTEXT state finds it; kUnsure if none.
size_t raw_text_end(std::string_view text, size_t from) {
  for (size_t k = text.find("</", from); k != std::string_view::npos; k = text.find("</", k + 1)) {
    if (k + 8 >= text.size()) return kUnsure;
    if (simple_tag(text.substr(k + 2, 6)) != SimpleTag::kIframe) continue;
    const char after = text[k + 8];
    if (is_html_space(after) || after == '/' || after == '>') return k;
  }
  return kUnsure;
}

// One past the '>' that ends the tag whose name ends at text[k], as the HTML tokenizer reads its
// attributes: a quote opens a value only right after '=' (and spaces), and a '>' within a quoted
// value does not end the tag. kUnsure when the input ends inside the tag (the parser drops it).
size_t tag_end(std::string_view text, size_t k) {
  enum { kBeforeName, kName, kAfterName, kBeforeValue } state = kBeforeName;
  while (k < text.size()) {
    const char c = text[k];
    if (c == '>' && state != kBeforeValue) return k + 1;
    switch (state) {
      case kBeforeName:  // also after a value and after '/'
        if (!is_html_space(c) && c != '/') state = kName;
        break;
      case kName:
        if (c == '=') state = kBeforeValue;
        else if (is_html_space(c)) state = kAfterName;
        else if (c == '/') state = kBeforeName;
        break;
      case kAfterName:
        if (c == '=') state = kBeforeValue;
        else if (c == '/') state = kBeforeName;
        else if (!is_html_space(c)) state = kName;
        break;
      case kBeforeValue:
        if (is_html_space(c)) break;
        if (c == '>') return k + 1;  // a missing value
        if (c == '"' || c == '\'') {
          const size_t close = text.find(c, k + 1);
          if (close == std::string_view::npos) return kUnsure;
          k = close;
        } else {
          while (k + 1 < text.size() && !is_html_space(text[k + 1]) && text[k + 1] != '>') ++k;
        }
        state = kBeforeName;
        break;
    }
    ++k;
  }
  return kUnsure;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// A numeric reference's character when the tokenizer takes it as written: not a control, a
// surrogate, a noncharacter or a code the windows-1252 table remaps (0x80–0x9F); nor a space,
// which the parser drops where it drops the spaces that open a document (the fuzzer found
// "&#x20;" there).
bool is_plain_code_point(uint32_t cp) {
  if (cp <= 0x20 || (cp >= 0x7F && cp < 0xA0)) return false;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  if (cp >= 0xFDD0 && cp <= 0xFDEF) return false;
  if ((cp & 0xFFFE) == 0xFFFE) return false;
  return cp <= 0x10FFFF;
}

// The named references news text carries, each written with its ';' (a name without one, or
// any other name, goes to the parser, whose table has 2,231).
struct NamedReference {
  std::string_view name;  // with the ';'
  std::string_view text;  // UTF-8
};
constexpr NamedReference kNamedReferences[] = {
    {"amp;", "&"},  {"lt;", "<"},  {"gt;", ">"}, {"quot;", "\""}, {"apos;", "'"},
    {"nbsp;", "\xC2\xA0"}, {"ndash;", "\xE2\x80\x93"}, {"mdash;", "\xE2\x80\x94"},
    {"lsquo;", "\xE2\x80\x98"}, {"rsquo;", "\xE2\x80\x99"}, {"ldquo;", "\xE2\x80\x9C"},
    {"rdquo;", "\xE2\x80\x9D"}, {"hellip;", "\xE2\x80\xA6"},
};

// The names the HTML tokenizer reads as references without a ';' (the legacy ones of the HTML
// standard's table).
constexpr std::string_view kLegacyReferenceNames[] = {
    "AElig", "AMP", "Aacute", "Acirc", "Agrave", "Aring", "Atilde", "Auml", "COPY", "Ccedil", "ETH", "Eacute",
    "Ecirc", "Egrave", "Euml", "GT", "Iacute", "Icirc", "Igrave", "Iuml", "LT", "Ntilde", "Oacute", "Ocirc",
    "Ograve", "Oslash", "Otilde", "Ouml", "QUOT", "REG", "THORN", "Uacute", "Ucirc", "Ugrave", "Uuml", "Yacute",
    "aacute", "acirc", "acute", "aelig", "agrave", "amp", "aring", "atilde", "auml", "brvbar", "ccedil", "cedil",
    "cent", "copy", "curren", "deg", "divide", "eacute", "ecirc", "egrave", "eth", "euml", "frac12", "frac14",
    "frac34", "gt", "iacute", "icirc", "iexcl", "igrave", "iquest", "iuml", "laquo", "lt", "macr", "micro",
    "middot", "nbsp", "not", "ntilde", "oacute", "ocirc", "ograve", "ordf", "ordm", "oslash", "otilde", "ouml",
    "para", "plusmn", "pound", "quot", "raquo", "reg", "sect", "shy", "sup1", "sup2", "sup3", "szlig", "thorn",
    "times", "uacute", "ucirc", "ugrave", "uml", "uuml", "yacute", "yen", "yuml",
};

// Reads the character reference at text[i] ('&') as the tokenizer does, appending what it
// decodes to; returns the bytes it takes (0: a bare '&', which stays as it is), or kUnsure.
size_t read_reference(std::string_view text, size_t i, std::string& decoded) {
  const size_t j = i + 1;
  if (j == text.size()) return 0;
  const char c = text[j];
  if (c == '#') {
    size_t k = j + 1;
    const bool hex = k < text.size() && (text[k] == 'x' || text[k] == 'X');
    if (hex) ++k;
    const size_t digits_begin = k;
    uint32_t cp = 0;
    while (k < text.size() && k - digits_begin < 8) {
      const char d = text[k];
      if (is_ascii_digit(d)) cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d - '0');
      else if (hex && ascii_lower(d) >= 'a' && ascii_lower(d) <= 'f') cp = cp * 16 + static_cast<uint32_t>(ascii_lower(d) - 'a' + 10);
      else break;
      ++k;
    }
    if (k == digits_begin || k >= text.size() || text[k] != ';' || !is_plain_code_point(cp)) return kUnsure;
    append_utf8(decoded, cp);
    return k + 1 - i;
  }
  // A reference's name starts with a letter or digit; anything else leaves the '&' as it is.
  if (!is_ascii_alpha(c) && !is_ascii_digit(c)) return 0;
  size_t name_end = j;
  while (name_end < text.size() && (is_ascii_alpha(text[name_end]) || is_ascii_digit(text[name_end]))) ++name_end;
  if (name_end < text.size() && text[name_end] == ';') {
    const std::string_view name = text.substr(j, name_end + 1 - j);
    for (const NamedReference& ref : kNamedReferences) {
      if (name == ref.name) {
        decoded.append(ref.text);
        return 1 + name.size();
      }
    }
    return kUnsure;  // one of the parser's other names, or none
  }
  // With no ';' only a legacy name reads as a reference ("&copy 2024"), the longest that starts
  // the letters: with none, "AT&T" and "S&P 500" keep their '&'.
  const std::string_view letters = text.substr(j, name_end - j);
  for (std::string_view legacy : kLegacyReferenceNames) {
    if (letters.starts_with(legacy)) return kUnsure;
  }
  return 0;
}

// Whether `text` holds a character the parser's input stream replaces by U+FFFD: DEL, the C1
// controls, the noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF). decode_utf8 keeps them (they
// are valid UTF-8); the fuzzer found the first.
bool has_character_the_parser_replaces(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x7F) continue;
    const auto next = [&](size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0; };
    if (c == 0x7F) return true;
    if (c == 0xC2 && next(1) >= 0x80 && next(1) <= 0x9F) return true;
    if (c == 0xEF && next(1) == 0xB7 && next(2) >= 0x90 && next(2) <= 0xAF) return true;
    if (c == 0xEF && next(1) == 0xBF && next(2) >= 0xBE) return true;
    if (c >= 0xF0 && (next(1) & 0x0F) == 0x0F && next(2) == 0xBF && next(3) >= 0xBE) return true;
  }
  return false;
}

}  // namespace

std::optional<MappedText> read_simple_markup(const MappedText& input) {
  const std::string_view text = input.view();
  MappedText out;
  out.reserve(text.size());
  std::vector<SimpleTag> open;  // the elements open, as the parser's stack holds them
  std::string decoded;          // the text node being read: its characters…
  size_t node_begin = 0;        // …and where its source starts
  // A text node ends at a tag, as the parser's does: its source runs from its first character to
  // the tag's '<' (at the end, to the end).
  auto end_node = [&](size_t at) {
    if (!decoded.empty()) append_aligned_text(input, decoded, text.substr(node_begin, at - node_begin), node_begin, out);
    decoded.clear();
  };
  // A byte-order mark: left to the parser, whatever it makes of it; so are the characters it
  // replaces.
  if (text.starts_with("\xEF\xBB\xBF") || has_character_the_parser_replaces(text)) return std::nullopt;
  size_t i = 0;
  // Before anything else the parser ignores whitespace (the "initial" to "before head" modes).
  while (i < text.size() && is_html_space(text[i])) ++i;
  node_begin = i;
  while (i < text.size()) {
    const char c = text[i];
    if (c != '<' && c != '&') {
      if (decoded.empty()) node_begin = i;
      // The run up to the next markup character, copied at once.
      size_t run_end = i + 1;
      while (run_end < text.size() && text[run_end] != '<' && text[run_end] != '&') ++run_end;
      decoded.append(text.substr(i, run_end - i));
      i = run_end;
      continue;
    }
    if (c == '&') {
      if (decoded.empty()) node_begin = i;
      const size_t length = read_reference(text, i, decoded);
      if (length == kUnsure) return std::nullopt;
      if (length == 0) {
        decoded.push_back('&');
        ++i;
      } else {
        i += length;
      }
      continue;
    }
    // '<': a tag when a letter follows (or '/' and a letter); a '<' before anything else is text.
    const bool end_tag = i + 1 < text.size() && text[i + 1] == '/';
    const size_t name_begin = i + (end_tag ? 2 : 1);
    if (name_begin >= text.size() || !is_ascii_alpha(text[name_begin])) {
      if (end_tag || (name_begin < text.size() && (text[name_begin] == '!' || text[name_begin] == '?'))) {
        return std::nullopt;  // "</>", a comment, a doctype, a processing instruction
      }
      if (decoded.empty()) node_begin = i;
      decoded.push_back('<');
      ++i;
      continue;
    }
    size_t name_end = name_begin;
    while (name_end < text.size() && !is_html_space(text[name_end]) && text[name_end] != '/' && text[name_end] != '>') ++name_end;
    const SimpleTag tag = simple_tag(text.substr(name_begin, name_end - name_begin));
    if (tag == SimpleTag::kOther) return std::nullopt;
    size_t after = tag_end(text, name_end);
    if (after == kUnsure) return std::nullopt;
    // Every tag read here puts an element in (or takes one out of) the tree, which ends the text
    // node before it. (A tag the parser ignores would not: it is left to the parser.)
    end_node(i);
    if (end_tag) {
      // Only the innermost open element closes as written; any other end tag the parser either
      // ignores or reads by rules of its own (closing what is open inside, making an empty <p>).
      if (open.empty() || open.back() != tag) return std::nullopt;
      open.pop_back();
      if (is_block(tag)) append_block_break("\n\n", out);
    } else if (tag == SimpleTag::kBr) {
      append_block_break("\n", out);
    } else if (tag == SimpleTag::kImg) {
      // Empty: nothing but the end of the text node.
    } else if (tag == SimpleTag::kIframe) {
      const size_t close = raw_text_end(text, after);
      if (close == kUnsure) return std::nullopt;
      after = tag_end(text, close + 8);
      if (after == kUnsure) return std::nullopt;
    } else if (is_block(tag)) {
      // A block closes an open <p> first; unless the <p> is the innermost element, that closes
      // what is open inside it too, which the parser reopens later by rules of its own.
      if (std::find(open.begin(), open.end(), SimpleTag::kP) != open.end()) {
        if (open.back() != SimpleTag::kP) return std::nullopt;
        open.pop_back();
        append_block_break("\n\n", out);
      }
      open.push_back(tag);
      append_block_break("\n\n", out);
    } else {
      // A link within a link: the parser closes the first.
      if (tag == SimpleTag::kA && std::find(open.begin(), open.end(), SimpleTag::kA) != open.end()) return std::nullopt;
      open.push_back(tag);
    }
    i = after;
  }
  end_node(text.size());
  // The body's end is a block's: its break, then strip_markup's trim of trailing newlines.
  append_block_break("\n\n", out);
  size_t end = out.size();
  while (end > 0 && out.view()[end - 1] == '\n') --end;
  out.truncate(end);
  return out;
}

}  // namespace salvo
