// ASCII case folding: the eight-byte path of lower_ascii agrees with the byte rule on every byte
// value, at every alignment and length, and leaves UTF-8 alone.
#include "salvo/base/ascii.h"

#include <gtest/gtest.h>

#include <string>

namespace salvo {
namespace {

std::string lowered_byte_by_byte(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_lower_ascii(c);
  return out;
}

TEST(LowerAscii, AgreesWithTheByteRuleOnEveryByte) {
  std::string all;
  for (int c = 0; c < 256; ++c) all.push_back(static_cast<char>(c));
  for (size_t begin = 0; begin < 16; ++begin) {
    for (size_t length : {size_t{0}, size_t{1}, size_t{7}, size_t{8}, size_t{9}, size_t{63}, all.size() - begin}) {
      const std::string_view piece = std::string_view(all).substr(begin, length);
      EXPECT_EQ(lower_ascii(piece), lowered_byte_by_byte(piece)) << begin << " " << length;
    }
  }
}

TEST(LowerAscii, LowersNewsText) {
  EXPECT_EQ(lower_ascii("Three US Soldiers Were KILLED at Tower 22, Jordan — “No Damage”"),
            "three us soldiers were killed at tower 22, jordan — “no damage”");
  EXPECT_EQ(lower_ascii("@[`{ AZ az"), "@[`{ az az");
}

}  // namespace
}  // namespace salvo
