// Stepping through UTF-8 one character at a time, from the first byte alone.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace salvo {

// The byte length of the UTF-8 character whose first byte is `c`: 1 for ASCII and for a stray
// continuation byte (so a scanner never steps over the byte after one), else 2, 3 or 4 as the
// first byte says. Clean text is valid UTF-8; the rule keeps scanners of other text in step.
constexpr size_t utf8_length(unsigned char c) { return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1; }

// The length of the well-formed UTF-8 character at `s[i]` (Unicode table 3-7: no overlong form,
// no surrogate, nothing past U+10FFFF), or 0 when the bytes there are not one. For text that may
// be any bytes (file names, raw articles) before it is written where only UTF-8 may go.
constexpr size_t utf8_character_at(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  const size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  // The second byte's range depends on the first; the others are any continuation byte.
  const unsigned char low = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
  const unsigned char high = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (size_t k = 2; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return n;
}

// `text` with each byte that is not part of a well-formed UTF-8 character replaced by what
// `replace(byte)` returns (a string): for bytes that must go where only UTF-8 may (JSON, ids).
template <typename Replace>
std::string with_invalid_bytes_replaced(std::string_view text, Replace replace) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (const size_t n = utf8_character_at(text, i)) {
      out.append(text.substr(i, n));
      i += n;
    } else {
      out += replace(static_cast<unsigned char>(text[i++]));
    }
  }
  return out;
}

}  // namespace salvo
