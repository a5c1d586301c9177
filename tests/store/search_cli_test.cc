// `salvo events` search and filters, `salvo show` by id prefix, `salvo tallies` filters and CSV,
// on a store of the tests' own feed (store_support.h kSearchFeed): text search finds events by
// their evidence and their sources' titles, stays in step when articles change, and is built by
// the schema migration for a store made before it.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <set>

#include "../support/run_salvo.h"
#include "salvo/store/sql/sqlite_connection.h"
#include "salvo/store/store.h"
#include "store_support.h"

namespace salvo {
namespace {

using Json = nlohmann::json;
using testing::CommandRun;
using testing::salvo;
using testing::TempDir;

std::set<std::string> ids_of(const std::vector<Json>& events) {
  std::set<std::string> ids;
  for (const Json& e : events) ids.insert(e["id"].get<std::string>());
  return ids;
}

// The ids of the events a source of which is `article`.
std::set<std::string> told_by(const std::vector<Json>& events, const std::string& article) {
  std::set<std::string> ids;
  for (const Json& e : events) {
    for (const Json& s : e["sources"]) {
      if (s["article"] == article) ids.insert(e["id"].get<std::string>());
    }
  }
  return ids;
}

class Search : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    feed_ = dir_->write("in/feed.jsonl", testing::kSearchFeed);
    db_ = dir_->file("s.db");
    const CommandRun ingest = salvo("ingest -q --db " + db_ + " " + feed_);
    ASSERT_EQ(ingest.status, 0) << ingest.err;
  }
  static void TearDownTestSuite() { delete dir_; }

  static std::vector<Json> events(const std::string& options, const std::string& db = db_) {
    const CommandRun run = salvo("events --format jsonl --db " + db + " " + options);
    EXPECT_EQ(run.status, 0) << options << ": " << run.err;
    return run.records();
  }
  static std::vector<Json> all() { return events(""); }

  static TempDir* dir_;
  static std::string feed_, db_;
};
TempDir* Search::dir_ = nullptr;
std::string Search::feed_, Search::db_;

TEST_F(Search, TextFindsEventsByEvidenceAndByTitleWithStemming) {
  const auto everything = all();
  // "caterer" is in one evidence sentence, as "caterers": the stemmer finds it.
  const auto caterers = events("--text caterer");
  ASSERT_EQ(caterers.size(), 1u);
  EXPECT_EQ(ids_of(caterers), told_by(everything, "search-asad-1"));
  // "caravanserai" is in that article's title only.
  EXPECT_EQ(ids_of(events("--text Caravanserai")), told_by(everything, "search-asad-1"));
  // Every word must be there: "rockets" and "Erbil" are never told together.
  EXPECT_TRUE(events("--text 'rockets Erbil'").empty());
  EXPECT_EQ(ids_of(events("--text 'drones Erbil'")), told_by(everything, "search-erbil"));
  // Punctuation is no query syntax: a quote, a star, a colon are word breaks.
  EXPECT_EQ(ids_of(events("--text '\"Erbil\" airport*'")), told_by(everything, "search-erbil"));
  EXPECT_EQ(ids_of(events("--text 'body:Erbil'")), std::set<std::string>{});  // "body" is in no sentence
  // Beside other filters.
  EXPECT_TRUE(events("--text drone --country IQ --type interception").empty());
  EXPECT_TRUE(events("--text nowhere-to-be-found").empty());
}

TEST_F(Search, SeveralValuesAndCountryNames) {
  const auto everything = all();
  const auto iraq = events("--country IQ");
  ASSERT_FALSE(iraq.empty());
  for (const char* spelling : {"iq", "Iraq", "IRAQ", "iraq"}) EXPECT_EQ(ids_of(events(std::string("--country ") + spelling)), ids_of(iraq)) << spelling;
  const auto syria = events("--country syria");
  ASSERT_FALSE(syria.empty());
  for (const Json& e : syria) EXPECT_EQ(e["country"], "SY");
  EXPECT_EQ(events("--country IQ,SY").size(), iraq.size() + syria.size());
  EXPECT_EQ(events("--country 'Iraq, Syrian Arab Republic'").size(), iraq.size() + syria.size());

  const auto attacks = events("--type attack"), interceptions = events("--type interception");
  EXPECT_EQ(events("--type attack,interception").size(), attacks.size() + interceptions.size());
  ASSERT_FALSE(interceptions.empty());
  const auto drones = events("--weapon drone"), rockets = events("--weapon rocket");
  ASSERT_FALSE(drones.empty());
  ASSERT_FALSE(rockets.empty());
  std::set<std::string> either = ids_of(drones);
  for (const std::string& id : ids_of(rockets)) either.insert(id);
  EXPECT_EQ(ids_of(events("--weapon drone,rocket")), either);
}

TEST_F(Search, RoleSourcesCoordinatesAndAdmin1) {
  const auto everything = all();
  const auto main_events = events("--role main"), background = events("--role background");
  EXPECT_EQ(main_events.size() + background.size(), everything.size());
  for (const Json& e : main_events) EXPECT_EQ(e["role"], "main");
  // The rockets at Ain al-Asad are told by two articles; nothing else is.
  const auto told_twice = events("--min-sources 2");
  ASSERT_EQ(told_twice.size(), 1u);
  EXPECT_EQ(told_twice[0]["sources"].size(), 2u);
  EXPECT_EQ(events("--min-sources 1").size(), everything.size());
  const auto located = events("--located true"), unlocated = events("--located false");
  EXPECT_EQ(located.size() + unlocated.size(), everything.size());
  ASSERT_FALSE(located.empty());
  for (const Json& e : located) EXPECT_TRUE(e["lat"].is_number()) << e.dump();
  for (const Json& e : unlocated) EXPECT_TRUE(e["lat"].is_null()) << e.dump();
  // Anbar holds Ain al-Asad; its name in any case.
  const auto anbar = events("--admin1 anbar");
  ASSERT_FALSE(anbar.empty());
  for (const Json& e : anbar) EXPECT_EQ(e["admin1"], "Anbar");
  EXPECT_EQ(ids_of(events("--admin1 ANBAR")), ids_of(anbar));
}

TEST_F(Search, LimitAndSortAsTheApiHasThem) {
  const auto everything = all();
  ASSERT_GE(everything.size(), 3u);
  const auto first_two = events("--limit 2");
  ASSERT_EQ(first_two.size(), 2u);
  EXPECT_EQ(first_two[0]["id"], everything[0]["id"]);
  const auto newest = events("--sort -date --limit 1");
  ASSERT_EQ(newest.size(), 1u);
  EXPECT_EQ(newest[0]["id"], everything.back()["id"]);
}

TEST_F(Search, MalformedFiltersAreRefusedNamingTheOption) {
  for (const auto& [options, named] : std::vector<std::pair<std::string, std::string>>{
           {"--country Atlantis", "--country"}, {"--country IQ,", "--country"}, {"--type attack,bombing", "--type"},
           {"--weapon drone,slingshot", "--weapon"}, {"--role side", "--role"}, {"--min-sources 0", "--min-sources"},
           {"--min-sources two", "--min-sources"}, {"--located yes", "--located"}, {"--text '!!!'", "--text"},
           {"--place 'a b'", "--place"}, {"--limit 0", "--limit"}, {"--sort size", "--sort"}}) {
    const CommandRun run = salvo("events --db " + db_ + " " + options);
    EXPECT_EQ(run.status, 2) << options;
    EXPECT_NE(run.err.find(named), std::string::npos) << options << ": " << run.err;
  }
}

// A place id is a field of the event's JSON (written by the merge); here it is set in the stored
// JSON of one event, as the merge will write it.
TEST(SearchPlace, PlaceMatchesTheEventsPlaceIdExactly) {
  TempDir dir;
  const std::string db = dir.file("s.db");
  ASSERT_EQ(salvo("ingest -q --db " + db + " " + dir.write("feed.jsonl", testing::kSearchFeed)).status, 0);
  std::string id;
  {
    SQLite::Database store(db, SQLite::OPEN_READWRITE);
    id = store.execAndGet("SELECT id FROM events WHERE location LIKE '%Asad%' ORDER BY id LIMIT 1").getString();
    ASSERT_FALSE(id.empty());
    SQLite::Statement set(store, "UPDATE events SET json = json_set(json, '$.place_id', 'installation:ain-al-asad') WHERE id = ?");
    set.bind(1, id);
    set.exec();
  }
  const auto found = salvo("events --format jsonl --place installation:ain-al-asad --db " + db).records();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]["id"], id);
  // Exact: not a prefix, not another case.
  EXPECT_TRUE(salvo("events --format jsonl --place installation:ain-al --db " + db).records().empty());
  EXPECT_TRUE(salvo("events --format jsonl --place INSTALLATION:AIN-AL-ASAD --db " + db).records().empty());
}

// The index follows the events: an article stored again with another text loses its old words
// and gains the new; an article whose title changes is found by the new title.
TEST(SearchInStep, ChangedArticlesChangeWhatIsFound) {
  TempDir dir;
  const std::string db = dir.file("s.db");
  // Stored again from the same input (the same path): the same ids.
  ASSERT_EQ(salvo("ingest -q --db " + db + " " + dir.write("feed.jsonl", testing::kSearchFeed)).status, 0);
  const auto find = [&](const std::string& words) { return salvo("events --format jsonl --db " + db + " --text '" + words + "'").records(); };
  ASSERT_EQ(find("caterers").size(), 1u);
  // The same id, another text (the same title): the caterers are gone, the mortar is there.
  std::string changed(testing::kSearchFeed);
  const std::string before = "Three rockets landed inside Ain al-Asad air base in western Iraq on Tuesday, wounding two caterers";
  const std::string after = "A mortar round landed inside Ain al-Asad air base in western Iraq on Tuesday, wounding two cooks";
  changed.replace(changed.find(before), before.size(), after);
  ASSERT_EQ(salvo("ingest -q --db " + db + " " + dir.write("feed.jsonl", changed)).status, 0);
  EXPECT_EQ(find("mortar cooks").size(), 1u);
  // Another title, and a sentence after the incident's: the event is the same (its evidence
  // unchanged), its search text is not. (A title alone is no new text: the store knows an
  // article by the bytes of its text.)
  std::string retitled = changed;
  const std::string title = "Caravanserai shelled at dawn";
  retitled.replace(retitled.find(title), title.size(), "Sandstorm of shells at the oasis");
  const std::string cooks = "wounding two cooks, an Iraqi security official said.";
  retitled.replace(retitled.find(cooks), cooks.size(), cooks + " The dining hall reopened on Friday.");
  // The event, less its sources' titles (which it cites, and which changed).
  const auto event_fields = [&] {
    auto events = salvo("events --format jsonl --text cooks --db " + db).records();
    for (auto& e : events)
      for (auto& source : e["sources"]) source.erase("title");
    return events;
  };
  const auto event_before = event_fields();
  ASSERT_EQ(salvo("ingest -q --db " + db + " " + dir.write("feed.jsonl", retitled)).status, 0);
  EXPECT_TRUE(find("caravanserai dawn").empty());
  EXPECT_EQ(find("sandstorm oasis").size(), 1u);
  EXPECT_EQ(event_fields(), event_before) << "the event itself changed";
  const CommandRun check = salvo("check --db " + db);
  EXPECT_EQ(check.status, 0) << check.out;
  EXPECT_NE(check.out.find("ok     text search: every event has its search text"), std::string::npos) << check.out;
  // The FTS5 index agrees with its content table (SQLite's own check of an external-content index).
  SQLite::Database store(db, SQLite::OPEN_READWRITE);
  EXPECT_NO_THROW(store.exec("INSERT INTO event_text_index(event_text_index, rank) VALUES ('integrity-check', 1)"));
}

// A store of schema version 1 (before text search) is migrated on open: the index is made and
// filled for the events it holds.
TEST(SearchMigration, AVersionOneStoreGetsItsIndexOnOpen) {
  TempDir dir;
  const std::string db = dir.file("s.db");
  ASSERT_EQ(salvo("ingest -q --db " + db + " " + dir.write("feed.jsonl", testing::kSearchFeed)).status, 0);
  const auto expected = salvo("events --format jsonl --text drone --db " + db).records();
  ASSERT_FALSE(expected.empty());
  {
    // Back to version 1: what migrations 1 → 2, 2 → 3, 3 → 4 and 4 → 5 add, taken away.
    SQLite::Database store(db, SQLite::OPEN_READWRITE);
    store.exec("DROP TABLE event_text_index; DROP TABLE event_text; ALTER TABLE articles DROP COLUMN outlet; "
               "DROP INDEX mentions_merge; ALTER TABLE mentions DROP COLUMN keys; DROP TABLE merge_dirty_event; ALTER TABLE mentions DROP COLUMN last_day; DROP TABLE merge_pending_block; "
               "PRAGMA user_version = 1");
    EXPECT_EQ(store.execAndGet("SELECT count(*) FROM sqlite_master WHERE name LIKE 'event_text%'").getInt(), 0);
  }
  const auto migrated = salvo("events --format jsonl --text drone --db " + db).records();
  EXPECT_EQ(ids_of(migrated), ids_of(expected));
  SQLite::Database store(db, SQLite::OPEN_READONLY);
  EXPECT_EQ(store.execAndGet("PRAGMA user_version").getInt(), kStoreSchemaVersion);
  EXPECT_EQ(store.execAndGet("SELECT count(*) FROM event_text").getInt(), store.execAndGet("SELECT count(*) FROM events").getInt());
}

TEST_F(Search, ShowTakesAUniquePrefixAndSeveralIds) {
  const auto everything = all();
  ASSERT_GE(everything.size(), 2u);
  const std::string first = everything[0]["id"], second = everything[1]["id"];
  // The shortest start of the first id that no other id shares.
  size_t n = 4;
  while (std::any_of(everything.begin() + 1, everything.end(), [&](const Json& e) { return e["id"].get<std::string>().rfind(first.substr(0, n), 0) == 0; })) ++n;
  const CommandRun one = salvo("show --json " + first.substr(0, n) + " --db " + db_);
  ASSERT_EQ(one.status, 0) << one.err;
  EXPECT_EQ(Json::parse(one.out)["id"], first);
  const CommandRun both = salvo("show " + first + " " + second + " --db " + db_);
  ASSERT_EQ(both.status, 0) << both.err;
  EXPECT_NE(both.out.find(first), std::string::npos);
  EXPECT_NE(both.out.find(second), std::string::npos);
  // "ev_" starts every id: ambiguous, exit 2, the matches listed.
  const CommandRun ambiguous = salvo("show ev_ --db " + db_);
  EXPECT_EQ(ambiguous.status, 2);
  EXPECT_NE(ambiguous.err.find("is the start of"), std::string::npos) << ambiguous.err;
  EXPECT_NE(ambiguous.err.find(first), std::string::npos) << ambiguous.err;
  EXPECT_EQ(salvo("show ev_ffffffffffffffff0 --db " + db_).status, 1);
}

TEST_F(Search, TalliesCompareAttacksAndInjuredInTheirWindow) {
  const CommandRun run = salvo("tallies --format jsonl --db " + db_);
  ASSERT_EQ(run.status, 0) << run.err;
  const auto tallies = run.records();
  ASSERT_FALSE(tallies.empty()) << run.out;
  const auto everything = all();
  bool attacks = false, injured = false, windowless = false;
  for (const Json& t : tallies) {
    const Json& tally = t["tally"];
    if (tally["since"].is_null()) {
      // "Forty US troops have been injured in all": since when is not said.
      EXPECT_TRUE(t["salvo_holds"].is_null()) << t.dump();
      EXPECT_TRUE(t["salvo_window"].is_null()) << t.dump();
      EXPECT_NE(t["salvo_note"].get<std::string>().find("no start day"), std::string::npos) << t.dump();
      windowless = true;
      continue;
    }
    ASSERT_TRUE(t["salvo_holds"].is_number()) << t.dump();
    EXPECT_EQ(t["salvo_window"]["since"], "2023-11-01") << t.dump();
    EXPECT_EQ(t["salvo_window"]["until"], "2023-11-25") << t.dump();
    // Counted by hand from the events: attack and interception events in the window, by count;
    // the injured they hold.
    size_t expected = 0;
    for (const Json& e : everything) {
      if (e["type"] == "strike" || e["date"].is_null()) continue;
      if (tally["what"] == "attacks") expected += e["count"].get<size_t>();
      if (tally["what"] == "injured" && e["injured"].is_number()) expected += e["injured"].get<size_t>();
    }
    EXPECT_EQ(t["salvo_holds"].get<size_t>(), expected) << t.dump();
    if (tally["what"] == "attacks") {
      EXPECT_EQ(t["salvo_events"], t["salvo_holds"]);
      attacks = true;
    }
    if (tally["what"] == "injured") {
      EXPECT_TRUE(t["salvo_events"].is_null());
      EXPECT_GT(expected, 0u);  // the two caterers wounded at Ain al-Asad
      injured = true;
    }
  }
  EXPECT_TRUE(attacks && injured && windowless) << run.out;
}

TEST_F(Search, TalliesFilterByCountryAndDayAndPrintCsv) {
  const auto all_tallies = salvo("tallies --format jsonl --db " + db_).records();
  ASSERT_FALSE(all_tallies.empty());
  EXPECT_EQ(salvo("tallies --format jsonl --since 2023-11-25 --until 2023-11-25 --db " + db_).records().size(), all_tallies.size());
  EXPECT_TRUE(salvo("tallies --format jsonl --until 2023-11-24 --db " + db_).records().empty());
  // The feed's tallies are totals (no country): a country filter leaves none.
  EXPECT_TRUE(salvo("tallies --format jsonl --country iraq --db " + db_).records().empty());
  EXPECT_EQ(salvo("tallies --country Atlantis --db " + db_).status, 2);
  EXPECT_EQ(salvo("tallies --since 2023-11-31 --db " + db_).status, 2);

  const CommandRun csv = salvo("tallies --format csv --db " + db_);
  ASSERT_EQ(csv.status, 0) << csv.err;
  EXPECT_EQ(csv.out.substr(0, csv.out.find("\r\n")),
            "day,what,qualifier,count,country,since,salvo_holds,window_since,window_until,salvo_note,article,published");
  // One line a tally and the header, each ended by CRLF.
  size_t lines = 0;
  for (size_t at = 0; (at = csv.out.find("\r\n", at)) != std::string::npos; at += 2) ++lines;
  EXPECT_EQ(lines, all_tallies.size() + 1);
  EXPECT_NE(csv.out.find("2023-11-25,attacks,exact,12,,2023-11-01,"), std::string::npos) << csv.out;
  // Read back by SQLite's CSV importer.
  const std::string file = dir_->write("tallies.csv", csv.out);
  const CommandRun imported = testing::run_command("sqlite3 :memory: \".import --csv " + file + " t\" \"SELECT count(*), sum(what = 'attacks') FROM t;\"");
  EXPECT_EQ(imported.out, std::to_string(all_tallies.size()) + "|1\n") << imported.err;
}

// Schema 6 writes the text index by hand (store/event_text.h): a schema-5 store, whose triggers
// kept the index, loses them on open, and the merges that follow keep the index exact through
// every kind of change: an article replaced (its event rebuilt: the old row's words out, the new
// row's in), an event gone and a new one made.
TEST(SearchMigration, AVersionFiveStoreDropsItsTriggersAndMergesKeepTheIndexExact) {
  TempDir dir;
  const std::string db = dir.file("s.db");
  ASSERT_EQ(salvo("ingest -q --db " + db + " " + dir.write("feed.jsonl", testing::kSearchFeed)).status, 0);
  {
    SQLite::Database store(db, SQLite::OPEN_READWRITE);
    ASSERT_EQ(store.execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").getInt(), 0);
  }
  {
    // Back to version 5: the index of schema 2, triggers and all (the engine's own schema text),
    // filled again from its content table.
    auto raw = sql::open_sqlite(db);
    raw->exec("DROP TABLE event_text_index");
    raw->exec(raw->event_text_index_schema());
    raw->exec("INSERT INTO event_text_index(event_text_index) VALUES ('rebuild'); PRAGMA user_version = 5");
    ASSERT_EQ(raw->query_value("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"), "3");
  }
  const auto find = [&](const std::string& words) { return salvo("events --format jsonl --text '" + words + "' --db " + db).records(); };
  ASSERT_EQ(find("caterers").size(), 1u);
  {
    SQLite::Database store(db, SQLite::OPEN_READONLY);
    EXPECT_EQ(store.execAndGet("PRAGMA user_version").getInt(), kStoreSchemaVersion);
    EXPECT_EQ(store.execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").getInt(), 0);
  }
  // The same file told again with other words: its articles are replaced, their events rebuilt.
  std::string changed(testing::kSearchFeed);
  const std::string told = "wounding two caterers";
  changed.replace(changed.find(told), told.size(), "wounding two beekeepers");
  const std::string drone = "A drone was shot down near the al-Tanf garrison in southern Syria on Monday";
  changed.replace(changed.find(drone), drone.size(), "A drone was shot down over the Conoco gas field in eastern Syria on Sunday");
  ASSERT_EQ(salvo("ingest -q --db " + db + " " + dir.write("feed.jsonl", changed)).status, 0);
  EXPECT_TRUE(find("caterers").empty());
  EXPECT_EQ(find("beekeepers").size(), 1u);
  EXPECT_EQ(find("Conoco").size(), 1u);
  EXPECT_TRUE(find("garrison").empty());
  // Every row indexed with the words it holds, and no other (SQLite's check against the content).
  SQLite::Database store(db, SQLite::OPEN_READWRITE);
  EXPECT_NO_THROW(store.exec("INSERT INTO event_text_index(event_text_index, rank) VALUES ('integrity-check', 1)"));
  EXPECT_EQ(store.execAndGet("SELECT count(*) FROM event_text").getInt(), store.execAndGet("SELECT count(*) FROM events").getInt());
}

}  // namespace

}  // namespace salvo
