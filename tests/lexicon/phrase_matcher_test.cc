#include "salvo/lexicon/phrase_matcher.h"

#include <gtest/gtest.h>

namespace salvo {
namespace {

std::vector<std::string> matched(const PhraseMatcher& m, const std::vector<std::string>& phrases, std::string_view text) {
  std::vector<PhraseMatch> matches;
  m.scan(text, matches);
  std::vector<std::string> out;
  for (const PhraseMatch& x : matches) out.push_back(phrases[x.phrase] + "@" + std::to_string(x.begin));
  return out;
}

TEST(PhraseMatcher, FindsWholeWordsIncludingOverlaps) {
  const std::vector<std::string> phrases = {"erbil", "erbil airport", "hit", "air base", "ain asad air base"};
  auto m = PhraseMatcher::compile(phrases);
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(matched(*m, phrases, "drones hit erbil airport and the ain asad air base"),
            (std::vector<std::string>{"hit@7", "erbil@11", "erbil airport@11", "air base@42", "ain asad air base@33"}));
  EXPECT_TRUE(matched(*m, phrases, "white erbilis").empty());  // no partial words
}

TEST(PhraseMatcher, EmptyPhraseListMatchesNothing) {
  auto m = PhraseMatcher::compile({});
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(matched(*m, {}, "anything").empty());
}

TEST(PhraseMatcher, ManyPhrasesCompile) {
  std::vector<std::string> phrases;
  for (int i = 0; i < 20000; ++i) phrases.push_back("place " + std::to_string(i));
  auto m = PhraseMatcher::compile(phrases);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(matched(*m, phrases, "near place 12345 today"), (std::vector<std::string>{"place 12345@5"}));
}

}  // namespace
}  // namespace salvo
