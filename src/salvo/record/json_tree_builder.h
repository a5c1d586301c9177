// The JsonWriter's calls, building an nlohmann tree instead of text: for the callers that read a
// record as values (the store, the table format, the tests). A record is written once, by one
// template over either sink, so its text and its tree cannot drift apart.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <type_traits>
#include <string>
#include <string_view>
#include <vector>

namespace salvo {

class JsonTreeBuilder {
 public:
  using json = nlohmann::ordered_json;

  void begin_object() { open(json::object()); }
  void end_object() { close(); }
  void begin_array() { open(json::array()); }
  void end_array() { close(); }
  void key(std::string_view name) { key_.assign(name); }

  void value(std::string_view text) { add(json(std::string(text))); }
  void value(const char* text) { add(json(text)); }
  void value(const std::string& text) { add(json(text)); }
  // Numbers and booleans keep their C++ type, as json(v) would (unsigned stays unsigned).
  template <typename T>
    requires std::is_arithmetic_v<T>
  void value(T v) {
    add(json(v));
  }
  void null() { add(json(nullptr)); }
  template <typename T>
  void value(const std::optional<T>& v) {
    if (v) value(*v); else null();
  }

  // The finished tree (after the outermost end_object/end_array).
  json take() { return std::move(root_); }

 private:
  void open(json container) {
    const bool at_root = stack_.empty();
    add(std::move(container));
    // The container just added is its parent's last member or element (objects keep insertion
    // order); pointers into a parent stay valid, as nothing is added to it until this one closes.
    stack_.push_back(at_root ? &root_ : &stack_.back()->back());
  }
  void close() { stack_.pop_back(); }
  void add(json v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return;
    }
    json& top = *stack_.back();
    if (top.is_object()) {
      top[key_] = std::move(v);
    } else {
      top.push_back(std::move(v));
    }
  }

  json root_;
  std::vector<json*> stack_;
  std::string key_;
};

}  // namespace salvo
