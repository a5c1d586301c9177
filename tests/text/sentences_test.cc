#include "salvo/text/sentences.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace salvo {
namespace {

std::vector<std::string> sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const Span& s : split_sentences(text)) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

using Sentences = std::vector<std::string>;

struct Case {
  const char* name;
  const char* text;
  Sentences expected;
};

class SentenceSplit : public ::testing::TestWithParam<Case> {};

TEST_P(SentenceSplit, Splits) {
  EXPECT_EQ(sentences(GetParam().text), GetParam().expected) << GetParam().text;
}

// Taken from the seeds and dev articles, and variants of their hard spots.
INSTANTIATE_TEST_SUITE_P(
    NewsEnglish, SentenceSplit,
    ::testing::Values(
        Case{"plain", "Rockets were fired late Sunday. No US personnel were injured.",
             {"Rockets were fired late Sunday.", "No US personnel were injured."}},
        Case{"us_abbreviation_mid_sentence",
             "U.S. forces struck the Iran-aligned Kataeb Hezbollah (KH) armed group south of Baghdad the day before, "
             "killing eight members, according to KH.",
             {"U.S. forces struck the Iran-aligned Kataeb Hezbollah (KH) armed group south of Baghdad the day before, "
              "killing eight members, according to KH."}},
        Case{"us_before_proper_noun", "The U.S. Central Command said two rockets landed. It gave no details.",
             {"The U.S. Central Command said two rockets landed.", "It gave no details."}},
        Case{"us_ending_sentence", "The attacks targeted the U.S. The Pentagon confirmed them.",
             {"The attacks targeted the U.S.", "The Pentagon confirmed them."}},
        Case{"rank_and_initial_and_jr",
             "Maj. Gen. John W. Brennan, Jr., the commander of the Combined Joint Task Force, warned of threats.",
             {"Maj. Gen. John W. Brennan, Jr., the commander of the Combined Joint Task Force, warned of threats."}},
        Case{"col_and_lt", "Col. Joe Buccino and Lt. Col. Jane Roe spoke. They said little.",
             {"Col. Joe Buccino and Lt. Col. Jane Roe spoke.", "They said little."}},
        Case{"number_abbreviation", "Tower No. 22 was hit. Three died.", {"Tower No. 22 was hit.", "Three died."}},
        Case{"clock_times", "The attack began at 9:50 p.m. local time and ended at 10 p.m. Nobody was hurt.",
             {"The attack began at 9:50 p.m. local time and ended at 10 p.m.", "Nobody was hurt."}},
        Case{"month_abbreviation", "At approximately 5:30 pm on Jan. 7, Iran launched missiles. It was clear.",
             {"At approximately 5:30 pm on Jan. 7, Iran launched missiles.", "It was clear."}},
        Case{"quote_with_inner_stop",
             "\xE2\x80\x9CNo US personnel were injured,\xE2\x80\x9D it added. \xE2\x80\x9CWe will respond.\xE2\x80\x9D He left.",
             {"\xE2\x80\x9CNo US personnel were injured,\xE2\x80\x9D it added.", "\xE2\x80\x9CWe will respond.\xE2\x80\x9D",
              "He left."}},
        Case{"quote_ending_sentence",
             "Brennan warned that \"These attacks pose a serious threat.\" He added more.",
             {"Brennan warned that \"These attacks pose a serious threat.\"", "He added more."}},
        Case{"headline_without_stop", "US troops in Western Iraq faces second attack since February 4",
             {"US troops in Western Iraq faces second attack since February 4"}},
        Case{"question_and_exclamation", "Who fired the rockets? Nobody knows! The probe goes on.",
             {"Who fired the rockets?", "Nobody knows!", "The probe goes on."}},
        Case{"parenthesis", "The Syrian Observatory (a UK-based monitor) said so. It counted five.",
             {"The Syrian Observatory (a UK-based monitor) said so.", "It counted five."}},
        Case{"decimal_and_money", "Oil rose 3.5 percent to $80.20 a barrel. Markets calmed.",
             {"Oil rose 3.5 percent to $80.20 a barrel.", "Markets calmed."}},
        Case{"un_abbreviation_mid", "The U.N. Security Council met. It issued a statement.",
             {"The U.N. Security Council met.", "It issued a statement."}},
        Case{"dateline", "ERBIL (Kurdistan 24) \xE2\x80\x93 Iran launched over a dozen ballistic missiles. The Pentagon confirmed.",
             {"ERBIL (Kurdistan 24) \xE2\x80\x93 Iran launched over a dozen ballistic missiles.", "The Pentagon confirmed."}},
        Case{"ellipsis", "Rockets landed nearby... Then silence.", {"Rockets landed nearby...", "Then silence."}},
        Case{"st_abbreviation", "He was born in St. Louis. He served in Iraq.", {"He was born in St. Louis.", "He served in Iraq."}},
        Case{"arabic_text",
             "\xD8\xB3\xD9\x82\xD9\x88\xD8\xB7 \xD8\xB5\xD8\xA7\xD8\xB1\xD9\x88\xD8\xAE. \xD8\xA8\xD8\xBA\xD8\xAF\xD8\xA7\xD8\xAF.",
             {"\xD8\xB3\xD9\x82\xD9\x88\xD8\xB7 \xD8\xB5\xD8\xA7\xD8\xB1\xD9\x88\xD8\xAE.", "\xD8\xA8\xD8\xBA\xD8\xAF\xD8\xA7\xD8\xAF."}},
        Case{"empty", "", {}},
        Case{"spaces_only", "   ", {}}),
    [](const ::testing::TestParamInfo<Case>& info) { return info.param.name; });

TEST(SentenceSplit, OffsetsPointIntoTheParagraph) {
  const std::string text = "  One two.  Three four.  ";
  const std::vector<Span> spans = split_sentences(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0], (Span{2, 10}));
  EXPECT_EQ(spans[1], (Span{12, 23}));
}

TEST(FalseSentenceBreak, Rules) {
  EXPECT_TRUE(is_false_sentence_break("Maj.", "Gen. John"));
  EXPECT_TRUE(is_false_sentence_break("John W.", "Brennan"));
  EXPECT_TRUE(is_false_sentence_break("the U.S.", "Central Command"));
  EXPECT_FALSE(is_false_sentence_break("the U.S.", "The Pentagon"));
  EXPECT_TRUE(is_false_sentence_break("at 10 p.m.", "local time"));
  EXPECT_FALSE(is_false_sentence_break("at 10 p.m.", "Nobody was hurt"));
  EXPECT_FALSE(is_false_sentence_break("the base.", "Nobody was hurt"));
  EXPECT_FALSE(is_false_sentence_break("he said?", "no"));
}

TEST(Tokens, WordsNumbersAndPunctuation) {
  const std::string text = "Kataeb Hezbollah (KH) fired 2,500 rockets.";
  std::vector<std::string> tokens;
  for (const Span& t : split_tokens(text)) tokens.emplace_back(text.substr(t.begin, t.end - t.begin));
  EXPECT_EQ(tokens, (std::vector<std::string>{"Kataeb", "Hezbollah", "(", "KH", ")", "fired", "2,500", "rockets", "."}));
}

}  // namespace
}  // namespace salvo
