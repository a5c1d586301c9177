#include "salvo/recognize/numbers.h"

#include <gtest/gtest.h>

namespace salvo {
namespace {

struct NumberCase {
  const char* text;
  const char* span;  // the text of the first number found
  long value;
  Qualifier qualifier;
  const char* next_word;
};

class Numbers : public ::testing::TestWithParam<NumberCase> {};

TEST_P(Numbers, FirstNumber) {
  const NumberCase& c = GetParam();
  const std::string text = c.text;
  const auto numbers = find_numbers(text);
  ASSERT_FALSE(numbers.empty()) << text;
  const NumberMention& n = numbers.front();
  EXPECT_EQ(text.substr(n.begin, n.end - n.begin), c.span);
  EXPECT_EQ(n.value, c.value);
  EXPECT_EQ(n.qualifier, c.qualifier);
  EXPECT_EQ(n.next_word, c.next_word);
}

// From the seeds and dev articles, and variants.
INSTANTIATE_TEST_SUITE_P(
    News, Numbers,
    ::testing::Values(
        NumberCase{"US forces were attacked four times in Iraq and Syria", "four", 4, Qualifier::kExact, "times"},
        NumberCase{"A January 28 drone attack killed three US soldiers", "28", 28, Qualifier::kExact, "drone"},
        NumberCase{"killing eight members, according to KH", "eight", 8, Qualifier::kExact, "members"},
        NumberCase{"the United States has around 2,500 soldiers stationed in Iraq", "around 2,500", 2500, Qualifier::kAbout, "soldiers"},
        NumberCase{"and nearly 900 across the border in Syria", "nearly 900", 900, Qualifier::kAbout, "across"},
        NumberCase{"a series of over 165 attacks targeted US troops", "over 165", 165, Qualifier::kAtLeast, "attacks"},
        NumberCase{"at least five rockets hit the base", "at least five", 5, Qualifier::kAtLeast, "rockets"},
        NumberCase{"more than a dozen ballistic missiles", "more than a dozen", 12, Qualifier::kAtLeast, "ballistic"},
        NumberCase{"targeted U.S. and international forces dozens of times", "dozens", 24, Qualifier::kAtLeast, "of"},
        NumberCase{"56 U.S. service members have suffered wounds", "56", 56, Qualifier::kExact, "u"},
        NumberCase{"twenty-five people were hurt", "twenty-five", 25, Qualifier::kExact, "people"},
        NumberCase{"This was the second attack against US forces", "second", 2, Qualifier::kExact, "attack"},
        NumberCase{"several rockets had been fired", "several", 3, Qualifier::kAtLeast, "rockets"},
        NumberCase{"up to 30 drones", "up to 30", 30, Qualifier::kAbout, "drones"},
        NumberCase{"some 900 troops", "some 900", 900, Qualifier::kAbout, "troops"},
        NumberCase{"two hundred militiamen", "two hundred", 200, Qualifier::kExact, "militiamen"}));

TEST(Numbers, MoreThanTakesTheQualifier) {
  const std::string text = "more than 60 attacks";
  const auto numbers = find_numbers(text);
  ASSERT_EQ(numbers.size(), 1u);
  EXPECT_EQ(numbers[0].qualifier, Qualifier::kAtLeast);
  EXPECT_EQ(text.substr(numbers[0].begin, numbers[0].end - numbers[0].begin), "more than 60");
}

TEST(Numbers, AllNumbersOfASentence) {
  const auto numbers = find_numbers("there had been 36 attacks in Iraq and 37 in Syria");
  ASSERT_EQ(numbers.size(), 2u);
  EXPECT_EQ(numbers[0].value, 36);
  EXPECT_EQ(numbers[1].value, 37);
}

TEST(Numbers, IntoAVectorIsTheSame) {
  const std::string text = "at least five rockets and more than 60 attacks, twenty-five people";
  std::vector<NumberMention> into = {NumberMention{}};  // cleared by the call
  find_numbers(text, into);
  const auto returned = find_numbers(text);
  ASSERT_EQ(into.size(), returned.size());
  ASSERT_EQ(returned.size(), 3u);
  for (size_t i = 0; i < returned.size(); ++i) {
    EXPECT_EQ(into[i].begin, returned[i].begin);
    EXPECT_EQ(into[i].value, returned[i].value);
    EXPECT_EQ(into[i].next_word, returned[i].next_word);
  }
}

// Found by fuzz_numbers: an ordinal of 22 digits ("7777777777777777777777th") threw out of
// std::stol and ended the process. Too large to be a count, it is no number.
TEST(Numbers, AnOrdinalTooLargeForAnyCountIsNoNumber) {
  EXPECT_TRUE(find_numbers("2 7777777777777777777777th this month.").size() == 1u);
  EXPECT_TRUE(find_numbers("the 99999999999999999999999999999st time").empty());
  const auto third = find_numbers("the 3rd time");
  ASSERT_EQ(third.size(), 1u);
  EXPECT_EQ(third[0].value, 3);
}

TEST(Numbers, NoNumbers) { EXPECT_TRUE(find_numbers("No US personnel were injured.").empty()); }

}  // namespace
}  // namespace salvo
