// The store as a user drives it: ingest, re-ingest, changed and duplicated texts, bad input among
// good, schema versions, and kill -9 at random moments of an ingest.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <chrono>
#include <sstream>
#include <random>
#include <thread>

#include "../support/run_salvo.h"
#include "store_support.h"

extern char** environ;

namespace salvo {
namespace {

using testing::CommandRun;
using testing::salvo;
using testing::TempDir;

// Help that is true (issue 19, part 8): only ingest creates a store; a bare ingest reads nothing
// (stdin only when told, with -); every command says what its exit status 3 means.
TEST(StoreCli, HelpSaysWhatEachCommandDoes) {
  EXPECT_NE(salvo("ingest --help").out.find("(created if missing)"), std::string::npos);
  for (const char* command : {"events", "show", "tallies", "serve", "check", "reprocess"}) {
    const CommandRun help = salvo(std::string(command) + " --help");
    EXPECT_EQ(help.out.find("created if missing"), std::string::npos) << command;
    EXPECT_NE(help.out.find("(made by 'salvo ingest')"), std::string::npos) << command;
    EXPECT_NE(help.out.find(" 3 "), std::string::npos) << command << ": exit status 3 described\n" << help.out;
  }
  TempDir dir;
  const std::string db = dir.file("s.db");
  const CommandRun bare = salvo("ingest --db " + db, "Rockets hit Ain al-Asad air base on Thursday.\n");
  EXPECT_EQ(bare.status, 2) << bare.err;
  EXPECT_NE(bare.err.find("or - to read stdin"), std::string::npos) << bare.err;
  EXPECT_FALSE(std::filesystem::exists(db)) << "nothing to store, no store made";
  const CommandRun told = salvo("ingest -q --db " + db + " -", " date 2023-11-24\nRockets hit Ain al-Asad air base in western Iraq on Thursday.\n");
  EXPECT_EQ(told.status, 0) << told.err;
  EXPECT_EQ(salvo("events --format jsonl --db " + db).records().size(), 1u);
}

TEST(StoreCli, ReingestIsANoOp) {
  TempDir dir;
  testing::write_corpus(dir, "corpus");
  const std::string db = dir.file("s.db");
  const CommandRun first = salvo("ingest --db " + db + " " + dir.file("corpus"));
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_NE(first.err.find("added"), std::string::npos) << first.err;
  const std::string before = testing::store_content(db);
  const CommandRun again = salvo("ingest --db " + db + " " + dir.file("corpus"));
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.err.find(" 0 added, 0 replaced"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("0 changed"), std::string::npos) << again.err;
  EXPECT_EQ(testing::store_content(db), before);
}

TEST(StoreCli, ThreadsChangeNothingInTheStore) {
  TempDir dir;
  testing::write_corpus(dir, "corpus", /*copies=*/2);
  ASSERT_EQ(salvo("ingest -q -j 1 --db " + dir.file("one.db") + " " + dir.file("corpus")).status, 0);
  ASSERT_EQ(salvo("ingest -q -j 2 --db " + dir.file("two.db") + " " + dir.file("corpus")).status, 0);
  EXPECT_EQ(testing::store_content(dir.file("two.db")), testing::store_content(dir.file("one.db")));
}

TEST(StoreCli, IngestOrderDoesNotChangeTheStore) {
  TempDir dir;
  testing::write_corpus(dir, "corpus");
  // All at once, and the same articles in two halves in the other order.
  ASSERT_EQ(salvo("ingest -q --db " + dir.file("one.db") + " " + dir.file("corpus")).status, 0);
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir.file("corpus"))) files.push_back(entry.path().string());
  std::sort(files.rbegin(), files.rend());
  for (size_t i = 0; i < files.size(); ++i) {
    std::filesystem::create_directories(dir.file(i % 2 ? "b" : "a"));
    std::filesystem::copy(files[i], dir.file(std::string(i % 2 ? "b/" : "a/") + std::filesystem::path(files[i]).filename().string()));
  }
  ASSERT_EQ(salvo("ingest -q --db " + dir.file("two.db") + " " + dir.file("b")).status, 0);
  ASSERT_EQ(salvo("ingest -q --db " + dir.file("two.db") + " " + dir.file("a")).status, 0);
  // Sources differ (paths), so compare the merged events only.
  EXPECT_EQ(salvo("events --format jsonl --db " + dir.file("one.db")).out, salvo("events --format jsonl --db " + dir.file("two.db")).out);
}

// A new article re-merges only the country it speaks of; the other countries' events keep their rows.
TEST(StoreCli, AnArticleUpdatesOnlyTheEventsItTouches) {
  TempDir dir;
  testing::write_corpus(dir, "corpus");
  const std::string db = dir.file("s.db");
  ASSERT_EQ(salvo("ingest -q --db " + db + " " + dir.file("corpus")).status, 0);
  const auto rows = [&](const char* country) {
    SQLite::Database check(db, SQLite::OPEN_READONLY);
    SQLite::Statement q(check, "SELECT id || json FROM events WHERE country = ? ORDER BY id");
    q.bind(1, country);
    std::string out;
    while (q.executeStep()) out += q.getColumn(0).getString() + "\n";
    return out;
  };
  const std::string iraq = rows("IQ"), syria = rows("SY");
  const CommandRun run = salvo("ingest --db " + db + " " +
                               dir.write("new/jordan.txt", " date 2024-01-29\nA drone attack killed three US soldiers at Tower 22 in Jordan on Sunday.\n"));
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find("in 1 block(s) re-merged"), std::string::npos) << run.err;
  EXPECT_EQ(rows("IQ"), iraq);
  EXPECT_EQ(rows("SY"), syria);
  EXPECT_NE(rows("JO").find("Tower 22"), std::string::npos);
}

// Re-extracting with unchanged rules changes nothing; the store stays as it was.
TEST(StoreCli, ReprocessWithTheSameRulesChangesNothing) {
  TempDir dir;
  testing::write_corpus(dir, "corpus");
  const std::string db = dir.file("s.db");
  ASSERT_EQ(salvo("ingest -q --db " + db + " " + dir.file("corpus")).status, 0);
  const std::string before = testing::store_content(db);
  const CommandRun run = salvo("reprocess --db " + db);
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find("re-extracted, 0 changed"), std::string::npos) << run.err;
  EXPECT_EQ(testing::store_content(db), before);
}

// Stored with older data (no "Arbil airport" alias of the Erbil air base), re-extracted with
// today's: the article's incident there is placed at the base again, and only what changed is
// re-merged.
TEST(StoreCli, ReprocessAppliesTodaysDataToStoredArticles) {
  const auto dev = testing::shared_data("dev/h1_009_green-zone-rockets-globaltimes.txt");
  if (!dev) GTEST_SKIP() << testing::lacks_shared_data("dev/h1_009_green-zone-rockets-globaltimes.txt");
  TempDir dir;
  const std::string old_data = dir.file("old-data");
  std::filesystem::copy(std::string(SALVO_SOURCE_DIR) + "/data", old_data, std::filesystem::copy_options::recursive);
  std::string sites = testing::read_file(old_data + "/installations.csv");
  const size_t alias = sites.find("|Arbil airport|");
  ASSERT_NE(alias, std::string::npos);
  sites.erase(alias, std::string("|Arbil airport").size());
  dir.write("old-data/installations.csv", sites);
  const std::string db = dir.file("s.db");
  // Ingest with the old data: the command line sets the variable for salvo alone.
  const std::string ingest = "SALVO_DATA_DIR=" + old_data + " " + std::string(SALVO_BINARY) + " ingest -q --db " + db + " " + dev->string();
  ASSERT_EQ(std::system(ingest.c_str()), 0);
  const CommandRun run = salvo("reprocess --db " + db);
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find("1 article(s) re-extracted, 1 changed"), std::string::npos) << run.err;
}

TEST(StoreCli, ChangedTextReplacesItsEventsAndDuplicateBytesAreNotStoredTwice) {
  TempDir dir;
  const std::string db = dir.file("s.db");
  dir.write("a/report.txt", " date 2023-11-24\nRockets hit Ain al-Asad air base in western Iraq on Thursday.\n");
  ASSERT_EQ(salvo("ingest -q --db " + db + " " + dir.file("a")).status, 0);
  const auto first = salvo("events --format jsonl --db " + db).records();
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0]["location_text"], "Ain al-Asad air base");

  dir.write("a/report.txt", " date 2023-11-24\nDrones hit Erbil airport in northern Iraq on Thursday.\n");
  const CommandRun changed = salvo("ingest --db " + db + " " + dir.file("a"));
  EXPECT_NE(changed.err.find("1 replaced"), std::string::npos) << changed.err;
  const auto second = salvo("events --format jsonl --db " + db).records();
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0]["location_text"], "Erbil airport");

  dir.write("b/same-bytes-other-name.txt", " date 2023-11-24\nDrones hit Erbil airport in northern Iraq on Thursday.\n");
  const CommandRun twin = salvo("ingest --db " + db + " " + dir.file("b"));
  EXPECT_EQ(twin.status, 0);
  EXPECT_NE(twin.err.find("stored as report"), std::string::npos) << twin.err;
  SQLite::Database check(db);
  EXPECT_EQ(check.execAndGet("SELECT count(*) FROM articles").getInt(), 1);
}

// Two inputs with one id, ingested by two runs: the second is stored beside the first (under its
// content suffix), not in its place, and re-ingesting either changes nothing — the store no
// longer flips between them.
TEST(StoreCli, AnotherInputWithAStoredIdIsStoredBesideIt) {
  TempDir dir;
  const std::string db = dir.file("s.db");
  const std::string first = dir.write("a/report.txt", " date 2023-11-24\nRockets hit Ain al-Asad air base in western Iraq on Thursday.\n");
  dir.write("b/report.txt", " date 2024-01-29\nA drone attack killed three US soldiers at Tower 22 in Jordan on Sunday.\n");
  ASSERT_EQ(salvo("ingest -q --db " + db + " " + dir.file("a")).status, 0);
  const CommandRun second = salvo("ingest --db " + db + " " + dir.file("b"));
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_NE(second.err.find("1 added, 0 replaced"), std::string::npos) << second.err;
  EXPECT_NE(second.err.find("is already that of " + first), std::string::npos) << second.err;
  const auto ids = [&] {
    SQLite::Database check(db, SQLite::OPEN_READONLY);
    SQLite::Statement q(check, "SELECT id || ' ' || source FROM articles ORDER BY id");
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
  };
  const std::vector<std::string> stored = ids();
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0], "report " + first);
  EXPECT_EQ(stored[1].substr(0, 7), "report~");
  const std::string before = testing::store_content(db);
  for (const char* folder : {"a", "b", "a"}) {
    const CommandRun again = salvo("ingest --db " + db + " " + dir.file(folder));
    EXPECT_NE(again.err.find(" 0 added, 0 replaced, 1 unchanged"), std::string::npos) << folder << ": " << again.err;
  }
  EXPECT_EQ(testing::store_content(db), before);
  EXPECT_EQ(salvo("events --format jsonl --db " + db).records().size(), 2u);
}

// An article cut to --max-article-bytes: ingest says so as extract does, naming the file, and
// counts it in its summary; -q prints neither.
TEST(StoreCli, IngestPrintsTheWarningsOfEachArticleAndCountsThem) {
  TempDir dir;
  std::string text = " date 2023-11-24\n";
  while (text.size() < 10000) text += "Rockets hit Ain al-Asad air base in western Iraq on Thursday, officials said. ";
  const std::string cut = dir.write("in/long.txt", text);
  dir.write("in/short.txt", " date 2023-11-24\nDrones hit Erbil airport in northern Iraq on Thursday.\n");
  const CommandRun run = salvo("ingest --max-article-bytes 2000 --db " + dir.file("s.db") + " " + dir.file("in"));
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find("salvo: " + cut + ": warning: article is"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("over --max-article-bytes 2000"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find(" 1 warning(s)"), std::string::npos) << run.err;
  const CommandRun quiet = salvo("ingest -q --max-article-bytes 2000 --db " + dir.file("q.db") + " " + dir.file("in"));
  EXPECT_EQ(quiet.status, 0);
  EXPECT_EQ(quiet.err, "");
}

TEST(StoreCli, BadInputIsSkippedAndNothingStoredIsLost) {
  TempDir dir;
  const std::string db = dir.file("s.db");
  testing::write_corpus(dir, "good");
  ASSERT_EQ(salvo("ingest -q --db " + db + " " + dir.file("good")).status, 0);
  const std::string before = testing::store_content(db);
  dir.write("bad/binary.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", 20));
  dir.write("bad/feed.jsonl", "{\"id\": \"ok\", \"published\": \"2023-11-24\", \"text\": \"Rockets hit Ain al-Asad air base on Thursday.\"}\n"
                              "{\"id\": \"broken\", \"text\": \n");
  dir.write("bad/empty.txt", "");
  const CommandRun run = salvo("ingest --db " + db + " " + dir.file("bad"));
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_NE(run.err.find("binary.txt"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("feed.jsonl:2"), std::string::npos) << run.err;
  SQLite::Database check(db);
  EXPECT_EQ(check.execAndGet("SELECT count(*) FROM articles WHERE id = 'ok'").getInt(), 1);  // the good line is stored
  // Every article and tally stored before is still there, byte for byte.
  const std::string after = testing::store_content(db);
  const auto rows_of = [](const std::string& content, const std::string& table) {
    const size_t start = content.find("FROM " + table);
    const size_t end = content.find("\nSELECT", start);
    std::vector<std::string> rows;
    std::istringstream lines(content.substr(start, end - start));
    std::string line;
    std::getline(lines, line);  // the query
    while (std::getline(lines, line)) rows.push_back(line);
    return rows;
  };
  for (const char* table : {"articles", "tallies"}) {
    const std::vector<std::string> now = rows_of(after, table);
    for (const std::string& row : rows_of(before, table)) {
      EXPECT_NE(std::find(now.begin(), now.end(), row), now.end()) << table << ": lost " << row.substr(0, 80);
    }
  }
}

TEST(StoreCli, ANewerSchemaOrAForeignFileIsRefused) {
  TempDir dir;
  const std::string db = dir.file("s.db");
  ASSERT_EQ(salvo("ingest -q --db " + db + " " + dir.write("a.txt", " date 2023-11-24\nRockets hit Erbil airport on Thursday.\n")).status, 0);
  {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = 99");
  }
  const CommandRun newer = salvo("events --db " + db);
  EXPECT_EQ(newer.status, 3);
  EXPECT_NE(newer.err.find("schema version 99 is newer"), std::string::npos) << newer.err;

  const std::string foreign = dir.file("other.db");
  SQLite::Database(foreign, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE).exec("CREATE TABLE t(x)");
  const CommandRun other = salvo("ingest --db " + foreign + " " + dir.file("a.txt"));
  EXPECT_EQ(other.status, 3);
  EXPECT_NE(other.err.find("not a Salvo store"), std::string::npos) << other.err;

  const CommandRun garbage = salvo("events --db " + dir.write("junk.db", "this is not a database at all, just text\n"));
  EXPECT_EQ(garbage.status, 3);
  EXPECT_NE(garbage.err.find("junk.db"), std::string::npos) << garbage.err;

  const CommandRun missing = salvo("events --db " + dir.file("nowhere.db"));
  EXPECT_EQ(missing.status, 3);
  EXPECT_NE(missing.err.find("no store here"), std::string::npos) << missing.err;
}

// Runs `salvo ingest` and kills it with SIGKILL after `delay`; false if it had already ended.
bool ingest_killed_after(const std::string& db, const std::string& corpus, std::chrono::microseconds delay) {
  const std::string binary = SALVO_BINARY;
  std::vector<std::string> args = {binary, "ingest", "-q", "--db", db, corpus};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawn(&pid, binary.c_str(), nullptr, nullptr, argv.data(), environ) != 0) return false;
  std::this_thread::sleep_for(delay);
  const bool killed = kill(pid, SIGKILL) == 0;
  int status = 0;
  waitpid(pid, &status, 0);
  return killed && WIFSIGNALED(status);
}

// Killed at random moments, each time followed by a complete run: the store ends identical in
// content to one an uninterrupted run made. A kill after the run ended (the machine was quicker
// than the measured run) tests nothing, so rounds go on until 12 kills have landed mid-run.
TEST(StoreCli, KillNineAnywhereThenRerunGivesTheUninterruptedStore) {
  TempDir dir;
  testing::write_corpus(dir, "corpus", /*copies=*/6);
  const std::string reference = dir.file("reference.db");
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(salvo("ingest -q --db " + reference + " " + dir.file("corpus")).status, 0);
  const auto full = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
  const std::string expected = testing::store_content(reference);

  std::mt19937 random(20261123);
  int interrupted = 0;
  int rounds = 0;
  for (; rounds < 60 && interrupted < 12; ++rounds) {
    const std::string db = dir.file("run" + std::to_string(rounds) + ".db");
    // Some rounds are killed twice before the complete run.
    const int kills = 1 + rounds % 2;
    for (int k = 0; k < kills; ++k) {
      const auto delay = std::chrono::microseconds(std::uniform_int_distribution<long>(0, full.count() * 3 / 4)(random));
      interrupted += ingest_killed_after(db, dir.file("corpus"), delay) ? 1 : 0;
    }
    const CommandRun rerun = salvo("ingest -q --db " + db + " " + dir.file("corpus"));
    ASSERT_EQ(rerun.status, 0) << rerun.err;
    EXPECT_EQ(testing::store_content(db), expected) << "round " << rounds;
  }
  EXPECT_GE(interrupted, 12) << "only " << interrupted << " of the kills in " << rounds << " rounds landed while the ingest ran";
}

}  // namespace
}  // namespace salvo
