// The store under conditions a user meets: several `salvo ingest` at once on one file, a disk that
// fills up mid-ingest, a store the user may not write. Each either completes with nothing lost or
// stops with an error that says what happened, and leaves what was stored intact.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "../support/run_salvo.h"
#include "store_support.h"

namespace salvo::testing {
namespace {

namespace fs = std::filesystem;

// The corpus split round-robin into `parts` folders part0, part1, … under `dir`.
std::vector<std::string> write_parts(const TempDir& dir, int parts) {
  write_corpus(dir, "all");
  std::vector<std::string> folders;
  for (int p = 0; p < parts; ++p) folders.push_back((dir.path() / ("part" + std::to_string(p))).string());
  for (const std::string& folder : folders) fs::create_directories(folder);
  int next = 0;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir.path() / "all")) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) fs::rename(file, fs::path(folders[next++ % parts]) / file.filename());
  return folders;
}

TEST(StoreConcurrency, IngestsAtOnceOnANewStoreEqualOneIngestOfTheSame) {
  TempDir dir;
  const std::vector<std::string> parts = write_parts(dir, 3);
  const std::string together = dir.file("together.db");
  const std::string alone = dir.file("alone.db");
  // Four processes on one new file, the first part twice (the same articles from the same paths,
  // as a retried job would send them): each waits its turn for the write lock.
  ingest_at_once(dir, "--db " + together, {parts[0], parts[1], parts[2], parts[0]});
  ASSERT_EQ(salvo("ingest -q --db " + alone + " " + parts[0] + " " + parts[1] + " " + parts[2]).status, 0);
  EXPECT_TRUE(store_content(together) == store_content(alone)) << "the concurrent ingests' store differs from one ingest's";
  const CommandRun check = salvo("check --db " + together);
  EXPECT_EQ(check.status, 0) << check.out;
}

// Many processes opening one new file at the same moment: each must get the store, none a "busy"
// (SQLite answers some of these meetings at once rather than through its busy timeout; opening
// tries again). Processes, not threads: file locks are per process.
TEST(StoreConcurrency, ProcessesOpeningANewStoreAtOnceAllGetIt) {
  TempDir dir;
  // Loaders of no records: nothing to load first, so the opens meet.
  const std::string nothing = dir.write("nothing.jsonl", "");
  for (int round = 0; round < 20; ++round) {
    const std::string db = dir.file("new" + std::to_string(round) + ".db");
    std::string command;
    for (int i = 0; i < 8; ++i) {
      command += "( " + std::string(SALVO_BINARY) + " ingest -q --extracted --db " + db + " " + nothing + " 2>>" +
                 dir.file("errors") + " || echo failed >>" + dir.file("errors") + " ) & ";
    }
    ASSERT_EQ(run_command(command + "wait").status, 0);
    EXPECT_EQ(salvo("check --db " + db).status, 0) << db;
  }
  EXPECT_EQ(read_file(dir.file("errors")), "");
}

// `salvo ingest` of `folder` into `db` with the file size limit at `limit` bytes: it stands for a
// full disk, since writing past it fails (EFBIG, the signal it would send ignored) as writing to
// a full disk fails.
CommandRun ingest_with_file_limit(const std::string& db, const std::string& folder, uintmax_t limit) {
  return run_command("trap '' XFSZ; prlimit --fsize=" + std::to_string(limit) + " " + SALVO_BINARY + " ingest -q --db " + db +
                   " " + folder);
}

std::string events_of(const std::string& db) { return salvo("events --format jsonl --db " + db).out; }

TEST(StoreFailures, ADiskFullBeforeAnyBatchLeavesTheStoreAsItWas) {
  TempDir dir;
  const std::vector<std::string> parts = write_parts(dir, 2);
  const std::string db = dir.file("s.db");
  ASSERT_EQ(salvo("ingest -q --db " + db + " " + parts[0]).status, 0);
  const std::string before = store_content(db);
  // Writes go first to the write-ahead log, which starts empty: 8 KB there is not one page.
  const CommandRun run = ingest_with_file_limit(db, parts[1], 8192);
  EXPECT_EQ(run.status, 3) << run.err;
  EXPECT_NE(run.err.find("rolled back, the store holds what was committed"), std::string::npos) << run.err;
  EXPECT_TRUE(store_content(db) == before) << "the failed ingest changed the store";
  EXPECT_EQ(salvo("check --db " + db).status, 0);
}

TEST(StoreFailures, ADiskFullDuringTheMergeKeepsTheArticlesAndTheOldEventsAndTheNextIngestFinishes) {
  TempDir dir;
  const std::vector<std::string> parts = write_parts(dir, 2);
  const std::string db = dir.file("s.db");
  ASSERT_EQ(salvo("ingest -q --db " + db + " " + parts[0]).status, 0);
  const std::string events_before = events_of(db);
  // Room in the write-ahead log for the second half's articles (one batch, ~300 KB) but not for
  // them and the re-merged events.
  const CommandRun run = ingest_with_file_limit(db, parts[1], fs::file_size(db) + 16384);
  EXPECT_EQ(run.status, 3) << run.err;
  EXPECT_NE(run.err.find("the events are as before this run, and the next 'salvo ingest' on " + db + " finishes the merge"),
            std::string::npos)
      << run.err;
  EXPECT_EQ(events_of(db), events_before) << "the failed merge changed the events";
  const CommandRun check = salvo("check --db " + db);
  EXPECT_EQ(check.status, 1);
  EXPECT_NE(check.out.find("FAIL   merge finished"), std::string::npos) << check.out;
  // With room again, an ingest (of nothing new) finishes the merge: the store is then the one a
  // single ingest of both halves makes.
  ASSERT_EQ(salvo("ingest -q --db " + db + " " + parts[1]).status, 0);
  const std::string reference = dir.file("reference.db");
  ASSERT_EQ(salvo("ingest -q --db " + reference + " " + parts[0] + " " + parts[1]).status, 0);
  EXPECT_TRUE(store_content(db) == store_content(reference)) << "the finished store differs from one ingest's";
}

TEST(StoreFailures, AStoreTheUserMayNotWriteIsAClearErrorAndStaysAsItWas) {
  TempDir dir;
  const std::vector<std::string> parts = write_parts(dir, 2);
  const std::string db = dir.file("s.db");
  ASSERT_EQ(salvo("ingest -q --db " + db + " " + parts[0]).status, 0);
  const std::string before = store_content(db);
  // Not writable for whoever runs salvo: as root (who may write anything) salvo runs as nobody;
  // otherwise the file loses its write permission.
  const std::string as_user = as_unprivileged_user();
  if (as_user.empty()) fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  const CommandRun run = run_command(as_user + SALVO_BINARY + " ingest -q --db " + db + " " + parts[1]);
  EXPECT_EQ(run.status, 3) << run.err;
  EXPECT_NE(run.err.find("read-only"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find(db), std::string::npos) << "the message names the store: " << run.err;
  fs::permissions(db, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::add);
  EXPECT_TRUE(store_content(db) == before) << "the refused ingest changed the store";
}

}  // namespace
}  // namespace salvo::testing
