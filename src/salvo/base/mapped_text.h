// Text that remembers where every byte came from in the raw article.
//
// Every stage that changes text (UTF-8 repair, markup removal, cleaning) reads a MappedText and
// builds a new one, copying slices (whose raw positions carry over) or inserting replacements
// (an entity, a repaired space) that stand for a whole raw range. Any span of the final text can
// then be traced to the exact raw bytes it came from, which is what evidence offsets promise.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace salvo {

struct RawSpan {
  size_t begin = 0;
  size_t end = 0;
  bool operator==(const RawSpan&) const = default;
};

// A byte range of a MappedText's own text.
struct TextSpan {
  size_t begin = 0;
  size_t end = 0;
  bool operator==(const TextSpan&) const = default;
};

class MappedText {
 public:
  // A segment covers text[text_begin, next segment's text_begin). A copied segment maps byte for
  // byte onto raw[raw_begin, …); a replacement maps every byte onto the whole raw[raw_begin, raw_end).
  struct Segment {
    size_t text_begin;
    size_t raw_begin;
    size_t raw_end;  // for copies: raw_begin + length (kept so slicing needs no lookahead)
    bool copied;
  };

  MappedText() = default;
  // Identity mapping: `text` is the raw bytes starting at raw offset `raw_base`.
  static MappedText identity(std::string_view text, size_t raw_base = 0);

  const std::string& text() const { return text_; }
  std::string_view view() const { return text_; }
  size_t size() const { return text_.size(); }
  bool empty() const { return text_.empty(); }
  const std::vector<Segment>& segments() const { return segments_; }

  // The raw bytes that produced text[begin, end). Empty ranges map to a zero-width raw position.
  RawSpan to_raw(size_t begin, size_t end) const;
  // The inverse, for a reader of this text: the text range [begin, end) spanning every byte that
  // came from within raw[raw.begin, raw.end) (a replacement only if its whole raw range does; an
  // inserted byte only strictly inside). {0, 0} when none did. For a span of this text,
  // from_raw(to_raw(b, e)) gives [b, e) back unless a replacement straddles its edges.
  TextSpan from_raw(RawSpan raw) const;

  // Appending, used by stages building their output.
  void append_copy(const MappedText& source, size_t begin, size_t end);
  void append_raw_copy(std::string_view bytes, size_t raw_begin);
  void append_replacement(std::string_view bytes, size_t raw_begin, size_t raw_end);
  // Text with no raw source of its own (a repaired space): it sits at raw position `raw_at`.
  void append_inserted(std::string_view bytes, size_t raw_at) { append_replacement(bytes, raw_at, raw_at); }

  void reserve(size_t bytes) { text_.reserve(bytes); }
  // Empties the text, keeping the memory for what is appended next.
  void clear() {
    text_.clear();
    segments_.clear();
  }
  // Drops trailing bytes (e.g. whitespace) from the end.
  void truncate(size_t new_size);
  char back() const { return text_.back(); }

 private:
  size_t segment_index(size_t text_pos) const;  // segment containing text_pos (text_pos < size)
  size_t raw_begin_at(size_t text_pos) const;
  size_t raw_end_at(size_t text_pos) const;     // end of the raw bytes behind the byte at text_pos

  std::string text_;
  std::vector<Segment> segments_;
};

}  // namespace salvo
