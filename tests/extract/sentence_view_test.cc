// The typed sentence (extract/sentence_view.h): the facts each trigger word carries, found once
// when an article is viewed, and the nearby words the rules read.
#include "salvo/extract/sentence_view.h"

#include <gtest/gtest.h>

#include <string>

#include "../support/shared_recognizer.h"

namespace salvo::extract {
namespace {

// One analysed article and its view, kept together: the view points into both.
struct Viewed {
  explicit Viewed(std::string text)
      : article([&] {
          Article a;
          a.id = "t";
          a.raw = std::move(text);
          return analyze_article(std::move(a));
        }()),
        mentions(testing::shared_recognizer().recognize(article)),
        view(article, mentions, testing::shared_recognizer()) {}

  // The trigger written `surface` (lower case) in the first sentence that has one.
  const Trigger* trigger(std::string_view surface) const {
    for (const SentenceMentions& m : view.by_sentence) {
      for (const Trigger& t : m.triggers) {
        if (t.surface == surface) return &t;
      }
    }
    ADD_FAILURE() << "no trigger \"" << surface << "\"";
    return nullptr;
  }

  AnalyzedArticle article;
  ArticleMentions mentions;
  ArticleView view;
};

TEST(SentenceView, TriggersCarryTheirKind) {
  const Viewed v("Kataib Hezbollah claimed responsibility for the drone attack on the base.");
  ASSERT_TRUE(v.trigger("claimed responsibility"));
  EXPECT_EQ(v.trigger("claimed responsibility")->kind, TriggerKind::kClaim);
  ASSERT_TRUE(v.trigger("drone attack"));
  EXPECT_EQ(v.trigger("drone attack")->kind, TriggerKind::kAttack);
  EXPECT_TRUE(v.view.by_sentence[0].has(TriggerKind::kClaim));
  EXPECT_FALSE(v.view.by_sentence[0].has(TriggerKind::kAccuse));
}

TEST(SentenceView, NegationIsTheWordJustBefore) {
  const Viewed v("The militia had not fired at the convoy. Rockets never landed near the embassy.");
  ASSERT_TRUE(v.trigger("fired at"));
  EXPECT_TRUE(v.trigger("fired at")->negated);
  ASSERT_TRUE(v.trigger("landed"));
  EXPECT_TRUE(v.trigger("landed")->negated);
  const Viewed plain("Militants fired rockets at the convoy.");
  ASSERT_TRUE(plain.trigger("fired"));
  EXPECT_FALSE(plain.trigger("fired")->negated);
}

TEST(SentenceView, PassiveByAuxiliaryOrByPhrase) {
  const Viewed v("Ain al-Asad air base was attacked on Monday. A US convoy came under fire near Baghdad.");
  ASSERT_TRUE(v.trigger("attacked"));
  EXPECT_TRUE(v.trigger("attacked")->passive);
  ASSERT_TRUE(v.trigger("came under fire"));
  EXPECT_TRUE(v.trigger("came under fire")->passive);
  const Viewed active("Militants attacked Ain al-Asad air base on Monday.");
  ASSERT_TRUE(active.trigger("attacked"));
  EXPECT_FALSE(active.trigger("attacked")->passive);
}

TEST(SentenceView, AWeakWordCountsOnlyBesideAWeapon) {
  const Viewed bare("The army launched a search operation.");
  ASSERT_TRUE(bare.trigger("launched"));
  EXPECT_TRUE(bare.trigger("launched")->weak);
  EXPECT_FALSE(bare.view.by_sentence[0].counts(*bare.trigger("launched")));
  const Viewed armed("Militants launched rockets at the base.");
  ASSERT_TRUE(armed.trigger("launched"));
  EXPECT_TRUE(armed.view.by_sentence[0].counts(*armed.trigger("launched")));
}

TEST(NearbyWords, ClausePunctuationCountsAsAWord) {
  const std::string_view text = "officials said, on monday the base was hit";
  const Nearby before = words_before(text, text.find("on monday"), 0, 3);
  ASSERT_EQ(before.size(), 3u);
  EXPECT_EQ(before[0], ",");
  EXPECT_EQ(before[1], "said");
  EXPECT_EQ(before[2], "officials");
  const Nearby after = words_after(text, text.find("said") + 4, text.size(), 2);
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0], ",");
  EXPECT_EQ(after[1], "on");
}

}  // namespace
}  // namespace salvo::extract
