// First step from raw bytes to text: valid UTF-8, with every byte traced to the raw input.
#pragma once

#include <string_view>

#include "salvo/base/mapped_text.h"

namespace salvo {

struct DecodeStats {
  size_t invalid_sequences = 0;  // replaced by U+FFFD
  size_t control_bytes = 0;      // NUL and other C0 controls dropped
};

// Turns raw[begin, end) into valid UTF-8: each invalid byte sequence becomes U+FFFD (mapped to the
// bytes it replaces), CR LF and lone CR become LF, other C0 controls but tab and LF are dropped.
MappedText decode_utf8(std::string_view raw, size_t begin, size_t end, DecodeStats* stats = nullptr);

// Length of the valid UTF-8 sequence at s[i], or 0 if the bytes there are not one.
size_t utf8_sequence_length(std::string_view s, size_t i);

}  // namespace salvo
