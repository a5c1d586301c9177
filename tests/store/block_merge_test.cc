// Merge by block (issue 20, item 1): an ingest re-merges only the mentions a change could join,
// and the store it leaves is the one a single ingest of everything leaves, whatever the batches,
// their order, and the articles replaced and restored on the way.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <sstream>

#include "../support/run_salvo.h"
#include "salvo/store/store.h"
#include "store_support.h"

namespace salvo {
namespace {

using testing::CommandRun;
using testing::salvo;
using testing::TempDir;

// Reports of attacks at three bases on runs of days, so that one incident's reports are a day
// apart and blocks chain day to day: what a block must grow over.
std::vector<std::pair<std::string, std::string>> chained_reports() {
  const char* places[] = {"Ain al-Asad air base in western Iraq", "Erbil airport in northern Iraq",
                          "the al-Tanf garrison in southern Syria"};
  const char* weapons[] = {"Rockets", "Two drones", "A one-way attack drone"};
  const char* weekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  std::vector<std::pair<std::string, std::string>> reports;
  for (int day = 1; day <= 12; ++day) {
    for (int place = 0; place < 3; ++place) {
      if ((day + place) % 4 == 0) continue;  // gaps, so that some blocks end
      // 2024-01-01 is a Monday; the report is published the day after the attack or the same day.
      const int published = day + (day + place) % 2;
      const std::string id = "chain-" + std::to_string(place) + "-" + std::to_string(day);
      const std::string line =
          R"({"id":")" + id + R"(","published":"2024-01-)" + (published < 10 ? "0" : "") + std::to_string(published) +
          R"(","text":")" + weapons[(day + place) % 3] + " struck " + places[place] + " on " + weekdays[(day - 1) % 7] +
          R"(, a US official said."})";
      reports.emplace_back(id, line);
    }
  }
  return reports;
}

std::string events_of(const std::string& db) {
  // The events and which mentions each holds: equal strings, equal merges.
  SQLite::Database store(db, SQLite::OPEN_READONLY);
  std::string out;
  for (const char* query : {"SELECT id, json FROM events ORDER BY id", "SELECT * FROM event_sources ORDER BY event_id, article_id, idx",
                            "SELECT article_id, idx, event_id FROM mentions ORDER BY article_id, idx",
                            "SELECT event_id, body FROM event_text ORDER BY event_id"}) {
    SQLite::Statement rows(store, query);
    while (rows.executeStep()) {
      for (int c = 0; c < rows.getColumnCount(); ++c) out += (c ? "\t" : "") + rows.getColumn(c).getString();
      out += "\n";
    }
  }
  return out;
}

TEST(BlockMerge, AnyBatchesInAnyOrderGiveTheMergeOfOneIngest) {
  TempDir dir;
  testing::write_corpus(dir, "corpus");
  const auto reports = chained_reports();
  std::string feed;
  for (const auto& [id, line] : reports) feed += line + "\n";
  dir.write("corpus/chained.jsonl", feed);
  const std::string whole = dir.file("whole.db");
  ASSERT_EQ(salvo("ingest -q --db " + whole + " " + dir.file("corpus")).status, 0);
  const std::string expected = events_of(whole);
  ASSERT_NE(expected.find("chain-1-"), std::string::npos);

  // The same articles as single-article files, so that batches can split them any way.
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir.file("corpus"))) {
    if (entry.path().extension() != ".jsonl") files.push_back(entry.path().string());
  }
  for (const auto& [id, line] : reports) files.push_back(dir.write("split/" + id + ".jsonl", line + "\n"));

  for (unsigned seed : {1u, 2u, 3u}) {
    std::mt19937 random(seed);
    std::shuffle(files.begin(), files.end(), random);
    const std::string db = dir.file("batches-" + std::to_string(seed) + ".db");
    const size_t batches = 2 + seed;
    for (size_t b = 0; b < batches; ++b) {
      const std::string folder = dir.file("b" + std::to_string(seed) + "-" + std::to_string(b));
      std::filesystem::create_directories(folder);
      for (size_t i = b; i < files.size(); i += batches) {
        std::filesystem::copy(files[i], folder + "/" + std::filesystem::path(files[i]).filename().string());
      }
      const CommandRun run = salvo("ingest -q --db " + db + " " + folder);
      ASSERT_EQ(run.status, 0) << run.err;
      if (b == 0) {
        // A report of this batch edited in place (another text: its day now unknown), ingested,
        // then restored: its events leave their block and come back.
        for (const auto& entry : std::filesystem::directory_iterator(folder)) {
          if (entry.path().filename().string().rfind("chain-", 0) != 0) continue;
          const std::string line = testing::read_file(entry.path());
          std::string moved = line;
          moved.replace(moved.find(" on "), 4, " late on the day before ");
          dir.write(entry.path().lexically_relative(dir.path()).string(), moved);
          const CommandRun replaced = salvo("ingest --db " + db + " " + folder);
          ASSERT_NE(replaced.err.find("1 replaced"), std::string::npos) << replaced.err;
          dir.write(entry.path().lexically_relative(dir.path()).string(), line);
          ASSERT_EQ(salvo("ingest -q --db " + db + " " + folder).status, 0);
          break;
        }
      }
    }
    const std::string got = events_of(db);
    if (got != expected) {
      // The first lines that differ, not two stores' worth of text.
      std::istringstream a(expected), b(got);
      std::string x, y;
      size_t shown = 0;
      for (;;) {
        const bool more_a = static_cast<bool>(std::getline(a, x)), more_b = static_cast<bool>(std::getline(b, y));
        if ((!more_a && !more_b) || shown >= 4) break;
        if (x != y) ADD_FAILURE() << "seed " << seed << "\n  one ingest: " << x.substr(0, 300) << "\n  batches:    " << y.substr(0, 300), ++shown;
        x.clear(), y.clear();
      }
    }
    const CommandRun check = salvo("check --db " + db);
    EXPECT_EQ(check.status, 0) << check.out;
  }
}

// A new report re-merges its block, not its country: the events of other days keep their rows.
TEST(BlockMerge, ANewReportReMergesOnlyTheMentionsItCouldJoin) {
  TempDir dir;
  std::string feed;
  for (const auto& [id, line] : chained_reports()) feed += line + "\n";
  const std::string db = dir.file("s.db");
  ASSERT_EQ(salvo("ingest -q --db " + db + " " + dir.write("in/feed.jsonl", feed)).status, 0);
  const CommandRun added = salvo("ingest --db " + db + " " + dir.write("more/late.jsonl",
      R"({"id":"late","published":"2024-02-20","text":"Rockets struck Ain al-Asad air base in western Iraq on Monday, a US official said."})" "\n"));
  ASSERT_EQ(added.status, 0) << added.err;
  // One mention in one block (itself: nothing within a day of it), one event changed.
  EXPECT_NE(added.err.find("1 mention(s) in 1 block(s) re-merged into 1 event(s), 1 changed"), std::string::npos) << added.err;
}


// A store of schema 4 (before merge keys) gets every mention's keys on open, and merges on from
// them to the store one ingest of everything makes.
TEST(BlockMerge, AStoreOfSchemaFourGetsItsMergeKeysOnOpenAndMergesOnAlike) {
  TempDir dir;
  const auto reports = chained_reports();
  std::string first, second;
  for (size_t i = 0; i < reports.size(); ++i) (i % 2 ? second : first) += reports[i].second + "\n";
  const std::string whole = dir.file("whole.db");
  ASSERT_EQ(salvo("ingest -q --db " + whole + " " + dir.write("all/a.jsonl", first) + " " + dir.write("all/b.jsonl", second)).status, 0);

  const std::string db = dir.file("s.db");
  ASSERT_EQ(salvo("ingest -q --db " + db + " " + dir.file("all/a.jsonl")).status, 0);
  {
    // Back to version 4: what migration 4 -> 5 adds, taken away, and 4's index put back.
    SQLite::Database store(db, SQLite::OPEN_READWRITE);
    store.exec("DROP INDEX mentions_merge; ALTER TABLE mentions DROP COLUMN keys; DROP TABLE merge_dirty_event; "
               "CREATE INDEX mentions_country_span ON mentions(country, date, last_day); PRAGMA user_version = 4");
  }
  ASSERT_EQ(salvo("ingest -q --db " + db + " " + dir.file("all/b.jsonl")).status, 0);
  EXPECT_EQ(events_of(db), events_of(whole));
  SQLite::Database store(db, SQLite::OPEN_READONLY);
  EXPECT_EQ(store.execAndGet("PRAGMA user_version").getInt(), kStoreSchemaVersion);
  EXPECT_EQ(store.execAndGet("SELECT count(*) FROM mentions WHERE keys IS NULL").getInt(), 0);
  EXPECT_GT(store.execAndGet("SELECT count(*) FROM mentions").getInt(), 10);
}

// Keys that no longer say what a mention's JSON says (a store edited by hand) stop the merge with
// the mention named, and leave the store as it was: nothing half merged.
TEST(BlockMerge, KeysThatContradictTheirMentionStopTheMergeNamingIt) {
  TempDir dir;
  std::string feed;
  for (const auto& [id, line] : chained_reports()) feed += line + "\n";
  const std::string db = dir.file("s.db");
  ASSERT_EQ(salvo("ingest -q --db " + db + " " + dir.write("in/feed.jsonl", feed)).status, 0);
  std::string tampered;
  {
    SQLite::Database store(db, SQLite::OPEN_READWRITE);
    tampered = store.execAndGet("SELECT article_id || '#' || idx FROM mentions WHERE article_id = 'chain-0-3'").getString();
    // Its keys name another weapon; its event is unlinked, as a change to a member leaves it.
    store.exec("UPDATE mentions SET keys = replace(keys, 'rocket', 'mortar'), event_id = NULL WHERE article_id = 'chain-0-3'");
  }
  // The merged events and their sources (the new article's mention is stored before the merge).
  const auto merged = [&] {
    SQLite::Database store(db, SQLite::OPEN_READONLY);
    std::string out;
    for (const char* query : {"SELECT id, json FROM events ORDER BY id", "SELECT * FROM event_sources ORDER BY event_id, article_id, idx"}) {
      SQLite::Statement rows(store, query);
      while (rows.executeStep()) out += rows.getColumn(0).getString() + "\t" + rows.getColumn(1).getString() + "\n";
    }
    return out;
  };
  const std::string before = merged();
  const CommandRun added = salvo("ingest --db " + db + " " + dir.write("more/next.jsonl",
      R"({"id":"next","published":"2024-01-04","text":"Several rockets hit Ain al-Asad air base in western Iraq on Wednesday, the Pentagon said."})" "\n"));
  EXPECT_NE(added.status, 0);
  EXPECT_NE(added.err.find(tampered), std::string::npos) << added.err;
  EXPECT_NE(added.err.find("merge keys"), std::string::npos) << added.err;
  EXPECT_EQ(merged(), before);
}

}  // namespace
}  // namespace salvo
