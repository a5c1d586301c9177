// Errors as values at module boundaries: a Result holds either a value or an Error whose message
// names where the problem is (file:line when there is one). Nothing in Salvo throws across a stage.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace salvo {

struct Error {
  std::string message;  // complete, user-facing: "seeds/x.jsonl:14: expected an object"
};

template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}             // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}         // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace salvo
