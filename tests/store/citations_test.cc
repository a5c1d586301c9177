// Every event cites its sources (issue 19, part 2): each source of an event, in every listing, with
// its article's URL, title, outlet and publication day. The outlet is the feed's "outlet", else the
// page's og:site_name, else the URL's host.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <string>

#include "../support/run_salvo.h"
#include "salvo/store/store.h"

namespace salvo {
namespace {

using testing::CommandRun;
using testing::salvo;
using testing::TempDir;

// One incident, three outlets, three ways of naming them.
void write_sources(TempDir& dir) {
  dir.write("in/feed.jsonl",
            R"({"id":"k24-asad","outlet":"Kurdistan 24","url":"https://www.kurdistan24.net/en/story/1","title":"Drones hit Ain al-Asad","published":"2024-01-21",)"
            R"("text":"Two drones struck Ain al-Asad air base in western Iraq on Saturday, an Iraqi security official said."})"
            "\n"
            R"({"id":"rudaw-asad","url":"https://www.Rudaw.net/english/middleeast/iraq/210124","title":"Attack on Asad base","published":"2024-01-21",)"
            R"("text":"Ain al-Asad air base in western Iraq was attacked by two drones on Saturday, security sources said."})"
            "\n");
  dir.write("in/stripes-asad.html",
            "<!doctype html><html><head><title>Drone attack on Iraq base | Stars and Stripes</title>"
            "<meta property=\"og:site_name\" content=\"Stars and Stripes\">"
            "<meta property=\"og:title\" content=\"Drone attack on Iraq base\">"
            "<meta property=\"article:published_time\" content=\"2024-01-22T08:00:00Z\">"
            "<link rel=\"canonical\" href=\"https://www.stripes.com/theaters/middle_east/2024-01-22/asad.html\">"
            "</head><body><article><h1>Drone attack on Iraq base</h1>"
            "<p>Two one-way attack drones targeted Ain al-Asad air base in western Iraq on Saturday, a US defense "
            "official said on Monday. No injuries were reported among US personnel at the base, the official said, "
            "speaking on condition of anonymity to discuss the attack.</p></article></body></html>");
}

std::map<std::string, nlohmann::json> sources_by_article(const nlohmann::json& event) {
  std::map<std::string, nlohmann::json> by_article;
  for (const nlohmann::json& s : event["sources"]) by_article[s["article"].get<std::string>()] = s;
  return by_article;
}

TEST(Citations, EverySourceOfAListedEventCitesItsArticle) {
  TempDir dir;
  write_sources(dir);
  const std::string db = dir.file("s.db");
  const CommandRun ingest = salvo("ingest -q --db " + db + " " + dir.file("in"));
  ASSERT_EQ(ingest.status, 0) << ingest.err;
  const auto events = salvo("events --format jsonl --db " + db).records();
  ASSERT_EQ(events.size(), 1u) << "one incident, one event";
  const auto sources = sources_by_article(events[0]);
  ASSERT_EQ(sources.size(), 3u);

  const nlohmann::json& k24 = sources.at("k24-asad");
  EXPECT_EQ(k24["outlet"], "Kurdistan 24");  // the feed's own name for it
  EXPECT_EQ(k24["url"], "https://www.kurdistan24.net/en/story/1");
  EXPECT_EQ(k24["title"], "Drones hit Ain al-Asad");
  EXPECT_EQ(k24["published"], "2024-01-21");

  EXPECT_EQ(sources.at("rudaw-asad")["outlet"], "rudaw.net");  // the URL's host

  const nlohmann::json& stripes = sources.at("stripes-asad");
  EXPECT_EQ(stripes["outlet"], "Stars and Stripes");  // the page's og:site_name
  EXPECT_EQ(stripes["title"], "Drone attack on Iraq base");
  EXPECT_EQ(stripes["url"], "https://www.stripes.com/theaters/middle_east/2024-01-22/asad.html");
  EXPECT_EQ(stripes["published"], "2024-01-22");
  for (const auto& [id, s] : sources) {
    EXPECT_TRUE(s["evidence"].is_array() && !s["evidence"].empty()) << id;
    EXPECT_FALSE(s.contains("source")) << "a local path is not part of a listed event: " << id;
  }

  // `show` cites the same, and says where each article was read.
  const CommandRun show = salvo("show --json --db " + db + " " + events[0]["id"].get<std::string>());
  ASSERT_EQ(show.status, 0) << show.err;
  const auto shown = sources_by_article(nlohmann::json::parse(show.out));
  EXPECT_EQ(shown.at("stripes-asad")["outlet"], "Stars and Stripes");
  EXPECT_NE(shown.at("stripes-asad")["source"].get<std::string>().find("stripes-asad.html"), std::string::npos);
}

TEST(Citations, AStoreOfSchemaTwoGetsItsOutletsFromTheUrlsOnOpen) {
  TempDir dir;
  write_sources(dir);
  const std::string db = dir.file("s.db");
  ASSERT_EQ(salvo("ingest -q --db " + db + " " + dir.file("in")).status, 0);
  {
    // Back to version 2: what migrations 2 → 3, 3 → 4 and 4 → 5 add, taken away, and records that never
    // named an outlet (as a version-2 salvo wrote them).
    SQLite::Database store(db, SQLite::OPEN_READWRITE);
    store.exec("ALTER TABLE articles DROP COLUMN outlet; DROP INDEX mentions_merge; ALTER TABLE mentions DROP COLUMN keys; DROP TABLE merge_dirty_event; ALTER TABLE mentions DROP COLUMN last_day; "
               "DROP TABLE merge_pending_block; PRAGMA user_version = 2");
    store.exec("UPDATE articles SET record = json_remove(record, '$.article.outlet')");
  }
  const auto events = salvo("events --format jsonl --db " + db).records();
  ASSERT_EQ(events.size(), 1u);
  const auto sources = sources_by_article(events[0]);
  EXPECT_EQ(sources.at("k24-asad")["outlet"], "kurdistan24.net");
  EXPECT_EQ(sources.at("stripes-asad")["outlet"], "stripes.com");
  SQLite::Database store(db, SQLite::OPEN_READONLY);
  EXPECT_EQ(store.execAndGet("PRAGMA user_version").getInt(), kStoreSchemaVersion);
}

}  // namespace
}  // namespace salvo
