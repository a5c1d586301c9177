// Coalescing within an article (extract/article_merge.h): when two events told by one article
// may be one incident. Pure functions of events, so the cases need no article.
#include "salvo/extract/article_merge.h"

#include <gtest/gtest.h>

#include "salvo/extract/event_type.h"

namespace salvo::extract {
namespace {

Event at(PlacePrecision precision, size_t place, std::string admin1 = "Anbar") {
  Event e;
  e.country = "IQ";
  e.admin1 = std::move(admin1);
  e.precision = precision;
  e.place = place;
  e.date = parse_iso_date_prefix("2024-01-20");
  return e;
}

TEST(SameIncident, TheSamePlaceOnTheSameDay) {
  EXPECT_TRUE(same_incident(at(PlacePrecision::kSite, 7), at(PlacePrecision::kSite, 7)));
  EXPECT_FALSE(same_incident(at(PlacePrecision::kSite, 7), at(PlacePrecision::kSite, 8)));
}

TEST(SameIncident, AVaguerPlaceHoldingTheSite) {
  EXPECT_TRUE(same_incident(at(PlacePrecision::kSite, 7), at(PlacePrecision::kAdmin1, 100)));
  EXPECT_FALSE(same_incident(at(PlacePrecision::kSite, 7), at(PlacePrecision::kAdmin1, 101, "Erbil")));
  EXPECT_TRUE(same_incident(at(PlacePrecision::kSite, 7), at(PlacePrecision::kCountry, 1, "")));
}

TEST(SameIncident, OtherDaysOrCountriesOrAStrikeBesideAnAttackAreApart) {
  Event later = at(PlacePrecision::kSite, 7);
  later.date = parse_iso_date_prefix("2024-01-22");
  EXPECT_FALSE(same_incident(at(PlacePrecision::kSite, 7), later));
  // A borrowed day is a guess: the incident's own day may correct it.
  later.date_inherited = true;
  EXPECT_TRUE(same_incident(at(PlacePrecision::kSite, 7), later));
  Event syria = at(PlacePrecision::kSite, 7);
  syria.country = "SY";
  EXPECT_FALSE(same_incident(at(PlacePrecision::kSite, 7), syria));
  Event strike = at(PlacePrecision::kSite, 7);
  strike.type = EventType::kStrike;
  EXPECT_FALSE(same_incident(at(PlacePrecision::kSite, 7), strike));
  // An attack and the interception of (part of) it are one incident.
  Event interception = at(PlacePrecision::kSite, 7);
  interception.type = EventType::kInterception;
  EXPECT_TRUE(same_incident(at(PlacePrecision::kSite, 7), interception));
}

TEST(MayBecomeInterception, DronesAndMissilesThatDidNotLand) {
  Event e;
  e.weapons = {"drone"};
  EXPECT_TRUE(may_become_interception(e));
  e.weapons = {"drone", "rocket"};
  EXPECT_FALSE(may_become_interception(e));  // rockets "shot down" still hit
  e.weapons = {"missile"};
  e.impact = true;
  EXPECT_FALSE(may_become_interception(e));
  e.impact = false;
  e.weapons.clear();
  EXPECT_FALSE(may_become_interception(e));
}

}  // namespace
}  // namespace salvo::extract
