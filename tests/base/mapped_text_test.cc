#include "salvo/base/mapped_text.h"

#include <gtest/gtest.h>

namespace salvo {
namespace {

TEST(MappedText, IdentityMapsByteForByte) {
  const MappedText text = MappedText::identity("hello world", 10);
  EXPECT_EQ(text.to_raw(0, 5), (RawSpan{10, 15}));
  EXPECT_EQ(text.to_raw(6, 11), (RawSpan{16, 21}));
}

TEST(MappedText, ReplacementMapsToItsWholeRawRange) {
  MappedText text;
  text.append_raw_copy("AT", 0);
  text.append_replacement("&", 2, 7);  // "&amp;" at raw 2..7
  text.append_raw_copy("T", 7);
  EXPECT_EQ(text.text(), "AT&T");
  EXPECT_EQ(text.to_raw(0, 4), (RawSpan{0, 8}));
  EXPECT_EQ(text.to_raw(2, 3), (RawSpan{2, 7}));
  EXPECT_EQ(text.to_raw(3, 4), (RawSpan{7, 8}));
}

TEST(MappedText, CopyComposesMappings) {
  MappedText first;
  first.append_raw_copy("abc", 100);
  first.append_inserted(" ", 103);
  first.append_raw_copy("def", 103);
  MappedText second;
  second.append_copy(first, 2, 6);  // "c de"
  EXPECT_EQ(second.text(), "c de");
  EXPECT_EQ(second.to_raw(0, 4), (RawSpan{102, 105}));
  EXPECT_EQ(second.to_raw(1, 2), (RawSpan{103, 103}));  // the inserted space has no bytes
}

TEST(MappedText, ContiguousCopiesMerge) {
  MappedText text;
  text.append_raw_copy("ab", 0);
  text.append_raw_copy("cd", 2);
  EXPECT_EQ(text.segments().size(), 1u);
  text.truncate(3);
  EXPECT_EQ(text.text(), "abc");
  EXPECT_EQ(text.to_raw(0, 3), (RawSpan{0, 3}));
}

}  // namespace
}  // namespace salvo
