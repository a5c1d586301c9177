// What every fuzz target shares: a check that aborts (so libFuzzer records the input as a crash)
// when an invariant of the code under test does not hold, and views of the input.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace salvo::fuzz {

// Not assert(): fuzz builds keep NDEBUG off or on as they like; this always checks.
#define SALVO_FUZZ_CHECK(condition)                                                          \
  do {                                                                                       \
    if (!(condition)) {                                                                      \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                          \
    }                                                                                        \
  } while (0)

inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Whether [begin, end) is a range of a text of `size` bytes.
inline bool within(size_t begin, size_t end, size_t size) { return begin <= end && end <= size; }

}  // namespace salvo::fuzz
