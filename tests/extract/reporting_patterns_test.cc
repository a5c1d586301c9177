// Patterns of reporting that the dev articles showed breaking the extractor, each stated as a
// rule with sentences written for these tests (issue 17's failure classes).
#include <gtest/gtest.h>

#include "extract_support.h"

namespace salvo {
namespace {

using testing::ExtractionCase;

class ReportingPatterns : public ::testing::TestWithParam<ExtractionCase> {};

TEST_P(ReportingPatterns, EventsAndTallies) {
  const ExtractionCase& c = GetParam();
  EXPECT_TRUE(testing::extraction_matches(c, testing::extract_case(c)));
}

constexpr const char* kWed = "2024-05-15";  // a Wednesday: Tuesday is the 14th, Monday the 13th, Sunday the 12th

const ExtractionCase kCases[] = {
    // Actors: a group named by its sponsor is a generic actor in the source's words, and the
    // sponsor is not the attacker.
    {"a_group_named_by_its_sponsor_is_the_actor", kWed,
     "On Tuesday, Iranian-linked Shia militia fighters fired three rockets at the Green Village base in Syria, a US "
     "official said.",
     {{.type = "attack", .date = "2024-05-14", .country = "SY", .location = "Green Village", .weapons = "rocket",
       .actor = "Iranian-linked Shia militia fighters", .actor_status = "reported"}}},
    // A military's assessment blames the group it names.
    {"an_assessment_accuses", kWed,
     "A drone hit the Tower 22 outpost in Jordan on Sunday. The Pentagon assesses an Iran-aligned militia carried out "
     "the attack.",
     {{.type = "attack", .date = "2024-05-12", .country = "JO", .weapons = "drone", .actor = "Iran-aligned militia",
       .actor_status = "accused"}}},
    // An attack told beside a strike has the subject of its own verb. (The gunship's strike has
    // no place of its own: no record.)
    {"an_attack_beside_a_strike_has_its_own_subject", kWed,
     "The strike by a US gunship came minutes after the Iran-backed fighters fired two missiles at Ain al-Asad air base "
     "on Monday.",
     {{.type = "attack", .date = "2024-05-13", .country = "IQ", .location = "Ain al-Asad",
       .actor = "Iran-backed fighters", .actor_status = "reported"}}},
    // A strike word claimed by a militia tells its attack, though US strikes are told too: the
    // later telling with its own day and toll completes the incident.
    {"a_drone_strike_a_militia_claimed_is_its_attack", kWed,
     "Kurdish-led forces on Tuesday said five fighters were killed in a drone attack on a base hosting US troops at "
     "the Conoco gas field in Syria. A monitor reported 12 wounded in the drone strike on Monday that was claimed by "
     "Islamic Resistance in Iraq. It was the first attack since the US strikes on Syria last week.",
     {{.type = "attack", .date = "2024-05-13", .country = "SY", .location = "Conoco", .actor = "Islamic Resistance in Iraq",
       .actor_status = "claimed", .killed = "5", .injured = "12"},
      {.type = "strike", .date = "2024-05-06", .country = "SY", .actor = "US forces"}}},
    // A day lent to an incident by a later sentence must be said of an incident word: the day of
    // a visit during which the attacks were condemned is not theirs.
    {"the_day_of_a_visit_is_not_the_attacks", kWed,
     "A drone attacked the Green Village base in Syria on Tuesday, officials said. Two drones were shot down near "
     "Erbil airport, officials in Kurdistan said. No group claimed the attacks. In the first attack at Erbil, two drones "
     "were shot down. In a visit to Baghdad on Sunday, the secretary of state said the attacks were unacceptable.",
     {{.type = "attack", .date = "2024-05-14", .country = "SY", .location = "Green Village"},
      {.type = "interception", .date = "2024-05-14", .country = "IQ", .location = "Erbil"}}},
    // "The group, X, …" names the militia a claim left generic.
    {"an_apposition_names_the_generic_claimant", kWed,
     "An Iraqi militia claimed a drone attack on US troops at Erbil airport on Monday. The group, Kataib Sayyid "
     "al-Shuhada, has threatened more attacks.",
     {{.type = "attack", .date = "2024-05-13", .country = "IQ", .location = "Erbil", .weapons = "drone",
       .actor = "Kataib Sayyid al-Shuhada", .actor_status = "claimed"}}},
    // Type from direction: the force named with its own troops is the striker.
    {"a_force_named_with_its_troops_strikes", kWed,
     "US Central Command forces carried out strikes on Tuesday against a weapons depot of an Iran-aligned group in Syria, "
     "the command said.",
     {{.type = "strike", .date = "2024-05-14", .country = "SY"}}},
    // …but the same words after a verb of attack are the attacked.
    {"forces_after_a_verb_of_attack_are_attacked", kWed,
     "A drone targeting the US-led coalition forces near Erbil airport on Monday was shot down, officials said.",
     {{.type = "interception", .date = "2024-05-13", .country = "IQ", .location = "Erbil"}}},
    // The incident answered, after "in response to", is not what happened at the place.
    {"the_incident_answered_does_not_take_the_place", kWed,
     "On Monday, US forces conducted strikes on two locations used by Iran-backed groups in eastern Syria, in response to "
     "attacks against American troops.",
     {{.type = "strike", .date = "2024-05-13", .country = "SY", .count = 2}}},
    // Several incidents in one sentence: the places struck are counted, not the targets.
    {"places_struck_are_counted_not_targets", kWed,
     "On Tuesday the US struck eleven targets at three sites in Syria, the Pentagon said.",
     {{.type = "strike", .date = "2024-05-14", .country = "SY", .count = 3}}},
    // A trend at named bases is no incident; a definite plural is the incidents told.
    {"a_trend_at_named_bases_is_no_incident", kWed,
     "Rockets hit the Al-Tanf garrison on Sunday. Most of these attacks have targeted Al-Tanf and the Green Village base "
     "in recent months.",
     {{.type = "attack", .date = "2024-05-12", .country = "SY", .location = "Tanf", .weapons = "rocket"}}},
    {"the_strikes_landed_is_the_incident", kWed,
     "Iran fired missiles at US forces in Iraq on Tuesday. The missile strikes landed at Ain al-Asad air base, officials said.",
     {{.type = "attack", .date = "2024-05-14", .country = "IQ", .location = "Ain al-Asad", .weapons = "missile"}}},
    // "Both drones were shot down": every drone incident of the sentence referred back to.
    {"both_drones_shot_down_intercepts_both_incidents", kWed,
     "On Monday, one-way drones were launched at US troops at Al-Tanf and at the Green Village base in Syria. Both drones "
     "were shot down before reaching their targets, an official said.",
     {{.type = "interception", .date = "2024-05-13", .country = "SY", .location = "Tanf", .weapons = "drone"},
      {.type = "interception", .date = "2024-05-13", .country = "SY", .location = "Green Village", .weapons = "drone"}}},
    // Casualties to the right incidents: "no casualties" after a telling of several speaks of all.
    {"no_casualties_after_several_incidents_is_said_of_all", kWed,
     "On Monday, rockets were fired at US forces at the Green Village base and drones were launched at the Al-Tanf "
     "garrison in Syria. There were no casualties, an official said.",
     {{.type = "attack", .date = "2024-05-13", .location = "Green Village", .killed = "0", .injured = "0"},
      {.type = "attack", .date = "2024-05-13", .location = "Tanf", .killed = "0", .injured = "0"}}},
    // Dates: a day recalled from long before (a caption's) is lent to no incident told after it.
    {"a_captions_old_day_is_lent_to_no_incident", kWed,
     "US soldiers patrol near a base in Anbar province, Iraq, March 3, 2017. The strikes hit two depots near Al-Qaim, "
     "US Central Command said on Tuesday, after US forces struck militia targets.",
     {{.type = "strike", .date = "null", .country = "IQ", .location = "Qaim", .count = 2, .role = "main"}}},
    // Type from direction: an attacker acting between a strike word and the place did what
    // happened there.
    {"an_attacker_between_the_strike_and_the_place_attacked_it", kWed,
     "A US gunship carried out a retaliatory strike after Iran-backed fighters fired two missiles at Ain al-Asad air base "
     "on Monday.",
     {{.type = "attack", .date = "2024-05-13", .country = "IQ", .location = "Ain al-Asad"}}},
    {"rockets_fell_inside_a_base", kWed, "Three rockets fell inside the Ain al-Asad air base on Tuesday, officials said.",
     {{.type = "attack", .date = "2024-05-14", .country = "IQ", .location = "Ain al-Asad", .weapons = "rocket"}}},
    // An incident with its own day but no place happened in the article's country.
    {"an_incident_with_a_day_and_no_place_is_in_the_articles_country", kWed,
     "US forces in Syria came under fire again this week. Rockets hit the Green Village base on Monday. Those strikes "
     "followed three separate attacks on Sunday against US troops, an official said.",
     {{.type = "attack", .date = "2024-05-13", .country = "SY", .location = "Green Village"},
      {.type = "attack", .date = "2024-05-12", .country = "SY", .location = "null", .count = 3}}},
    {"an_incident_named_again_is_no_new_one", kWed,
     "US aircraft struck a militia depot near Al-Qaim on Monday. That Monday strike was the first in months, officials said.",
     {{.type = "strike", .date = "2024-05-13", .country = "IQ", .location = "Qaim"}}},
    // Lists and timelines: a date heading dates the entry after it.
    {"a_timeline_heading_dates_its_entry", kWed,
     "Attacks on US forces this spring:\n\n2 May\n\nRockets hit the Ain al-Asad air base\n\n9 May\n\nA drone attacked "
     "US troops at the Green Village base in Syria",
     {{.type = "attack", .date = "2024-05-02", .country = "IQ", .location = "Ain al-Asad", .role = "background"},
      {.type = "attack", .date = "2024-05-09", .country = "SY", .location = "Green Village", .role = "background"}}},
    // Several days listed for one place: one incident a day.
    {"days_listed_for_one_place_are_one_incident_each", kWed,
     "So far US forces have struck militia targets three times, on May 3, May 8 and May 11, near Al-Qaim, officials said.",
     {{.type = "strike", .date = "2024-05-03", .country = "IQ", .location = "Qaim"},
      {.type = "strike", .date = "2024-05-08", .country = "IQ", .location = "Qaim"},
      {.type = "strike", .date = "2024-05-11", .country = "IQ", .location = "Qaim"}}},
    // A governorate named with its kind before it is written "X province".
    {"the_province_of_x_is_x_province", kWed,
     "A convoy carrying supplies for the US-led coalition was attacked in the province of Anbar on Monday.",
     {{.type = "attack", .date = "2024-05-13", .country = "IQ", .location = "Anbar province"}}},
    // Babylon is the English name of Babil governorate.
    {"babylon_is_babil_governorate", kWed, "A convoy carrying supplies for the US-led coalition was attacked in Babylon on Monday.",
     {{.type = "attack", .date = "2024-05-13", .country = "IQ", .location = "Babylon"}}},
    // One base told by two of its names on one day is one incident.
    {"one_base_by_two_names_is_one_incident", kWed,
     "Two rockets were fired at a base housing US troops at Baghdad International Airport on Tuesday. The Victory Base "
     "at Baghdad airport was targeted with two rockets, a security source said.",
     {{.type = "attack", .date = "2024-05-14", .country = "IQ", .weapons = "rocket"}}},
};

// Actors and how they are known.
const ExtractionCase kActorRules[] = {
    {"the_perpetrator_named_once_goes_to_the_incidents_told_after", kWed,
     "US troops in Syria came under attack three more times this week by Iran-aligned militias, officials said. On Monday, "
     "rockets hit the Green Village base. On Tuesday, a drone struck the Al-Tanf garrison.",
     {{.type = "attack", .date = "2024-05-13", .location = "Green Village", .actor = "Iran-aligned militias",
       .actor_status = "reported"},
      {.type = "attack", .date = "2024-05-14", .location = "Tanf", .actor = "Iran-aligned militias", .actor_status = "reported"}}},
    {"a_description_is_kept_as_the_source_words_it", kWed,
     "Pro-Iran militants fired rockets at the Ain al-Asad air base on Tuesday, officials said.",
     {{.type = "attack", .date = "2024-05-14", .location = "Ain al-Asad", .actor = "Pro-Iran militants"}}},
    {"the_coalitions_claims_are_no_claim_of_responsibility", kWed,
     "Kataib Hezbollah fighters attacked a convoy carrying supplies for the US-led coalition near Diwaniyah on Monday. The "
     "coalition claims that the convoys carried equipment of the Iraqi army.",
     {{.type = "attack", .date = "2024-05-13", .actor = "Kataib Hezbollah", .actor_status = "reported"}}},
};

// Tallies: counts of attacks on US forces over a country or more, told once however often repeated.
const ExtractionCase kTallyRules[] = {
    {"a_tally_told_twice_is_one", kWed,
     "US troops have been attacked at least 12 times since May 1, officials said. In all, US troops have been attacked "
     "at least 12 times since May 1, the Pentagon said.",
     {},
     std::vector<testing::ExpectedTally>{{.what = "attacks", .count = 12, .qualifier = "at_least", .country = "null",
                                          .since = "2024-05-01"}}},
    {"a_count_for_one_base_is_no_tally", kWed,
     "Coalition forces at Al-Tanf have been attacked 15 times since March, the command said.",
     {},
     std::vector<testing::ExpectedTally>{}},
    {"us_strikes_counted_are_no_tally_of_attacks", kWed, "So far the US has retaliated four times since April, officials said.", {},
     std::vector<testing::ExpectedTally>{}},
    {"a_count_of_page_views_is_no_tally", kWed, "This story has been read 90 times in total.", {},
     std::vector<testing::ExpectedTally>{}},
    {"a_window_between_two_days", kWed,
     "US forces in Iraq and Syria have been attacked at least 30 times between April 2-May 14, including 10 in Iraq and 20 "
     "in Syria.",
     {},
     std::vector<testing::ExpectedTally>{
         {.what = "attacks", .count = 30, .qualifier = "at_least", .country = "null", .since = "2024-04-02", .as_of = "2024-05-14"},
         {.what = "attacks", .count = 10, .country = "IQ", .since = "2024-04-02"},
         {.what = "attacks", .count = 20, .country = "SY", .since = "2024-04-02"}}},
    {"one_country_named_for_the_attacked_is_the_tallys", kWed,
     "US bases in Syria have been subjected to 40 attacks since January 3, a monitor said.",
     {},
     std::vector<testing::ExpectedTally>{{.what = "attacks", .count = 40, .country = "SY", .since = "2024-01-03"}}},
};

INSTANTIATE_TEST_SUITE_P(Actors, ReportingPatterns, ::testing::ValuesIn(kActorRules),
                         [](const ::testing::TestParamInfo<ExtractionCase>& info) { return std::string(info.param.name); });

INSTANTIATE_TEST_SUITE_P(Tallies, ReportingPatterns, ::testing::ValuesIn(kTallyRules),
                         [](const ::testing::TestParamInfo<ExtractionCase>& info) { return std::string(info.param.name); });

INSTANTIATE_TEST_SUITE_P(Patterns, ReportingPatterns, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<ExtractionCase>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace salvo
