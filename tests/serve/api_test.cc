// `salvo serve`'s API over real HTTP on loopback: a server in this process on a store built from
// the seed (and dev) articles, asked by httplib's client, every endpoint, filter and error.
#include "salvo/serve/api.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <set>
#include <thread>

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
    options.max_body_bytes = max_body;
    api_ = std::make_unique<Api>(*store_, testing::shared_recognizer(), options);
    server_ = std::make_unique<httplib::Server>();  // a stopped httplib server does not listen again
    api_->mount(*server_);
    port_ = server_->bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    while (!server_->is_running()) std::this_thread::yield();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
  }
  void SetUp() override { start(std::nullopt); }
  void TearDown() override {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
  }
  void restart(std::optional<std::string> token, size_t max_body = 1 << 20) {
    TearDown();
    start(std::move(token), max_body);
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
  std::unique_ptr<httplib::Server> server_;
  std::unique_ptr<Api> api_;
  std::unique_ptr<httplib::Client> client_;
  std::thread thread_;
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
           {"country=Iraq", "country"}, {"since=2023-13-45", "since"}, {"until=yesterday", "until"},
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

TEST_F(ServeApi, GeoJsonHasOneFeaturePerEvent) {
  auto result = client_->Get("/api/events.geojson?country=IQ");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200);
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/geo+json");
  const Json fc = Json::parse(result->body);
  EXPECT_EQ(fc["type"], "FeatureCollection");
  EventFilter iraq;
  iraq.country = "IQ";
  EXPECT_EQ(fc["features"].size(), store_->events(iraq)->size());
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
}

TEST_F(ServeApi, OversizedAndMalformedBodiesAreRefused) {
  restart(std::string(kToken), /*max_body=*/4096);
  const httplib::Headers auth{{"Authorization", std::string("Bearer ") + kToken}};
  auto big = client_->Post("/api/articles", auth, std::string(10000, 'x'), "application/json");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  EXPECT_TRUE(Json::parse(big->body)["error"].is_string());
  auto broken = client_->Post("/api/articles", auth, "{\"id\": \"half", "application/json");
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->status, 400);
  EXPECT_TRUE(Json::parse(broken->body)["error"].is_string());
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
