// The store in PostgreSQL, against a real server started for the test (support/postgres_server.h):
// several `salvo ingest` processes writing one database at once end with the events one SQLite
// ingest of the same articles makes; every read command and the HTTP API answer as they do from
// SQLite; a server that cannot be reached is a clear error.
#include <gtest/gtest.h>

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <thread>

#include "../support/postgres_server.h"
#include "../support/run_salvo.h"
#include "../support/shared_recognizer.h"
#include "salvo/serve/api.h"
#include "salvo/store/sql/postgres_connection.h"
#include "salvo/store/store.h"
#include "store_support.h"

namespace salvo::testing {
namespace {

namespace fs = std::filesystem;

// The shared server; nullptr (and the test failed, saying why) when it did not start.
PostgresServer* postgres() {
  std::string why;
  PostgresServer* server = PostgresServer::shared(why);
  if (!server) ADD_FAILURE() << "PostgreSQL did not start: " << why;
  return server;
}

// The URI of a new database on the shared server; "" (and the test failed) when there is none.
std::string new_database(const std::string& name) {
  PostgresServer* server = postgres();
  if (!server) return "";
  std::string why;
  const std::string uri = server->create_database(name, why);
  if (!why.empty()) ADD_FAILURE() << "createdb " << name << ": " << why;
  return why.empty() ? uri : "";
}

// What two stores must agree on, read through the CLI: every merged event with its sources and
// evidence, the tallies with the attacks held for them, and the article count `salvo check` gives.
struct StoreView {
  std::string events, tallies, records_line;
  std::string searched;  // events found by text search and the new filters
};
StoreView view_of(const std::string& db) {
  StoreView view;
  view.events = salvo("events --format jsonl --db " + db).out;
  view.tallies = salvo("tallies --format jsonl --db " + db).out;
  // Both engines stem English alike (FTS5's Porter stemmer, PostgreSQL's english): the same events.
  view.searched = salvo("events --format jsonl --text 'rockets base' --db " + db).out +
                  salvo("events --format jsonl --country iraq,SY --type attack,interception --role main --min-sources 2 --located true --db " + db).out +
                  salvo("tallies --format csv --country IQ,syria --since 2023-10-01 --db " + db).out;
  const std::string check = salvo("check --db " + db).out;
  const size_t at = check.find("articles, each record");
  view.records_line = at == std::string::npos ? check : check.substr(check.rfind('\n', at) + 1, 80);
  return view;
}

// The corpus (seeds and dev, each article twice with a reprint line) as two halves and an overlap.
struct Shards {
  std::string first_half, second_half, overlap;
};
Shards write_shards(const TempDir& dir) {
  write_corpus(dir, "all", /*copies=*/2);
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir.path() / "all")) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  Shards shards{dir.file("first"), dir.file("second"), dir.file("overlap")};
  for (const std::string& folder : {shards.first_half, shards.second_half, shards.overlap}) fs::create_directories(folder);
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string name = files[i].filename().string();
    fs::copy_file(files[i], fs::path(i < files.size() / 2 ? shards.first_half : shards.second_half) / name);
    // Every third article of both halves again: the same bytes under the same path, as a retried
    // job sends them.
    if (i % 3 == 0) fs::copy_file(files[i], fs::path(shards.overlap) / name);
  }
  return shards;
}

TEST(PostgresStore, ConcurrentIngestersOfTwoHalvesAndAnOverlapEqualOneSqliteIngest) {
  const std::string uri = new_database("concurrent");
  ASSERT_FALSE(uri.empty());
  TempDir dir;
  const Shards shards = write_shards(dir);
  const std::string sqlite = dir.file("alone.db");
  ASSERT_EQ(salvo("ingest -q --db " + sqlite + " " + shards.first_half + " " + shards.second_half).status, 0);
  // Three processes at once, committing article by article (--batch 1) so that their writes
  // interleave as those of many hosts would.
  ingest_at_once(dir, "--batch 1 --db " + uri, {shards.first_half, shards.second_half, shards.overlap});

  const StoreView expected = view_of(sqlite), got = view_of(uri);
  ASSERT_GT(expected.events.size(), 1000u);
  EXPECT_TRUE(got.events == expected.events) << "the merged events differ from one SQLite ingest's";
  EXPECT_EQ(got.tallies, expected.tallies);
  EXPECT_GT(std::count(expected.searched.begin(), expected.searched.end(), '\n'), 10);
  EXPECT_TRUE(got.searched == expected.searched) << "search and filters find other events than on SQLite";
  EXPECT_EQ(got.records_line, expected.records_line) << "articles lost or stored twice";
  const CommandRun check = salvo("check --db " + uri);
  EXPECT_EQ(check.status, 0) << check.out << check.err;
  EXPECT_NE(check.out.find("every event has sources"), std::string::npos) << check.out;

  // Ingesting everything again changes nothing.
  const CommandRun again = salvo("ingest --db " + uri + " " + shards.first_half + " " + shards.second_half);
  EXPECT_EQ(again.status, 0) << again.err;
  EXPECT_TRUE(view_of(uri).events == expected.events);
}

// Loaders of mappers' records open the store at once (nothing to load first): on a new database
// each must wait for the first to create the schema, not take its tables for a foreign schema.
TEST(PostgresStore, LoadersStartedTogetherOnANewDatabaseAllSucceed) {
  TempDir dir;
  write_corpus(dir, "corpus");
  const CommandRun mapped = salvo("extract -q --with-raw " + dir.file("corpus"));
  ASSERT_EQ(mapped.status, 0) << mapped.err;
  // Four part files of the records, round robin.
  std::vector<std::string> parts(4);
  std::istringstream lines(mapped.out);
  size_t n = 0;
  for (std::string line; std::getline(lines, line);) parts[n++ % parts.size()] += line + "\n";
  std::vector<std::string> files;
  for (size_t i = 0; i < parts.size(); ++i) files.push_back(dir.write("part-" + std::to_string(i), parts[i]));
  const std::string sqlite = dir.file("s.db");
  ASSERT_EQ(salvo("ingest -q --db " + sqlite + " " + dir.file("corpus")).status, 0);
  for (int round = 0; round < 3; ++round) {
    const std::string uri = new_database("opened_together_" + std::to_string(round));
    ASSERT_FALSE(uri.empty());
    ingest_at_once(dir, "--extracted --db " + uri, files);
    EXPECT_TRUE(view_of(uri).events == view_of(sqlite).events) << "round " << round;
  }
}

TEST(PostgresStore, ExtractedRecordsOfMappersAndShowAndReprocessWorkAsOnSqlite) {
  const std::string uri = new_database("mappers");
  ASSERT_FALSE(uri.empty());
  TempDir dir;
  write_corpus(dir, "corpus");
  // A mapper's output (one file per article through `extract --with-raw`), stored without extraction.
  std::string records;
  for (const auto& entry : fs::directory_iterator(dir.path() / "corpus")) {
    const CommandRun mapped = salvo("extract -q --with-raw " + entry.path().string());
    ASSERT_EQ(mapped.status, 0) << mapped.err;
    records += mapped.out;
  }
  dir.write("records.jsonl", records);
  ASSERT_EQ(salvo("ingest -q --extracted --db " + uri + " " + dir.file("records.jsonl")).status, 0);
  const std::string sqlite = dir.file("s.db");
  ASSERT_EQ(salvo("ingest -q --db " + sqlite + " " + dir.file("corpus")).status, 0);
  const StoreView expected = view_of(sqlite);
  EXPECT_TRUE(view_of(uri).events == expected.events);

  // One event with its sources, as `salvo show` prints it.
  const std::string first_id = nlohmann::json::parse(expected.events.substr(0, expected.events.find('\n')))["id"];
  EXPECT_EQ(salvo("show --json --db " + uri + " " + first_id).out, salvo("show --json --db " + sqlite + " " + first_id).out);
  // Re-extraction with today's rules finds nothing to change, on both.
  const CommandRun reprocessed = salvo("reprocess --db " + uri);
  EXPECT_EQ(reprocessed.status, 0) << reprocessed.err;
  EXPECT_TRUE(view_of(uri).events == expected.events);
}

// The HTTP API over each store: the same answers, byte for byte.
TEST(PostgresStore, TheApiAnswersAsFromSqlite) {
  const std::string uri = new_database("served");
  ASSERT_FALSE(uri.empty());
  TempDir dir;
  write_corpus(dir, "corpus");
  const std::string sqlite = dir.file("s.db");
  for (const std::string& db : {uri, sqlite}) ASSERT_EQ(salvo("ingest -q --db " + db + " " + dir.file("corpus")).status, 0);

  auto answers = [](const std::string& db, const std::vector<std::string>& paths) {
    auto store = Store::open(db);
    EXPECT_TRUE(store.ok()) << store.error().message;
    if (!store) return std::vector<std::string>();
    Api api(*store, shared_recognizer(), ServeOptions{});
    auto http = api.serve("127.0.0.1", 0);
    EXPECT_TRUE(http.ok()) << http.error().message;
    if (!http) return std::vector<std::string>();
    httplib::Client client("127.0.0.1", (*http)->port());
    std::vector<std::string> bodies;
    for (const std::string& path : paths) {
      auto result = client.Get(path);
      bodies.push_back(result ? std::to_string(result->status) + " " + result->body : "no answer");
    }
    (*http)->stop();
    return bodies;
  };
  auto first = Store::open(sqlite);
  ASSERT_TRUE(first.ok());
  auto events = first->events({});
  ASSERT_TRUE(events.ok());
  ASSERT_FALSE(events->empty());
  const std::string id = (*events)[0]["id"];
  const std::string article = (*events)[0]["sources"][0]["article"];
  const std::vector<std::string> paths = {
      "/api/events", "/api/events?country=IQ&weapon=drone", "/api/events?actor=islamic%20resistance&sort=-date",
      "/api/events?limit=3", "/api/events?since=2023-11-01&until=2023-12-31&type=attack", "/api/events?bbox=38,29,49,38",
      "/api/events.geojson", "/api/events/" + id, "/api/tallies", "/api/stats", "/api/stats?country=SY",
      "/api/articles/" + article, "/api/events/ev_0000000000000000"};
  const std::vector<std::string> from_postgres = answers(uri, paths), from_sqlite = answers(sqlite, paths);
  ASSERT_EQ(from_postgres.size(), paths.size());
  for (size_t i = 0; i < paths.size(); ++i) {
    EXPECT_TRUE(from_postgres[i] == from_sqlite[i]) << paths[i] << "\npostgres: " << from_postgres[i].substr(0, 300)
                                                    << "\nsqlite:   " << from_sqlite[i].substr(0, 300);
  }
  EXPECT_EQ(from_sqlite[0].substr(0, 4), "200 ");
}

// `sql` run by psql on `uri`: its output, unaligned, without headers.
std::string psql(const std::string& uri, const std::string& sql) {
  PostgresServer* server = postgres();
  return server ? run_command(server->bin() + "/psql -X -A -t -q '" + uri + "' -c \"" + sql + "\"").out : "";
}

// An ingest interrupted mid-run — its connection ended by the server (an administrator's
// pg_terminate_backend, a restart), or the process killed — leaves the batches it committed, says
// what happened, and the next ingest ends where one uninterrupted ingest would.
TEST(PostgresStore, AnIngestCutOffMidRunLosesNothingAndTheNextRunFinishes) {
  const std::string uri = new_database("interrupted");
  ASSERT_FALSE(uri.empty());
  TempDir dir;
  write_corpus(dir, "corpus", /*copies=*/4);
  const std::string sqlite = dir.file("s.db");
  ASSERT_EQ(salvo("ingest -q --db " + sqlite + " " + dir.file("corpus")).status, 0);
  const std::string total = psql("postgresql://salvo@127.0.0.1:" + std::to_string(postgres()->port()) + "/postgres", "SELECT 1");
  ASSERT_EQ(total, "1\n") << "psql does not answer";

  for (const std::string how : {"terminate", "kill"}) {
    // One article a transaction, so that the run lasts long enough to be cut in the middle.
    const std::string err = dir.file(how + ".err");
    const std::string command = std::string(SALVO_BINARY) + " ingest -q -j 1 --batch 1 --db " + uri + " " + dir.file("corpus");
    const std::string pid = dir.file(how + ".pid");
    FILE* run = popen((command + " 2>" + err + " & echo $! >" + pid + "; wait $!; echo exit=$?").c_str(), "r");
    ASSERT_NE(run, nullptr);
    std::string stored = "0";
    for (int wait = 0; wait < 2000 && (stored == "0" || stored.empty()); ++wait) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      stored = psql(uri, "SELECT count(*) FROM articles");
      while (!stored.empty() && stored.back() == '\n') stored.pop_back();
    }
    if (how == "terminate") {
      psql(uri, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'interrupted' AND pid <> pg_backend_pid()");
    } else {
      run_command("kill -KILL $(cat " + pid + ")");
    }
    char buffer[256];
    std::string status;
    for (size_t n; (n = fread(buffer, 1, sizeof buffer, run)) > 0;) status.append(buffer, n);
    pclose(run);
    EXPECT_NE(status, "exit=0\n") << how << ": the ingest ended before it was cut off (" << stored << " articles then)";
    if (how == "terminate") {
      EXPECT_EQ(status, "exit=3\n");
      EXPECT_NE(read_file(err).find("the server ended the connection"), std::string::npos) << read_file(err);
      EXPECT_NE(read_file(err).find("running the command again finishes the work"), std::string::npos) << read_file(err);
    }
    // What was committed is whole: every stored article has its mentions.
    const CommandRun check = salvo("check --db " + uri);
    EXPECT_EQ(check.out.find("FAIL  records"), std::string::npos) << check.out;

    const CommandRun again = salvo("ingest -q --db " + uri + " " + dir.file("corpus"));
    EXPECT_EQ(again.status, 0) << again.err;
    EXPECT_TRUE(view_of(uri).events == view_of(sqlite).events) << how;
    EXPECT_EQ(salvo("check --db " + uri).status, 0);
    psql(uri, "TRUNCATE articles, mentions, tallies, events, event_sources, merge_pending, merge_pending_block, merge_dirty_event");
  }
}

TEST(PostgresStore, AServerThatCannotBeReachedIsAClearErrorWithoutThePassword) {
  PostgresServer* server = postgres();
  ASSERT_NE(server, nullptr);
  // Port 1 on loopback: nothing listens there.
  const CommandRun run = salvo("events --db postgresql://salvo:sekret@127.0.0.1:1/nowhere");
  EXPECT_EQ(run.status, 3) << run.err;
  EXPECT_NE(run.err.find("cannot connect to the PostgreSQL server"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("postgresql://salvo:***@127.0.0.1:1/nowhere"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("sekret"), std::string::npos) << run.err;
  // A database that does not exist on a server that does.
  const CommandRun missing = salvo("ingest --db " + server->uri("no_such_database") + " " + seed_articles().string());
  EXPECT_EQ(missing.status, 3);
  EXPECT_NE(missing.err.find("no_such_database"), std::string::npos) << missing.err;
}

TEST(PostgresStore, ADatabaseWithOtherTablesIsRefusedUntouched) {
  const std::string uri = new_database("not_salvo");
  ASSERT_FALSE(uri.empty());
  PostgresServer* server = postgres();
  const CommandRun made = run_command(server->bin() + "/psql -q -X -v ON_ERROR_STOP=1 '" + uri +
                                      "' -c 'CREATE TABLE invoices (id INTEGER PRIMARY KEY)'");
  ASSERT_EQ(made.status, 0) << made.err;
  const CommandRun run = salvo("ingest --db " + uri + " " + seed_articles().string());
  EXPECT_EQ(run.status, 3);
  EXPECT_NE(run.err.find("not a Salvo store"), std::string::npos) << run.err;
  const CommandRun tables = run_command(server->bin() + "/psql -X -A -t '" + uri + "' -c \"SELECT string_agg(tablename, ',') "
                                        "FROM pg_tables WHERE schemaname = 'public'\"");
  EXPECT_EQ(tables.out, "invoices\n");
}

// `salvo check` reads: on an empty database it says there is no store and creates none (it
// had created the schema and reported the new store sound), and on a store it writes nothing.
TEST(PostgresStore, CheckIsReadOnly) {
  const std::string uri = new_database("checked_empty");
  ASSERT_FALSE(uri.empty());
  const std::string tables_sql = "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'";
  const CommandRun empty = salvo("check --db " + uri);
  EXPECT_EQ(empty.status, 3) << empty.out << empty.err;
  EXPECT_NE(empty.err.find("an empty database, not a Salvo store"), std::string::npos) << empty.err;
  EXPECT_EQ(psql(uri, tables_sql), "0\n") << "check created tables";
  ASSERT_EQ(salvo("ingest -q --db " + uri + " " + seed_articles().string()).status, 0);
  const std::string written = "SELECT sum(n_tup_ins + n_tup_upd + n_tup_del) FROM pg_stat_user_tables";
  // The server's row counters are flushed up to a second after a transaction ends.
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  const std::string before = psql(uri, written);
  EXPECT_EQ(salvo("check --db " + uri).status, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  EXPECT_EQ(psql(uri, written), before) << "check wrote rows";
}

TEST(PostgresUri, ParametersAreNumberedOutsideQuotesAndPasswordsHidden) {
  int count = 0;
  EXPECT_EQ(sql::numbered_parameters("SELECT a FROM t WHERE b = ? AND c = '?' AND \"d?\" = ? -- ?\nAND e = ?", count),
            "SELECT a FROM t WHERE b = $1 AND c = '?' AND \"d?\" = $2 -- ?\nAND e = $3");
  EXPECT_EQ(count, 3);
  EXPECT_EQ(sql::numbered_parameters("SELECT 'it''s ?', ?", count), "SELECT 'it''s ?', $1");
  EXPECT_EQ(count, 1);
  EXPECT_EQ(sql::redacted_uri("postgresql://u:p@h:5432/d"), "postgresql://u:***@h:5432/d");
  EXPECT_EQ(sql::redacted_uri("postgresql://u@h/d"), "postgresql://u@h/d");
  EXPECT_EQ(sql::redacted_uri("postgresql://h/d?user=x"), "postgresql://h/d?user=x");
  EXPECT_EQ(sql::redacted_uri("postgres://u:p%40ss@h/d"), "postgres://u:***@h/d");
  EXPECT_EQ(sql::redacted_uri("postgresql://h/d?user=u&password=p&sslmode=require"),
            "postgresql://h/d?user=u&password=***&sslmode=require");
  EXPECT_TRUE(sql::is_postgres_uri("postgres://h/d"));
  EXPECT_FALSE(sql::is_postgres_uri("postgresql.db"));
}

}  // namespace
}  // namespace salvo::testing
