#include "salvo/markup/main_content_reduce.h"

#include <cstring>
#include <string_view>

#include "salvo/markup/main_content_hints.h"
#include "salvo/markup/page_metadata.h"

namespace salvo {
namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool equals_lower(std::string_view lowered, std::string_view s) {
  if (lowered.size() != s.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (ascii_lower(s[i]) != lowered[i]) return false;
  }
  return true;
}

bool contains_lower(std::string_view haystack, std::string_view lowered_needle) {
  if (lowered_needle.size() > haystack.size()) return false;
  for (size_t i = 0; i + lowered_needle.size() <= haystack.size(); ++i) {
    if (equals_lower(lowered_needle, haystack.substr(i, lowered_needle.size()))) return true;
  }
  return false;
}

// Elements dropped with everything inside them: code, styling, graphics, embeds, form controls.
// The first group is raw text in HTML (their content is never markup), the second is not and may nest.
enum class Skip { kNone, kRawText, kNested };
Skip skip_kind(std::string_view name) {
  static constexpr std::string_view kRawText[] = {"script", "style", "noscript", "textarea", "xmp",
                                                  "iframe", "noembed", "noframes"};
  // nav, aside and footer are page furniture wherever they are (extraction drops them anyway).
  static constexpr std::string_view kNested[] = {"svg",    "math",  "template", "select", "button", "object",
                                                 "video",  "audio", "canvas",   "nav",    "aside",  "footer"};
  for (std::string_view s : kRawText) {
    if (name == s) return Skip::kRawText;
  }
  for (std::string_view s : kNested) {
    if (name == s) return Skip::kNested;
  }
  return Skip::kNone;
}

// Void elements with nothing for extraction: they go, the text around them stays.
bool is_dropped_void(std::string_view name) {
  static constexpr std::string_view kNames[] = {"img",   "input", "source", "track", "wbr",  "embed",
                                                "param", "area",  "base",   "col",   "keygen", "picture"};
  for (std::string_view s : kNames) {
    if (name == s) return true;
  }
  return false;
}

bool is_void(std::string_view name) {
  static constexpr std::string_view kNames[] = {"br", "hr", "meta", "link", "img", "input", "source", "track",
                                                "wbr", "embed", "param", "area", "base", "col", "keygen"};
  for (std::string_view s : kNames) {
    if (name == s) return true;
  }
  return false;
}

// Elements pages leave unclosed (the parser closes them implicitly): not counted for depth.
bool closes_implicitly(std::string_view name) {
  static constexpr std::string_view kNames[] = {"p",     "li",    "dt",    "dd",       "tr",      "td",
                                                "th",    "option", "optgroup", "thead", "tbody",  "tfoot",
                                                "colgroup", "caption", "rb", "rt",     "rp",      "html",
                                                "head",  "body"};
  for (std::string_view s : kNames) {
    if (name == s) return true;
  }
  return false;
}

struct Attribute {
  std::string_view name;  // as written
  std::string_view value;
};

// Reads a tag's attributes from text[pos…] up to its '>'. Returns the position after '>', or
// npos when the tag never ends (an unclosed quote swallows the rest of the page, as in HTML).
size_t read_attributes(std::string_view text, size_t pos, std::vector<Attribute>& out, bool& self_closing) {
  out.clear();
  self_closing = false;
  const size_t n = text.size();
  while (pos < n) {
    while (pos < n && (is_ascii_space(text[pos]) || text[pos] == '/')) {
      self_closing = text[pos] == '/';
      ++pos;
    }
    if (pos >= n) return std::string_view::npos;
    if (text[pos] == '>') return pos + 1;
    self_closing = false;
    const size_t name_begin = pos;
    ++pos;  // a name may start with '='
    while (pos < n && !is_ascii_space(text[pos]) && text[pos] != '/' && text[pos] != '>' && text[pos] != '=') ++pos;
    Attribute attribute{text.substr(name_begin, pos - name_begin), {}};
    size_t look = pos;
    while (look < n && is_ascii_space(text[look])) ++look;
    if (look < n && text[look] == '=') {
      pos = look + 1;
      while (pos < n && is_ascii_space(text[pos])) ++pos;
      if (pos >= n) return std::string_view::npos;
      const char quote = text[pos];
      if (quote == '"' || quote == '\'') {
        const size_t close = text.find(quote, pos + 1);
        if (close == std::string_view::npos) return std::string_view::npos;
        attribute.value = text.substr(pos + 1, close - pos - 1);
        pos = close + 1;
      } else {
        const size_t value_begin = pos;
        while (pos < n && !is_ascii_space(text[pos]) && text[pos] != '>') ++pos;
        attribute.value = text.substr(value_begin, pos - value_begin);
      }
    }
    out.push_back(attribute);
  }
  return std::string_view::npos;
}

// Finds the end tag "</name" (any case) from `pos`, counting nested "<name" when `nested`.
// Returns the position after its '>', or npos.
size_t find_element_end(std::string_view text, size_t pos, std::string_view name, bool nested) {
  int depth = 1;
  while (true) {
    pos = text.find('<', pos);
    if (pos == std::string_view::npos) return pos;
    const bool closing = pos + 1 < text.size() && text[pos + 1] == '/';
    const size_t name_at = pos + (closing ? 2 : 1);
    if (name_at + name.size() <= text.size() && equals_lower(name, text.substr(name_at, name.size())) &&
        (name_at + name.size() == text.size() || !is_ascii_alpha(text[name_at + name.size()]))) {
      if (closing) {
        if (--depth == 0) {
          const size_t gt = text.find('>', name_at);
          return gt == std::string_view::npos ? gt : gt + 1;
        }
      } else if (nested) {
        ++depth;
      }
    }
    ++pos;
  }
}

class Reducer {
 public:
  Reducer(const MappedText& page, int max_depth) : page_(page), text_(page.view()), max_depth_(max_depth) {}

  ReducedPage run() {
    out_.html.reserve(text_.size() / 3);
    const size_t n = text_.size();
    size_t pos = 0;
    size_t text_begin = 0;  // start of pending text
    while (pos < n) {
      const char* found = static_cast<const char*>(std::memchr(text_.data() + pos, '<', n - pos));
      if (!found) break;
      const size_t lt = static_cast<size_t>(found - text_.data());
      if (lt + 1 >= n) break;
      const char next = text_[lt + 1];
      size_t after = std::string_view::npos;
      if (is_ascii_alpha(next)) {
        emit_text(text_begin, lt);
        after = start_tag(lt);
      } else if (next == '/' && lt + 2 < n && is_ascii_alpha(text_[lt + 2])) {
        emit_text(text_begin, lt);
        after = end_tag(lt);
      } else if (next == '!' || next == '?' || next == '/') {
        emit_text(text_begin, lt);
        after = markup_declaration(lt);
      } else {
        pos = lt + 1;  // a bare '<' is text
        continue;
      }
      if (after == std::string_view::npos) {
        // Unterminated markup swallows the rest of the page, as it does for a browser.
        text_begin = n;
        break;
      }
      pos = text_begin = after;
    }
    emit_text(text_begin, n);
    return std::move(out_);
  }

 private:
  // Copies text[begin, end), one space for each whitespace run outside <pre>: the parser emits a
  // token per character, and indentation is a fifth of a page's text.
  void emit_text(size_t begin, size_t end) {
    if (begin >= end) return;
    if (in_pre_ > 0) {
      out_.html.append_copy(page_, begin, end);
      return;
    }
    size_t run = begin;  // start of the pending copy
    size_t i = begin;
    while (i < end) {
      if (!is_ascii_space(text_[i])) {
        ++i;
        continue;
      }
      size_t j = i + 1;
      while (j < end && is_ascii_space(text_[j])) ++j;
      if (j - i == 1 && text_[i] == ' ') {
        i = j;
        continue;
      }
      out_.html.append_copy(page_, run, i);
      const RawSpan raw = page_.to_raw(i, j);
      out_.html.append_replacement(" ", raw.begin, raw.end);
      i = run = j;
    }
    out_.html.append_copy(page_, run, end);
  }

  void emit_tag(size_t begin, size_t end) {
    const RawSpan raw = page_.to_raw(begin, end);
    out_.html.append_replacement(tag_, raw.begin, raw.end);
  }

  static void append_attribute(std::string& tag, std::string_view name, std::string_view value) {
    tag.push_back(' ');
    tag.append(name);
    const char quote = value.find('"') == std::string_view::npos ? '"' : '\'';
    tag.push_back('=');
    tag.push_back(quote);
    tag.append(value);
    tag.push_back(quote);
  }

  // Reads the tag name (lower-cased into name_) and attributes from `pos`; returns the position
  // after the tag, or npos when the tag never closes.
  size_t read_tag(size_t pos, bool& self_closing) {
    name_.clear();
    while (pos < text_.size() && !is_ascii_space(text_[pos]) && text_[pos] != '/' && text_[pos] != '>') {
      name_.push_back(ascii_lower(text_[pos]));
      ++pos;
    }
    self_closing = false;
    return read_attributes(text_, pos, attributes_, self_closing);
  }

  size_t start_tag(size_t lt) {
    bool self_closing = false;
    const size_t after = read_tag(lt + 1, self_closing);
    if (after == std::string_view::npos) return after;

    if (const Skip skip = skip_kind(name_); skip != Skip::kNone) {
      if (self_closing && skip == Skip::kNested) return after;  // <svg/> is empty
      const size_t end = find_element_end(text_, after, name_, skip == Skip::kNested);
      if (name_ == "script" && end != std::string_view::npos) capture_json_ld(after, end);
      // Raw text runs to the end of the page when unclosed; other elements lose only their tag.
      if (end == std::string_view::npos) return skip == Skip::kRawText ? end : after;
      return end;
    }
    if (is_dropped_void(name_)) return after;
    if (name_ == "meta" || name_ == "link") {
      emit_head_tag(lt, after);
      return after;
    }

    const bool counted = !is_void(name_) && !closes_implicitly(name_);
    if (counted) {
      if (depth_ >= max_depth_) {
        ++flattened_open_;
        ++out_.flattened_tags;
        return after;
      }
      ++depth_;
    }
    if (name_ == "pre" || name_ == "listing") ++in_pre_;

    tag_.assign("<");
    tag_.append(name_);
    bool hidden = false;
    for (const Attribute& a : attributes_) {
      if (equals_lower("class", a.name) || equals_lower("id", a.name)) {
        // A third of what is left of a page is class names; only those with a hint are kept.
        lowered_.assign(a.value);
        for (char& c : lowered_) c = ascii_lower(c);
        if (mentions_hint(lowered_)) append_attribute(tag_, equals_lower("id", a.name) ? "id" : "class", lowered_);
      } else if (equals_lower("role", a.name) || equals_lower("itemprop", a.name) ||
                 equals_lower("itemtype", a.name) || equals_lower("datetime", a.name)) {
        append_attribute(tag_, a.name, a.value);
      } else if (equals_lower("hidden", a.name)) {
        hidden = true;
      } else if (equals_lower("aria-hidden", a.name)) {
        if (equals_lower("true", a.value)) hidden = true;
      } else if (equals_lower("style", a.name)) {
        // Inline styles matter only for hiding; "display: none" is kept as the hidden attribute.
        if (contains_lower(a.value, "none") &&
            (contains_lower(a.value, "display:none") || contains_lower(a.value, "display: none"))) {
          hidden = true;
        }
      }
    }
    if (hidden) tag_.append(" hidden");
    tag_.push_back('>');
    emit_tag(lt, after);
    return after;
  }

  // <meta> with a name and content, and <link rel=canonical>: the page's metadata. The rest
  // (preloads, icons, viewport, verification codes) are dropped.
  void emit_head_tag(size_t lt, size_t after) {
    tag_.assign("<");
    tag_.append(name_);
    bool keep = false;
    for (const Attribute& a : attributes_) {
      if (name_ == "meta") {
        if (equals_lower("property", a.name) || equals_lower("name", a.name) || equals_lower("itemprop", a.name)) {
          lowered_.assign(a.value);
          for (char& c : lowered_) c = ascii_lower(c);
          if (!is_metadata_key(lowered_)) return;
          append_attribute(tag_, a.name, a.value);
          keep = true;
        } else if (equals_lower("content", a.name) || equals_lower("datetime", a.name)) {
          append_attribute(tag_, a.name, a.value);
        }
      } else if (equals_lower("rel", a.name)) {
        if (contains_lower(a.value, "canonical")) keep = true;
        append_attribute(tag_, a.name, a.value);
      } else if (equals_lower("href", a.name)) {
        append_attribute(tag_, a.name, a.value);
      }
    }
    if (!keep) return;
    tag_.push_back('>');
    emit_tag(lt, after);
  }

  size_t end_tag(size_t lt) {
    bool self_closing = false;
    const size_t after = read_tag(lt + 2, self_closing);
    if (after == std::string_view::npos) return after;
    if (skip_kind(name_) != Skip::kNone || is_dropped_void(name_)) return after;  // stray end tag
    if (!is_void(name_) && !closes_implicitly(name_)) {
      if (flattened_open_ > 0) {
        --flattened_open_;
        return after;
      }
      if (depth_ > 0) --depth_;
    }
    if ((name_ == "pre" || name_ == "listing") && in_pre_ > 0) --in_pre_;
    tag_.assign("</");
    tag_.append(name_);
    tag_.push_back('>');
    emit_tag(lt, after);
    return after;
  }

  // Comments, doctype, CDATA and other "<!…>"/"<?…>" constructs. Only the doctype is kept: it
  // decides the parser's quirks mode.
  size_t markup_declaration(size_t lt) {
    if (text_.compare(lt, 4, "<!--") == 0) {
      const size_t close = text_.find("-->", lt + 4);
      return close == std::string_view::npos ? close : close + 3;
    }
    const size_t gt = text_.find('>', lt + 1);
    if (gt == std::string_view::npos) return gt;
    if (lt + 9 <= text_.size() && equals_lower("<!doctype", text_.substr(lt, 9))) {
      out_.html.append_copy(page_, lt, gt + 1);
    }
    return gt + 1;
  }

  void capture_json_ld(size_t content_begin, size_t element_end) {
    bool json_ld = false;
    for (const Attribute& a : attributes_) {
      if (equals_lower("type", a.name) && contains_lower(a.value, "ld+json")) json_ld = true;
    }
    if (!json_ld) return;
    // element_end is just past "</script>"; its '<' is the last one before the '>'.
    const size_t close = text_.rfind('<', element_end - 1);
    if (close == std::string_view::npos || close < content_begin) return;
    out_.json_ld.emplace_back(text_.substr(content_begin, close - content_begin));
  }

  const MappedText& page_;
  const std::string_view text_;
  ReducedPage out_;
  std::string name_;
  std::string tag_;
  std::string lowered_;
  std::vector<Attribute> attributes_;
  int depth_ = 0;
  int flattened_open_ = 0;
  int max_depth_ = kDefaultMaxHtmlDepth;
  int in_pre_ = 0;
};

}  // namespace

ReducedPage reduce_page(const MappedText& page, int max_depth) { return Reducer(page, max_depth).run(); }

}  // namespace salvo
