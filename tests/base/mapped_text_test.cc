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

// A reader marks evidence (raw offsets) in the text it reads: the text range behind a raw range.
TEST(MappedText, FromRawFindsTheTextOfARawRange) {
  MappedText text;
  text.append_raw_copy("AT", 0);
  text.append_replacement("&", 2, 7);  // "&amp;" at raw 2..7
  text.append_raw_copy("T", 7);
  text.append_inserted(" ", 8);         // a repaired space
  text.append_raw_copy("now", 20);      // after a tag at raw 8..20
  EXPECT_EQ(text.text(), "AT&T now");
  EXPECT_EQ(text.from_raw({0, 8}), (TextSpan{0, 4}));    // the space at raw 8 is not inside
  EXPECT_EQ(text.from_raw({0, 23}), (TextSpan{0, 8}));
  EXPECT_EQ(text.from_raw({3, 8}), (TextSpan{3, 4}));    // half of "&amp;" is not the "&"
  EXPECT_EQ(text.from_raw({8, 20}), (TextSpan{}));       // the tag's bytes made no text
  EXPECT_EQ(text.from_raw({21, 22}), (TextSpan{6, 7}));
  // Round trip: every range that neither starts nor ends at the inserted space comes back.
  for (size_t b = 0; b < text.size(); ++b) {
    for (size_t e = b + 1; e <= text.size(); ++e) {
      if (text.text()[b] == ' ' || text.text()[e - 1] == ' ') continue;
      EXPECT_EQ(text.from_raw(text.to_raw(b, e)), (TextSpan{b, e})) << b << ".." << e;
    }
  }
}

}  // namespace
}  // namespace salvo
