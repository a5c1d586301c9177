// Scope (spec/annotation.md, "Scope"): who acts on whom decides whether an incident is an event.
// The rule as a pure function first, then through the whole pipeline with sentences written for
// these tests (variants of how wire copy and local outlets report such incidents).
#include "salvo/extract/scope.h"

#include <gtest/gtest.h>

#include "extract_support.h"

namespace salvo {
namespace {

using testing::ExtractionCase;

TEST(JudgeScope, AStrikeByAnotherForceIsOut) {
  EXPECT_EQ(judge_scope(EventType::kStrike, {.agent = Side::kOther}), ScopeVerdict::kStrikeByOtherForce);
  EXPECT_EQ(judge_scope(EventType::kStrike, {.agent = Side::kUsCoalition}), ScopeVerdict::kInScope);
  // The striker unnamed: the benefit of the doubt (the US is named as striker elsewhere).
  EXPECT_EQ(judge_scope(EventType::kStrike, {}), ScopeVerdict::kInScope);
}

TEST(JudgeScope, AUsPatientOrAUsSiteIsIn) {
  EXPECT_EQ(judge_scope(EventType::kAttack, {.agent = Side::kOther, .patient = Side::kUsCoalition}), ScopeVerdict::kInScope);
  EXPECT_EQ(judge_scope(EventType::kAttack, {.agent = Side::kIranianState, .at_us_site = true}), ScopeVerdict::kInScope);
  // Iraqi soldiers hurt at a base that hosts US forces: still an attack on that base.
  EXPECT_EQ(judge_scope(EventType::kAttack, {.patient = Side::kOther, .at_us_site = true}), ScopeVerdict::kInScope);
}

TEST(JudgeScope, AUsSiteNamedAsALandmarkByAForceWithItsOwnTargetIsOut) {
  EXPECT_EQ(judge_scope(EventType::kAttack, {.agent = Side::kIranianState, .at_us_site = true, .site_only_near = true}),
            ScopeVerdict::kAttackByOtherForce);
  // Rockets of unknown origin landing near a US base: an attack on it.
  EXPECT_EQ(judge_scope(EventType::kAttack, {.at_us_site = true, .site_only_near = true}), ScopeVerdict::kInScope);
}

TEST(JudgeScope, AnotherForceAttackedIsOut) {
  EXPECT_EQ(judge_scope(EventType::kAttack, {.agent = Side::kOther, .patient = Side::kOther, .article_names_us = true}),
            ScopeVerdict::kAttackOnOtherForce);
  EXPECT_EQ(judge_scope(EventType::kInterception, {.patient = Side::kOther, .article_names_us = true}),
            ScopeVerdict::kAttackOnOtherForce);
}

TEST(JudgeScope, WithNoPatientTheAgentAndTheArticleDecide) {
  EXPECT_EQ(judge_scope(EventType::kAttack, {.agent = Side::kIranianState, .article_names_us = true}),
            ScopeVerdict::kAttackByOtherForce);
  EXPECT_EQ(judge_scope(EventType::kAttack, {.article_names_us = true, .only_others_act = true}),
            ScopeVerdict::kAttackByOtherForce);
  EXPECT_EQ(judge_scope(EventType::kAttack, {.agent = Side::kMilitia}), ScopeVerdict::kNoUsParty);
  EXPECT_EQ(judge_scope(EventType::kAttack, {.agent = Side::kMilitia, .article_names_us = true}), ScopeVerdict::kInScope);
  EXPECT_EQ(judge_scope(EventType::kAttack, {.article_names_us = true}), ScopeVerdict::kInScope);
}

TEST(JudgeScope, EveryVerdictOutOfScopeHasAReason) {
  for (ScopeVerdict v : {ScopeVerdict::kStrikeByOtherForce, ScopeVerdict::kAttackOnOtherForce,
                         ScopeVerdict::kAttackByOtherForce, ScopeVerdict::kNoUsParty}) {
    EXPECT_FALSE(describe(v).empty());
  }
  EXPECT_TRUE(describe(ScopeVerdict::kInScope).empty());
}

class ScopeCases : public ::testing::TestWithParam<ExtractionCase> {};

TEST_P(ScopeCases, EventsAndTallies) {
  const ExtractionCase& c = GetParam();
  EXPECT_TRUE(testing::extraction_matches(c, testing::extract_case(c)));
}

constexpr const char* kTue = "2024-03-12";  // a Tuesday: Monday is the 11th, Sunday the 10th

const ExtractionCase kScopeCases[] = {
    {"jihadists_ambushing_iraqi_soldiers_are_no_event", kTue,
     "KIRKUK, Iraq (AP) - Islamic State militants ambushed Iraqi soldiers near Hawija on Monday, killing three of them, "
     "a police officer said. The group also attacked a Peshmerga post in the area on Sunday.",
     {}},
    {"rockets_on_a_turkish_base_are_no_event", kTue,
     "Three rockets targeted a Turkish military base near Bashiqa in Nineveh province on Monday, causing no casualties.",
     {}},
    {"israeli_jets_over_damascus_are_no_event", kTue,
     "Israeli warplanes carried out airstrikes on the outskirts of Damascus on Monday, killing two people, the Syrian "
     "army said.",
     {}},
    {"turkish_drones_on_kurdish_towns_are_no_event", kTue,
     "Turkish drones struck oil facilities and a power station in northeastern Syria on Sunday, the Kurdish-led "
     "administration said, as Turkey pressed on with its air campaign.",
     {}},
    {"iranian_missiles_at_a_declared_non_us_target_are_no_event", kTue,
     "The Revolutionary Guards said they fired missiles at what they called an Israeli spy centre near the US consulate "
     "in Erbil on Monday. No US personnel or facilities were hit, a US official said.",
     {}},
    {"iranian_missiles_on_a_us_base_are_an_event", kTue,
     "Iranian ballistic missiles hit Ain al-Asad air base in western Iraq on Monday, a US official said.",
     {{.type = "attack", .date = "2024-03-11", .country = "IQ", .location = "Ain al-Asad", .weapons = "missile"}}},
    {"a_base_hosting_us_troops_with_iraqi_wounded_is_an_event", kTue,
     "Mortar rounds hit a military base hosting US troops north of Baghdad on Monday. Two Iraqi soldiers were "
     "wounded in the attack, security sources said.",
     {{.type = "attack", .date = "2024-03-11", .country = "IQ", .weapons = "mortar", .injured = "2"}}},
    {"a_drone_on_us_forces_in_syria_is_an_event_beside_an_isis_ambush", kTue,
     "A one-way drone attacked US forces at the Al-Tanf garrison on Monday. Separately, Islamic State fighters ambushed "
     "Syrian army soldiers in the Badia desert.",
     {{.type = "attack", .date = "2024-03-11", .country = "SY", .location = "Tanf", .weapons = "drone"}}},
};

INSTANTIATE_TEST_SUITE_P(Scope, ScopeCases, ::testing::ValuesIn(kScopeCases),
                         [](const ::testing::TestParamInfo<ExtractionCase>& info) { return std::string(info.param.name); });

TEST(NotEvents, WhatIsLeftOutIsListedWithItsReason) {
  const ExtractionCase c{"left_out", kTue,
                         "Islamic State militants attacked Iraqi soldiers in Kirkuk province on Monday, killing two.", {}};
  const nlohmann::ordered_json record = testing::extract_case(c);
  EXPECT_TRUE(record["events"].empty());
  ASSERT_TRUE(record.contains("not_events"));
  ASSERT_EQ(record["not_events"].size(), 1u);
  const auto& left_out = record["not_events"][0];
  EXPECT_EQ(left_out["reason"], std::string(describe(ScopeVerdict::kAttackOnOtherForce)));
  EXPECT_EQ(left_out["country"], "IQ");
  EXPECT_FALSE(left_out["evidence"].empty());
}

}  // namespace
}  // namespace salvo
