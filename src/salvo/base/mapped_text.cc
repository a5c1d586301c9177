#include "salvo/base/mapped_text.h"

#include <algorithm>
#include <cassert>

namespace salvo {

MappedText MappedText::identity(std::string_view text, size_t raw_base) {
  MappedText mapped;
  mapped.append_raw_copy(text, raw_base);
  return mapped;
}

size_t MappedText::segment_index(size_t text_pos) const {
  auto it = std::upper_bound(segments_.begin(), segments_.end(), text_pos,
                             [](size_t pos, const Segment& s) { return pos < s.text_begin; });
  assert(it != segments_.begin());
  return static_cast<size_t>(it - segments_.begin()) - 1;
}

size_t MappedText::raw_begin_at(size_t text_pos) const {
  const Segment& s = segments_[segment_index(text_pos)];
  return s.copied ? s.raw_begin + (text_pos - s.text_begin) : s.raw_begin;
}

size_t MappedText::raw_end_at(size_t text_pos) const {
  const Segment& s = segments_[segment_index(text_pos)];
  return s.copied ? s.raw_begin + (text_pos - s.text_begin) + 1 : s.raw_end;
}

RawSpan MappedText::to_raw(size_t begin, size_t end) const {
  if (segments_.empty()) return {};
  if (begin >= text_.size()) {
    const Segment& last = segments_.back();
    size_t at = last.raw_end;
    return {at, at};
  }
  if (end <= begin) {
    size_t at = raw_begin_at(begin);
    return {at, at};
  }
  return {raw_begin_at(begin), std::max(raw_begin_at(begin), raw_end_at(end - 1))};
}

TextSpan MappedText::from_raw(RawSpan raw) const {
  // Segments are few (one per copied run or replacement): a scan, not a search, which also holds
  // if a stage ever reordered text.
  size_t first = text_.size(), last = 0;
  for (size_t i = 0; i < segments_.size(); ++i) {
    const Segment& s = segments_[i];
    const size_t text_end = i + 1 < segments_.size() ? segments_[i + 1].text_begin : text_.size();
    size_t begin = s.text_begin, end = s.text_begin;
    if (s.copied) {
      const size_t from = std::max(raw.begin, s.raw_begin), to = std::min(raw.end, s.raw_end);
      if (from < to) begin = s.text_begin + (from - s.raw_begin), end = s.text_begin + (to - s.raw_begin);
    } else if (s.raw_begin == s.raw_end ? raw.begin < s.raw_begin && s.raw_begin < raw.end
                                        : raw.begin <= s.raw_begin && s.raw_end <= raw.end) {
      end = text_end;
    }
    if (begin < end) first = std::min(first, begin), last = std::max(last, end);
  }
  return first < last ? TextSpan{first, last} : TextSpan{};
}

void MappedText::append_raw_copy(std::string_view bytes, size_t raw_begin) {
  if (bytes.empty()) return;
  if (!segments_.empty()) {
    Segment& last = segments_.back();
    // Contiguous with the previous copy: extend it instead of adding a segment.
    if (last.copied && last.raw_end == raw_begin) {
      last.raw_end += bytes.size();
      text_.append(bytes);
      return;
    }
  }
  segments_.push_back({text_.size(), raw_begin, raw_begin + bytes.size(), true});
  text_.append(bytes);
}

void MappedText::append_replacement(std::string_view bytes, size_t raw_begin, size_t raw_end) {
  if (bytes.empty()) return;
  segments_.push_back({text_.size(), raw_begin, raw_end, false});
  text_.append(bytes);
}

void MappedText::append_copy(const MappedText& source, size_t begin, size_t end) {
  end = std::min(end, source.size());
  if (begin >= end) return;
  size_t i = source.segment_index(begin);
  size_t pos = begin;
  while (pos < end) {
    const Segment& s = source.segments_[i];
    size_t seg_end = (i + 1 < source.segments_.size()) ? source.segments_[i + 1].text_begin : source.size();
    size_t piece_end = std::min(seg_end, end);
    std::string_view piece(source.text_.data() + pos, piece_end - pos);
    if (s.copied) {
      append_raw_copy(piece, s.raw_begin + (pos - s.text_begin));
    } else {
      append_replacement(piece, s.raw_begin, s.raw_end);
    }
    pos = piece_end;
    ++i;
  }
}

void MappedText::truncate(size_t new_size) {
  if (new_size >= text_.size()) return;
  text_.resize(new_size);
  while (!segments_.empty() && segments_.back().text_begin >= new_size) segments_.pop_back();
  if (!segments_.empty() && segments_.back().copied) {
    Segment& last = segments_.back();
    last.raw_end = last.raw_begin + (new_size - last.text_begin);
  }
}

}  // namespace salvo
