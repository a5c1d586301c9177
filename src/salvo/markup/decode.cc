#include "salvo/markup/decode.h"

namespace salvo {

size_t utf8_sequence_length(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  size_t length = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte (RFC 3629 table)
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no UTF-16 surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  if (b1 < lo || b1 > hi) return 0;
  for (size_t k = 2; k < length; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  return length;
}

MappedText decode_utf8(std::string_view raw, size_t begin, size_t end, DecodeStats* stats) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  MappedText out;
  out.reserve(end - begin);
  size_t run_start = begin;  // start of the current run of bytes copied unchanged
  size_t i = begin;
  auto flush = [&](size_t upto) {
    if (upto > run_start) out.append_raw_copy(raw.substr(run_start, upto - run_start), run_start);
  };
  while (i < end) {
    const auto c = static_cast<unsigned char>(raw[i]);
    if (c >= 0x20 && c < 0x80) {
      ++i;
      continue;
    }
    if (c == '\n' || c == '\t') {
      ++i;
      continue;
    }
    if (c == '\r') {
      flush(i);
      if (i + 1 < end && raw[i + 1] == '\n') {
        run_start = ++i;  // CR LF: keep the LF only
      } else {
        out.append_replacement("\n", i, i + 1);
        run_start = ++i;
      }
      continue;
    }
    if (c < 0x20 || c == 0x7F) {
      flush(i);
      if (stats) ++stats->control_bytes;
      run_start = ++i;
      continue;
    }
    const size_t length = utf8_sequence_length(raw.substr(0, end), i);
    if (length > 0) {
      i += length;
      continue;
    }
    // Invalid: replace this byte and any continuation bytes that follow it with one U+FFFD.
    flush(i);
    size_t bad_end = i + 1;
    while (bad_end < end && (static_cast<unsigned char>(raw[bad_end]) & 0xC0) == 0x80 && bad_end - i < 4) ++bad_end;
    out.append_replacement(kReplacement, i, bad_end);
    if (stats) ++stats->invalid_sequences;
    run_start = i = bad_end;
  }
  flush(end);
  return out;
}

}  // namespace salvo
