// One place, one name (issue 19, part 1): every spelling an article uses for a place the
// gazetteer knows comes out under the place's one name and id, with the article's words kept as
// `location_text`; a place known only as a region or a country still gets a point to draw it at,
// with a precision that says how coarse it is.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "../support/run_salvo.h"

namespace salvo {
namespace {

using testing::CommandRun;
using testing::salvo;
using testing::TempDir;

// Days far apart, so that each report is its own event.
void write_reports(TempDir& dir) {
  dir.write("in/a.txt", " date 2024-01-10\nRockets hit Ain al-Asad air base in western Iraq on Tuesday.\n");
  dir.write("in/b.txt", " date 2024-01-20\nDrones targeted the Al-Asad Airbase on Friday.\n");
  dir.write("in/c.txt", " date 2024-02-03\nA drone attacked Ayn al-Asad base in Anbar on Thursday.\n");
  dir.write("in/d.txt", " date 2024-02-13\nTwo rockets were fired at US forces in eastern Syria on Monday.\n");
  dir.write("in/e.txt", " date 2024-02-23\nA drone attack targeted US forces in Iraq on Wednesday.\n");
  // The strike names no place of its own: it is known to be in Syria only.
  dir.write("in/f.txt", " date 2024-03-07\nRockets hit a US base in eastern Syria on Wednesday, the coalition said. The coalition "
                        "responded by targeting the rocket launch sites with air strikes.\n");
}

// The five reports ingested into a new store, then its events by day.
std::map<std::string, nlohmann::json> ingested_events_by_day(TempDir& dir, const std::string& db) {
  write_reports(dir);
  EXPECT_EQ(salvo("ingest -q --db " + db + " " + dir.file("in")).status, 0);
  const CommandRun run = salvo("events --format jsonl --db " + db);
  EXPECT_EQ(run.status, 0) << run.err;
  std::map<std::string, nlohmann::json> by_day;
  for (const nlohmann::json& e : run.records()) by_day[e["date"].get<std::string>()] = e;
  return by_day;
}

TEST(PlaceNames, EverySpellingOfOneBaseIsOnePlace) {
  TempDir dir;
  const std::string db = dir.file("s.db");
  const auto by_day = ingested_events_by_day(dir, db);
  std::set<std::string> names, ids, admin1s, texts;
  for (const char* day : {"2024-01-09", "2024-01-19", "2024-02-01"}) {
    ASSERT_TRUE(by_day.count(day)) << day;
    const nlohmann::json& e = by_day.at(day);
    names.insert(e["location"].get<std::string>());
    ids.insert(e["place_id"].get<std::string>());
    admin1s.insert(e["admin1"].get<std::string>());
    texts.insert(e["location_text"].get<std::string>());
    EXPECT_EQ(e["place_precision"], "site");
  }
  EXPECT_EQ(names, std::set<std::string>{"Ain al-Asad Air Base"});
  EXPECT_EQ(ids, std::set<std::string>{"site:ain-al-asad"});
  EXPECT_EQ(admin1s, std::set<std::string>{"Anbar"});
  // The article's own words are not lost: three spellings, three texts.
  EXPECT_EQ(texts, (std::set<std::string>{"Ain al-Asad air base", "Al-Asad Airbase", "Ayn al-Asad base"}));
}

TEST(PlaceNames, RegionsAndCountriesAreDrawnAtTheirCentreWithTheirPrecision) {
  TempDir dir;
  const std::string db = dir.file("s.db");
  const auto by_day = ingested_events_by_day(dir, db);
  ASSERT_TRUE(by_day.count("2024-02-12") && by_day.count("2024-02-21"));
  const nlohmann::json& region = by_day.at("2024-02-12");
  EXPECT_EQ(region["place_precision"], "region");
  EXPECT_EQ(region["country"], "SY");
  ASSERT_TRUE(region["lat"].is_number() && region["lon"].is_number()) << region.dump();
  // Inside Syria's bounding box (32.3–37.3 N, 35.7–42.4 E).
  EXPECT_GT(region["lat"].get<double>(), 32.3);
  EXPECT_LT(region["lat"].get<double>(), 37.3);
  EXPECT_GT(region["lon"].get<double>(), 35.7);
  EXPECT_LT(region["lon"].get<double>(), 42.4);

  const nlohmann::json& country = by_day.at("2024-02-21");
  EXPECT_EQ(country["place_precision"], "country");
  EXPECT_EQ(country["place_id"], "country:IQ");
  ASSERT_TRUE(country["lat"].is_number()) << country.dump();
  // Inside Iraq's bounding box (29.1–37.4 N, 38.8–48.6 E).
  EXPECT_GT(country["lat"].get<double>(), 29.1);
  EXPECT_LT(country["lat"].get<double>(), 37.4);
  EXPECT_GT(country["lon"].get<double>(), 38.8);
  EXPECT_LT(country["lon"].get<double>(), 48.6);

  // An event no place mention locates, in a country the article names, is drawn there too; its
  // location stays unknown.
  const CommandRun strikes = salvo("events --format jsonl --type strike --db " + db);
  ASSERT_EQ(strikes.records().size(), 1u) << strikes.out;
  const nlohmann::json strike = strikes.records()[0];
  EXPECT_TRUE(strike["location"].is_null()) << strike.dump();
  EXPECT_EQ(strike["place_id"], "country:SY");
  EXPECT_EQ(strike["place_precision"], "country");
  EXPECT_TRUE(strike["lat"].is_number());

  // Every event now has a point: none vanishes from a map.
  const CommandRun geo = salvo("events --format geojson --db " + db);
  ASSERT_EQ(geo.status, 0) << geo.err;
  const nlohmann::json collection = nlohmann::json::parse(geo.out);
  ASSERT_EQ(collection["features"].size(), 7u);
  for (const nlohmann::json& f : collection["features"]) EXPECT_FALSE(f["geometry"].is_null()) << f.dump();
}

}  // namespace
}  // namespace salvo
