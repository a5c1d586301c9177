// The reader of simple markup gives what the HTML parser gives — the same text, the same segments
// (so every raw offset) — on sentences of news text with inline tags, entities and stray blocks,
// and leaves to the parser what only it reads right.
#include "salvo/markup/simple_markup.h"

#include <gtest/gtest.h>

#include "salvo/markup/decode.h"
#include "salvo/markup/dom.h"

namespace salvo {
namespace {

MappedText decoded(std::string_view raw) { return decode_utf8(raw, 0, raw.size()); }

void expect_same_as_parser(std::string_view raw) {
  const MappedText input = decoded(raw);
  const std::optional<MappedText> simple = read_simple_markup(input);
  ASSERT_TRUE(simple.has_value()) << "left to the parser: " << raw;
  const MappedText parsed = parse_markup_text(input);
  EXPECT_EQ(simple->text(), parsed.text()) << raw;
  ASSERT_EQ(simple->segments().size(), parsed.segments().size()) << raw;
  for (size_t k = 0; k < parsed.segments().size(); ++k) {
    const MappedText::Segment& a = simple->segments()[k];
    const MappedText::Segment& b = parsed.segments()[k];
    EXPECT_EQ(a.text_begin, b.text_begin) << raw << " segment " << k;
    EXPECT_EQ(a.raw_begin, b.raw_begin) << raw << " segment " << k;
    EXPECT_EQ(a.raw_end, b.raw_end) << raw << " segment " << k;
    EXPECT_EQ(a.copied, b.copied) << raw << " segment " << k;
  }
}

TEST(SimpleMarkup, InlineTagsAndEntitiesReadAsTheParserReadsThem) {
  for (std::string_view raw : {
           "A US Department of Defence official told <i>The National </i>that the morning rocket attack produced "
           "“no injuries”.",
           "This is the first confirmed <a href=\"https://www.thenationalnews.com/world/2023/11/06/\" "
           "target=\"_blank\">attack on US and coalition forces</a> since November 23.",
           "Militias fired rockets at Ain al-Asad &amp; Erbil, officials said &#8212; the Pentagon&#x2019;s count.",
           "Kataib Hezbollah said &quot;the resistance&quot; would go on&hellip; Officials&rsquo; count: 66.",
           "AT&T and S&P 500 traders, PG&E's crews & Q&A: none of these is a reference.",
           "Fewer than 3 <3 dead, 5 < 6, and a bare < at the end <",
           "<b>Baghdad</b> — <STRONG>Three</STRONG> rockets <em>hit</em> the <span class=\"loc\">Green Zone</span>.",
           "Line one<br>line two<br/>line three<BR />\n<br>after a break",
           "  \n\n  Leading space is dropped by the parser: <i>so</i> here.",
           "A link <a title='say \"no\"' href=x>with quotes</a> and <a href=\"a>b\">a > inside</a>.",
           "Empty <b></b><i></i> tags, self-closed <span/> ones, and &nbsp;spaces&nbsp;.",
           "Trailing newlines go\n\n\n",
           "Erbil &#x1F600; &#233;t&#xE9; done",
       }) {
    expect_same_as_parser(raw);
  }
}

TEST(SimpleMarkup, StrayBlocksImagesAndFramesReadAsTheParserReadsThem) {
  for (std::string_view raw : {
           "Rockets hit the base.\n<p>&nbsp;</p>\nOfficials said no one was hurt.",
           "The drone struck at dawn.\n<div class=\"ad-container\" id=\"ad-mid-article-4411\"></div>\nTwo were hurt.",
           "Three rockets.\n<img src=\"/images/blank.gif\" data-src=\"https://cdn.news.example/img/9.jpg\" alt=\"\">\nNo damage.",
           "Watch: <iframe src=\"https://www.youtube.com/embed/v99\" width=\"560\" allowfullscreen></iframe> then text.",
           "<iframe>raw <p> text &amp; </iframes> stays raw</IFRAME > after",
           "<blockquote class=\"twitter-tweet\"><a href=\"https://twitter.com/x/status/1\"></a></blockquote>\nThe strike.",
           "<p>One paragraph<p>closed by the next</p><div>a div <i>with</i> text</div>tail",
           "<p>An unclosed paragraph <b>bold</b> to the end",
       }) {
    expect_same_as_parser(raw);
  }
}

TEST(SimpleMarkup, LeavesToTheParserWhatOnlyItReadsRight) {
  for (std::string_view raw : {
           "<b>misnested <i>tags</b> here</i>",                  // the adoption agency
           "a stray </i> end tag",                               // ignored by the parser
           "a comment <!-- here --> and on",
           "an unknown tag <font color=red>red</font>",
           "a table <table><tr><td>cell</td></tr></table>",
           "a legacy reference &copy 2024 and &amp without ';'",
           "an unknown name &eacute; and &#128; (windows-1252)",
           "  &#x20; a space by reference, which the parser drops before the first word",
           "a link <a href=1>in <a href=2>a link</a></a>",
           "<p>closing <i>a paragraph <div>with inline open</div>",
           "a tag the input ends in <a href=\"x",
           "x<y reads as a tag named \"y\"",
           "&amp; beside a DEL \x7F, a C1 control \xC2\x85 or a noncharacter \xEF\xBF\xBE, each of which the "
           "parser replaces by U+FFFD",
       }) {
    EXPECT_FALSE(read_simple_markup(decoded(raw)).has_value()) << raw;
  }
}

}  // namespace
}  // namespace salvo
