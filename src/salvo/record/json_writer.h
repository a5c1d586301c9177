// JSON text written as it is produced, with no tree: the records of `salvo extract` leave through
// it. Its bytes are exactly those of nlohmann's `dump(-1, ' ', false, error_handler_t::replace)`
// of the same values (same escapes, same number formatting, U+FFFD for invalid UTF-8), checked by
// fuzz/fuzz_json_writer.cc and tests/record/json_writer_test.cc, so switching a caller from a
// tree to the writer changes no output byte. Building an nlohmann tree and dumping it cost 10–12%
// of extraction (issue 20).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace salvo {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // The key of the next value within an object.
  void key(std::string_view name);

  void value(std::string_view text);
  void value(const char* text) { value(std::string_view(text)); }
  void value(const std::string& text) { value(std::string_view(text)); }
  void value(bool b);
  void value(int n) { write_signed(n); }
  void value(long n) { write_signed(n); }
  void value(long long n) { write_signed(n); }
  void value(unsigned n) { write_unsigned(n); }
  void value(unsigned long n) { write_unsigned(n); }
  void value(unsigned long long n) { write_unsigned(n); }
  void value(double x);
  void null();
  template <typename T>
  void value(const std::optional<T>& v) {
    if (v) value(*v); else null();
  }

  // Appends `text` as a JSON string (quoted, escaped) to `out`.
  static void append_string(std::string& out, std::string_view text);

 private:
  void open(char bracket) {
    separate();
    out_.push_back(bracket);
    need_comma_ = false;
  }
  void close(char bracket) {
    out_.push_back(bracket);
    need_comma_ = true;
  }
  // A comma before every member or element but the first of its container.
  void separate() {
    if (need_comma_) out_.push_back(',');
    need_comma_ = true;
  }
  void write_signed(long long n);
  void write_unsigned(unsigned long long n);

  std::string& out_;
  bool need_comma_ = false;
};

}  // namespace salvo
