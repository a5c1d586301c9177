// The lines of a text in memory, one at a time, numbered from 1 as an editor numbers them: what
// every reader of line-based files (TSV data, JSONL feeds, extracted records) walks, and what its
// messages cite ("file:line").
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace salvo {

class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}

  // The next line without its '\n' (a '\r' before it stays), or nothing after the last. A final
  // '\n' ends the last line; it does not start an empty one.
  std::optional<std::string_view> next() {
    if (pos_ >= text_.size()) return std::nullopt;
    size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    const std::string_view line = text_.substr(pos_, end - pos_);
    pos_ = end + 1;
    ++number_;
    return line;
  }
  // The number of the line next() returned last.
  size_t number() const { return number_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  size_t number_ = 0;
};

}  // namespace salvo
