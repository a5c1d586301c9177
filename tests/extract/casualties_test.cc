#include "salvo/extract/casualties.h"

#include <gtest/gtest.h>

namespace salvo {
namespace {

struct CasualtyCase {
  const char* name;
  const char* sentence;
  std::optional<int> killed;
  std::optional<int> injured;
};

class CasualtyCases : public ::testing::TestWithParam<CasualtyCase> {};

TEST_P(CasualtyCases, Finds) {
  const Casualties c = find_casualties(GetParam().sentence);
  EXPECT_EQ(c.killed, GetParam().killed) << GetParam().sentence;
  EXPECT_EQ(c.injured, GetParam().injured) << GetParam().sentence;
}

constexpr std::optional<int> kNull = std::nullopt;

// From the seeds and dev articles, and variants of their constructions.
INSTANTIATE_TEST_SUITE_P(
    News, CasualtyCases,
    ::testing::Values(
        CasualtyCase{"no_casualties", "but there were no casualties or damage to infrastructure", 0, 0},
        CasualtyCase{"one_killed_then_others_wounded",
                     "after an American engineer was killed and four US soldiers and another engineer were wounded when a drone hit the base",
                     1, 5},
        CasualtyCase{"a_clock_time_is_no_count", "The barrage at 11:45 pm (2045 GMT) caused no injuries, the command said.", 0, 0},
        CasualtyCase{"the_strikes_counted_are_no_dead", "At least six militiamen were killed in three US air strikes near Qaim on Monday.", 6,
                     kNull},
        CasualtyCase{"no_personnel_injured", "\xE2\x80\x9CNo US personnel were injured,\xE2\x80\x9D it added.", kNull, 0},
        CasualtyCase{"no_injuries_no_damage", "produced \xE2\x80\x9Cno injuries and no damage to infrastructure\xE2\x80\x9D", 0, 0},
        CasualtyCase{"no_injuries_or_damage", "\"Yesterday there was an attack against Al-Asad Air Base\" that resulted in no injuries or damage.", 0, 0},
        CasualtyCase{"nobody_was_injured", "Nobody was injured in the attack, the official said.", 0, 0},
        // Both denied in one phrase; "not" before what an attack causes, not every "not".
        CasualtyCase{"neither_killed_nor_wounded", "No American or allied soldiers were killed or wounded, the statement said.", 0, 0},
        CasualtyCase{"did_not_cause_injuries", "Three mortar rounds fell near the base but did not cause any injuries.", kNull, 0},
        CasualtyCase{"did_not_result_in_injuries", "The barrage did not result in damage or injuries, officials said.", kNull, 0},
        CasualtyCase{"failed_to_kill", "The missiles hit the base but failed to kill a single American soldier.", 0, kNull},
        CasualtyCase{"not_clear_says_nothing", "It was not clear whether anyone was injured in the blast.", kNull, kNull},
        CasualtyCase{"no_service_members_injured", "No U.S. service members were injured during the barrage of roughly 10 rockets.", kNull, 0},
        CasualtyCase{"killing_eight", "U.S. forces struck the group south of Baghdad, killing eight members, according to KH.", 8, kNull},
        CasualtyCase{"killed_three", "A January 28 drone attack killed three US soldiers in the Jordanian desert.", 3, kNull},
        CasualtyCase{"sum_killed", "18 Katyusha rockets struck the Taji base, killing two Americans and one British national.", 3, kNull},
        CasualtyCase{"sum_injured", "Three American and two Iraqi service members were injured Saturday morning in a rocket attack.", kNull, 5},
        CasualtyCase{"killing_and_injuring", "18 rockets slammed into Camp Taji, killing three coalition personnel and injuring 12 others.", 3, 12},
        CasualtyCase{"contractor_died", "A civilian U.S. contractor died of a heart attack during a rocket attack.", 1, kNull},
        CasualtyCase{"critical_condition", "The attack left at least two air defence members in critical condition.", kNull, 2},
        CasualtyCase{"six_killed", "Kurdish forces said six fighters were killed in a drone strike on the base.", 6, kNull},
        CasualtyCase{"deaths_of", "A drone attack in Jordan led to the deaths of three US soldiers.", 3, kNull},
        CasualtyCase{"treated_for_symptoms", "The United States treated 11 of its troops for symptoms of concussion.", kNull, 11},
        CasualtyCase{"rockets_are_not_people", "Two rockets hit the base and three drones were shot down.", kNull, kNull},
        CasualtyCase{"no_one_hurt", "No one was hurt in the attack.", 0, 0},
        CasualtyCase{"nothing", "Rockets were fired at a base in Syria.", kNull, kNull},
        CasualtyCase{"death_of_a_and_injured_a",
                     "a Feb. 16 strike on U.S.-led troops in northern Iraq, which resulted in the death of a civilian contractor and injured a U.S. service member.",
                     1, 1},
        CasualtyCase{"comma_list", "The strikes killed three Iraqi army soldiers, two policemen and a civilian worker.", 6, kNull},
        CasualtyCase{"killed_and_wounded", "at least five members of the SDF were killed and 20 wounded in the drone strike on Sunday.", 5, 20},
        CasualtyCase{"around_wounded", "Five members were killed and around 20 wounded by a drone attack after midnight.", 5, 20}),
    [](const ::testing::TestParamInfo<CasualtyCase>& info) { return info.param.name; });

}  // namespace
}  // namespace salvo
