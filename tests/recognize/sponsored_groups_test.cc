// Groups named by the state that backs them (recognize/sponsored_groups.h), on sentences written
// for these tests: the state is no actor of its own in "Iran-backed …".
#include <gtest/gtest.h>

#include "../support/shared_recognizer.h"

#include "salvo/pipeline/analyze.h"
#include "salvo/recognize/recognizer.h"

namespace salvo {
namespace {

// The actor mentions of `text`, as "id=surface".
std::vector<std::string> actors_in(const std::string& text) {
  const Recognizer& recognizer = testing::shared_recognizer();
  Article article;
  article.id = "t";
  article.raw = text;
  const AnalyzedArticle analyzed = analyze_article(std::move(article));
  const ArticleMentions mentions = recognizer.recognize(analyzed);
  std::vector<std::string> found;
  const std::string_view clean = analyzed.clean.text.view();
  for (const TermMention& m : mentions.terms) {
    const Term& term = recognizer.lexicon().terms()[m.term];
    if (term.category != TermCategory::kActor) continue;
    found.push_back(term.id + "=" + std::string(clean.substr(m.begin, m.end - m.begin)));
  }
  return found;
}

using Found = std::vector<std::string>;

TEST(SponsoredGroups, APhraseEndingInAGroupNounIsOneGenericActor) {
  EXPECT_EQ(actors_in("Officials say Iranian-linked Iraqi Shia militia groups fired the rockets."),
            (Found{"iran-backed-militias=Iranian-linked Iraqi Shia militia groups"}));
  EXPECT_EQ(actors_in("Pro-Iranian armed fighters were seen near the border."),
            (Found{"iran-backed-militias=Pro-Iranian armed fighters"}));
}

// The mentions one phrase replaced are not read again by the next (under ASan, reading them
// indexed past the lexicon).
TEST(SponsoredGroups, SeveralPhrasesInOneArticle) {
  EXPECT_EQ(actors_in("Iran-backed Shia militias fired rockets. Later, Iranian-linked fighters fled the area."),
            (Found{"iran-backed-militias=Iran-backed Shia militias", "iran-backed-militias=Iranian-linked fighters"}));
}

TEST(SponsoredGroups, BeforeAnAttackWordItNamesWhoMadeTheAttack) {
  EXPECT_EQ(actors_in("The base was hit in an Iran-supported rocket attack overnight."),
            (Found{"iran-backed-militias=Iran-supported"}));
}

TEST(SponsoredGroups, BeforeAGroupsOwnNameTheGroupIsTheActor) {
  EXPECT_EQ(actors_in("Tehran-backed Kataib Hezbollah denied any role."), (Found{"kataib-hezbollah=Kataib Hezbollah"}));
}

TEST(SponsoredGroups, TheStateStaysWhereNoGroupIsNamed) {
  // What is struck ("targets"), a verb's object ("backed the militias") and the state alone.
  EXPECT_EQ(actors_in("US jets struck Iranian-linked targets in eastern Syria."), (Found{"us-forces=US jets", "iran=Iranian"}));
  EXPECT_EQ(actors_in("Iran backed the militias for years."), (Found{"iran=Iran", "militia-groups=militias"}));
  EXPECT_EQ(actors_in("Iran fired missiles at the base."), (Found{"iran=Iran"}));
}

}  // namespace
}  // namespace salvo
