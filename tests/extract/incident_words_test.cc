// The incident words of a sentence (extract/incident_words.h) and the place ranks the rules
// compare (extract/places.h).
#include "salvo/extract/incident_words.h"

#include <gtest/gtest.h>

#include "../support/shared_recognizer.h"
#include "salvo/extract/places.h"

namespace salvo::extract {
namespace {

const Cues& cues() { return testing::shared_recognizer().lexicon().cues(); }

TEST(IsPluralNoun, IncidentsInThePluralSpeakOfMany) {
  EXPECT_TRUE(is_plural_noun(cues(), "attacks"));
  EXPECT_TRUE(is_plural_noun(cues(), "air raids"));
  EXPECT_TRUE(is_plural_noun(cues(), "retaliatory strikes"));  // the last word a plural
  EXPECT_FALSE(is_plural_noun(cues(), "attack"));
  EXPECT_FALSE(is_plural_noun(cues(), "struck"));
  EXPECT_FALSE(is_plural_noun(cues(), "the base was"));  // "was" is no plural
}

TEST(PlaceRank, SitesAreTheMostPrecise) {
  EXPECT_EQ(place_rank(PlacePrecision::kSite), 4);
  EXPECT_EQ(place_rank(PlacePrecision::kTown), 3);
  EXPECT_EQ(place_rank(PlacePrecision::kAdmin1), 2);
  EXPECT_EQ(place_rank(PlacePrecision::kRegion), 2);
  EXPECT_EQ(place_rank(PlacePrecision::kCountry), 1);
  EXPECT_EQ(place_rank(std::nullopt), 0);
}

}  // namespace
}  // namespace salvo::extract
