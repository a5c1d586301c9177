// ASCII character classes and case, without the C library's locale look-ups: news text is
// compared with English words byte by byte, and std::tolower / std::isalnum calls were the top of
// the extraction profile. Bytes >= 0x80 (UTF-8) are never letters or digits here.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "salvo/base/ascii8.h"

namespace salvo {

constexpr bool is_ascii_alpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
constexpr bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }
constexpr char to_lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }

constexpr bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (to_lower_ascii(a[i]) != to_lower_ascii(b[i])) return false;
  }
  return true;
}

// Eight bytes at a time (the whole clean text of every article is lowered once for the rules):
// each byte in 'A'..'Z' gains 0x20, from the bit in_range sets at 0x80.
inline std::string lower_ascii(std::string_view s) {
  std::string out(s);
  auto* bytes = reinterpret_cast<unsigned char*>(out.data());
  size_t i = 0;
  if constexpr (ascii8::kUsable) {
    for (; out.size() - i >= 8; i += 8) {
      const uint64_t x = ascii8::load(bytes + i);
      const uint64_t lowered = x | ascii8::in_range(x, 'A', 'Z') >> 2;
      std::memcpy(bytes + i, &lowered, 8);
    }
  }
  for (; i < out.size(); ++i) out[i] = to_lower_ascii(out[i]);
  return out;
}

}  // namespace salvo
