#include "salvo/markup/dom.h"

#include <gtest/gtest.h>

namespace salvo {
namespace {

std::string raw_of(const std::string& raw, const MappedText& text, size_t begin, size_t end) {
  const RawSpan span = text.to_raw(begin, end);
  return raw.substr(span.begin, span.end - span.begin);
}

TEST(StripMarkup, PlainTextIsUntouched) {
  const std::string raw = "Rockets hit the base. Nobody was hurt.";
  const MappedText text = strip_markup(MappedText::identity(raw));
  EXPECT_EQ(text.text(), raw);
}

TEST(StripMarkup, InlineTagsGoTextStaysWithOffsets) {
  // As in seed 000: "told <i>The National </i>that the morning rocket attack".
  const std::string raw = "told <i>The National </i>that the <a href=\"https://x.org/a\">attack</a> came";
  const MappedText text = strip_markup(MappedText::identity(raw));
  EXPECT_EQ(text.text(), "told The National that the attack came");
  const size_t at = text.text().find("attack");
  EXPECT_EQ(raw_of(raw, text, at, at + 6), "attack");
  EXPECT_EQ(raw_of(raw, text, 0, text.size()), raw.substr(0, raw.size()));
}

TEST(StripMarkup, EntitiesDecodeAndMapToTheWholeReference) {
  const std::string raw = "AT&amp;T said &#8220;no injuries&#x201D; &copy; &notanentity; a&b";
  const MappedText text = strip_markup(MappedText::identity(raw));
  // HTML5 reads the legacy "&not" without ';': "&notanentity;" is "¬anentity;".
  EXPECT_EQ(text.text(), "AT&T said \xE2\x80\x9Cno injuries\xE2\x80\x9D \xC2\xA9 \xC2\xAC" "anentity; a&b");
  const size_t negation = text.text().find("\xC2\xAC");
  EXPECT_EQ(raw_of(raw, text, negation, negation + 2), "&not");
  EXPECT_EQ(raw_of(raw, text, 2, 3), "&amp;");
  const size_t quote = text.text().find("\xE2\x80\x9C");
  EXPECT_EQ(raw_of(raw, text, quote, quote + 3), "&#8220;");
  const size_t no = text.text().find("no injuries");
  EXPECT_EQ(raw_of(raw, text, no, no + 11), "no injuries");
  const size_t amp = text.text().rfind('&');
  EXPECT_EQ(raw_of(raw, text, amp - 1, amp + 2), "a&b");
}

TEST(StripMarkup, ScriptsAndStylesAreDropped) {
  const std::string raw = "Before.<script>var x = 1;</script><style>p{color:red}</style> After.";
  const MappedText text = strip_markup(MappedText::identity(raw));
  EXPECT_EQ(text.text(), "Before. After.");
}

TEST(StripMarkup, BlocksBecomeParagraphBreaks) {
  const std::string raw = "<p>One.</p><p>Two.</p>Three<br>Four";
  const MappedText text = strip_markup(MappedText::identity(raw));
  EXPECT_EQ(text.text(), "One.\n\nTwo.\n\nThree\nFour");
}

TEST(StripMarkup, UnclosedAndStrayTagsDoNotLoseText) {
  const std::string raw = "a < b and <b>bold <i>nested</b> tail";
  const MappedText text = strip_markup(MappedText::identity(raw));
  EXPECT_EQ(text.text(), "a < b and bold nested tail");
}

TEST(NodeText, CollapsesWhitespace) {
  const std::string raw = "<html><body><p>  A \n <b>bold</b>  title </p></body></html>";
  const MappedText source = MappedText::identity(raw);
  HtmlDocument document(source);
  EXPECT_EQ(node_text(document.root()), "A bold title");
}

}  // namespace
}  // namespace salvo
