// `salvo check` on a sound store, and on stores damaged the ways a crash, a hand edit or a bug
// could damage them: each damage is named by the check that finds it.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <atomic>
#include <filesystem>
#include <thread>
#include <vector>

#include "../support/run_salvo.h"
#include "store_support.h"

namespace salvo::testing {
namespace {

class Check : public ::testing::Test {
 protected:
  void SetUp() override {
    write_corpus(dir_, "corpus");
    db_ = (dir_.path() / "s.db").string();
    ASSERT_EQ(salvo("ingest -q --db " + db_ + " " + (dir_.path() / "corpus").string()).status, 0);
  }
  void damage(const std::string& sql) {
    SQLite::Database db(db_, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys=OFF");
    db.exec(sql);
  }
  TempDir dir_;
  std::string db_;
};

TEST_F(Check, ASoundStorePassesEveryCheck) {
  const CommandRun run = salvo("check --db " + db_);
  EXPECT_EQ(run.status, 0) << run.out << run.err;
  EXPECT_EQ(run.out.find("FAIL"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("event ids"), std::string::npos);
}

TEST_F(Check, ADeletedEventLeavesItsMentionsUnmerged) {
  damage("DELETE FROM events WHERE rowid IN (SELECT rowid FROM events LIMIT 1)");
  const CommandRun run = salvo("check --db " + db_);
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("FAIL   mentions merged"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("FAIL   foreign keys"), std::string::npos) << run.out;  // its sources point nowhere
}

TEST_F(Check, ARenamedEventIsNotTheIdItsSourcesDerive) {
  damage("UPDATE event_sources SET event_id = 'ev_0000000000000000' WHERE event_id = (SELECT id FROM events LIMIT 1);"
         "UPDATE mentions SET event_id = 'ev_0000000000000000' WHERE event_id = (SELECT id FROM events LIMIT 1);"
         "UPDATE events SET id = 'ev_0000000000000000' WHERE rowid IN (SELECT rowid FROM events LIMIT 1)");
  const CommandRun run = salvo("check --db " + db_);
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("FAIL   event ids: 1 found: ev_0000000000000000"), std::string::npos) << run.out;
}

TEST_F(Check, ARecordOutOfStepWithItsMentionsIsFound) {
  damage("DELETE FROM mentions WHERE rowid IN (SELECT rowid FROM mentions LIMIT 1)");
  const CommandRun run = salvo("check --db " + db_);
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("FAIL   records"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("FAIL   event sources"), std::string::npos) << run.out;
}

TEST_F(Check, AnInterruptedMergeIsReportedAndTheNextIngestFinishesIt) {
  damage("INSERT INTO merge_pending(country) VALUES ('SY')");
  const CommandRun run = salvo("check --db " + db_);
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("FAIL   merge finished: a merge was interrupted for SY"), std::string::npos) << run.out;
  ASSERT_EQ(salvo("ingest -q --db " + db_ + " " + (dir_.path() / "corpus").string()).status, 0);
  EXPECT_EQ(salvo("check --db " + db_).status, 0);
}

// While an ingest runs, its stored batches wait in merge_pending for its merge at the end: that is
// work in progress, not an interrupted merge (18 of 40 checks during an ingest said it was).
TEST_F(Check, AMergeToComeOfARunningIngestIsNotCalledInterrupted) {
  // Long enough for checks to meet it mid-run: with no dev set (../shared) the seeds alone are six
  // articles a copy, and 24 were stored before any check began.
  write_corpus(dir_, "more", /*copies=*/testing::shared_data("dev") ? 4 : 40);
  std::atomic<bool> ingesting{true};
  CommandRun ingest;
  std::thread writer([&] {
    ingest = salvo("ingest -q -j 1 --batch 5 --db " + db_ + " " + (dir_.path() / "more").string());
    ingesting = false;
  });
  size_t checks = 0, pending_seen = 0;
  std::vector<std::string> failures;
  while (ingesting) {
    const CommandRun run = salvo("check --db " + db_);
    if (!ingesting) break;  // the ingest may have ended while this check ran
    ++checks;
    if (run.out.find("while an ingest runs") != std::string::npos) ++pending_seen;
    if (run.status != 0) failures.push_back(run.out + run.err);
  }
  writer.join();
  ASSERT_EQ(ingest.status, 0) << ingest.err;
  EXPECT_TRUE(failures.empty()) << failures.size() << " of " << checks << " checks failed; the first:\n" << failures.front();
  EXPECT_GT(pending_seen, 0u) << "no check of " << checks << " met the merge to come: this run tested nothing";
  EXPECT_EQ(salvo("check --db " + db_).status, 0);
}

// check reads: an empty file is not made a store (and then found sound), it is refused as it is.
TEST(CheckCli, AnEmptyFileIsRefusedAndLeftEmpty) {
  TempDir dir;
  const std::string path = dir.write("empty.db", "");
  const CommandRun run = salvo("check --db " + path);
  EXPECT_EQ(run.status, 3) << run.out;
  EXPECT_NE(run.err.find(path + ": an empty database, not a Salvo store"), std::string::npos) << run.err;
  EXPECT_EQ(std::filesystem::file_size(path), 0u);
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST(CheckCli, AFileThatIsNotAStoreIsRefused) {
  TempDir dir;
  const std::string path = dir.write("notes.db", "these are not the pages of a database\n");
  const CommandRun run = salvo("check --db " + path);
  EXPECT_EQ(run.status, 3);
  EXPECT_NE(run.err.find("notes.db"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace salvo::testing
