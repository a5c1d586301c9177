// Text from articles (ids, titles, URLs, file names, sentences) made safe to print on a terminal:
// an article or a file name may hold ESC sequences that move the cursor, rewrite what was
// printed, retitle the window or worse. Control characters (C0, DEL, C1) and bytes that are not
// UTF-8 (a lone 0x9B is CSI to an 8-bit terminal) are written as visible escapes: "\x1B".
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>

#include "salvo/base/utf8.h"

namespace salvo {

inline std::string terminal_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const size_t n = utf8_character_at(text, i);
    // U+0080–U+009F, the C1 controls, are C2 80–C2 9F in UTF-8.
    const bool c1 = n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;
    if (n == 0 || c < 0x20 || c == 0x7F || c1) {
      for (size_t k = 0; k < (n == 0 ? 1 : n); ++k) out += fmt::format("\\x{:02X}", static_cast<unsigned char>(text[i + k]));
      i += n == 0 ? 1 : n;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

}  // namespace salvo
