// Stepping through UTF-8 one character at a time, from the first byte alone.
#pragma once

#include <cstddef>

namespace salvo {

// The byte length of the UTF-8 character whose first byte is `c`: 1 for ASCII and for a stray
// continuation byte (so a scanner never steps over the byte after one), else 2, 3 or 4 as the
// first byte says. Clean text is valid UTF-8; the rule keeps scanners of other text in step.
constexpr size_t utf8_length(unsigned char c) { return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1; }

}  // namespace salvo
