#include "salvo/record/json_writer.h"

#include <nlohmann/json.hpp>

#include <array>
#include <charconv>
#include <cmath>

#include "salvo/markup/decode.h"

namespace salvo {
namespace {

// What a byte becomes inside a JSON string, as nlohmann writes it: 0 = itself, 1 = a two-byte
// escape (\" \\ \b \f \n \r \t), 2 = \u00XX (the other C0 controls, lowercase hex), 3 = the start
// of a multi-byte UTF-8 sequence, to be validated.
constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = 2;
  for (int c : {'"', '\\', '\b', '\f', '\n', '\r', '\t'}) table[c] = 1;
  for (int c = 0x80; c < 0x100; ++c) table[c] = 3;
  return table;
}();

char short_escape(char c) {
  switch (c) {
    case '\b': return 'b';
    case '\f': return 'f';
    case '\n': return 'n';
    case '\r': return 'r';
    case '\t': return 't';
    default: return c;  // '"' and '\\' escape as themselves
  }
}

}  // namespace

void JsonWriter::append_string(std::string& out, std::string_view text) {
  const size_t start = out.size();
  out.push_back('"');
  size_t run = 0;  // start of the bytes copied as they are
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const uint8_t kind = kByteClass[c];
    if (kind == 0) {
      ++i;
      continue;
    }
    if (kind == 3) {
      const size_t length = utf8_sequence_length(text, i);
      if (length == 0) {
        // Invalid UTF-8: nlohmann's replacement rules (where a bad sequence ends, which bytes are
        // read again) are its own, and the case is rare (text is decoded to valid UTF-8 first),
        // so the whole string is written by nlohmann itself.
        out.resize(start);
        out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
      }
      i += length;
      continue;
    }
    out.append(text.data() + run, i - run);
    out.push_back('\\');
    if (kind == 1) {
      out.push_back(short_escape(static_cast<char>(c)));
    } else {
      static constexpr char kHex[] = "0123456789abcdef";
      out.append("u00");
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
    run = ++i;
  }
  out.append(text.data() + run, text.size() - run);
  out.push_back('"');
}

void JsonWriter::key(std::string_view name) {
  separate();
  append_string(out_, name);
  out_.push_back(':');
  need_comma_ = false;
}

void JsonWriter::value(std::string_view text) {
  separate();
  append_string(out_, text);
}

void JsonWriter::value(bool b) {
  separate();
  out_.append(b ? "true" : "false");
}

void JsonWriter::null() {
  separate();
  out_.append("null");
}

void JsonWriter::write_signed(long long n) {
  separate();
  char buffer[24];
  const char* end = std::to_chars(buffer, buffer + sizeof buffer, n).ptr;
  out_.append(buffer, static_cast<size_t>(end - buffer));
}

void JsonWriter::write_unsigned(unsigned long long n) {
  separate();
  char buffer[24];
  const char* end = std::to_chars(buffer, buffer + sizeof buffer, n).ptr;
  out_.append(buffer, static_cast<size_t>(end - buffer));
}

void JsonWriter::value(double x) {
  separate();
  if (!std::isfinite(x)) {
    out_.append("null");
    return;
  }
  // nlohmann's own Grisu2 formatting ("1.0", "0.85", "1e-05"), so numbers print as its dump does.
  char buffer[64];
  const char* end = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, x);
  out_.append(buffer, static_cast<size_t>(end - buffer));
}

}  // namespace salvo
