// Event and tally extraction through the public pipeline (process_article), one short news text
// per case, written as variants of the sentences of the seed and dev articles. The expectations are
// what spec/output.md asks for, not what the extractor prints today: cases it does not meet yet
// are marked `// KNOWN GAP:` and named DISABLED_ so CI stays green
// (run them with --gtest_also_run_disabled_tests).
#include <gtest/gtest.h>

#include <string_view>
#include <vector>

#include "extract_support.h"

namespace salvo {
namespace {

using testing::ExpectedEvent;
using testing::ExpectedTally;
using testing::ExtractionCase;

class ExtractorCases : public ::testing::TestWithParam<ExtractionCase> {};

TEST_P(ExtractorCases, EventsAndTallies) {
  const ExtractionCase& c = GetParam();
  EXPECT_TRUE(testing::extraction_matches(c, testing::extract_case(c)));
}

// 2023-11-24 is a Friday: Monday is the 20th, Tuesday the 21st, Wednesday the 22nd, Thursday the 23rd.
constexpr const char* kFri = "2023-11-24";
constexpr const char* kNoDate = nullptr;

// One event per place: unnamed sites are counted, named places are events of their own, and a
// place that only qualifies another, an origin or a dateline is no event place.
const ExtractionCase kPlaceCases[] = {
    {"two_unnamed_sites_are_one_record_of_two", kFri,
     "US and international forces were attacked at two sites in northeastern Syria on Thursday with multiple rockets "
     "and a one-way attack drone, a US military official said.",
     {{.type = "attack", .date = "2023-11-23", .country = "SY", .location = "northeastern Syria", .count = 2,
       .weapons = "drone,rocket", .actor = "null", .actor_status = "null"}}},
    {"two_named_bases_are_two_events", kFri,
     "One-way attack drones targeted Ain al-Asad air base in western Iraq and Erbil airport on Wednesday, the Pentagon said.",
     {{.type = "attack", .date = "2023-11-22", .country = "IQ", .location = "Ain al-Asad", .weapons = "drone", .actor = "null"},
      {.type = "attack", .date = "2023-11-22", .country = "IQ", .location = "Erbil airport", .weapons = "drone", .actor = "null"}}},
    {"region_after_airport_only_qualifies_it", kFri,
     "A drone targeted the coalition base at Erbil airport in northern Iraq on Tuesday.",
     {{.type = "attack", .date = "2023-11-21", .country = "IQ", .location = "Erbil airport", .weapons = "drone"}}},
    {"province_after_base_only_qualifies_it", kFri, "Rockets hit the Green Village base in Deir ez-Zor province on Sunday.",
     {{.type = "attack", .date = "2023-11-19", .country = "SY", .location = "Green Village", .weapons = "rocket"}}},
    {"origin_of_fire_is_not_an_event_place", kFri,
     "Five rockets were fired from northern Iraq at a US base in Syria on Monday, a US official said.",
     {{.type = "attack", .date = "2023-11-20", .country = "SY", .location = "Syria", .weapons = "rocket", .actor = "null"}}},
    {"launch_country_is_not_an_event_place", kFri,
     "Drones launched from Iraq targeted the Rumeilan base in Hasakah province on Wednesday.",
     {{.type = "attack", .date = "2023-11-22", .country = "SY", .location = "Rumeilan", .weapons = "drone"}}},
    {"dateline_is_not_an_event_place", kFri,
     "BAGHDAD (AP) — Rockets targeted Ain al-Asad air base in western Iraq on Thursday, Iraqi security officials said.",
     {{.type = "attack", .date = "2023-11-23", .country = "IQ", .location = "Ain al-Asad", .weapons = "rocket", .actor = "null"}}},
    {"site_named_by_kind_then_name", kNoDate,
     "A US official said the morning rocket attack against a mission support site in Euphrates, Syria, produced no injuries.",
     {{.type = "attack", .country = "SY", .location = "Mission Support Site Euphrates", .weapons = "rocket",
       .killed = "0", .injured = "0"}}},
    {"a_base_in_a_country_says_more_than_the_country", kFri,
     "Over the weekend, rockets were launched from northern Iraq towards a base in Syria, which houses coalition forces.",
     {{.type = "attack", .country = "SY", .location = "a base in Syria", .weapons = "rocket"}}},
    {"the_iraqi_capital_is_baghdad", kFri,
     "A volley of rockets on Monday targeted the high-security zone in the Iraqi capital that houses the US embassy, security sources said.",
     {{.type = "attack", .date = "2023-11-20", .country = "IQ", .location = "Baghdad", .weapons = "rocket"}}},
    {"a_border_narrows_a_region", kFri,
     "A drone attack on Sunday killed three US soldiers in the Jordanian desert on the Syrian border.",
     {{.type = "attack", .date = "2023-11-19", .country = "JO", .location = "Jordanian desert on the Syrian border",
       .weapons = "drone", .killed = "3"}}},
    // A dateline with its country ("ERBIL, Iraq (Reuters) -") is no event place.
    {"dateline_with_country_is_not_an_event_place", kFri,
     "ERBIL, Iraq (Reuters) - A drone attacked a base housing US troops in eastern Syria on Wednesday, a US official said.",
     {{.type = "attack", .date = "2023-11-22", .country = "SY", .location = "eastern Syria", .weapons = "drone", .actor = "null"}}},
    {"place_inside_actor_name_is_not_an_event_place", kFri,
     "The Islamic Resistance in Iraq claimed a drone attack on the Conoco gas field in eastern Syria on Wednesday.",
     {{.type = "attack", .date = "2023-11-22", .country = "SY", .location = "Conoco", .weapons = "drone",
       .actor = "Islamic Resistance in Iraq", .actor_status = "claimed"}}},
    {"city_possessive_names_one_place", kFri, "Three mortar rounds landed inside Baghdad's Green Zone on Sunday.",
     {{.type = "attack", .date = "2023-11-19", .country = "IQ", .location = "Green Zone", .weapons = "mortar"}}},
    {"reporting_agency_region_is_not_an_event_place", kFri,
     "Two drones attacked Harir air base in Erbil province early Thursday, the Kurdistan Region's counter-terrorism "
     "service said.",
     {{.type = "attack", .date = "2023-11-23", .country = "IQ", .location = "Harir", .weapons = "drone", .actor = "null"}}},
    // Was a known gap: "al-Harir" in lower case is not recognised, so the province is kept and the reporting
    // agency's "Kurdistan Region" becomes a second event.
    {"lower_case_al_harir_is_the_base", kFri,
     "Two drones attacked al-Harir air base in Erbil province early Thursday, the Kurdistan Region's counter-terrorism "
     "service said.",
     {{.type = "attack", .date = "2023-11-23", .country = "IQ", .location = "Harir", .weapons = "drone", .actor = "null"}}},
    // Was a known gap: "at Tower 22 in northeastern Jordan" keeps the region, not the site.
    {"site_before_region_qualifier_is_the_location", "2024-01-29",
     "A drone attack killed three US soldiers at Tower 22 in northeastern Jordan on January 28.",
     {{.type = "attack", .date = "2024-01-28", .country = "JO", .location = "Tower 22", .weapons = "drone", .killed = "3"}}},
};

// Dates: the clause's own day resolved against the publication date, "the day before" against the
// incident just told, null when nothing anchors it, and no borrowing across relational sentences.
const ExtractionCase kDateCases[] = {
    {"own_weekday_resolves_against_publication", kFri, "A drone attacked the US base at Erbil airport on Wednesday.",
     {{.type = "attack", .date = "2023-11-22", .country = "IQ", .location = "Erbil airport", .weapons = "drone"}}},
    {"late_sunday_in_monday_article_is_the_day_before", "2023-11-20",
     "Rockets hit Ain al-Asad air base late Sunday, the US military said.",
     {{.type = "attack", .date = "2023-11-19", .country = "IQ", .location = "Ain al-Asad", .weapons = "rocket", .actor = "null"}}},
    {"yesterday_is_the_day_before_publication", kFri, "Two drones targeted the Al-Tanf garrison in southern Syria yesterday.",
     {{.type = "attack", .date = "2023-11-23", .country = "SY", .location = "Tanf", .weapons = "drone"}}},
    {"month_and_day_resolve_to_the_publication_year", "2024-01-30",
     "Three US service members were killed and dozens injured in a drone attack on a base in the Jordanian desert on "
     "January 28.",
     {{.type = "attack", .date = "2024-01-28", .country = "JO", .location = "Jordanian desert", .weapons = "drone",
       .killed = "3"}}},
    {"full_date_is_taken_as_written", kFri, "Rockets hit Ain al-Asad air base on November 22, 2023.",
     {{.type = "attack", .date = "2023-11-22", .country = "IQ", .location = "Ain al-Asad", .weapons = "rocket"}}},
    {"weekend_is_a_range", "2023-11-20", "Rockets targeted Ain al-Asad air base over the weekend.",
     {{.type = "attack", .date = "2023-11-18", .date_max = "2023-11-19", .country = "IQ", .location = "Ain al-Asad",
       .weapons = "rocket"}}},
    {"day_before_resolves_against_previous_event", kFri,
     "Rockets hit Ain al-Asad air base on Wednesday. The day before, a drone targeted Erbil airport.",
     {{.type = "attack", .date = "2023-11-22", .country = "IQ", .location = "Ain al-Asad", .weapons = "rocket"},
      {.type = "attack", .date = "2023-11-21", .country = "IQ", .location = "Erbil airport", .weapons = "drone"}}},
    {"day_before_needs_no_publication_date", kNoDate,
     "Rockets hit Ain al-Asad air base on January 3, 2024. The day before, a drone targeted Erbil airport.",
     {{.type = "attack", .date = "2024-01-03", .country = "IQ", .location = "Ain al-Asad", .weapons = "rocket"},
      {.type = "attack", .date = "2024-01-02", .country = "IQ", .location = "Erbil airport", .weapons = "drone"}}},
    {"weekday_without_publication_date_is_null", kNoDate, "Rockets targeted Ain al-Asad air base on Wednesday.",
     {{.type = "attack", .date = "null", .country = "IQ", .location = "Ain al-Asad", .weapons = "rocket"}}},
    {"no_date_and_no_publication_date_is_null", kNoDate,
     "A drone attacked the US base at Erbil airport, causing no casualties.",
     {{.type = "attack", .date = "null", .country = "IQ", .location = "Erbil airport", .weapons = "drone", .killed = "0",
       .injured = "0"}}},
    {"follow_on_sentence_shares_the_day", kFri,
     "Rockets hit Ain al-Asad air base on Wednesday. A drone was also shot down near Erbil airport.",
     {{.type = "attack", .date = "2023-11-22", .country = "IQ", .location = "Ain al-Asad", .weapons = "rocket"},
      {.type = "interception", .date = "2023-11-22", .country = "IQ", .location = "Erbil airport", .weapons = "drone"}}},
    {"relational_sentence_without_a_day_adds_no_event", kFri,
     "A drone attacked Erbil airport on Tuesday. Earlier, rockets had targeted the Green Village base in eastern Syria.",
     {{.type = "attack", .date = "2023-11-21", .country = "IQ", .location = "Erbil airport", .weapons = "drone"}}},
    {"relational_sentence_keeps_its_own_day", kFri,
     "A drone attacked Erbil airport on Tuesday. The attack came after rockets targeted the Green Village base in eastern "
     "Syria on Sunday.",
     {{.type = "attack", .date = "2023-11-21", .country = "IQ", .location = "Erbil airport", .weapons = "drone"},
      {.type = "attack", .date = "2023-11-19", .country = "SY", .location = "Green Village", .weapons = "rocket"}}},
    {"one_base_on_two_days_is_two_events", kFri,
     "Rockets hit Ain al-Asad air base on Tuesday. On Wednesday, drones targeted Ain al-Asad air base again.",
     {{.type = "attack", .date = "2023-11-21", .country = "IQ", .location = "Ain al-Asad", .weapons = "rocket"},
      {.type = "attack", .date = "2023-11-22", .country = "IQ", .location = "Ain al-Asad", .weapons = "drone"}}},
    {"several_rockets_at_one_base_are_one_event", kFri,
     "Several rockets hit Ain al-Asad air base on Wednesday night. Another rocket landed near the runway.",
     {{.type = "attack", .date = "2023-11-22", .country = "IQ", .location = "Ain al-Asad", .weapons = "rocket"}}},
};

// Triggers: weak words need a weapon; plural attacks with no count are a trend, not an incident.
const ExtractionCase kTriggerCases[] = {
    {"launched_without_weapon_is_no_attack", kFri,
     "Iraqi forces launched a search operation near Ain al-Asad air base on Thursday.", {}},
    {"launched_with_weapon_is_an_attack", kFri,
     "Militants launched three rockets at the Green Village base in eastern Syria on Thursday.",
     {{.type = "attack", .date = "2023-11-23", .country = "SY", .location = "Green Village", .weapons = "rocket"}}},
    {"hit_without_weapon_is_no_attack", kFri, "Severe flooding hit parts of Baghdad on Monday.", {}},
    {"surge_of_attacks_is_a_trend", kFri, "Attacks on US troops have surged in Iraq and Syria since the war in Gaza began.",
     {}},
    {"nearly_daily_attacks_are_a_trend", kFri,
     "The nearly daily rocket and drone attacks on American forces in Iraq and Syria have raised fears of a wider war.", {}},
    {"counted_attacks_since_a_date_are_a_tally", kFri,
     "Iran-backed groups have carried out more than 60 rocket and drone attacks on US forces in Iraq and Syria since "
     "October 17.",
     {},
     std::vector<ExpectedTally>{{.what = "attacks", .count = 60, .qualifier = "at_least", .country = "null", .since = "2023-10-17"}}},
};

// Definite references and vaguer mentions add to the incident told, they are no new event.
const ExtractionCase kCoreferenceCases[] = {
    {"thwarted_attack_becomes_an_interception", kFri,
     "A drone targeted the US base at Erbil airport on Tuesday. The attack was thwarted before reaching its target.",
     {{.type = "interception", .date = "2023-11-21", .country = "IQ", .location = "Erbil airport", .weapons = "drone"}}},
    {"the_attack_adds_casualties_to_the_incident", kFri,
     "Rockets struck the Green Village base in eastern Syria on Sunday. The attack caused no casualties.",
     {{.type = "attack", .date = "2023-11-19", .country = "SY", .location = "Green Village", .weapons = "rocket",
       .killed = "0", .injured = "0"}}},
    // The lede dates the report ("on Monday said"); the incident's own day comes with its toll.
    {"retold_with_its_own_day_and_toll", "2024-02-05",
     "American-backed Syrian Kurdish forces on Monday said six fighters were killed in a drone strike that hit a base "
     "where U.S. personnel are located, in Syria's Deir ez-Zor province.\n\nA war monitor earlier reported at least "
     "five members of the Syrian Democratic Forces were killed and 20 wounded in the drone strike on Sunday that was "
     "claimed by Islamic Resistance in Iraq.\n\nThe group claimed the attack as \"against the US occupation base in "
     "the Al-Omar oil field.\"",
     {{.type = "attack", .date = "2024-02-04", .country = "SY", .location = "Omar", .weapons = "drone",
       .actor = "Islamic Resistance in Iraq", .actor_status = "claimed", .killed = "6", .injured = "20"}}},
    // A stretch of months in a later sentence is a trend's, not the incident's day.
    {"a_trend_range_does_not_redate_the_incident", kFri,
     "Rockets were fired late Sunday at a military base in Syria housing US forces.\n\nA war monitor said several "
     "rockets had been fired at the Kharab al-Jir base.\n\nThe group has claimed most of the attacks on US forces "
     "carried out between mid-October and early February.",
     {{.type = "attack", .date = "2023-11-19", .country = "SY", .location = "Kharab al-Jir", .weapons = "rocket"}}},
    {"country_summary_folds_into_the_named_sites", kFri,
     "US forces were attacked twice in Iraq on Thursday. A drone targeted Ain al-Asad air base. Rockets hit Erbil airport.",
     {{.type = "attack", .date = "2023-11-23", .country = "IQ", .location = "Ain al-Asad", .weapons = "drone"},
      {.type = "attack", .date = "2023-11-23", .country = "IQ", .location = "Erbil airport", .weapons = "rocket"}}},
    {"country_mention_folds_into_the_site", kFri,
     "US forces in Syria came under drone attack on Thursday. The drone targeted the Al-Shaddadi base in Hasakah province.",
     {{.type = "attack", .date = "2023-11-23", .country = "SY", .location = "Shaddadi", .weapons = "drone"}}},
};

// Strikes: US and coalition forces striking militias; the actor is the force that struck.
const ExtractionCase kStrikeCases[] = {
    {"dozens_of_targets_in_two_countries_is_a_campaign", kFri,
     "A drone attack killed three US soldiers at Tower 22 in Jordan on Sunday. In response, the US military struck "
     "dozens of targets in Syria and Iraq, aiming for pro-Iran forces.",
     {{.type = "attack", .date = "2023-11-19", .country = "JO", .location = "Tower 22", .weapons = "drone", .killed = "3"}}},
    {"fighter_jets_struck_a_depot", kFri, "US fighter jets struck a weapons depot near Abu Kamal on Wednesday.",
     {{.type = "strike", .date = "2023-11-22", .country = "SY", .location = "Abu Kamal", .weapons = "aircraft",
       .actor = "US forces", .actor_status = "reported"}}},
    {"struck_five_facilities_counts_five", kFri,
     "The US military struck five facilities used by Kataib Hezbollah in eastern Syria on Thursday.",
     {{.type = "strike", .date = "2023-11-23", .country = "SY", .location = "eastern Syria", .count = 5,
       .actor = "US forces", .actor_status = "reported"}}},
    {"strike_south_of_baghdad_with_its_dead", kFri,
     "US forces struck Kataib Hezbollah positions south of Baghdad on Wednesday, killing eight fighters, according to the "
     "group.",
     {{.type = "strike", .date = "2023-11-22", .country = "IQ", .location = "south of Baghdad", .actor = "US forces",
       .actor_status = "reported", .killed = "8"}}},
    {"coalition_response_strike_is_its_own_event", kFri,
     "Rockets were fired at the Green Village base on Thursday. The US-led coalition responded by striking launch sites "
     "near Deir ez-Zor.",
     {{.type = "attack", .date = "2023-11-23", .country = "SY", .location = "Green Village", .weapons = "rocket",
       .actor = "null"},
      {.type = "strike", .date = "2023-11-23", .country = "SY", .location = "Deir ez-Zor", .actor = "US-led coalition",
       .actor_status = "reported"}}},
    {"response_airstrike_near_a_town", kFri,
     "Rockets hit Ain al-Asad air base on Wednesday. The US responded with an airstrike near Al-Qaim.",
     {{.type = "attack", .date = "2023-11-22", .country = "IQ", .location = "Ain al-Asad", .weapons = "rocket",
       .actor = "null"},
      {.type = "strike", .date = "2023-11-22", .country = "IQ", .location = "Qaim", .actor = "US forces",
       .actor_status = "reported"}}},
    // Was a known gap: plural "airstrikes" with no count before it is read as a trend, so the response is lost.
    {"response_airstrikes_near_a_town", kFri,
     "Rockets hit Ain al-Asad air base on Wednesday. The US responded with airstrikes near Al-Qaim.",
     {{.type = "attack", .date = "2023-11-22", .country = "IQ", .location = "Ain al-Asad", .weapons = "rocket",
       .actor = "null"},
      {.type = "strike", .date = "2023-11-22", .country = "IQ", .location = "Qaim", .actor = "US forces",
       .actor_status = "reported"}}},
    // Was a known gap: "airstrikes on two facilities" — the count follows the plural, so it is taken for a trend.
    {"ordered_airstrikes_on_two_facilities", kFri,
     "President Joe Biden ordered airstrikes on two facilities in eastern Syria on Thursday.",
     {{.type = "strike", .date = "2023-11-23", .country = "SY", .location = "eastern Syria", .count = 2,
       .actor = "US forces", .actor_status = "reported"}}},
    // Was a known gap: "The US military said it struck": the reporter is also the striker; read as an attack.
    {"military_said_it_struck_two_facilities", kFri,
     "The US military said it struck two facilities near Abu Kamal on Thursday.",
     {{.type = "strike", .date = "2023-11-23", .country = "SY", .location = "Abu Kamal", .count = 2, .actor = "US forces",
       .actor_status = "reported"}}},
    {"drone_strike_on_a_us_base_is_an_attack", "2024-01-29",
     "A drone strike hit a US base in northeastern Jordan on Sunday, killing three US soldiers.",
     {{.type = "attack", .date = "2024-01-28", .country = "JO", .location = "northeastern Jordan", .weapons = "drone",
       .actor = "null", .killed = "3"}}},
    {"roadside_bomb_on_a_coalition_convoy_is_an_attack", kFri,
     "A roadside bomb struck a convoy carrying supplies for the US-led coalition on the highway near Samarra on Monday.",
     {{.type = "attack", .date = "2023-11-20", .country = "IQ", .location = "Samarra", .weapons = "ied", .actor = "null"}}},
};

// Interceptions: what air defences stopped; an interception where something still landed is an attack.
const ExtractionCase kInterceptionCases[] = {
    {"drones_shot_down_near_the_airport", kFri,
     "Two drones were shot down near Erbil airport on Thursday, Kurdish officials said.",
     {{.type = "interception", .date = "2023-11-23", .country = "IQ", .location = "Erbil airport", .weapons = "drone",
       .actor = "null"}}},
    {"drones_targeting_a_base_shot_down", kFri,
     "Two drones targeting the coalition base at Harir were shot down on Thursday.",
     {{.type = "interception", .date = "2023-11-23", .country = "IQ", .location = "Harir", .weapons = "drone"}}},
    {"intercepted_but_another_hit_is_an_attack", kFri,
     "Air defences intercepted a drone over Ain al-Asad air base on Monday, but a second drone hit the base.",
     {{.type = "attack", .date = "2023-11-20", .country = "IQ", .location = "Ain al-Asad", .weapons = "drone"}}},
    // Was a known gap: type and weapons are taken per sentence, not per clause: both places become rocket and
    // drone attacks.
    {"interception_and_attack_in_one_sentence", kFri,
     "Two drones were shot down near the Al-Tanf garrison on Thursday, while rockets hit the Green Village base in "
     "eastern Syria.",
     {{.type = "interception", .date = "2023-11-23", .country = "SY", .location = "Tanf", .weapons = "drone"},
      {.type = "attack", .date = "2023-11-23", .country = "SY", .location = "Green Village", .weapons = "rocket"}}},
    // Was a known gap: weapons are per sentence, so each place gets both the drone and the rockets.
    {"weapons_belong_to_their_clause", kFri,
     "A drone targeted Ain al-Asad air base and rockets hit Erbil airport on Thursday.",
     {{.type = "attack", .date = "2023-11-23", .country = "IQ", .location = "Ain al-Asad", .weapons = "drone"},
      {.type = "attack", .date = "2023-11-23", .country = "IQ", .location = "Erbil airport", .weapons = "rocket"}}},
};

// Actor and how it is known: claimed, accused, reported; whoever only reports is no actor.
const ExtractionCase kActorCases[] = {
    {"claim_in_its_own_sentence", kFri,
     "Drones targeted the Al-Tanf garrison in southern Syria on Wednesday. The Islamic Resistance in Iraq claimed "
     "responsibility for the attack.",
     {{.type = "attack", .date = "2023-11-22", .country = "SY", .location = "Tanf", .weapons = "drone",
       .actor = "Islamic Resistance in Iraq", .actor_status = "claimed"}}},
    // Was a known gap: "said it targeted" is read as the claim phrase only, leaving no attack word: no event.
    {"said_it_targeted_is_a_claimed_attack", kFri,
     "The Islamic Resistance in Iraq said it targeted the Harir air base in Erbil province with a drone on Thursday.",
     {{.type = "attack", .date = "2023-11-23", .country = "IQ", .location = "Harir", .weapons = "drone",
       .actor = "Islamic Resistance in Iraq", .actor_status = "claimed"}}},
    {"accused_of_firing_rockets", kFri,
     "The coalition accused Iran-backed militias of firing rockets at the Green Village base in eastern Syria on Sunday.",
     {{.type = "attack", .date = "2023-11-19", .country = "SY", .location = "Green Village", .weapons = "rocket",
       .actor = "Iran-backed militias", .actor_status = "accused"}}},
    {"blamed_in_the_next_sentence", kFri,
     "Rockets hit Ain al-Asad air base on Wednesday. US officials blamed Kataib Hezbollah for the attack.",
     {{.type = "attack", .date = "2023-11-22", .country = "IQ", .location = "Ain al-Asad", .weapons = "rocket",
       .actor = "Kataib Hezbollah", .actor_status = "accused"}}},
    {"attack_was_blamed_on", kFri,
     "Rockets hit Ain al-Asad air base on Wednesday. The attack was blamed on Kataib Hezbollah.",
     {{.type = "attack", .date = "2023-11-22", .country = "IQ", .location = "Ain al-Asad", .weapons = "rocket",
       .actor = "Kataib Hezbollah", .actor_status = "accused"}}},
    {"named_group_fired_is_reported", kFri, "Kataib Hezbollah fired rockets at Ain al-Asad air base on Wednesday.",
     {{.type = "attack", .date = "2023-11-22", .country = "IQ", .location = "Ain al-Asad", .weapons = "rocket",
       .actor = "Kataib Hezbollah", .actor_status = "reported"}}},
    {"generic_militias_attacked_is_reported", kFri, "Iran-backed militias attacked US troops at the Al-Tanf garrison on Monday.",
     {{.type = "attack", .date = "2023-11-20", .country = "SY", .location = "Tanf", .actor = "Iran-backed militias",
       .actor_status = "reported"}}},
    {"named_claim_replaces_generic_actor", kFri,
     "Militias fired rockets at Ain al-Asad air base on Wednesday. Kataib Hezbollah later claimed the attack.",
     {{.type = "attack", .date = "2023-11-22", .country = "IQ", .location = "Ain al-Asad", .weapons = "rocket",
       .actor = "Kataib Hezbollah", .actor_status = "claimed"}}},
    {"military_official_who_said_is_no_actor", kFri,
     "A drone attacked the Al-Tanf garrison on Thursday, a US military official said.",
     {{.type = "attack", .date = "2023-11-23", .country = "SY", .location = "Tanf", .weapons = "drone", .actor = "null",
       .actor_status = "null"}}},
    {"claimed_by_names_the_actor_after_by", kFri,
     "At least five members of the Syrian Democratic Forces were killed in a drone strike on the Al-Omar oil field on "
     "Sunday that was claimed by the Islamic Resistance in Iraq.",
     {{.type = "attack", .date = "2023-11-19", .country = "SY", .location = "Omar", .weapons = "drone",
       .actor = "Islamic Resistance in Iraq", .actor_status = "claimed", .killed = "5"}}},
    // One subject for two places: the actor learnt for one incident of the sentence holds for both.
    {"one_subject_for_two_places_shares_its_actor", kFri,
     "Iran launched over a dozen ballistic missiles at bases in Iraq on Wednesday, the Pentagon said. The missiles "
     "landed at the Ain al-Assad airbase in western Iraq as well as near the US Consulate in Erbil.",
     {{.type = "attack", .date = "2023-11-22", .country = "IQ", .location = "Ain al-Assad", .weapons = "missile",
       .actor = "Iran", .actor_status = "reported"},
      {.type = "attack", .date = "2023-11-22", .country = "IQ", .location = "Erbil", .weapons = "missile",
       .actor = "Iran", .actor_status = "reported"}}},
    {"according_to_central_command_is_no_actor", kFri,
     "According to US Central Command, two rockets were fired at Mission Support Site Euphrates in Syria on Wednesday.",
     {{.type = "attack", .date = "2023-11-22", .country = "SY", .location = "Euphrates", .weapons = "rocket",
       .actor = "null", .actor_status = "null"}}},
};

// Casualties: zero only when the text says none, null when it says nothing, parts added up.
const ExtractionCase kCasualtyCases[] = {
    {"no_us_personnel_injured_is_zero_injured_only", kFri,
     "Rockets targeted the Green Village base in eastern Syria on Sunday. No US personnel were injured.",
     {{.type = "attack", .date = "2023-11-19", .country = "SY", .location = "Green Village", .weapons = "rocket",
       .killed = "null", .injured = "0"}}},
    {"killing_two_americans_and_one_briton_is_three", "2020-03-12",
     "Rockets slammed into Camp Taji north of Baghdad on Wednesday, killing two Americans and one British national.",
     {{.type = "attack", .date = "2020-03-11", .country = "IQ", .location = "Camp Taji", .weapons = "rocket",
       .killed = "3", .injured = "null"}}},
    {"three_american_and_two_iraqi_injured_is_five", "2023-11-20",
     "Three American and two Iraqi service members were injured Saturday in a rocket attack on Ain al-Asad air base.",
     {{.type = "attack", .date = "2023-11-18", .country = "IQ", .location = "Ain al-Asad", .weapons = "rocket",
       .killed = "null", .injured = "5"}}},
    {"nothing_said_is_null", kFri, "Two rockets hit the Green Village base in eastern Syria on Thursday.",
     {{.type = "attack", .date = "2023-11-23", .country = "SY", .location = "Green Village", .weapons = "rocket",
       .killed = "null", .injured = "null"}}},
    {"a_contractor_died_is_one_killed", kFri,
     "A US contractor died of a heart attack after rockets hit Ain al-Asad air base on Wednesday.",
     {{.type = "attack", .date = "2023-11-22", .country = "IQ", .location = "Ain al-Asad", .weapons = "rocket",
       .killed = "1", .injured = "null"}}},
    // "and a British soldier" after a counted group is one more: three.
    {"killing_two_americans_and_a_briton_is_three", "2020-03-12",
     "Rockets slammed into Camp Taji on Wednesday, killing two Americans and a British soldier.",
     {{.type = "attack", .date = "2020-03-11", .country = "IQ", .location = "Camp Taji", .weapons = "rocket",
       .killed = "3", .injured = "null"}}},
    // Was a known gap: "no casualties in either attack" reaches only the incident just before it.
    {"no_casualties_in_either_attack_holds_for_both", kFri,
     "A drone targeted Ain al-Asad air base on Thursday. Rockets hit Erbil airport the same day. There were no "
     "casualties in either attack.",
     {{.type = "attack", .date = "2023-11-23", .country = "IQ", .location = "Ain al-Asad", .weapons = "drone",
       .killed = "0", .injured = "0"},
      {.type = "attack", .date = "2023-11-23", .country = "IQ", .location = "Erbil airport", .weapons = "rocket",
       .killed = "0", .injured = "0"}}},
};

// Tallies: running counts since a date, per country when split; they are no events.
const ExtractionCase kTallyCases[] = {
    {"total_split_by_country", kFri,
     "There have been 74 attacks on US forces since October 17, with 36 in Iraq and 38 in Syria, according to the "
     "Pentagon.",
     {},
     std::vector<ExpectedTally>{
         {.what = "attacks", .count = 74, .qualifier = "exact", .country = "null", .since = "2023-10-17", .as_of = kFri},
         {.what = "attacks", .count = 36, .qualifier = "exact", .country = "IQ", .since = "2023-10-17"},
         {.what = "attacks", .count = 38, .qualifier = "exact", .country = "SY", .since = "2023-10-17"}}},
    {"at_least_total_split_by_country", kFri,
     "The Pentagon said US forces have been attacked at least 66 times since October 17, with 32 attacks in Iraq and 34 "
     "in Syria.",
     {},
     std::vector<ExpectedTally>{
         {.what = "attacks", .count = 66, .qualifier = "at_least", .country = "null", .since = "2023-10-17"},
         {.what = "attacks", .count = 32, .qualifier = "exact", .country = "IQ", .since = "2023-10-17"},
         {.what = "attacks", .count = 34, .qualifier = "exact", .country = "SY", .since = "2023-10-17"}}},
    {"service_members_suffered_wounds", kFri,
     "According to the Pentagon, 56 U.S. service members have suffered wounds since the attacks began.",
     {},
     std::vector<ExpectedTally>{{.what = "injured", .count = 56, .qualifier = "exact", .country = "null"}}},
    {"targeted_at_least_times_since", kFri, "US and coalition forces have been targeted at least 41 times since October 17.",
     {},
     std::vector<ExpectedTally>{
         {.what = "attacks", .count = 41, .qualifier = "at_least", .country = "null", .since = "2023-10-17"}}},
    {"as_of_a_weekday", kFri, "As of Monday, there had been 40 attacks in Iraq and 32 in Syria.", {},
     std::vector<ExpectedTally>{
         {.what = "attacks", .count = 40, .qualifier = "exact", .country = "IQ", .as_of = "2023-11-20"},
         {.what = "attacks", .count = 32, .qualifier = "exact", .country = "SY", .as_of = "2023-11-20"}}},
    // Was a known gap: killed tallies under 10 were dropped ("Three US soldiers have been killed"), and the
    // wounded clause that borrows "US soldiers" was not read.
    {"killed_and_wounded_since_a_month", "2024-02-01",
     "Three US soldiers have been killed and more than 100 wounded in attacks since October.",
     {},
     std::vector<ExpectedTally>{{.what = "killed", .count = 3, .qualifier = "exact", .since = "2023-10"},
                                {.what = "injured", .count = 100, .qualifier = "at_least", .since = "2023-10"}}},
};

// Language and role: Arabic paragraphs add no events; an incident recalled from long before is background.
const ExtractionCase kContextCases[] = {
    {"arabic_paragraph_adds_no_event", kFri,
     "Rockets hit Ain al-Asad air base on Wednesday, a US official said.\n\n"
     "أعلنت المقاومة الإسلامية في العراق أنها استهدفت قاعدة حرير في أربيل بطائرة مسيرة يوم الخميس، وقالت إن الهجوم أصاب "
     "أهدافه بدقة.",
     {{.type = "attack", .date = "2023-11-22", .country = "IQ", .location = "Ain al-Asad", .weapons = "rocket",
       .actor = "null"}}},
    {"arabic_only_article_has_no_event", kFri,
     "أعلنت المقاومة الإسلامية في العراق أنها استهدفت قاعدة حرير في أربيل بطائرة مسيرة يوم الخميس، وقالت إن الهجوم أصاب "
     "أهدافه بدقة.",
     {}},
    {"incident_months_before_is_background", kFri,
     "Rockets hit Ain al-Asad air base on Wednesday. On March 11, a rocket attack on Camp Taji killed two Americans and one "
     "British soldier.",
     {{.type = "attack", .date = "2023-11-22", .country = "IQ", .location = "Ain al-Asad", .weapons = "rocket",
       .role = "main"},
      {.type = "attack", .date = "2023-03-11", .country = "IQ", .location = "Camp Taji", .weapons = "rocket",
       .killed = "3", .role = "background"}}},
    {"incident_years_before_is_background", "2024-01-29",
     "A drone attack killed three US soldiers at a base in northeastern Jordan on Sunday. On January 8, 2020, Iran fired "
     "ballistic missiles at Ain al-Asad air base.",
     {{.type = "attack", .date = "2024-01-28", .country = "JO", .location = "northeastern Jordan", .weapons = "drone",
       .killed = "3", .role = "main"},
      {.type = "attack", .date = "2020-01-08", .country = "IQ", .location = "Ain al-Asad", .weapons = "missile",
       .actor = "Iran", .actor_status = "reported", .role = "background"}}},
    // dev/h1_018: the year of its own takes the one day of that year the article names.
    {"a_written_year_takes_the_anniversary_day", "2022-01-03",
     "Two armed drones were shot down at the Baghdad airport on Monday, an attack that coincides with the anniversary of "
     "the 2020 U.S. killing of a top Iranian general.\n\nThe 2020 U.S. drone strike at Baghdad's airport killed Gen. Qassim "
     "Soleimani.",
     {{.type = "interception", .date = "2022-01-03", .country = "IQ", .location = "Baghdad airport", .weapons = "drone",
       .role = "main"},
      {.type = "strike", .date = "2020-01-03", .country = "IQ", .location = "Baghdad's airport", .weapons = "drone",
       .role = "background"}}},
    // Two days of that year named: no guess.
    {"a_written_year_with_two_days_of_it_stays_undated", "2022-01-03",
     "Two armed drones were shot down at the Baghdad airport on Monday. Talks were held on Jan. 5, 2020 and on Jan. 9, "
     "2020.\n\nThe 2020 U.S. drone strike at Baghdad's airport killed Gen. Qassim Soleimani.",
     {{.type = "interception", .date = "2022-01-03", .country = "IQ", .location = "Baghdad airport", .weapons = "drone",
       .role = "main"},
      {.type = "strike", .date = "null", .country = "IQ", .location = "Baghdad's airport", .weapons = "drone"}}},
    {"iranian_missiles_struck_is_an_attack_not_a_strike", "2024-01-29",
     "A drone attack killed three US soldiers at a base in northeastern Jordan on Sunday. On January 8, 2020, Iranian "
     "ballistic missiles struck Ain al-Asad air base, injuring dozens of US troops.",
     {{.type = "attack", .date = "2024-01-28", .country = "JO", .location = "northeastern Jordan", .weapons = "drone",
       .killed = "3", .role = "main"},
      {.type = "attack", .date = "2020-01-08", .country = "IQ", .location = "Ain al-Asad", .weapons = "missile",
       .actor = "Iran", .actor_status = "reported", .role = "background"}}},
    // Was a known gap: "rockets killed two Americans at Camp Taji" has a weapon but no attack word: no event.
    {"rockets_killed_is_an_attack", kFri,
     "Rockets hit Ain al-Asad air base on Wednesday. On March 11, rockets killed two Americans at Camp Taji.",
     {{.type = "attack", .date = "2023-11-22", .country = "IQ", .location = "Ain al-Asad", .weapons = "rocket",
       .role = "main"},
      {.type = "attack", .date = "2023-03-11", .country = "IQ", .location = "Camp Taji", .weapons = "rocket",
       .killed = "2", .role = "background"}}},
};

std::string case_name(const ::testing::TestParamInfo<ExtractionCase>& info) { return info.param.name; }

// Cases named DISABLED_… are known gaps (each says why in a KNOWN GAP comment). They run under
// the DISABLED_KnownGaps instantiation, which GoogleTest and CTest skip unless asked
// (--gtest_also_run_disabled_tests), so CI stays green while the gaps stay written down.
template <size_t N>
std::vector<ExtractionCase> select(const ExtractionCase (&cases)[N], bool known_gaps) {
  std::vector<ExtractionCase> out;
  for (const ExtractionCase& c : cases) {
    if ((std::string_view(c.name).rfind("DISABLED_", 0) == 0) == known_gaps) out.push_back(c);
  }
  return out;
}

std::vector<ExtractionCase> all_known_gaps() {
  std::vector<ExtractionCase> out;
  for (const auto& group : {select(kPlaceCases, true), select(kDateCases, true), select(kTriggerCases, true), select(kCoreferenceCases, true), select(kStrikeCases, true), select(kInterceptionCases, true), select(kActorCases, true), select(kCasualtyCases, true), select(kTallyCases, true), select(kContextCases, true)}) {
    out.insert(out.end(), group.begin(), group.end());
  }
  return out;
}

INSTANTIATE_TEST_SUITE_P(Places, ExtractorCases, ::testing::ValuesIn(select(kPlaceCases, false)), case_name);
INSTANTIATE_TEST_SUITE_P(Dates, ExtractorCases, ::testing::ValuesIn(select(kDateCases, false)), case_name);
INSTANTIATE_TEST_SUITE_P(Triggers, ExtractorCases, ::testing::ValuesIn(select(kTriggerCases, false)), case_name);
INSTANTIATE_TEST_SUITE_P(Coreference, ExtractorCases, ::testing::ValuesIn(select(kCoreferenceCases, false)), case_name);
INSTANTIATE_TEST_SUITE_P(Strikes, ExtractorCases, ::testing::ValuesIn(select(kStrikeCases, false)), case_name);
INSTANTIATE_TEST_SUITE_P(Interceptions, ExtractorCases, ::testing::ValuesIn(select(kInterceptionCases, false)), case_name);
INSTANTIATE_TEST_SUITE_P(Actors, ExtractorCases, ::testing::ValuesIn(select(kActorCases, false)), case_name);
INSTANTIATE_TEST_SUITE_P(Casualties, ExtractorCases, ::testing::ValuesIn(select(kCasualtyCases, false)), case_name);
INSTANTIATE_TEST_SUITE_P(Tallies, ExtractorCases, ::testing::ValuesIn(select(kTallyCases, false)), case_name);
INSTANTIATE_TEST_SUITE_P(Context, ExtractorCases, ::testing::ValuesIn(select(kContextCases, false)), case_name);
INSTANTIATE_TEST_SUITE_P(DISABLED_KnownGaps, ExtractorCases, ::testing::ValuesIn(all_known_gaps()), case_name);

}  // namespace
}  // namespace salvo
