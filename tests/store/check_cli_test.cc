// `salvo check` on a sound store, and on stores damaged the ways a crash, a hand edit or a bug
// could damage them: each damage is named by the check that finds it.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

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

TEST(CheckCli, AFileThatIsNotAStoreIsRefused) {
  TempDir dir;
  const std::string path = dir.write("notes.db", "these are not the pages of a database\n");
  const CommandRun run = salvo("check --db " + path);
  EXPECT_EQ(run.status, 3);
  EXPECT_NE(run.err.find("notes.db"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace salvo::testing
