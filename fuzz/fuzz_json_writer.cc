// The JSON writer against nlohmann's dump: random values (strings of any bytes, integers,
// doubles, nesting) written both ways must give the same bytes. The input is read as a little
// program: each byte picks what to write next, and the bytes after it are the value.
#include <nlohmann/json.hpp>

#include <cstring>
#include <vector>

#include "fuzz_support.h"
#include "salvo/record/json_writer.h"

using namespace salvo;
using namespace salvo::fuzz;
using json = nlohmann::ordered_json;

namespace {

struct Reader {
  const uint8_t* data;
  size_t size;
  size_t at = 0;
  bool done() const { return at >= size; }
  uint8_t byte() { return done() ? 0 : data[at++]; }
  template <typename T>
  T number() {
    T v{};
    uint8_t bytes[sizeof(T)] = {};
    for (auto& b : bytes) b = byte();
    std::memcpy(&v, bytes, sizeof(T));
    return v;
  }
  std::string text() {
    const size_t length = std::min<size_t>(byte(), size - std::min(at, size));
    std::string s(reinterpret_cast<const char*>(data + at), length);
    at += length;
    return s;
  }
};

// Writes one value both ways: `tree` gets the nlohmann value, `writer` the same calls.
json write_value(Reader& in, JsonWriter& writer, int depth) {
  switch (in.byte() % 8) {
    case 0: writer.null(); return nullptr;
    case 1: { const bool b = in.byte() & 1; writer.value(b); return b; }
    case 2: { const auto n = in.number<long long>(); writer.value(n); return n; }
    case 3: { const auto n = in.number<unsigned long long>(); writer.value(n); return n; }
    case 4: { const auto x = in.number<double>(); writer.value(x); return x; }
    case 5: {
      if (depth > 8) break;
      json array = json::array();
      writer.begin_array();
      for (int n = in.byte() % 5; n > 0 && !in.done(); --n) array.push_back(write_value(in, writer, depth + 1));
      writer.end_array();
      return array;
    }
    case 6: {
      if (depth > 8) break;
      json object = json::object();
      writer.begin_object();
      for (int n = in.byte() % 5; n > 0 && !in.done(); --n) {
        std::string key = in.text();
        // A repeated key would be one member in the tree and two in the text: make it unique.
        while (object.contains(key)) key += '_';
        writer.key(key);
        object[key] = write_value(in, writer, depth + 1);
      }
      writer.end_object();
      return object;
    }
    default: break;
  }
  std::string s = in.text();
  writer.value(s);
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The whole input as one string: escaping and invalid UTF-8 on every byte sequence.
  const std::string_view whole = as_text(data, size);
  std::string text;
  JsonWriter(text).value(whole);
  SALVO_FUZZ_CHECK(text == json(std::string(whole)).dump(-1, ' ', false, json::error_handler_t::replace));

  Reader in{data, size};
  std::string written;
  JsonWriter writer(written);
  const json tree = write_value(in, writer, 0);
  SALVO_FUZZ_CHECK(written == tree.dump(-1, ' ', false, json::error_handler_t::replace));
  return 0;
}
