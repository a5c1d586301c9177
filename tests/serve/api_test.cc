// `salvo serve`'s API over real HTTP on loopback: a server in this process on a store built from
// the seed (and dev) articles, asked by httplib's client (and by raw sockets where a client
// misbehaves), every endpoint, filter, error and limit.
#include "salvo/serve/api.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <map>

#include "../store/store_support.h"
#include "../support/shared_recognizer.h"
#include "salvo/ingest/reader.h"
#include "salvo/pipeline/process.h"
#include "salvo/store/store.h"

namespace salvo {
namespace {

using Json = nlohmann::ordered_json;
constexpr const char* kToken = "a-test-token-of-some-length";

// Stores every article under `folder` as `salvo ingest` does.
void ingest(Store& store, const std::string& folder) {
  ASSERT_TRUE(store.begin_batch().ok());
  read_articles({folder}, ReadOptions{}, [&](Article&& article) {
    Article kept = article;
    auto put = store.put(kept, storable_record(process_article(std::move(article), testing::shared_recognizer(), {})));
    ASSERT_TRUE(put.ok()) << put.error().message;
  }, [](const InputProblem& p) { ADD_FAILURE() << p.where << ": " << p.message; });
  ASSERT_TRUE(store.commit_batch().ok());
  ASSERT_TRUE(store.merge_pending().ok());
}

class ServeApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    testing::write_corpus(*dir_, "corpus");
    // Below the named folder: its id is "sub/dir/zz_nested".
    dir_->write("corpus/sub/dir/zz_nested.txt", " date 2023-11-24\nDrones hit Erbil airport in northern Iraq on Thursday.\n");
    // Latin-1 bytes, not UTF-8, before an incident: the evidence offsets count them as one byte each.
    dir_->write("corpus/zz_latin1.txt", " date 2023-11-24\nCaf\xE9 owners near the base, \xE9\xE9\xE9, were asked. "
                                         "Rockets hit Ain al-Asad air base in western Iraq on Thursday, a US official said.\n");
    // The tests' own feed for search and filters.
    dir_->write("corpus/zz_search.jsonl", testing::kSearchFeed);
    auto store = Store::open(dir_->path() / "salvo.db");
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = new Store(std::move(store).value());
    ingest(*store_, (dir_->path() / "corpus").string());
  }
  static void TearDownTestSuite() {
    delete store_;
    delete dir_;
  }

  // A server on a free port of 127.0.0.1 for one test, with the token or read-only.
  void start(std::optional<std::string> token, size_t max_body = 1 << 20) {
    ServeOptions options;
    options.token = std::move(token);
    options.limits.max_body_bytes = max_body;
    start(std::move(options));
  }
  void start(ServeOptions options) {
    api_ = std::make_unique<Api>(*store_, testing::shared_recognizer(), options);
    auto server = api_->serve("127.0.0.1", 0);
    ASSERT_TRUE(server.ok()) << server.error().message;
    server_ = std::move(server).value();
    port_ = server_->port();
    ASSERT_GT(port_, 0);
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
  }
  void SetUp() override { start(std::nullopt); }
  void TearDown() override {
    client_.reset();
    server_.reset();  // stops it
  }
  void restart(std::optional<std::string> token, size_t max_body = 1 << 20) {
    TearDown();
    start(std::move(token), max_body);
  }
  void restart(ServeOptions options) {
    TearDown();
    start(std::move(options));
  }

  // GET `path`: status and parsed JSON body (a parse failure fails the test).
  std::pair<int, Json> get(const std::string& path) {
    auto result = client_->Get(path);
    EXPECT_TRUE(result) << path;
    if (!result) return {0, Json()};
    EXPECT_NE(result->get_header_value("Content-Type").find("json"), std::string::npos) << path;
    return {result->status, Json::parse(result->body)};
  }

  size_t all_events() {
    auto events = store_->events({});
    return events.ok() ? events->size() : 0;
  }

  static testing::TempDir* dir_;
  static Store* store_;
  std::unique_ptr<Api> api_;
  std::unique_ptr<HttpServer> server_;
  std::unique_ptr<httplib::Client> client_;
  int port_ = 0;
};
testing::TempDir* ServeApi::dir_ = nullptr;
Store* ServeApi::store_ = nullptr;

TEST_F(ServeApi, EventsListsEveryEventAndFiltersByCountry) {
  const auto [status, page] = get("/api/events");
  ASSERT_EQ(status, 200);
  EXPECT_EQ(page["events"].size(), all_events());
  EXPECT_TRUE(page["next_cursor"].is_null());
  ASSERT_GT(page["events"].size(), 10u);
  const auto [s2, syria] = get("/api/events?country=SY");
  ASSERT_EQ(s2, 200);
  ASSERT_GT(syria["events"].size(), 0u);
  EXPECT_LT(syria["events"].size(), page["events"].size());
  for (const Json& e : syria["events"]) EXPECT_EQ(e["country"], "SY");
}

TEST_F(ServeApi, FiltersCombine) {
  const auto [status, page] = get("/api/events?weapon=drone&since=2023-10-17&min_confidence=0.8&type=attack");
  ASSERT_EQ(status, 200);
  ASSERT_GT(page["events"].size(), 0u);
  for (const Json& e : page["events"]) {
    EXPECT_NE(std::find(e["weapons"].begin(), e["weapons"].end(), "drone"), e["weapons"].end());
    EXPECT_GE(e["confidence"].get<double>(), 0.8);
    EXPECT_EQ(e["type"], "attack");
    EXPECT_GE(e["date_max"].is_string() ? e["date_max"].get<std::string>() : e["date"].get<std::string>(), "2023-10-17");
  }
  const auto [s2, boxed] = get("/api/events?bbox=38,29,49,38");  // Syria, Iraq, Jordan
  ASSERT_EQ(s2, 200);
  for (const Json& e : boxed["events"]) {
    EXPECT_GE(e["lon"].get<double>(), 38);
    EXPECT_LE(e["lat"].get<double>(), 38);
  }
}

TEST_F(ServeApi, PagesCoverEveryEventOnceInOrder) {
  for (const char* sort : {"date", "-date"}) {
    std::vector<std::string> ids;
    std::string cursor;
    for (int pages = 0; pages < 100; ++pages) {
      const auto [status, page] = get(std::string("/api/events?limit=7&sort=") + sort + (cursor.empty() ? "" : "&cursor=" + cursor));
      ASSERT_EQ(status, 200);
      EXPECT_LE(page["events"].size(), 7u);
      for (const Json& e : page["events"]) ids.push_back(e["id"]);
      if (page["next_cursor"].is_null()) break;
      cursor = page["next_cursor"];
    }
    EXPECT_EQ(ids.size(), all_events()) << sort;
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size()) << sort;
    const auto [status, whole] = get(std::string("/api/events?sort=") + sort);
    ASSERT_EQ(status, 200);
    for (size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(ids[i], whole["events"][i]["id"]) << sort << " " << i;
  }
}

TEST_F(ServeApi, MalformedFiltersAreRefusedWithTheirName) {
  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
           {"country=Iraqistan", "country"}, {"since=2023-13-45", "since"}, {"until=yesterday", "until"},
           {"bbox=1,2", "bbox"}, {"bbox=50,30,40,35", "bbox"}, {"limit=0", "limit"}, {"limit=abc", "limit"},
           {"min_confidence=2", "min_confidence"}, {"type=bombing", "type"}, {"weapon=slingshot", "weapon"},
           {"cursor=drop%20table", "cursor"}, {"sort=size", "sort"}, {"contry=IQ", "contry"}}) {
    const auto [status, body] = get("/api/events?" + query);
    EXPECT_EQ(status, 400) << query;
    ASSERT_TRUE(body["error"].is_string()) << query;
    EXPECT_NE(body["error"].get<std::string>().find(field), std::string::npos) << query << ": " << body["error"];
  }
  const auto [status, body] = get("/api/stats?since=soon");
  EXPECT_EQ(status, 400);
}

// Filters that parsed but meant nothing, each once taken silently: a NUL in the actor (matching
// every event), a range that ends before it starts, a parameter given twice.
TEST_F(ServeApi, FiltersThatCannotMeanWhatTheySayAreRefusedSayingWhy) {
  for (const auto& [query, why] : std::vector<std::pair<std::string, std::string>>{
           {"actor=%00", "NUL"}, {"actor=Kataib%00Hezbollah", "NUL"},
           {"since=2024-02-01&until=2023-10-17", "is after until 2023-10-17"},
           {"country=IQ&country=SY", "'country' is given more than once"}, {"limit=5&limit=6", "'limit' is given more than once"}}) {
    for (const char* path : {"/api/events?", "/api/stats?", "/api/events.geojson?", "/api/events.csv?"}) {
      auto result = client_->Get(path + query);
      ASSERT_TRUE(result) << path << query;
      EXPECT_EQ(result->status, 400) << path << query;
      EXPECT_NE(result->body.find(why), std::string::npos) << path << query << ": " << result->body;
    }
  }
  // The CLI shares the filter's rules.
  EXPECT_EQ(testing::salvo("events --since 2024-02-01 --until 2023-10-17 --db " + (dir_->path() / "salvo.db").string()).status, 2);
}

// DNS rebinding: a page of evil.example whose name now resolves to 127.0.0.1 sends Host:
// evil.example. Only IP literals, localhost and the names allowed are answered.
TEST_F(ServeApi, OnlyTheHostNamesItServesAreAnswered) {
  const auto status_for = [&](const std::string& host) {
    auto result = client_->Get("/api/stats", httplib::Headers{{"Host", host}});
    return result ? result->status : 0;
  };
  const std::string port = std::to_string(port_);
  EXPECT_EQ(status_for("evil.example:" + port), 403);
  EXPECT_EQ(status_for("127.0.0.1:" + port), 200);
  EXPECT_EQ(status_for("localhost:" + port), 200);
  EXPECT_EQ(status_for("LocalHost"), 200);
  EXPECT_EQ(status_for("[::1]:" + port), 200);
  EXPECT_EQ(status_for("salvo.lan:" + port), 403);
  ServeOptions options;
  options.allowed_hosts = {"salvo.lan"};
  restart(options);
  EXPECT_EQ(status_for("salvo.lan:" + port), 200);
  EXPECT_EQ(status_for("evil.example"), 403);
  auto refused = client_->Get("/api/stats", httplib::Headers{{"Host", "evil.example"}});
  ASSERT_TRUE(refused);
  EXPECT_NE(refused->body.find("--allow-host evil.example"), std::string::npos) << refused->body;
}

// The store keeps the paths articles were read from (here absolute, in a temporary folder): the
// API shows their file names, never the server's folders.
TEST_F(ServeApi, NoServerPathIsShownForAnEventsOrAnArticlesSource) {
  const std::string folder = dir_->path().string();
  const auto [s, page] = get("/api/events?limit=20");
  ASSERT_FALSE(page["events"].empty());
  size_t sources = 0;
  for (const Json& e : page["events"]) {
    const auto [status, event] = get("/api/events/" + e["id"].get<std::string>());
    ASSERT_EQ(status, 200);
    EXPECT_EQ(event.dump().find(folder), std::string::npos) << event.dump().substr(0, 300);
    for (const Json& source : event["sources"]) sources += source.contains("source") ? 1 : 0;
  }
  EXPECT_GT(sources, 0u);
  const auto [status, article] = get("/api/articles/sub%2Fdir%2Fzz_nested");
  ASSERT_EQ(status, 200);
  EXPECT_EQ(article.dump().find(folder), std::string::npos);
  EXPECT_EQ(article["record"]["article"]["source"], "zz_nested.txt");
}

TEST_F(ServeApi, GeoJsonHasOneFeaturePerEvent) {
  auto result = client_->Get("/api/events.geojson?country=IQ");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200);
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/geo+json");
  const Json fc = Json::parse(result->body);
  EXPECT_EQ(fc["type"], "FeatureCollection");
  EventFilter iraq;
  iraq.countries = {"IQ"};
  EXPECT_EQ(fc["features"].size(), store_->events(iraq)->size());
}

// "Download this view": the CSV of `salvo events --format csv` with the same filters, byte for byte.
TEST_F(ServeApi, CsvIsTheEventsCommandsCsvOfTheSameFilters) {
  auto result = client_->Get("/api/events.csv?country=IQ&type=attack");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200);
  EXPECT_EQ(result->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  const auto cli = testing::salvo("events --country IQ --type attack --format csv --db " + (dir_->path() / "salvo.db").string());
  ASSERT_EQ(cli.status, 0);
  EXPECT_EQ(result->body, cli.out);
  EventFilter filter;
  filter.countries = {"IQ"};
  filter.types = {"attack"};
  EXPECT_EQ(std::count(result->body.begin(), result->body.end(), '\n'), 1 + static_cast<long>(store_->events(filter)->size()));
  const auto [status, body] = get("/api/events.csv?since=2024-02-30");
  EXPECT_EQ(status, 400);
  EXPECT_NE(body["error"].get<std::string>().find("since"), std::string::npos);
}

TEST_F(ServeApi, OneEventWithSourcesAndUnknownIdIs404) {
  const auto [s, page] = get("/api/events?limit=1");
  const std::string id = page["events"][0]["id"];
  const auto [status, event] = get("/api/events/" + id);
  ASSERT_EQ(status, 200);
  EXPECT_EQ(event["id"], id);
  ASSERT_GT(event["sources"].size(), 0u);
  EXPECT_TRUE(event["sources"][0]["evidence"].is_array());
  const auto [missing, body] = get("/api/events/ev_0000000000000000");
  EXPECT_EQ(missing, 404);
  EXPECT_TRUE(body["error"].is_string());
}

// The text served and the offsets agree for an article that is not all UTF-8: the evidence span
// of the served text is the sentence it names (each invalid byte had become 3 bytes of U+FFFD).
TEST_F(ServeApi, EvidenceOffsetsNameTheirSentenceInAnArticleThatIsNotUtf8) {
  const auto [status, body] = get("/api/articles/zz_latin1");
  ASSERT_EQ(status, 200);
  const std::string raw = body["raw"];
  EXPECT_NE(raw.find("Caf? owners near the base, ???, were asked."), std::string::npos) << raw;
  ASSERT_EQ(body["record"]["events"].size(), 1u);
  const Json& evidence = body["record"]["events"][0]["evidence"][0];
  const size_t start = evidence["start"], end = evidence["end"];
  ASSERT_LE(end, raw.size());
  EXPECT_EQ(raw.substr(start, end - start), "Rockets hit Ain al-Asad air base in western Iraq on Thursday, a US official said.");
}

// An id holding "/" is fetched, encoded as the dashboard sends it (encodeURIComponent) or not.
TEST_F(ServeApi, AnArticleWhoseIdHoldsASlashIsFetched) {
  for (const char* path : {"/api/articles/sub%2Fdir%2Fzz_nested", "/api/articles/sub/dir/zz_nested"}) {
    const auto [status, body] = get(path);
    ASSERT_EQ(status, 200) << path << ": " << body.dump();
    EXPECT_EQ(body["id"], "sub/dir/zz_nested");
    EXPECT_NE(body["raw"].get<std::string>().find("Erbil airport"), std::string::npos);
  }
}

TEST_F(ServeApi, ArticleHasRawCleanTextAndEvidenceOffsetsIntoRaw) {
  const auto [s, page] = get("/api/events?country=SY&limit=1");
  const std::string article = page["events"][0]["sources"][0]["article"];
  const auto [status, body] = get("/api/articles/" + article);
  ASSERT_EQ(status, 200);
  const std::string raw = body["raw"];
  EXPECT_FALSE(body["clean"].get<std::string>().empty());
  ASSERT_GT(body["record"]["events"].size(), 0u);
  for (const Json& e : body["record"]["events"]) {
    for (const Json& ev : e["evidence"]) {
      const size_t start = ev["start"], end = ev["end"];
      ASSERT_LE(end, raw.size());
      EXPECT_LT(start, end);
    }
  }
  EXPECT_EQ(get("/api/articles/no-such-article").first, 404);
}

// The dashboard shows the clean text: every evidence span is also given in it, and there it is
// the sentence the evidence quotes (the record's text is the clean sentence).
TEST_F(ServeApi, EvidenceSpansAreMappedIntoTheCleanText) {
  size_t checked = 0;
  for (const char* article : {"zz_latin1", "sub%2Fdir%2Fzz_nested"}) {
    const auto [status, body] = get(std::string("/api/articles/") + article);
    ASSERT_EQ(status, 200);
    const std::string clean = body["clean"];
    std::set<std::pair<size_t, size_t>> spans;
    for (const Json& e : body["record"]["events"]) {
      for (const Json& ev : e["evidence"]) spans.insert({ev["start"].get<size_t>(), ev["end"].get<size_t>()});
    }
    ASSERT_EQ(body["clean_evidence"].size(), spans.size()) << body.dump();
    for (const Json& mapped : body["clean_evidence"]) {
      EXPECT_TRUE(spans.count({mapped["raw_start"].get<size_t>(), mapped["raw_end"].get<size_t>()}));
      const size_t start = mapped["start"], end = mapped["end"];
      ASSERT_LT(start, end);
      ASSERT_LE(end, clean.size());
      for (const Json& e : body["record"]["events"]) {
        for (const Json& ev : e["evidence"]) {
          if (ev["start"] == mapped["raw_start"]) {
            EXPECT_EQ(clean.substr(start, end - start), ev["text"].get<std::string>());
          }
        }
      }
      ++checked;
    }
  }
  EXPECT_GE(checked, 2u);
  // Over the whole corpus (markup, entities, furniture): each span of the clean text is its evidence.
  auto events = store_->events({});
  ASSERT_TRUE(events.ok());
  std::set<std::string> articles;
  for (const Json& event : *events) {
    for (const Json& source : event["sources"]) articles.insert(source["article"].get<std::string>());
  }
  for (const std::string& article : articles) {
    const auto [status, body] = get("/api/articles/" + article);
    ASSERT_EQ(status, 200) << article;
    const std::string clean = body["clean"];
    std::map<size_t, std::string> quoted;
    for (const Json& e : body["record"]["events"]) {
      for (const Json& ev : e["evidence"]) quoted[ev["start"]] = ev["text"];
    }
    for (const Json& mapped : body["clean_evidence"]) {
      const size_t start = mapped["start"], end = mapped["end"];
      ASSERT_LE(end, clean.size()) << article;
      EXPECT_EQ(clean.substr(start, end - start), quoted[mapped["raw_start"]]) << article;
    }
  }
}

TEST_F(ServeApi, TalliesStandBesideTheEventsHeld) {
  const auto [status, body] = get("/api/tallies");
  ASSERT_EQ(status, 200);
  ASSERT_GT(body["tallies"].size(), 0u);
  bool any_held = false;
  for (const Json& t : body["tallies"]) {
    EXPECT_TRUE(t["tally"]["count"].is_number());
    any_held |= t["salvo_events"].is_number();
  }
  EXPECT_TRUE(any_held);
}

// The filters of `salvo events` by their URL names, on the feed's events (store_support.h).
TEST_F(ServeApi, SearchAndTheNewFiltersSelectWhatTheySay) {
  const auto ids = [&](const std::string& query) {
    const auto [status, page] = get("/api/events?" + query);
    EXPECT_EQ(status, 200) << query << ": " << page.dump();
    std::set<std::string> out;
    for (const Json& e : page["events"]) out.insert(e["id"].get<std::string>());
    return out;
  };
  const std::set<std::string> caterers = ids("q=caterer");
  ASSERT_EQ(caterers.size(), 1u);
  EXPECT_EQ(ids("q=caravanserai%20dawn"), caterers);  // the article's title
  EXPECT_TRUE(ids("q=caravanserai%20Erbil").empty());
  // The same filter in the stats and the map.
  const auto [s1, stats] = get("/api/stats?q=caterer");
  ASSERT_EQ(s1, 200);
  EXPECT_EQ(stats["events"], 1);
  const auto [s2, map] = get("/api/events.geojson?q=caterer");
  ASSERT_EQ(s2, 200);
  EXPECT_EQ(map["features"].size(), 1u);

  EXPECT_EQ(ids("country=iraq"), ids("country=IQ"));
  EXPECT_EQ(ids("country=Syria"), ids("country=SY"));
  std::set<std::string> both = ids("country=IQ");
  for (const std::string& id : ids("country=SY")) both.insert(id);
  EXPECT_EQ(ids("country=IQ,SY"), both);
  std::set<std::string> types = ids("type=attack");
  for (const std::string& id : ids("type=strike")) types.insert(id);
  EXPECT_EQ(ids("type=attack,strike"), types);

  const std::set<std::string> all = ids(""), main_events = ids("role=main"), background = ids("role=background");
  EXPECT_EQ(main_events.size() + background.size(), all.size());
  // The dev articles recall past attacks (the seeds and the tests' own feed do not): with no
  // ../shared, the partition above is what is checked.
  if (testing::shared_data("dev")) {
    EXPECT_FALSE(background.empty());
  }
  const auto [s3, page] = get("/api/events?min_sources=2&role=main");
  ASSERT_EQ(s3, 200);
  ASSERT_FALSE(page["events"].empty());
  for (const Json& e : page["events"]) {
    EXPECT_GE(e["sources"].size(), 2u);
    EXPECT_EQ(e["role"], "main");
  }
  EXPECT_EQ(ids("located=true").size() + ids("located=false").size(), all.size());
  EXPECT_EQ(ids("admin1=anbar"), ids("admin1=Anbar"));
  EXPECT_FALSE(ids("admin1=anbar").empty());
}

TEST_F(ServeApi, BadValuesOfTheNewFiltersAreRefusedWithTheirName) {
  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
           {"q=%21%21", "q"}, {"q=%ff", "q"}, {"country=Atlantis", "country"}, {"country=IQ,,SY", "country"},
           {"type=attack,bombing", "type"}, {"weapon=drone,slingshot", "weapon"}, {"role=all", "role"},
           {"min_sources=0", "min_sources"}, {"located=maybe", "located"}, {"place=a%22b", "place"}}) {
    for (const char* path : {"/api/events?", "/api/stats?", "/api/events.geojson?", "/api/events.csv?"}) {
      const auto [status, body] = get(path + query);
      EXPECT_EQ(status, 400) << path << query;
      EXPECT_NE(body["error"].get<std::string>().find(field), std::string::npos) << path << query << ": " << body["error"];
    }
  }
  EXPECT_EQ(get("/api/events?q=rocket&q=drone").first, 400);
}

TEST_F(ServeApi, TalliesTakeFiltersAndRefuseUnknownParameters) {
  const auto [status, all] = get("/api/tallies");
  ASSERT_EQ(status, 200);
  const auto [s1, late] = get("/api/tallies?since=2023-11-25&until=2023-11-25");
  ASSERT_EQ(s1, 200);
  ASSERT_FALSE(late["tallies"].empty());
  EXPECT_LT(late["tallies"].size(), all["tallies"].size());
  for (const Json& t : late["tallies"]) {
    const std::string day = t["tally"]["as_of"].is_string() ? t["tally"]["as_of"].get<std::string>() : t["published"].get<std::string>();
    EXPECT_EQ(day.substr(0, 10), "2023-11-25") << t.dump();
    EXPECT_TRUE(t.contains("salvo_holds") && t.contains("salvo_window") && t.contains("salvo_note")) << t.dump();
  }
  const auto [s2, iraq] = get("/api/tallies?country=iraq");
  ASSERT_EQ(s2, 200);
  for (const Json& t : iraq["tallies"]) EXPECT_EQ(t["tally"]["country"], "IQ");
  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
           {"contry=IQ", "contry"}, {"since=soon", "since"}, {"country=Atlantis", "country"},
           {"since=2023-12-01&until=2023-11-01", "since"}, {"country=IQ&country=SY", "more than once"}}) {
    const auto [s, body] = get("/api/tallies?" + query);
    EXPECT_EQ(s, 400) << query;
    EXPECT_NE(body["error"].get<std::string>().find(field), std::string::npos) << query << ": " << body["error"];
  }
}

TEST_F(ServeApi, StatsCountTheFilteredEvents) {
  const auto [status, stats] = get("/api/stats");
  ASSERT_EQ(status, 200);
  EXPECT_EQ(stats["events"], all_events());
  size_t by_country = 0;
  for (const Json& c : stats["by_country"]) by_country += c["events"].get<size_t>();
  EXPECT_EQ(by_country, all_events());
  const auto [s2, syria] = get("/api/stats?country=SY");
  EXPECT_EQ(syria["by_country"].size(), 1u);
  EXPECT_GT(syria["by_weapon"].size(), 0u);
}

TEST_F(ServeApi, UnknownPathIsAJson404AndResponsesCarryACsp) {
  auto result = client_->Get("/api/nothing");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 404);
  EXPECT_TRUE(Json::parse(result->body)["error"].is_string());
  EXPECT_NE(result->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
}

TEST_F(ServeApi, PostingNeedsTheToken) {
  const std::string article = R"({"id": "posted-1", "published": "2024-01-29", "text": "Three US soldiers were killed )"
                              R"(in a drone attack on Tower 22 in Jordan on Sunday."})";
  auto read_only = client_->Post("/api/articles", article, "application/json");
  ASSERT_TRUE(read_only);
  EXPECT_EQ(read_only->status, 401);  // no token configured: read-only

  restart(std::string(kToken));
  auto anonymous = client_->Post("/api/articles", article, "application/json");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
  EXPECT_TRUE(Json::parse(anonymous->body)["error"].is_string());
  auto wrong = client_->Post("/api/articles", httplib::Headers{{"Authorization", "Bearer a-test-token-of-some-lengtX"}}, article,
                             "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  EXPECT_EQ(store_->record("posted-1")->has_value(), false);

  const size_t before = all_events();
  auto posted = client_->Post("/api/articles", httplib::Headers{{"Authorization", std::string("Bearer ") + kToken}}, article,
                              "application/json");
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 201) << posted->body;
  const Json body = Json::parse(posted->body);
  EXPECT_EQ(body["articles"][0]["outcome"], "added");
  EXPECT_TRUE(store_->record("posted-1")->has_value());
  EXPECT_EQ(all_events(), before + 1);
  const auto [status, jordan] = get("/api/events?country=JO&since=2024-01-28&until=2024-01-28");
  EXPECT_EQ(status, 200);
  EXPECT_GE(jordan["events"].size(), 1u);

  // The same article again creates nothing: 200, and it says "unchanged".
  auto again = client_->Post("/api/articles", httplib::Headers{{"Authorization", std::string("Bearer ") + kToken}}, article,
                             "application/json");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200) << again->body;
  EXPECT_EQ(Json::parse(again->body)["articles"][0]["outcome"], "unchanged");
  EXPECT_EQ(all_events(), before + 1);
}

// curl -d sends a body typed application/x-www-form-urlencoded: an article over 8 KB got httplib's
// 413 of its form limit. A body declared as something other than JSON is refused as such (415).
// RFC 7235: the scheme name is case-insensitive; a missing and a wrong token share 401, each with
// WWW-Authenticate.
TEST_F(ServeApi, TheBearerSchemeIsCaseInsensitiveAndEvery401SaysHowToAuthenticate) {
  restart(std::string(kToken));
  const std::string article = R"({"id": "bearer-case", "published": "2023-11-24", "text": "Rockets hit Erbil airport on Thursday."})";
  int expected = 201;  // stored the first time; known already (200) after
  for (const char* scheme : {"bearer ", "BEARER ", "Bearer "}) {
    auto posted = client_->Post("/api/articles", httplib::Headers{{"Authorization", scheme + std::string(kToken)}}, article, "application/json");
    ASSERT_TRUE(posted);
    EXPECT_EQ(posted->status, expected) << scheme << posted->body;
    expected = 200;
  }
  for (const httplib::Headers& headers : {httplib::Headers{}, httplib::Headers{{"Authorization", "Bearer not-the-token-at-all"}},
                                          httplib::Headers{{"Authorization", std::string("Basic ") + kToken}}}) {
    auto refused = client_->Post("/api/articles", headers, article, "application/json");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 401);
    EXPECT_EQ(refused->get_header_value("WWW-Authenticate"), "Bearer");
  }
}

TEST_F(ServeApi, ABodyNotDeclaredAsJsonIsRefusedWithWhatToSend) {
  restart(std::string(kToken));
  const httplib::Headers auth{{"Authorization", std::string("Bearer ") + kToken}};
  std::string text = "Rockets hit Ain al-Asad air base in western Iraq on Thursday.";
  while (text.size() < 20000) text += " The base has been attacked before, officials said.";
  const std::string article = Json{{"id", "long-post"}, {"published", "2023-11-24"}, {"text", text}}.dump();
  auto form = client_->Post("/api/articles", auth, article, "application/x-www-form-urlencoded");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 415) << form->body;
  EXPECT_NE(Json::parse(form->body)["error"].get<std::string>().find("Content-Type: application/json"), std::string::npos) << form->body;
  auto json = client_->Post("/api/articles", auth, article, "application/json");
  ASSERT_TRUE(json);
  EXPECT_EQ(json->status, 201) << json->body;
}

TEST_F(ServeApi, OversizedAndMalformedBodiesAreRefused) {
  restart(std::string(kToken), /*max_body=*/4096);
  const httplib::Headers auth{{"Authorization", std::string("Bearer ") + kToken}};
  auto big = client_->Post("/api/articles", auth, std::string(10000, 'x'), "application/json");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  EXPECT_NE(big->body.find("--max-body-bytes"), std::string::npos) << big->body;
  EXPECT_TRUE(Json::parse(big->body)["error"].is_string());
  auto broken = client_->Post("/api/articles", auth, "{\"id\": \"half", "application/json");
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->status, 400);
  EXPECT_TRUE(Json::parse(broken->body)["error"].is_string());
}

// ---- hostile and heavy clients ----

// A raw connection to the server: what a client that is not an HTTP library can send.
class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~RawConnection() { close(fd_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool send_text(std::string_view text) {
    return connected_ && ::send(fd_, text.data(), text.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(text.size());
  }
  // Everything the server sends until it closes the connection, or until `seconds` pass.
  // `closed` says which.
  std::string read_until_closed(int seconds, bool& closed) {
    std::string out;
    closed = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, 100) <= 0) continue;
      char buffer[65536];
      const ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) {
        closed = true;
        break;
      }
      out.append(buffer, static_cast<size_t>(n));
    }
    return out;
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
};

// The whole reply to one raw request (the server closes after it: Connection: close).
std::string raw_request(int port, const std::string& request_line, const std::string& headers = "") {
  RawConnection connection(port);
  EXPECT_TRUE(connection.send_text(request_line + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers + "\r\n"));
  bool closed = false;
  return connection.read_until_closed(10, closed);
}

int status_of(const std::string& reply) {
  // "HTTP/1.1 404 Not Found"
  return reply.size() > 12 ? std::atoi(reply.substr(9, 3).c_str()) : 0;
}

TEST_F(ServeApi, StaticFilesOutsideTheWebRootCannotBeRead) {
  const std::filesystem::path root = dir_->path() / "site" / "web";
  std::filesystem::create_directories(root);
  dir_->write("site/web/index.html", "<h1>dashboard</h1>");
  dir_->write("site/secret.txt", "TOP-SECRET-CONTENT");
  dir_->write("site/web.txt", "TOP-SECRET-CONTENT");  // shares the root's name as a prefix
  ServeOptions options;
  options.web_root = root;
  restart(options);
  EXPECT_NE(raw_request(port_, "GET / HTTP/1.1").find("<h1>dashboard</h1>"), std::string::npos);
  EXPECT_NE(raw_request(port_, "GET /index.html HTTP/1.1").find("<h1>dashboard</h1>"), std::string::npos);
  // The file's own name with a NUL and another extension: not the file under another type.
  const std::string nul_suffix = raw_request(port_, "GET /index.html%00.js HTTP/1.1");
  EXPECT_EQ(status_of(nul_suffix), 400) << nul_suffix.substr(0, 200);
  EXPECT_EQ(nul_suffix.find("<h1>dashboard</h1>"), std::string::npos);
  for (const std::string& path : std::vector<std::string>{"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt",
        "//secret.txt", "/a/../../secret.txt", "/./../secret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt",
        "/..%5csecret.txt", "/index.html%00/../../secret.txt", "/%252e%252e/secret.txt", "/....//secret.txt",
        "/..;/secret.txt", "/../web.txt", "/%2e%2e/web.txt", "/" + (dir_->path() / "site" / "secret.txt").string(),
        "/.%2e/secret.txt", "/%c0%ae%c0%ae/secret.txt"}) {
    const std::string reply = raw_request(port_, "GET " + path + " HTTP/1.1");
    EXPECT_EQ(reply.find("TOP-SECRET-CONTENT"), std::string::npos) << path << " reached a file outside the web root";
    EXPECT_NE(status_of(reply), 200) << path;
  }
}

// Seconds since `start`.
double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Clients that stall in every way one can (half a request line, half the headers, a byte now and
// then, a body announced and not sent, nothing at all), many more than the server has threads:
// every other request is still answered at once, and each stalled connection is closed once it
// has been silent for the timeout. (Under httplib, 40 such clients delayed others by 13.5 s.)
TEST_F(ServeApi, StalledClientsDelayNoOtherRequestBeyondABound) {
  ServeOptions options;
  options.limits.idle_timeout_seconds = 2;
  restart(options);
  std::vector<std::unique_ptr<RawConnection>> stalled;
  const std::vector<std::string> halves = {
      "", "GET /api/sta", "GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ",
      "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"id\":"};
  for (int i = 0; i < 200; ++i) {
    stalled.push_back(std::make_unique<RawConnection>(port_));
    ASSERT_TRUE(stalled.back()->send_text(halves[static_cast<size_t>(i) % halves.size()]) ||
                halves[static_cast<size_t>(i) % halves.size()].empty());
  }
  // Drip-fed: one header byte every 50 ms, the whole time the others are asked.
  RawConnection drip(port_);
  ASSERT_TRUE(drip.send_text("GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Drip: "));
  double slowest = 0;
  for (int i = 0; i < 30; ++i) {
    drip.send_text("d");
    const auto asked = std::chrono::steady_clock::now();
    const auto [status, stats] = get(i % 2 ? "/api/stats" : "/api/events?limit=5");
    slowest = std::max(slowest, seconds_since(asked));
    EXPECT_EQ(status, 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  // Each answer comes in milliseconds; the bound is far from the 2 s a stalled client could hold
  // a thread for, and leaves room for a sanitizer build.
  EXPECT_LT(slowest, 1.0) << "a request waited behind the stalled clients";
  // Silent for the timeout, each is closed (10 s is the hang guard).
  for (auto& connection : stalled) {
    bool closed = false;
    connection->read_until_closed(10, closed);
    EXPECT_TRUE(closed) << "a stalled client kept its connection";
  }
  EXPECT_EQ(get("/api/stats").first, 200);
}

// Three hundred connections opened at once, each sending one whole request: every one is
// answered (the listen backlog was 5 under httplib, and excess connections were refused or waited
// a second for a retransmitted SYN).
TEST_F(ServeApi, ManyConnectionsOpenedAtOnceAreAllAnswered) {
  std::vector<std::unique_ptr<RawConnection>> connections;
  for (int i = 0; i < 300; ++i) connections.push_back(std::make_unique<RawConnection>(port_));
  for (auto& c : connections) ASSERT_TRUE(c->send_text("GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
  size_t answered = 0;
  for (auto& c : connections) {
    bool closed = false;
    answered += status_of(c->read_until_closed(10, closed)) == 200 ? 1 : 0;
  }
  EXPECT_EQ(answered, connections.size());
}

// A request that cannot be served is answered from its head, at once, not after a timeout.
TEST_F(ServeApi, OversizedHeadsAndUnwantedBodiesAreRefusedAtOnce) {
  ServeOptions options;
  options.token = kToken;
  options.limits.idle_timeout_seconds = 5;
  options.limits.max_body_bytes = 4096;
  restart(options);
  const auto refused_at_once = [&](const std::string& request, int expected, const std::string& why) {
    RawConnection connection(port_);
    const auto sent = std::chrono::steady_clock::now();
    ASSERT_TRUE(connection.send_text(request)) << why;
    bool closed = false;
    const std::string reply = connection.read_until_closed(10, closed);
    EXPECT_EQ(status_of(reply), expected) << why << ": " << reply.substr(0, 300);
    EXPECT_LT(seconds_since(sent), 2.0) << why << ": answered only after the timeout";
  };
  const std::string auth = std::string("Authorization: Bearer ") + kToken + "\r\n";
  std::string fields;
  for (int i = 0; i < 2000; ++i) fields += "X-H" + std::to_string(i) + ": v\r\n";
  refused_at_once("GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n" + fields + "\r\n", 431, "2,000 header fields");
  std::string wide;
  for (int i = 0; i < 6; ++i) wide += "X-Wide" + std::to_string(i) + ": " + std::string(7000, 'w') + "\r\n";
  refused_at_once("GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n" + wide + "\r\n", 431, "42 KB of headers in 6 fields");
  refused_at_once("GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + std::string(100000, 'h') + "\r\n\r\n", 431,
                  "a 100 KB header field");
  const int long_line = status_of(raw_request(port_, "GET /api/events?country=" + std::string(40000, 'I') + " HTTP/1.1"));
  EXPECT_GE(long_line, 400) << "a 40 KB request line";
  EXPECT_LT(long_line, 500);
  // Bodies that will not be read: over the bound (declared, not sent), unauthorised, of no length.
  refused_at_once("POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth +
                      "Content-Type: application/json\r\nContent-Length: 100000000\r\n\r\n", 413, "a 100 MB body announced");
  refused_at_once("POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 3000\r\n\r\n",
                  401, "a body without the token");
  refused_at_once("POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "Content-Type: application/json\r\n\r\n", 411,
                  "a POST of no declared length");
  refused_at_once("POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "Content-Type: application/json\r\nContent-Length: 0\r\n\r\n",
                  400, "an empty body");
  refused_at_once("PUT /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3000\r\n\r\n", 405, "a PUT with a body");
  // A chunked body has no length to refuse up front: past the bound it is dropped, and 413 comes
  // when it ends; one that goes on for twice the bound is cut off.
  const std::string chunked_head = "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth +
                                   "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
  std::string chunks;
  for (int i = 0; i < 3; ++i) chunks += "800\r\n" + std::string(2048, 'x') + "\r\n";
  refused_at_once(chunked_head + chunks + "0\r\n\r\n", 413, "a chunked body over the bound");
  RawConnection endless(port_);
  ASSERT_TRUE(endless.send_text(chunked_head));
  for (int i = 0; i < 8 && endless.send_text("800\r\n" + std::string(2048, 'x') + "\r\n"); ++i) {
  }
  bool closed = false;
  endless.read_until_closed(5, closed);
  EXPECT_TRUE(closed) << "a chunked body twice over the bound was read on";
  // A head within every bound is served: 90 fields of a few bytes.
  std::string some;
  for (int i = 0; i < 90; ++i) some += "X-H" + std::to_string(i) + ": v\r\n";
  EXPECT_EQ(status_of(raw_request(port_, "GET /api/stats HTTP/1.1", some)), 200);
  EXPECT_EQ(get("/api/stats").first, 200) << "the server still answers";
}

TEST_F(ServeApi, NoRequestWritesWithoutTheToken) {
  restart(std::string(kToken));
  const auto count_rows = [] {
    SQLite::Database db((dir_->path() / "salvo.db").string(), SQLite::OPEN_READONLY);
    return db.execAndGet("SELECT (SELECT count(*) FROM articles) || '/' || (SELECT count(*) FROM events)").getString();
  };
  const std::string before = count_rows();
  const std::string article = R"({"id": "intruder", "text": "Rockets hit Erbil on Monday."})";
  std::string last_byte_off = std::string("Bearer ") + kToken;
  last_byte_off.back() = last_byte_off.back() == 'x' ? 'y' : 'x';
  const std::vector<httplib::Headers> credentials = {
      {}, {{"Authorization", "Bearer wrong"}}, {{"Authorization", last_byte_off}}, {{"Authorization", kToken}},
      {{"Authorization", std::string("Basic ") + kToken}}, {{"Authorization", std::string("bearer  ") + kToken + " "}},
      {{"Authorization", "Bearer "}}};
  for (const std::string path : {"/api/articles", "/api/events", "/api/events/x", "/api/events.geojson", "/api/tallies",
                                 "/api/stats", "/api/articles/x", "/", "/index.html"}) {
    for (const auto& headers : credentials) {
      for (const auto& result : {client_->Post(path, headers, article, "application/json"),
                                 client_->Put(path, headers, article, "application/json"),
                                 client_->Patch(path, headers, article, "application/json"), client_->Delete(path, headers)}) {
        ASSERT_TRUE(result) << path;
        EXPECT_TRUE(result->status == 401 || result->status == 404 || result->status == 405)
            << path << " answered " << result->status;
      }
    }
  }
  EXPECT_EQ(count_rows(), before) << "a request without the token changed the store";
  EXPECT_FALSE(store_->record("intruder")->has_value());
}

TEST_F(ServeApi, ManyClientsAtOnceGetWhatOneGets) {
  // The endpoints a dashboard and scripts call, each answered once alone as the reference.
  const std::vector<std::string> paths = {"/api/events?limit=50", "/api/events?country=IQ", "/api/events.geojson",
                                          "/api/tallies", "/api/stats", "/api/events?sort=-date&limit=5"};
  std::map<std::string, std::string> reference;
  for (const std::string& path : paths) {
    auto result = client_->Get(path);
    ASSERT_TRUE(result && result->status == 200) << path;
    reference[path] = result->body;
  }
  constexpr int kClients = 4;
  constexpr int kRequests = 150;
  std::atomic<int> failures = 0;
  std::atomic<int> answered = 0;
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", port_);
      client.set_keep_alive(true);
      for (int i = 0; i < kRequests; ++i) {
        const std::string& path = paths[static_cast<size_t>(c + i) % paths.size()];
        auto result = client.Get(path);
        if (!result || result->status != 200 || result->body != reference[path]) ++failures;
        else ++answered;
      }
    });
  }
  for (std::thread& t : clients) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(answered.load(), kClients * kRequests);
}

TEST(UnsafePath, DotDotSegmentsBackslashesAndNulBytes) {
  for (std::string_view path : {"/..", "/../x", "/a/../b", "/a/..", "..", "/a\\b", "/a\\..\\b"}) {
    EXPECT_TRUE(unsafe_path(path)) << path;
  }
  EXPECT_TRUE(unsafe_path(std::string_view("/index.html\0.js", 16)));
  for (std::string_view path : {"/", "/index.html", "/api/events", "/a..b/c", "/..a", "/a/.../b", "/assets/app.js"}) {
    EXPECT_FALSE(unsafe_path(path)) << path;
  }
}

TEST(SameSecret, ComparesWholeStrings) {
  EXPECT_TRUE(same_secret("abc", "abc"));
  EXPECT_FALSE(same_secret("abc", "abd"));
  EXPECT_FALSE(same_secret("abc", "abcd"));
  EXPECT_FALSE(same_secret("", "abc"));
  EXPECT_TRUE(same_secret("", ""));
}

}  // namespace
}  // namespace salvo
