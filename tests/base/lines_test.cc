// Lines: the numbered lines of a text, as the data, feed and record readers cite them.
#include "salvo/base/lines.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace salvo {
namespace {

std::vector<std::string> all_lines(std::string_view text) {
  std::vector<std::string> out;
  Lines lines(text);
  while (const auto line = lines.next()) out.push_back(std::to_string(lines.number()) + ":" + std::string(*line));
  return out;
}

TEST(Lines, NumbersEveryLineAndAFinalNewlineStartsNone) {
  EXPECT_EQ(all_lines("a\nb\n"), (std::vector<std::string>{"1:a", "2:b"}));
  EXPECT_EQ(all_lines("a\n\nb"), (std::vector<std::string>{"1:a", "2:", "3:b"}));
  EXPECT_EQ(all_lines("a\r\nb"), (std::vector<std::string>{"1:a\r", "2:b"}));
  EXPECT_TRUE(all_lines("").empty());
  EXPECT_EQ(all_lines("\n"), (std::vector<std::string>{"1:"}));
}

}  // namespace
}  // namespace salvo
