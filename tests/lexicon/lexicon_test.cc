#include "salvo/lexicon/lexicon.h"

#include <gtest/gtest.h>

#include "../support/temp_dir.h"
#include "salvo/base/data_dir.h"

namespace salvo {
namespace {

using testing::TempDir;

TEST(Lexicon, LoadsTheShippedFiles) {
  auto lexicon = Lexicon::load(data_dir() / "lexicon");
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().message;
  size_t actors = 0, targets = 0, weapons = 0;
  for (const Term& t : lexicon->terms()) {
    actors += t.category == TermCategory::kActor;
    targets += t.category == TermCategory::kTarget;
    weapons += t.category == TermCategory::kWeapon;
  }
  EXPECT_GE(actors, 20u);
  EXPECT_GE(targets, 8u);
  EXPECT_GE(weapons, 8u);
  bool is_exact = false;
  for (const TermAlias& a : lexicon->aliases()) {
    if (a.text == "IS") is_exact = a.exact_case;
  }
  EXPECT_TRUE(is_exact) << "\"IS\" must match only in capitals";
}

void write_lexicon(const TempDir& dir, const std::string& actors_row) {
  dir.write("lexicon/actors.tsv", "# comment\nid\tname\tkind\taliases\n" + actors_row);
  dir.write("lexicon/targets.tsv", "id\tname\tkind\taliases\nus-forces\tUS forces\tus\tUS troops\n");
  dir.write("lexicon/weapons.tsv", "id\tclass\taliases\nrocket\trocket\trocket|rockets\n");
  dir.write("lexicon/triggers.tsv", "id\tkind\tstrength\taliases\nattack\tattack\tstrong\tattacked\n");
}

TEST(Lexicon, ErrorsNameFileAndLine) {
  struct Bad {
    std::string row;
    std::string message;
  };
  for (const Bad& bad : {Bad{"kh\tKataib Hezbollah\tmilitia\n", "expected 4 tab-separated fields, found 3"},
                         Bad{"kh\tKataib Hezbollah\tgang\tKH\n", "unknown actor kind \"gang\""},
                         Bad{"kh\tKataib Hezbollah\tmilitia\tKH\nkh\tOther\tmilitia\tX\n", ":4: duplicate id \"kh\""},
                         Bad{"\tNameless\tmilitia\tX\n", ":3: empty id"},
                         // An empty name was read as an alias and its first byte read past its end.
                         Bad{"kh\t\tmilitia\tKH\n", ":3: empty name"},
                         Bad{"kh\tKataib Hezbollah\tmilitia\t=KH|--\n", "alias \"--\" has no letters"}}) {
    TempDir dir;
    write_lexicon(dir, bad.row);
    auto lexicon = Lexicon::load(dir.path() / "lexicon");
    ASSERT_FALSE(lexicon.ok()) << bad.row;
    EXPECT_NE(lexicon.error().message.find("actors.tsv:"), std::string::npos) << lexicon.error().message;
    EXPECT_NE(lexicon.error().message.find(bad.message), std::string::npos) << lexicon.error().message;
  }
}

TEST(Lexicon, TriggerStrengthIsStrongOrWeak) {
  auto shipped = Lexicon::load(data_dir() / "lexicon");
  ASSERT_TRUE(shipped.ok()) << shipped.error().message;
  for (const Term& t : shipped->terms()) {
    if (t.id == "attack-weak" || t.id == "attack-verb") {
      EXPECT_EQ(t.weak, t.id == "attack-weak") << t.id;
    }
  }
  TempDir dir;
  write_lexicon(dir, "kh\tKataib Hezbollah\tmilitia\tKH\n");
  dir.write("lexicon/triggers.tsv", "id\tkind\tstrength\taliases\nattack\tattack\tmedium\tattacked\n");
  auto lexicon = Lexicon::load(dir.path() / "lexicon");
  ASSERT_FALSE(lexicon.ok());
  EXPECT_NE(lexicon.error().message.find("triggers.tsv:2: unknown trigger strength \"medium\""), std::string::npos)
      << lexicon.error().message;
}

TEST(Lexicon, MissingFileIsAnError) {
  TempDir dir;
  auto lexicon = Lexicon::load(dir.path());
  ASSERT_FALSE(lexicon.ok());
  EXPECT_NE(lexicon.error().message.find("actors.tsv: cannot open"), std::string::npos);
}

TEST(Lexicon, WrongHeaderIsAnError) {
  TempDir dir;
  dir.write("lexicon/actors.tsv", "id\tname\taliases\n");
  auto lexicon = Lexicon::load(dir.path() / "lexicon");
  ASSERT_FALSE(lexicon.ok());
  EXPECT_NE(lexicon.error().message.find("actors.tsv:1: header should be"), std::string::npos) << lexicon.error().message;
}

}  // namespace
}  // namespace salvo
