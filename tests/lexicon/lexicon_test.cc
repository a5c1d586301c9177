#include "salvo/lexicon/lexicon.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "../support/temp_dir.h"
#include "salvo/base/csv.h"
#include "salvo/base/data_dir.h"

namespace salvo {
namespace {

using testing::TempDir;

const std::vector<std::string> kActorColumns = {"id", "name", "kind", "aliases", "notes", "source_url", "side", "strikes"};

TEST(Lexicon, LoadsTheShippedFiles) {
  auto lexicon = Lexicon::load(data_dir() / "lexicon");
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().message;
  size_t actors = 0, targets = 0, weapons = 0;
  for (const Term& t : lexicon->terms()) {
    actors += t.category == TermCategory::kActor;
    targets += t.category == TermCategory::kTarget;
    weapons += t.category == TermCategory::kWeapon;
  }
  // One actor a row of the file.
  auto file = read_csv(data_dir() / "lexicon" / "actors.csv", kActorColumns);
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_EQ(actors, file->rows.size());
  EXPECT_GE(targets, 8u);
  EXPECT_GE(weapons, 8u);
  bool is_exact = false;
  for (const TermAlias& a : lexicon->aliases()) {
    if (a.text == "IS") is_exact = a.exact_case;
  }
  EXPECT_TRUE(is_exact) << "\"IS\" must match only in capitals";
}

// The ids and kinds the extractor names ("generic"), the sides scope decides from and the
// forces whose attacks are strikes, and the facades that claimed attacks on US forces.
TEST(Lexicon, ShippedActorsHoldTheIdsKindsAndSidesTheExtractorUses) {
  auto lexicon = Lexicon::load(data_dir() / "lexicon");
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().message;
  std::map<std::string, const Term*> actor;
  for (const Term& t : lexicon->terms()) {
    if (t.category == TermCategory::kActor) actor[t.id] = &t;
  }
  for (const char* id : {"us-forces", "us-centcom", "us-led-coalition", "uk-forces", "israel", "turkey", "jordan-armed-forces"}) {
    ASSERT_EQ(actor.count(id), 1u) << id;
    EXPECT_TRUE(actor[id]->strikes) << id;
  }
  for (const char* id : {"kataib-hezbollah", "islamic-resistance-in-iraq", "iran", "islamic-state", "militia-groups"}) {
    ASSERT_EQ(actor.count(id), 1u) << id;
    EXPECT_FALSE(actor[id]->strikes) << id;
  }
  EXPECT_EQ(actor["us-led-coalition"]->side, Side::kUsCoalition);
  EXPECT_EQ(actor["kataib-hezbollah"]->side, Side::kMilitia);
  EXPECT_EQ(actor["ashab-al-kahf"]->side, Side::kMilitia);
  EXPECT_EQ(actor["irgc"]->side, Side::kIranianState);
  EXPECT_EQ(actor["turkey"]->side, Side::kOther);
  EXPECT_EQ(actor["militia-groups"]->side, Side::kUnknown);
  EXPECT_EQ(actor["militia-groups"]->kind, "generic");
  EXPECT_EQ(actor["iran-backed-militias"]->kind, "generic");
  EXPECT_EQ(actor["islamic-resistance-in-iraq"]->kind, "umbrella");
  EXPECT_EQ(actor["saraya-awliya-al-dam"]->kind, "facade");
  EXPECT_EQ(actor["arab-tribal-forces"]->kind, "tribal");
}

// A row of actors.csv as the curated table writes it (id, name, kind, aliases, notes, source_url)
// and Salvo's two columns after it: side, strikes.
void write_lexicon(const TempDir& dir, const std::string& actors_rows) {
  dir.write("lexicon/actors.csv", "id,name,kind,aliases,notes,source_url,side,strikes\n" + actors_rows);
  dir.write("lexicon/targets.tsv", "id\tname\tkind\taliases\nus-forces\tUS forces\tus\tUS troops\n");
  dir.write("lexicon/weapons.tsv", "id\tclass\taliases\nrocket\trocket\trocket|rockets\n");
  dir.write("lexicon/triggers.tsv", "id\tkind\tstrength\taliases\nattack\tattack\tstrong\tattacked\n");
  // The cue words are the shipped ones: every kind is required.
  std::ifstream cues(data_dir() / "lexicon" / "cues.tsv", std::ios::binary);
  dir.write("lexicon/cues.tsv", std::string(std::istreambuf_iterator<char>(cues), {}));
}

TEST(Lexicon, FacadesAndTribalForcesAreActorKinds) {
  TempDir dir;
  write_lexicon(dir,
                "ashab-al-kahf,Ashab al-Kahf,facade,Companions of the Cave|=AK,\"KH-linked, per analysts\",https://example.org/a,militia,no\n"
                "arab-tribal-forces,Arab tribal forces,tribal,Tribal fighters,,https://example.org/b,militia,no\n");
  auto lexicon = Lexicon::load(dir.path() / "lexicon");
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().message;
  ASSERT_GE(lexicon->terms().size(), 2u);
  EXPECT_EQ(lexicon->terms()[0].kind, "facade");
  EXPECT_EQ(lexicon->terms()[0].name, "Ashab al-Kahf");
  EXPECT_EQ(lexicon->terms()[1].kind, "tribal");
  std::vector<std::string> kahf;
  for (const TermAlias& a : lexicon->aliases()) {
    if (a.term == 0) kahf.push_back((a.exact_case ? "=" : "") + a.text);
  }
  EXPECT_EQ(kahf, (std::vector<std::string>{"Ashab al-Kahf", "Companions of the Cave", "=AK"}));
}

TEST(Lexicon, ErrorsNameFileAndLine) {
  struct Bad {
    std::string rows;
    std::string message;
  };
  for (const Bad& bad : {Bad{"kh,Kataib Hezbollah,militia,KH,\n", ":2: expected 8 comma-separated fields, found 5"},
                         Bad{"kh,Kataib Hezbollah,gang,KH,,u,militia,no\n", ":2: unknown actor kind \"gang\""},
                         Bad{"kh,Kataib Hezbollah,militia,KH,,u,militia,no\nkh,Other,militia,X,,u,militia,no\n", ":3: duplicate id \"kh\""},
                         Bad{",Nameless,militia,X,,u,militia,no\n", ":2: empty id"},
                         // An empty name was read as an alias and its first byte read past its end.
                         Bad{"kh,,militia,KH,,u,militia,no\n", ":2: empty name"},
                         Bad{"kh,Kataib Hezbollah,militia,=KH|--,,u,militia,no\n", "alias \"--\" has no letters"},
                         // The sources travel with the data: a row without one is refused.
                         Bad{"kh,Kataib Hezbollah,militia,KH,\"a note,\nover two lines\",u,militia,no\nsad,Saraya Awliya al-Dam,facade,SAD,,,militia,no\n",
                             ":4: empty source_url"},
                         // Which side a group is on decides scope: a misspelt side is refused.
                         Bad{"kh,Kataib Hezbollah,militia,KH,,u,militias,no\n", ":2: unknown side \"militias\""},
                         Bad{"kh,Kataib Hezbollah,militia,KH,,u,militia,\n", ":2: strikes must be yes or no"}}) {
    TempDir dir;
    write_lexicon(dir, bad.rows);
    auto lexicon = Lexicon::load(dir.path() / "lexicon");
    ASSERT_FALSE(lexicon.ok()) << bad.rows;
    EXPECT_NE(lexicon.error().message.find("actors.csv:"), std::string::npos) << lexicon.error().message;
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
  write_lexicon(dir, "kh,Kataib Hezbollah,militia,KH,,https://example.org/kh,militia,no\n");
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
  EXPECT_NE(lexicon.error().message.find("actors.csv: cannot open"), std::string::npos);
}

TEST(Lexicon, WrongHeaderIsAnError) {
  TempDir dir;
  write_lexicon(dir, "");
  dir.write("lexicon/actors.csv", "id,name,kind,aliases\n");
  auto lexicon = Lexicon::load(dir.path() / "lexicon");
  ASSERT_FALSE(lexicon.ok());
  EXPECT_NE(lexicon.error().message.find("actors.csv:1: header should be"), std::string::npos) << lexicon.error().message;
}

}  // namespace
}  // namespace salvo
