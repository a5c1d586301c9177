// `salvo events --format acled` (issue 19, part 3): ACLED's codebook columns, in order, read back
// by a real CSV reader (SQLite's importer), with ACLED's codes: numeric iso, ISO3 + number ids
// stable across stores, event and sub-event types, inter codes, ACLED's province spellings.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <regex>
#include <string>

#include "../support/run_salvo.h"
#include "salvo/base/data_dir.h"
#include "salvo/export/acled_format.h"

namespace salvo {
namespace {

using Json = nlohmann::json;
using testing::CommandRun;
using testing::salvo;
using testing::TempDir;

// The columns of an ACLED export as the ACLED Codebook lists them.
const std::vector<std::string> kCodebookColumns = {
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
    "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp"};

void write_feed(TempDir& dir, const std::string& name, bool reversed) {
  std::vector<std::string> lines = {
      R"({"id":"a-erbil","outlet":"Kurdistan 24","url":"https://www.kurdistan24.net/en/story/9","published":"2024-01-16",)"
      R"("text":"The Islamic Resistance in Iraq claimed a drone attack on Erbil airport on Monday. No one was killed, officials said."})",
      R"({"id":"a-mosul","url":"https://www.reuters.com/world/x","published":"2024-02-06",)"
      R"("text":"Rockets were fired at a base hosting US forces in Mosul on Sunday, killing two contractors, police said."})",
      R"({"id":"a-tanf","url":"https://apnews.com/article/y","published":"2024-02-13",)"
      R"("text":"US forces shot down two drones near the al-Tanf garrison in southern Syria on Monday, a US official said."})",
      R"({"id":"a-undated","published":"2024-03-01",)"
      R"("text":"Militias have attacked Ain al-Asad air base with rockets many times, officials say."})"};
  if (reversed) std::reverse(lines.begin(), lines.end());
  std::string feed;
  for (const std::string& line : lines) feed += line + "\n";
  dir.write(name, feed);
}

struct Export {
  CommandRun run;
  std::vector<Json> rows;  // as SQLite's CSV importer read them
  std::string header;
};

Export acled_export(TempDir& dir, const std::string& db) {
  Export e;
  const std::string csv = db + ".acled.csv";
  e.run = salvo("events --format acled -o " + csv + " --db " + db);
  e.header = testing::read_file(csv).substr(0, testing::read_file(csv).find("\r\n"));
  const CommandRun imported = testing::run_command("sqlite3 -json :memory: \".import --csv " + csv + " e\" \"SELECT * FROM e\"");
  EXPECT_EQ(imported.status, 0) << imported.err << " (is sqlite3 installed? scripts/setup)";
  if (!imported.out.empty()) {
    for (const Json& row : Json::parse(imported.out)) e.rows.push_back(row);
  }
  return e;
}

std::map<std::string, Json> by_location(const Export& e) {
  std::map<std::string, Json> out;
  for (const Json& row : e.rows) out[row["location"].get<std::string>()] = row;
  return out;
}

TEST(AcledExport, TheCodebooksColumnsInOrderWithItsCodes) {
  EXPECT_EQ(acled_columns(), kCodebookColumns);
  ASSERT_EQ(kCodebookColumns.size(), 31u);
  TempDir dir;
  write_feed(dir, "in/feed.jsonl", false);
  const std::string db = dir.file("s.db");
  ASSERT_EQ(salvo("ingest -q --db " + db + " " + dir.file("in")).status, 0);
  const Export e = acled_export(dir, db);
  ASSERT_EQ(e.run.status, 0) << e.run.err;
  std::string expected_header;
  for (const std::string& c : kCodebookColumns) expected_header += (expected_header.empty() ? "" : ",") + c;
  EXPECT_EQ(e.header, expected_header);
  // The undated event is left out, and said to be.
  EXPECT_NE(e.run.err.find("1 undated event(s) left out of the ACLED export"), std::string::npos) << e.run.err;
  const auto rows = by_location(e);
  ASSERT_EQ(rows.size(), 3u) << e.rows.size();

  for (const Json& row : e.rows) {
    EXPECT_FALSE(row["event_date"].get<std::string>().empty());
    EXPECT_TRUE(std::regex_match(row["fatalities"].get<std::string>(), std::regex("[0-9]+"))) << row;
    EXPECT_TRUE(std::regex_match(row["timestamp"].get<std::string>(), std::regex("[0-9]{10}"))) << row;
    EXPECT_TRUE(std::regex_match(row["inter1"].get<std::string>(), std::regex("[1-8]"))) << row;
    EXPECT_TRUE(std::regex_match(row["inter2"].get<std::string>(), std::regex("[1-8]"))) << row;
    const int i1 = std::stoi(row["inter1"].get<std::string>()), i2 = std::stoi(row["inter2"].get<std::string>());
    EXPECT_EQ(row["interaction"], std::to_string(std::min(i1, i2) * 10 + std::max(i1, i2)));
    EXPECT_EQ(row["year"], row["event_date"].get<std::string>().substr(0, 4));
    EXPECT_EQ(row["region"], "Middle East");
    for (const char* actor : {"actor1", "actor2"}) {
      // An actor is a force or a group, never what was hit.
      EXPECT_EQ(row[actor].get<std::string>().find("base"), std::string::npos) << row;
      EXPECT_EQ(row[actor].get<std::string>().find("airport"), std::string::npos) << row;
    }
  }

  const auto found = std::find_if(e.rows.begin(), e.rows.end(), [](const Json& row) {
    return row["notes"].get<std::string>().find("Erbil airport") != std::string::npos;
  });
  ASSERT_NE(found, e.rows.end());
  const Json& erbil = *found;
  EXPECT_TRUE(std::regex_match(erbil["event_id_cnty"].get<std::string>(), std::regex("IRQ[0-9]+"))) << erbil;
  EXPECT_EQ(erbil["iso"], "368");
  EXPECT_EQ(erbil["country"], "Iraq");
  EXPECT_EQ(erbil["event_date"], "2024-01-15");
  EXPECT_EQ(erbil["time_precision"], "1");
  EXPECT_EQ(erbil["disorder_type"], "Political violence");
  EXPECT_EQ(erbil["event_type"], "Explosions/Remote violence");
  EXPECT_EQ(erbil["sub_event_type"], "Air/drone strike");
  EXPECT_EQ(erbil["actor1"], "Islamic Resistance in Iraq");
  EXPECT_EQ(erbil["inter1"], "3");  // a political militia
  EXPECT_EQ(erbil["inter2"], "8");  // foreign forces
  EXPECT_EQ(erbil["fatalities"], "0");
  EXPECT_EQ(erbil["geo_precision"], "1");
  EXPECT_EQ(erbil["source"], "Kurdistan 24");
  EXPECT_EQ(erbil["source_scale"], "Subnational");
  EXPECT_NE(erbil["notes"].get<std::string>().find("claimed a drone attack on Erbil airport"), std::string::npos) << erbil;
  EXPECT_NE(erbil["notes"].get<std::string>().find("[Actor claimed.]"), std::string::npos) << erbil;

  ASSERT_TRUE(rows.count("Mosul")) << e.rows.size();
  const Json& mosul = rows.at("Mosul");
  EXPECT_EQ(mosul["admin1"], "Ninewa");  // ACLED's spelling, not the gazetteer's "Nineveh"
  EXPECT_EQ(mosul["sub_event_type"], "Shelling/artillery/missile attack");
  EXPECT_EQ(mosul["fatalities"], "2");
  EXPECT_TRUE(mosul["actor1"].get<std::string>().rfind("Unidentified Armed Group (Iraq)", 0) == 0) << mosul;
  EXPECT_EQ(mosul["source"], "reuters.com");
  EXPECT_EQ(mosul["source_scale"], "International");

  const Json* tanf = nullptr;
  for (const Json& row : e.rows) {
    if (row["country"] == "Syria") tanf = &row;
  }
  ASSERT_NE(tanf, nullptr);
  EXPECT_EQ((*tanf)["iso"], "760");
  EXPECT_TRUE(std::regex_match((*tanf)["event_id_cnty"].get<std::string>(), std::regex("SYR[0-9]+")));
  EXPECT_EQ((*tanf)["disorder_type"], "Strategic developments");
  EXPECT_EQ((*tanf)["event_type"], "Strategic developments");
  EXPECT_EQ((*tanf)["sub_event_type"], "Disrupted weapons use");
  EXPECT_NE((*tanf)["notes"].get<std::string>().find("[Fatalities not reported.]"), std::string::npos) << *tanf;
}

TEST(AcledExport, IdsAreStableAcrossStoresAndIngestOrders) {
  TempDir dir;
  write_feed(dir, "one/feed.jsonl", false);
  write_feed(dir, "two/feed.jsonl", true);
  ASSERT_EQ(salvo("ingest -q --db " + dir.file("one.db") + " " + dir.file("one")).status, 0);
  ASSERT_EQ(salvo("ingest -q --db " + dir.file("two.db") + " " + dir.file("two")).status, 0);
  const Export one = acled_export(dir, dir.file("one.db"));
  const Export two = acled_export(dir, dir.file("two.db"));
  ASSERT_EQ(one.rows.size(), 3u);
  std::set<std::string> ids_one, ids_two;
  for (const Json& row : one.rows) ids_one.insert(row["event_id_cnty"].get<std::string>());
  for (const Json& row : two.rows) ids_two.insert(row["event_id_cnty"].get<std::string>());
  EXPECT_EQ(ids_one.size(), 3u) << "one id per event";
  EXPECT_EQ(ids_one, ids_two);
}

TEST(AcledExport, ABadTableIsNamedWithItsLine) {
  TempDir dir;
  std::filesystem::copy(data_dir(), dir.file("data"), std::filesystem::copy_options::recursive);
  dir.write("data/export/acled_countries.tsv", "code\tiso3\tiso_numeric\tacled_region\nIQ\tIRQ\t368\tMiddle East\nSY\tSY\t760\tMiddle East\n");
  const Result<AcledTables> tables = AcledTables::load(dir.file("data"));
  ASSERT_FALSE(tables.ok());
  EXPECT_NE(tables.error().message.find("acled_countries.tsv:3"), std::string::npos) << tables.error().message;
  EXPECT_NE(tables.error().message.find("iso3 'SY'"), std::string::npos) << tables.error().message;
  dir.write("data/export/acled_countries.tsv", "code\tiso3\tiso_numeric\tacled_region\nIQ\tIRQ\t368\tMiddle East\n");
  dir.write("data/export/outlet_scales.tsv", "outlet\tscale\nreuters.com\tGlobal\n");
  const Result<AcledTables> scales = AcledTables::load(dir.file("data"));
  ASSERT_FALSE(scales.ok());
  EXPECT_NE(scales.error().message.find("outlet_scales.tsv:2"), std::string::npos) << scales.error().message;
}

}  // namespace
}  // namespace salvo
