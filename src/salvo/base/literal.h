// Comparison with a string literal whose length the compiler knows. std::string_view's == calls
// memcmp with a length known only at run time; here, after the size check, memcmp has a constant
// length and compiles to an integer comparison or two. For words compared on every match or
// every word of an article.
#pragma once

#include <cstddef>
#include <cstring>
#include <string_view>

namespace salvo {

template <size_t N>
inline bool is_literal(std::string_view s, const char (&literal)[N]) {
  return s.size() == N - 1 && std::memcmp(s.data(), literal, N - 1) == 0;
}

}  // namespace salvo
