// A few words beside a position in a text, as views of it, without allocating: the rules of the
// recognizer and the extractor look at a handful of words either side of every mention.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace salvo {

template <size_t N>
class NearbyWords {
 public:
  bool empty() const { return count_ == 0; }
  size_t size() const { return count_; }
  bool full() const { return count_ == N; }
  std::string_view operator[](size_t i) const { return words_[i]; }
  const std::string_view* begin() const { return words_.data(); }
  const std::string_view* end() const { return words_.data() + count_; }
  void push_back(std::string_view word) { words_[count_++] = word; }
  // The words without the nearest one ("on" in "on Monday said").
  void drop_first() {
    for (size_t i = 1; i < count_; ++i) words_[i - 1] = words_[i];
    if (count_ > 0) --count_;
  }

 private:
  std::array<std::string_view, N> words_{};
  size_t count_ = 0;
};

}  // namespace salvo
