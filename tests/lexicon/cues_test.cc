// The cue words of data/lexicon/cues.tsv (lexicon/cues.h): the shipped file loads with every
// kind, and a bad file is an error naming its file and line.
#include "salvo/lexicon/cues.h"

#include <gtest/gtest.h>

#include "../support/temp_dir.h"
#include "salvo/base/data_dir.h"

namespace salvo {
namespace {

using testing::TempDir;

TEST(Cues, LoadsTheShippedFile) {
  auto cues = Cues::load(data_dir() / "lexicon" / "cues.tsv");
  ASSERT_TRUE(cues.ok()) << cues.error().message;
  EXPECT_TRUE(cues->has(CueKind::kReportingWord, "spokesman"));
  EXPECT_TRUE(cues->has(CueKind::kReportingVerb, "confirmed"));
  EXPECT_TRUE(cues->has(CueKind::kPassiveAuxiliary, "were"));
  EXPECT_TRUE(cues->has(CueKind::kImpact, "slammed into"));
  EXPECT_TRUE(cues->has(CueKind::kPluralIncident, "air raids"));
  EXPECT_TRUE(cues->has(CueKind::kRelationalTime, "earlier"));
  EXPECT_TRUE(cues->has(CueKind::kTrend, "spate of"));
  EXPECT_TRUE(cues->has(CueKind::kResponse, "retaliat"));
  EXPECT_TRUE(cues->has(CueKind::kEveryIncident, "all of them"));
  EXPECT_TRUE(cues->has(CueKind::kDescribedByActor, "embassy"));
  EXPECT_TRUE(cues->has(CueKind::kReferringSubject, "the militants"));
  EXPECT_TRUE(cues->has(CueKind::kFacilityWord, "depots"));
  EXPECT_TRUE(cues->has(CueKind::kSiteWord, "locations"));
  EXPECT_TRUE(cues->has(CueKind::kPeopleWord, "u.s"));
  for (size_t k = 0; k < kCueKindCount; ++k) EXPECT_FALSE(cues->of(static_cast<CueKind>(k)).empty()) << k;
  EXPECT_FALSE(cues->has(CueKind::kImpact, "intercepted"));
  EXPECT_FALSE(cues->has(CueKind::kReportingWord, "Said"));  // compared with lower-case text
}

TEST(Cues, ErrorsNameFileAndLine) {
  const std::string all_kinds =
      "a\treporting_word\tsaid\nb\treporting_verb\tsaid\nc\tpassive_auxiliary\twas\nd\timpact\thit\n"
      "e\tplural_incident\tattacks\nf\trelational_time\tafter\n";
  struct Bad {
    std::string rows;
    std::string message;
  };
  for (const Bad& bad : {Bad{"x\tgossip\trumour\n" + all_kinds, ":3: unknown cue kind \"gossip\""},
                         Bad{"a\timpact\tHit\n" + all_kinds, ":3: phrase \"Hit\" is not in lower case"},
                         Bad{"a\timpact\tblast\n" + all_kinds, ":4: duplicate id \"a\""},
                         Bad{"z\timpact\tblast|blast\n" + all_kinds, ":3: phrase \"blast\" is already a cue of kind impact"},
                         Bad{"z\timpact\t\n" + all_kinds, ":3: no phrases"},
                         Bad{"a\treporting_word\tsaid\n", "no cues of kind reporting_verb"}}) {
    TempDir dir;
    dir.write("cues.tsv", "# comment\nid\tkind\tphrases\n" + bad.rows);
    auto cues = Cues::load(dir.path() / "cues.tsv");
    ASSERT_FALSE(cues.ok()) << bad.rows;
    EXPECT_NE(cues.error().message.find("cues.tsv"), std::string::npos) << cues.error().message;
    EXPECT_NE(cues.error().message.find(bad.message), std::string::npos) << cues.error().message;
  }
}

}  // namespace
}  // namespace salvo
