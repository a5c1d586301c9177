#include "salvo/clean/cleaner.h"

#include <gtest/gtest.h>

#include "salvo/pipeline/analyze.h"

namespace salvo {
namespace {

CleanText clean(const std::string& raw) { return clean_plain_text(raw, 0, raw.size()); }

std::string raw_of(const std::string& raw, const CleanText& c, size_t begin, size_t end) {
  const RawSpan span = c.text.to_raw(begin, end);
  return raw.substr(span.begin, span.end - span.begin);
}

TEST(Cleaner, LeakedJavaScriptLinesAreDropped) {
  // The two lines of seed 004, shortened.
  const std::string raw =
      "No casualties were reported in the rocket attack.\n\n"
      "cnxps.cmd.push(function () { cnxps({ playerId: '36af7c51' }).render('4c4d'); });\n\n"
      "console.log(\"catid body is \"+catID);if(catID==120){document.getElementsByClassName(\"x\")[0].style.display =\"none\";}\n\n"
      "Brennan added the coalition reserves the right to defend itself.";
  const CleanText c = clean(raw);
  EXPECT_EQ(c.text.text(),
            "No casualties were reported in the rocket attack.\n\nBrennan added the coalition reserves the right to defend itself.");
  EXPECT_EQ(c.dropped_code_lines, 2u);
}

TEST(Cleaner, ProseMentioningCodeWordsIsKept) {
  EXPECT_FALSE(is_code_line("The function of the base is to support partner forces (SDF) in the region."));
  EXPECT_FALSE(is_code_line("Officials said the window of opportunity had closed; talks would resume."));
  EXPECT_TRUE(is_code_line("var script = document.createElement('script'); script.src = 'x.js';"));
  EXPECT_TRUE(is_code_line("googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });"));
}

TEST(Cleaner, TemplateTagsAreRemovedAndTheGapCollapsed) {
  const std::string raw = "Analysts say the group is an umbrella group. {{^adFree}} {{/adFree}}\n\nNext.";
  const CleanText c = clean(raw);
  EXPECT_EQ(c.text.text(), "Analysts say the group is an umbrella group.\n\nNext.");
  EXPECT_EQ(c.removed_template_tags, 2u);
}

TEST(Cleaner, TweetResidueIsRemoved) {
  const std::string raw =
      "Rockets hit the camp ... pic.twitter.com/6Zk7aqOhGU January 5, 2022\n\n"
      "A drone was downed near the base. \xE2\x80\x94 Jane Doe (@janedoe) November 23, 2023\n\n"
      "See https://pic.twitter.com/abc123 for the video.";
  const CleanText c = clean(raw);
  EXPECT_EQ(c.text.text(),
            "Rockets hit the camp ...\n\nA drone was downed near the base.\n\nSee for the video.");
}

TEST(Cleaner, PhotoCreditClosingACaptionIsRemoved) {
  const std::string raw =
      "Smoke rises over the airfield after the shelling (file photo). \xC2\xA9 Jane ROE / AFP\n\n"
      "The agency text (\xC2\xA9 2021) says the base was hit twice.";
  const CleanText c = clean(raw);
  EXPECT_EQ(c.text.text(),
            "Smoke rises over the airfield after the shelling (file photo).\n\n"
            "The agency text (\xC2\xA9 2021) says the base was hit twice.");
  EXPECT_EQ(c.removed_photo_credits, 1u);
  // The caption's own bytes, cleaned alone, give the caption again (offsets round-trip).
  const CleanText again = clean(raw.substr(0, raw.find("\n")));
  EXPECT_EQ(again.text.text(), "Smoke rises over the airfield after the shelling (file photo).");
}

TEST(Cleaner, FurnitureLinesAreDropped) {
  const std::string raw = "The attack was condemned.\n\nTags:\n\nWith AFP\n\nShare this article\n\nRead more: other story";
  const CleanText c = clean(raw);
  EXPECT_EQ(c.text.text(), "The attack was condemned.");
  EXPECT_EQ(c.dropped_furniture_lines, 4u);
  EXPECT_FALSE(is_furniture_line("Share prices fell sharply after the attack on the oil field."));
  EXPECT_FALSE(is_furniture_line("More than 60 attacks have been reported."));
}

TEST(Cleaner, WhitespaceCollapsesIncludingNbspAndZeroWidth) {
  const std::string raw = "  Rockets\t\twere \xC2\xA0" "fired\xE2\x80\x8B" " at   the base.  ";
  const CleanText c = clean(raw);
  EXPECT_EQ(c.text.text(), "Rockets were fired at the base.");
  const size_t fired = c.text.text().find("fired");
  EXPECT_EQ(raw_of(raw, c, fired, fired + 5), "fired");
}

TEST(Cleaner, MissingSpaceAfterASentenceIsRepaired) {
  const std::string raw = "reports Reuters quoting US Military official.The official, , on condition";
  const CleanText c = clean(raw);
  EXPECT_EQ(c.text.text(), "reports Reuters quoting US Military official. The official, , on condition");
  // The inserted space has no raw bytes; the words around it keep theirs.
  const size_t the = c.text.text().find("The");
  EXPECT_EQ(raw_of(raw, c, the, the + 12), "The official");
}

TEST(Cleaner, SentenceRepairLeavesAbbreviationsAndDomainsAlone) {
  for (const std::string raw : {"the U.S.Army said", "see www.Rudaw.Net today", "it rose 3.5 percent", "see e.g.The list"}) {
    EXPECT_EQ(clean(raw).text.text(), raw) << raw;
  }
}

TEST(Cleaner, HardWrappedLinesJoinIntoOneParagraph) {
  const std::string joined = "Rockets were fired\nat a base.";
  EXPECT_EQ(clean(joined).text.text(), "Rockets were fired at a base.");
  EXPECT_EQ(clean(joined).paragraphs.size(), 1u);
  // A capitalised line may start a paragraph after a headline, so it is never joined.
  const std::string headline = "Rising regional tension\nFollowing a series of rocket attacks, calm returned.";
  EXPECT_EQ(clean(headline).paragraphs.size(), 2u);
  // A line after a finished sentence is a new paragraph even in lower case.
  EXPECT_EQ(clean("It ended.\nthen more").paragraphs.size(), 2u);
}

TEST(Cleaner, UnicodeIsNormalisedToNfcWithOffsetsKept) {
  // "Dayr az Zawr" spelled with a decomposed "é" (e + U+0301) before it.
  const std::string raw = "Caf\x65\xCC\x81 near Dayr az Zawr";
  const CleanText c = clean(raw);
  EXPECT_EQ(c.text.text(), "Caf\xC3\xA9 near Dayr az Zawr");
  const size_t dayr = c.text.text().find("Dayr");
  EXPECT_EQ(raw_of(raw, c, dayr, dayr + 4), "Dayr");
  EXPECT_EQ(raw_of(raw, c, 3, 5), "\x65\xCC\x81");
}

TEST(Cleaner, TypographicQuotesAreKept) {
  const std::string raw = "produced \xE2\x80\x9Cno injuries\xE2\x80\x9D, it said.";
  EXPECT_EQ(clean(raw).text.text(), raw);
}

TEST(Cleaner, ArabicParagraphIsDetected) {
  const std::string raw =
      "On Tuesday night, rockets targeted the Al-Nasr camp near Baghdad International Airport.\n\n"
      "\xD8\xB3\xD9\x82\xD9\x88\xD8\xB7 \xD8\xB5\xD8\xA7\xD8\xB1\xD9\x88\xD8\xAE \xD8\xB9\xD9\x84\xD9\x89 "
      "\xD9\x85\xD8\xB9\xD8\xB3\xD9\x83\xD8\xB1 \xD8\xA7\xD9\x84\xD9\x86\xD8\xB5\xD8\xB1 "
      "\xD8\xBA\xD8\xB1\xD8\xA8\xD9\x8A \xD8\xA8\xD8\xBA\xD8\xAF\xD8\xA7\xD8\xAF";
  const CleanText c = clean(raw);
  ASSERT_EQ(c.paragraphs.size(), 2u);
  EXPECT_EQ(c.paragraphs[0].language, "en");
  EXPECT_EQ(c.paragraphs[1].language, "ar");
}

TEST(Cleaner, EmptyAndWhitespaceInputGiveNoParagraphs) {
  EXPECT_TRUE(clean("").paragraphs.empty());
  EXPECT_TRUE(clean(" \n\n\t \n").text.empty());
}

}  // namespace
}  // namespace salvo
