#include "salvo/base/terminal_text.h"

#include <gtest/gtest.h>

namespace salvo {
namespace {

TEST(TerminalText, ControlCharactersAndBytesThatAreNotUtf8AreWrittenVisibly) {
  EXPECT_EQ(terminal_text("Erbil air base"), "Erbil air base");
  EXPECT_EQ(terminal_text("al-As\xC4\x81" "d \xE2\x80\x94 \xF0\x9F\x9A\x80"), "al-As\xC4\x81" "d \xE2\x80\x94 \xF0\x9F\x9A\x80");  // UTF-8 kept
  EXPECT_EQ(terminal_text("\x1B[2J\x1B]0;owned\x07"), "\\x1B[2J\\x1B]0;owned\\x07");  // clear screen, retitle
  EXPECT_EQ(terminal_text("a\rb\nc\td\x7F"), "a\\x0Db\\x0Ac\\x09d\\x7F");
  EXPECT_EQ(terminal_text("\xC2\x9B" "31m"), "\\xC2\\x9B31m");  // U+009B, CSI of the C1 set
  EXPECT_EQ(terminal_text("\x9B" "31m"), "\\x9B31m");              // the same as one raw byte
  EXPECT_EQ(terminal_text("caf\xE9"), "caf\\xE9");
}

}  // namespace
}  // namespace salvo
