// What `salvo events`, `show` and `tallies` give other tools, read back by real parsers: the CSV by
// SQLite's own CSV importer, the GeoJSON by a JSON parser checked against RFC 7946's shapes.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "../support/run_salvo.h"
#include "salvo/export/event_fields.h"
#include "salvo/export/merged_formats.h"
#include "store_support.h"

namespace salvo {
namespace {

using testing::CommandRun;
using testing::salvo;
using testing::TempDir;

class Exports : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    testing::write_corpus(*dir_, "corpus");
    // An article whose evidence holds commas and quotes.
    dir_->write("corpus/zz_quoting.txt",
                " date 2019-06-14\nRockets hit the \"Green Village\" base, near Deir ez-Zor in eastern Syria, on Thursday "
                "morning, a US official said, adding \"no injuries\".\n");
    db_ = dir_->file("s.db");
    ASSERT_EQ(salvo("ingest -q --db " + db_ + " " + dir_->file("corpus")).status, 0);
  }
  static void TearDownTestSuite() { delete dir_; }
  static TempDir* dir_;
  static std::string db_;
};
TempDir* Exports::dir_ = nullptr;
std::string Exports::db_;

// What SQLite's CSV importer (RFC 4180: quoted commas, doubled quotes, line breaks in fields)
// reads of a file: `query`'s output.
std::string sqlite_import(const std::string& csv, const std::string& query) {
  const CommandRun r = testing::run_command("sqlite3 :memory: \".import --csv " + csv + " e\" \"" + query + "\"");
  EXPECT_EQ(r.status, 0) << r.err << " (is the sqlite3 command installed? scripts/setup)";
  return r.out;
}

TEST_F(Exports, CsvReadsBackWithSqlitesCsvImporter) {
  const std::string csv = dir_->file("events.csv");
  const CommandRun run = salvo("events --format csv -o " + csv + " --db " + db_);
  ASSERT_EQ(run.status, 0) << run.err;
  const size_t events = salvo("events --format jsonl --db " + db_).records().size();
  const std::string out = sqlite_import(csv, "SELECT count(*), count(DISTINCT id) FROM e; SELECT sources FROM e WHERE "
                                             "sources LIKE '%Green Village%' AND sources LIKE '%no injuries%';");
  EXPECT_EQ(out.substr(0, out.find('\n')), std::to_string(events) + "|" + std::to_string(events));
  // The evidence came back whole inside the sources' JSON: its commas and its quotes.
  const size_t second = out.find('\n') + 1;
  const nlohmann::json sources = nlohmann::json::parse(out.substr(second, out.find('\n', second) - second));
  EXPECT_EQ(sources[0]["evidence"][0]["text"],
            "Rockets hit the \"Green Village\" base, near Deir ez-Zor in eastern Syria, on Thursday morning, a US official "
            "said, adding \"no injuries\".");
}

// A line break inside a field (Salvo's sentences never hold one, but a feed's title may) survives
// the importer too.
TEST_F(Exports, CsvLineBreaksInAFieldReadBack) {
  nlohmann::ordered_json event = {{"id", "ev_1"}, {"type", "attack"}, {"weapons", {"rocket"}}, {"date", "2023-11-23"},
                                  {"country", "IQ"}, {"location", "Erbil"}, {"lat", 36.19}, {"lon", 44.01},
                                  {"actor", "Kataib Hezbollah, \"KH\"\r\nand others"}, {"count", 1}};
  const std::string csv = dir_->write("synthetic.csv", event_csv_header() + event_csv_row(event));
  EXPECT_EQ(sqlite_import(csv, "SELECT actor || '|' || weapons FROM e;"), "Kataib Hezbollah, \"KH\"\r\nand others|[\"rocket\"]\n");
}

TEST_F(Exports, CsvQuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(csv_field("Erbil"), "Erbil");
  EXPECT_EQ(csv_field("Erbil, Iraq"), "\"Erbil, Iraq\"");
  EXPECT_EQ(csv_field("the \"Green Village\""), "\"the \"\"Green Village\"\"\"");
  EXPECT_EQ(csv_field("line\nbreak"), "\"line\nbreak\"");
}

// OWASP's CSV injection: a field a spreadsheet would run as a formula is written as text (a
// leading apostrophe, quoted); numbers, negative ones too, stay numbers.
TEST_F(Exports, CsvFieldsThatReadAsFormulasAreNeutralised) {
  EXPECT_EQ(csv_field("=HYPERLINK(\"http://evil.example\",\"click\")"), "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"");
  EXPECT_EQ(csv_field("+1+cmd|' /C calc'!A0"), "\"'+1+cmd|' /C calc'!A0\"");
  EXPECT_EQ(csv_field("-2+3"), "\"'-2+3\"");
  EXPECT_EQ(csv_field("@SUM(A1:A9)"), "\"'@SUM(A1:A9)\"");
  EXPECT_EQ(csv_field("\t=1"), "\"'\t=1\"");
  EXPECT_EQ(csv_field("\r=1"), "\"'\r=1\"");
  EXPECT_EQ(csv_field("-3.25"), "-3.25");
  EXPECT_EQ(csv_field("Kataib Hezbollah"), "Kataib Hezbollah");
  // Through the export: an actor named as a formula.
  nlohmann::ordered_json event = {{"id", "ev_1"}, {"type", "attack"}, {"weapons", {"rocket"}}, {"date", "2023-11-23"},
                                  {"country", "IQ"}, {"location", "@Erbil"}, {"lat", 36.19}, {"lon", -44.01},
                                  {"actor", "=1+1"}, {"count", 1}};
  const std::string row = event_csv_row(event);
  EXPECT_NE(row.find(",\"'=1+1\","), std::string::npos) << row;
  EXPECT_NE(row.find(",\"'@Erbil\","), std::string::npos) << row;
  EXPECT_NE(row.find(",-44.01,"), std::string::npos) << row;
}

TEST_F(Exports, GeoJsonIsAFeatureCollectionOfPointsInLonLat) {
  const CommandRun run = salvo("events --format geojson --db " + db_);
  ASSERT_EQ(run.status, 0) << run.err;
  const nlohmann::json collection = nlohmann::json::parse(run.out);
  ASSERT_EQ(collection["type"], "FeatureCollection");
  size_t points = 0;
  for (const auto& feature : collection["features"]) {
    EXPECT_EQ(feature["type"], "Feature");
    EXPECT_TRUE(feature["properties"].is_object());
    if (feature["geometry"].is_null()) continue;  // placed at a country or region only
    ASSERT_EQ(feature["geometry"]["type"], "Point");
    const auto& c = feature["geometry"]["coordinates"];
    ASSERT_EQ(c.size(), 2u);
    // Longitude first: the region's longitudes (35–48 E) and latitudes (29–37 N) tell them apart.
    EXPECT_GT(c[0].get<double>(), 34.0);
    EXPECT_LT(c[1].get<double>(), 38.0);
    ++points;
  }
  EXPECT_GE(points, 7u);  // the seeds alone place 7
}

TEST_F(Exports, FiltersNarrowTheList) {
  const auto all = salvo("events --format jsonl --db " + db_).records();
  const auto syria = salvo("events --format jsonl --country SY --db " + db_).records();
  const auto drones = salvo("events --format jsonl --weapon drone --since 2023-10-17 --db " + db_).records();
  const auto box = salvo("events --format jsonl --bbox 42,33,43,34.5 --db " + db_).records();  // around Ain al-Asad
  EXPECT_LT(syria.size(), all.size());
  for (const auto& e : syria) EXPECT_EQ(e["country"], "SY");
  ASSERT_FALSE(drones.empty());
  for (const auto& e : drones) {
    EXPECT_GE(e["date"].get<std::string>(), "2023-10-17");
    EXPECT_NE(e["weapons"].dump().find("drone"), std::string::npos);
  }
  ASSERT_FALSE(box.empty());
  for (const auto& e : box) EXPECT_NE(e["location"].get<std::string>().find("As"), std::string::npos) << e["location"];
  EXPECT_EQ(salvo("events --since 2023-13-45 --db " + db_).status, 2);
  EXPECT_EQ(salvo("events --bbox 1,2,3 --db " + db_).status, 2);
}

TEST_F(Exports, ShowTellsEverySourceAndItsSentences) {
  // An event several articles tell (the corpus's own article retells two of seed 001's).
  const auto events = salvo("events --format jsonl --db " + db_).records();
  const auto told_twice = std::find_if(events.begin(), events.end(), [](const auto& e) { return e["sources"].size() >= 2; });
  ASSERT_NE(told_twice, events.end());
  const auto& e = *told_twice;
  const CommandRun show = salvo("show " + e["id"].get<std::string>() + " --db " + db_);
  ASSERT_EQ(show.status, 0) << show.err;
  EXPECT_NE(show.out.find(std::to_string(e["sources"].size()) + " source(s)"), std::string::npos) << show.out;
  for (const auto& source : e["sources"]) {
    EXPECT_NE(show.out.find(source["article"].get<std::string>()), std::string::npos);
    EXPECT_NE(show.out.find(source["evidence"][0]["text"].get<std::string>()), std::string::npos);
  }
  const CommandRun missing = salvo("show ev_0000000000000000 --db " + db_);
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("no event ev_0000000000000000"), std::string::npos);
}

// Ids, URLs and file names from the input reach the terminal with their control characters
// escaped: an ESC sequence in a feed could clear the screen, retitle the window or hide lines.
TEST(TerminalOutput, ShowTablesAndIngestMessagesPrintNoRawControlCharacter) {
  TempDir dir;
  const std::string db = dir.file("s.db");
  const std::string feed = dir.write("in/feed.jsonl",
      R"({"id":"esc\u001b[2Jid","url":"https://news.example/\u001b]0;owned\u0007a","title":"T\u001b[8m","published":"2023-11-24",)"
      R"("text":"Rockets hit Ain al-Asad air base in western Iraq on Thursday, a US official said."})" "\n");
  dir.write("in/empty\x1b[1A.txt", "");
  const CommandRun ingest = salvo("ingest --db " + db + " " + dir.file("in"));
  EXPECT_EQ(ingest.status, 1) << ingest.err;  // the empty file is skipped
  EXPECT_NE(ingest.err.find("empty\\x1B[1A.txt"), std::string::npos) << ingest.err;
  const auto events = salvo("events --format jsonl --db " + db).records();
  ASSERT_EQ(events.size(), 1u);
  const CommandRun show = salvo("show " + events[0]["id"].get<std::string>() + " --db " + db);
  EXPECT_NE(show.out.find("esc\\x1B[2Jid"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("https://news.example/\\x1B]0;owned\\x07a"), std::string::npos) << show.out;
  const CommandRun table = salvo("events --format table --db " + db);
  const CommandRun tallies = salvo("tallies --db " + db);
  for (const CommandRun* run : {&ingest, &show, &table, &tallies}) {
    EXPECT_EQ(run->out.find('\x1b'), std::string::npos) << run->out;
    EXPECT_EQ(run->err.find('\x1b'), std::string::npos) << run->err;
    EXPECT_EQ(run->out.find('\x07'), std::string::npos) << run->out;
  }
}

TEST_F(Exports, TalliesStandBesideTheEventsHeld) {
  const CommandRun run = salvo("tallies --format jsonl --db " + db_);
  ASSERT_EQ(run.status, 0) << run.err;
  const auto tallies = run.records();
  ASSERT_FALSE(tallies.empty());
  bool compared = false;
  for (const auto& t : tallies) {
    if (t["tally"]["what"] == "attacks" && !t["tally"]["since"].is_null()) {
      EXPECT_TRUE(t["salvo_events"].is_number()) << t.dump();
      compared = true;
    }
  }
  EXPECT_TRUE(compared);
  const CommandRun table = salvo("tallies --db " + db_);
  EXPECT_NE(table.out.find("salvo holds"), std::string::npos);
}

}  // namespace
}  // namespace salvo
