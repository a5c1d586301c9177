#include "salvo/markup/decode.h"

#include <gtest/gtest.h>

namespace salvo {
namespace {

TEST(DecodeUtf8, ValidTextIsOneCopy) {
  const std::string raw = "Erbil \xD8\xA3\xD8\xB1\xD8\xA8\xD9\x8A\xD9\x84 airport";
  const MappedText text = decode_utf8(raw, 0, raw.size());
  EXPECT_EQ(text.text(), raw);
  EXPECT_EQ(text.segments().size(), 1u);
}

TEST(DecodeUtf8, InvalidBytesBecomeReplacementCharactersWithExactOffsets) {
  const std::string raw = "ab\xFF" "cd\xC3" "e";  // a stray 0xFF, and a truncated 2-byte sequence
  DecodeStats stats;
  const MappedText text = decode_utf8(raw, 0, raw.size(), &stats);
  EXPECT_EQ(text.text(), "ab\xEF\xBF\xBD" "cd\xEF\xBF\xBD" "e");
  EXPECT_EQ(stats.invalid_sequences, 2u);
  EXPECT_EQ(text.to_raw(2, 5), (RawSpan{2, 3}));   // first U+FFFD ← the 0xFF byte
  EXPECT_EQ(text.to_raw(5, 7), (RawSpan{3, 5}));   // "cd"
  EXPECT_EQ(text.to_raw(10, 11), (RawSpan{6, 7}));  // "e"
}

TEST(DecodeUtf8, OverlongAndSurrogateEncodingsAreInvalid) {
  const std::string raw = "\xC0\xAF|\xED\xA0\x80|";
  const MappedText text = decode_utf8(raw, 0, raw.size());
  EXPECT_EQ(text.text().find("\xC0"), std::string::npos);
  EXPECT_EQ(text.text().find("\xED\xA0"), std::string::npos);
}

TEST(DecodeUtf8, CarriageReturnsAndControlsAreNormalised) {
  const std::string raw = "one\r\ntwo\rthree\x01!";
  const MappedText text = decode_utf8(raw, 0, raw.size());
  EXPECT_EQ(text.text(), "one\ntwo\nthree!");
  EXPECT_EQ(text.to_raw(4, 7), (RawSpan{5, 8}));  // "two" after the dropped CR
}

TEST(DecodeUtf8, RespectsTheBodyRange) {
  const std::string raw = " date 2023-11-24 Body";
  const MappedText text = decode_utf8(raw, 17, raw.size());
  EXPECT_EQ(text.text(), "Body");
  EXPECT_EQ(text.to_raw(0, 4), (RawSpan{17, 21}));
}

}  // namespace
}  // namespace salvo
