#include "salvo/time/time_tokens.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "salvo/recognize/numbers.h"
#include "salvo/time/time_expression.h"

namespace salvo {
namespace {

using time_tokens::Cues;

Cues cues_of(std::string_view sentence) {
  std::vector<time_tokens::Token> tokens;
  return time_tokens::tokenize(sentence, tokens);
}

// The recognizer skips the tagger or the number finder when a cue is missing, so a missing cue
// must mean they find nothing. Sentences from the seeds and dev articles, and variants.
struct CueCase {
  const char* sentence;
  bool time;
  bool number;
};

class TokenCues : public ::testing::TestWithParam<CueCase> {};

TEST_P(TokenCues, SayWhatTheSentenceCanHold) {
  const CueCase& c = GetParam();
  const Cues cues = cues_of(c.sentence);
  EXPECT_EQ(cues.time, c.time) << c.sentence;
  EXPECT_EQ(cues.number, c.number) << c.sentence;
  if (!cues.time) {
    EXPECT_TRUE(find_time_expressions(c.sentence, {}).empty()) << c.sentence;
  }
  if (!cues.number) {
    EXPECT_TRUE(find_numbers(c.sentence).empty()) << c.sentence;
  }
}

INSTANTIATE_TEST_SUITE_P(
    News, TokenCues,
    ::testing::Values(
        CueCase{"No US personnel were injured.", false, false},
        CueCase{"The Islamic Resistance in Iraq claimed responsibility.", false, false},
        CueCase{"An attack on US coalition forces in Syria on Wednesday", true, false},
        CueCase{"the morning rocket attack came yesterday", true, false},
        CueCase{"at least five rockets hit the base", false, true},
        CueCase{"This was the second attack against US forces", false, true},
        CueCase{"twenty-five people were hurt", false, true},
        CueCase{"more than a dozen ballistic missiles", false, true},
        CueCase{"several rockets had been fired", false, true},  // "several" is also a time word
        CueCase{"56 U.S. service members have suffered wounds", true, true},
        CueCase{"two days later, the base was hit again", true, true},
        CueCase{"Two weeks ago", true, true},
        // A stray UTF-8 continuation byte (never in clean text, which is valid UTF-8): one
        // mark, then the word "zfive"; no number is read where no cue says one starts.
        CueCase{"a\x80" "zfive rockets", false, false},
        CueCase{"a\x80" "five rockets", false, true}));

TEST(TimeTokens, StrayByteIsAMarkOfItsOwn) {
  EXPECT_TRUE(find_numbers("a\x80" "zfive rockets").empty());
  const auto numbers = find_numbers("a\x80" "five rockets");
  ASSERT_EQ(numbers.size(), 1u);
  EXPECT_EQ(numbers[0].value, 5);
}

TEST(TimeTokens, ExpressionsFromTokensMatchTheOneCallForm) {
  const std::string sentence = "On Jan. 7, two rockets hit the base, and two days later another attack followed.";
  TimeContext context;
  context.publication = Date{2024, 1, 10};
  std::vector<time_tokens::Token> tokens;
  time_tokens::tokenize(sentence, tokens);
  std::vector<TimeExpression> from_tokens = {TimeExpression{}};  // cleared by the call
  find_time_expressions(sentence, context, tokens, from_tokens);
  const std::vector<TimeExpression> direct = find_time_expressions(sentence, context);
  ASSERT_EQ(from_tokens.size(), direct.size());
  ASSERT_EQ(direct.size(), 2u);
  for (size_t i = 0; i < direct.size(); ++i) {
    EXPECT_EQ(from_tokens[i].text, direct[i].text);
    EXPECT_EQ(from_tokens[i].value, direct[i].value);
  }
}

}  // namespace
}  // namespace salvo
