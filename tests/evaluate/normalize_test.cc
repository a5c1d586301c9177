// The scorer's name normaliser: exactly the folds scoring.md §4 lists, and no others.
#include "salvo/evaluate/normalize.h"

#include <gtest/gtest.h>

namespace salvo {
namespace {

TEST(ScoringNormalize, FoldsWhatTheSpecLists) {
  EXPECT_EQ(normalize_name_for_scoring("Ain al-Asad Air Base"), "ain asad air base");
  EXPECT_EQ(normalize_name_for_scoring("AIN AL ASAD AIRBASE"), "ain asad air base");
  EXPECT_EQ(normalize_name_for_scoring("Al-Tanf"), "tanf");
  EXPECT_EQ(normalize_name_for_scoring("Al Tanf"), "tanf");
  EXPECT_EQ(normalize_name_for_scoring("Deir ez-Zor"), normalize_name_for_scoring("Deir ez Zor"));
  EXPECT_EQ(normalize_name_for_scoring("Ḩasakah"), "hasakah");
  EXPECT_EQ(normalize_name_for_scoring("  Harir   airbase "), "harir air base");
}

TEST(ScoringNormalize, DoesNotFoldWhatTheSpecDoesNotList) {
  // The engine's folder (lexicon/fold.h) equates these; the scorer, reading scoring.md, does not.
  EXPECT_NE(normalize_name_for_scoring("At-Tanf"), normalize_name_for_scoring("Tanf"));
  EXPECT_NE(normalize_name_for_scoring("U.S. forces"), normalize_name_for_scoring("US forces"));
  // "al" inside a word is not the article.
  EXPECT_EQ(normalize_name_for_scoring("Albu Kamal"), "albu kamal");
  EXPECT_EQ(normalize_name_for_scoring("Al"), "al");
}

TEST(ScoringNormalize, ContainmentIsByWholeWords) {
  EXPECT_TRUE(names_contain_one_another("Iran", "Iran-backed militias"));
  EXPECT_TRUE(names_contain_one_another("US-led coalition forces", "US-led coalition"));
  EXPECT_TRUE(names_contain_one_another("Islamic Resistance in Iraq", "the Islamic Resistance in Iraq"));
  EXPECT_FALSE(names_contain_one_another("US", "Russian forces"));
  EXPECT_FALSE(names_contain_one_another("Iran", "Iranian forces"));
  EXPECT_FALSE(names_contain_one_another("", "Iran"));
}

}  // namespace
}  // namespace salvo
