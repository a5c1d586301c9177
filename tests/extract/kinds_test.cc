// The lexicon's kinds as the extractor reads them (extract/kinds.h): every trigger of the shipped
// lexicon has the kind its file names, and the actor and target predicates agree with the files.
#include "salvo/extract/kinds.h"

#include <gtest/gtest.h>

#include <string>

#include "../support/shared_recognizer.h"

namespace salvo {
namespace {

const Term& term_with_id(std::string_view id) {
  for (const Term& t : testing::shared_recognizer().lexicon().terms()) {
    if (t.id == id) return t;
  }
  ADD_FAILURE() << "no term " << id;
  static const Term none;
  return none;
}

TEST(TriggerKinds, EveryShippedTriggerReadsAsItsOwnKind) {
  size_t triggers = 0;
  for (const Term& t : testing::shared_recognizer().lexicon().terms()) {
    if (t.category != TermCategory::kTrigger) continue;
    ++triggers;
    EXPECT_EQ(to_string(trigger_kind(t)), t.kind) << t.id;
  }
  EXPECT_GT(triggers, 5u);
}

TEST(TriggerKinds, OnlyAttackStrikeAndInterceptionTellOfAnIncident) {
  EXPECT_TRUE(tells_incident(TriggerKind::kAttack));
  EXPECT_TRUE(tells_incident(TriggerKind::kStrike));
  EXPECT_TRUE(tells_incident(TriggerKind::kInterception));
  EXPECT_FALSE(tells_incident(TriggerKind::kClaim));
  EXPECT_FALSE(tells_incident(TriggerKind::kAccuse));
  EXPECT_FALSE(tells_incident(TriggerKind::kReport));
}

TEST(TriggerKinds, WeakWordsAreTheWeakTerms) {
  EXPECT_TRUE(is_weak_trigger(term_with_id("attack-weak")));
  EXPECT_TRUE(is_weak_trigger(term_with_id("strike-weak")));
  EXPECT_FALSE(is_weak_trigger(term_with_id("attack-verb")));
  EXPECT_FALSE(is_weak_trigger(term_with_id("interception")));
}

TEST(ActorKinds, StrikersGenericsAndSides) {
  EXPECT_TRUE(is_strike_actor(term_with_id("us-forces")));
  EXPECT_TRUE(is_strike_actor(term_with_id("israel")));
  EXPECT_FALSE(is_strike_actor(term_with_id("kataib-hezbollah")));
  EXPECT_TRUE(is_generic_actor(term_with_id("militia-groups")));
  EXPECT_FALSE(is_generic_actor(term_with_id("kataib-hezbollah")));
  EXPECT_EQ(side_of_actor(term_with_id("us-led-coalition")), Side::kUsCoalition);
  EXPECT_EQ(side_of_actor(term_with_id("kataib-hezbollah")), Side::kMilitia);
  EXPECT_EQ(side_of_actor(term_with_id("islamic-resistance-in-iraq")), Side::kMilitia);
  EXPECT_EQ(side_of_actor(term_with_id("irgc")), Side::kIranianState);
  EXPECT_EQ(side_of_actor(term_with_id("iran-backed-militias")), Side::kUnknown);
  EXPECT_EQ(side_of_actor(term_with_id("turkey")), Side::kOther);
}

TEST(TargetKinds, WhoseTargetsTheKindsName) {
  for (const Term& t : testing::shared_recognizer().lexicon().terms()) {
    if (t.category != TermCategory::kTarget) continue;
    // US forces hit make a strike an attack: they are always on the US side.
    if (is_us_forces_target(t)) {
      EXPECT_EQ(side_of_target(t), Side::kUsCoalition) << t.id;
    }
    if (is_base_target(t)) {
      EXPECT_EQ(side_of_target(t), Side::kUnknown) << t.id;
    }
    if (is_bystander_target(t)) {
      EXPECT_NE(side_of_target(t), Side::kUsCoalition) << t.id;
    }
  }
}

}  // namespace
}  // namespace salvo
