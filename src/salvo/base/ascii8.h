// Eight bytes at a time over ASCII text: which bytes are letters or digits, so that the end of a
// word is found with one count of trailing zeros rather than a branch per byte. The fold and the
// tokenizers look for the end of every word of every article; a byte loop mispredicts its exit
// about once a word.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace salvo::ascii8 {

// The eight-byte path reads bytes in text order from the low end of a word.
inline constexpr bool kUsable = std::endian::native == std::endian::little;

inline constexpr uint64_t kOnes = 0x0101010101010101;
inline constexpr uint64_t kHigh = 0x8080808080808080;

inline uint64_t load(const unsigned char* p) {
  uint64_t x;
  std::memcpy(&x, p, 8);
  return x;
}

// Bit 7 set in each byte of `x` that lies in [lo, hi], for ASCII bounds. Each byte is added to
// with its top bit cleared, so no sum carries into the next byte; non-ASCII bytes are masked out.
constexpr uint64_t in_range(uint64_t x, unsigned char lo, unsigned char hi) {
  const uint64_t low = x & 0x7f * kOnes;
  const uint64_t at_least_lo = low + (0x80 - lo) * kOnes;
  const uint64_t above_hi = low + (0x80 - hi - 1) * kOnes;
  return at_least_lo & ~above_hi & ~x & kHigh;
}

// ASCII letters, in either case ('A' | 0x20 is 'a'): as `(c | 0x20) - 'a' < 26` byte by byte.
constexpr uint64_t letters(uint64_t x) { return in_range(x | 0x20 * kOnes, 'a', 'z'); }
constexpr uint64_t digits(uint64_t x) { return in_range(x, '0', '9'); }

// How many leading bytes (in text order) have their bit set in `mask`: 0 to 8.
constexpr size_t leading(uint64_t mask) {
  const uint64_t outside = ~mask & kHigh;
  return outside == 0 ? 8 : static_cast<size_t>(std::countr_zero(outside)) / 8;
}

// Whether `text` holds an ASCII digit: eight bytes a test.
inline bool contains_digit(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  size_t i = 0;
  if constexpr (kUsable) {
    for (; text.size() - i >= 8; i += 8) {
      if (digits(load(bytes + i)) != 0) return true;
    }
  }
  for (; i < text.size(); ++i) {
    if (bytes[i] >= '0' && bytes[i] <= '9') return true;
  }
  return false;
}

// `x` lower-cased (ASCII letters; the caller knows which bytes are letters) and cut to its first
// `length` bytes (at most 8).
constexpr uint64_t lowered_head(uint64_t x, size_t length) {
  const uint64_t lowered = x | 0x20 * kOnes;
  return length >= 8 ? lowered : lowered & ((uint64_t{1} << (8 * length)) - 1);
}

}  // namespace salvo::ascii8
