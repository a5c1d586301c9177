// The contract a cluster engine relies on (Hadoop Streaming, Spark's RDD.pipe, GNU parallel):
// `salvo extract --stdin-format jsonl --with-raw -` is a mapper — a record out for each line in,
// as it comes, nothing kept between records — and `salvo ingest --extracted` stores the records of
// any number of such mappers as one ingest of the same articles would.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "../support/run_salvo.h"
#include "store_support.h"

namespace salvo::testing {
namespace {

namespace fs = std::filesystem;

// The corpus as one JSONL feed (the text of each article a record), for the mappers' stdin.
std::string corpus_as_jsonl(const TempDir& dir) {
  write_corpus(dir, "corpus");
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir.path() / "corpus")) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::string jsonl;
  for (const fs::path& file : files) {
    jsonl += nlohmann::json{{"id", file.stem().string()}, {"published", "2023-11-24"}, {"text", read_file(file)}}.dump() + "\n";
  }
  return jsonl;
}

TEST(Extracted, RecordsOfSeveralMappersStoreAsOneIngest) {
  TempDir dir;
  const std::string feed = dir.write("feed.jsonl", corpus_as_jsonl(dir));
  // Three mappers over three shards of the feed, as a job's part files (one gzipped), beside the
  // _SUCCESS marker Hadoop writes.
  const std::string lines = read_file(feed);
  std::vector<std::string> shards(3);
  size_t n = 0;
  for (size_t pos = 0; pos < lines.size();) {
    const size_t end = lines.find('\n', pos) + 1;
    shards[n++ % 3] += lines.substr(pos, end - pos);
    pos = end;
  }
  fs::create_directories(dir.path() / "out");
  for (size_t i = 0; i < shards.size(); ++i) {
    const CommandRun mapper = salvo("extract -q --stdin-format jsonl --with-raw -", shards[i]);
    ASSERT_EQ(mapper.status, 0) << mapper.err;
    dir.write("out/part-0000" + std::to_string(i), mapper.out);
  }
  ASSERT_EQ(run_command("gzip " + dir.file("out/part-00002")).status, 0);
  dir.write("out/_SUCCESS", "");
  const std::string from_mappers = dir.file("mappers.db");
  const CommandRun ingest = salvo("ingest -q -j 2 --extracted --db " + from_mappers + " " + dir.file("out"));
  ASSERT_EQ(ingest.status, 0) << ingest.err;

  // One ingest of the same stream. The sources name stdin lines, so the shards' lines must be
  // the lines a single stream has: the same feed, read in shard order.
  const std::string alone = dir.file("alone.db");
  ASSERT_EQ(salvo("ingest -q --stdin-format jsonl --db " + alone + " -", shards[0] + shards[1] + shards[2]).status, 0);
  // Sources differ (stdin:N of each mapper's stream); everything extracted must not.
  SQLite::Database a(from_mappers, SQLite::OPEN_READONLY), b(alone, SQLite::OPEN_READONLY);
  for (const char* query : {"SELECT group_concat(id || sha256 || hex(raw) || body_offset || kind, ',') FROM (SELECT * FROM articles ORDER BY id)",
                            "SELECT group_concat(id || json, ',') FROM (SELECT * FROM events ORDER BY id)",
                            "SELECT count(*) FROM event_sources"}) {
    EXPECT_EQ(a.execAndGet(query).getString(), b.execAndGet(query).getString()) << query;
  }
  EXPECT_EQ(salvo("check --db " + from_mappers).status, 0);
}

TEST(Extracted, ExtractedRecordsOfFilesStoreExactlyAsIngestingTheFiles) {
  TempDir dir;
  write_corpus(dir, "corpus");
  const std::string corpus = dir.file("corpus");
  const CommandRun extract = salvo("extract -q --with-raw " + corpus);
  ASSERT_EQ(extract.status, 0) << extract.err;
  const std::string records = dir.write("records.jsonl", extract.out);
  ASSERT_EQ(salvo("ingest -q --extracted --db " + dir.file("a.db") + " " + records).status, 0);
  ASSERT_EQ(salvo("ingest -q --db " + dir.file("b.db") + " " + corpus).status, 0);
  EXPECT_TRUE(store_content(dir.file("a.db")) == store_content(dir.file("b.db"))) << "the stores differ";
}

TEST(Extracted, BadRecordsAreSkippedWithFileAndLineAndTheRestStored) {
  TempDir dir;
  write_corpus(dir, "corpus");
  const CommandRun plain = salvo("extract -q " + dir.file("corpus"));  // no --with-raw
  const CommandRun with_raw = salvo("extract -q --with-raw " + dir.file("corpus"));
  const CommandRun with_sentences = salvo("extract -q --with-raw --sentences " + dir.file("corpus"));
  const std::string first_plain = plain.out.substr(0, plain.out.find('\n') + 1);
  const std::string first_sentences = with_sentences.out.substr(0, with_sentences.out.find('\n') + 1);
  const std::string records = dir.write("mixed.jsonl", "{\"broken\n" + first_plain + first_sentences + with_raw.out);
  const CommandRun ingest = salvo("ingest --extracted --db " + dir.file("s.db") + " " + records);
  EXPECT_EQ(ingest.status, 1) << ingest.err;
  EXPECT_NE(ingest.err.find("mixed.jsonl:1: malformed JSON: line skipped"), std::string::npos) << ingest.err;
  EXPECT_NE(ingest.err.find("mixed.jsonl:2: no \"raw\""), std::string::npos) << ingest.err;
  EXPECT_NE(ingest.err.find("mixed.jsonl:3: the record has \"sentences\""), std::string::npos) << ingest.err;
  SQLite::Database db(dir.file("s.db"), SQLite::OPEN_READONLY);
  EXPECT_EQ(static_cast<size_t>(db.execAndGet("SELECT count(*) FROM articles").getInt()),
            static_cast<size_t>(std::count(with_raw.out.begin(), with_raw.out.end(), '\n')));
}

// A gzipped part cut short (a worker killed mid-write, a copy interrupted) keeps every whole
// record before the damage, as zcat would, and the damage is reported at its line.
TEST(Extracted, ATruncatedGzipPartKeepsItsWholeRecords) {
  TempDir dir;
  write_corpus(dir, "corpus");
  const CommandRun extract = salvo("extract -q --with-raw " + dir.file("corpus"));
  ASSERT_EQ(extract.status, 0) << extract.err;
  const std::string part = dir.write("part-00000", extract.out);
  ASSERT_EQ(run_command("gzip " + part).status, 0);
  const std::string whole = read_file(part + ".gz");
  const std::string cut = dir.write("cut/part-00000.gz", whole.substr(0, whole.size() * 3 / 4));
  const CommandRun recovered = run_command("zcat " + cut + " 2>/dev/null | wc -l");
  const int whole_records = std::atoi(recovered.out.c_str());
  ASSERT_GT(whole_records, 0) << "the cut should leave some whole lines";
  const CommandRun ingest = salvo("ingest --extracted --db " + dir.file("s.db") + " " + dir.file("cut"));
  EXPECT_EQ(ingest.status, 1) << ingest.err;
  EXPECT_NE(ingest.err.find("part-00000.gz:" + std::to_string(whole_records + 1) + ": truncated gzip data"), std::string::npos)
      << ingest.err;
  SQLite::Database db(dir.file("s.db"), SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM articles").getInt(), whole_records);
}

// The mapper answers each line before the next is written: a consumer gets record 1 while the
// producer still holds stdin open (no reading to the end first, no output held back).
TEST(Extracted, TheMapperWritesEachRecordAsItsLineArrives) {
  int to_child[2], from_child[2];
  ASSERT_EQ(pipe(to_child), 0);
  ASSERT_EQ(pipe(from_child), 0);
  const pid_t child = fork();
  if (child == 0) {
    dup2(to_child[0], 0);
    dup2(from_child[1], 1);
    close(to_child[1]);
    close(from_child[0]);
    execl(SALVO_BINARY, SALVO_BINARY, "extract", "-q", "--stdin-format", "jsonl", "--with-raw", "-", nullptr);
    _exit(127);
  }
  close(to_child[0]);
  close(from_child[1]);
  const std::string line = R"({"id":"one","published":"2024-01-29","text":"Three US soldiers were killed in a drone attack on Tower 22 in Jordan on Sunday."})" "\n";
  ASSERT_EQ(write(to_child[1], line.data(), line.size()), static_cast<ssize_t>(line.size()));
  // stdin stays open: the record must come anyway (60 s is the hang guard, not a measure).
  std::string out;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (out.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    pollfd p{from_child[0], POLLIN, 0};
    if (poll(&p, 1, 200) <= 0) continue;
    char buffer[65536];
    const ssize_t n = read(from_child[0], buffer, sizeof buffer);
    if (n <= 0) break;
    out.append(buffer, static_cast<size_t>(n));
  }
  close(to_child[1]);
  int status = 0;
  waitpid(child, &status, 0);
  close(from_child[0]);
  ASSERT_NE(out.find('\n'), std::string::npos) << "no record before the end of stdin";
  const auto record = nlohmann::json::parse(out.substr(0, out.find('\n')));
  EXPECT_EQ(record["article"]["id"], "one");
  EXPECT_EQ(record["events"][0]["country"], "JO");
  EXPECT_TRUE(record["raw"]["base64"].is_string());
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace salvo::testing
