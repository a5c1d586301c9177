// One data dictionary (issue 19, part 4): docs/fields.md names the fields of event_fields(), and
// JSONL, CSV (read back by SQLite's CSV importer), GeoJSON and the API give every event the same
// fields, in the same order, with the same values in the encoding docs/fields.md gives.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "../support/run_salvo.h"
#include "../support/shared_recognizer.h"
#include "salvo/export/event_fields.h"
#include "salvo/serve/api.h"
#include "salvo/store/store.h"
#include "store_support.h"

namespace salvo {
namespace {

using Json = nlohmann::ordered_json;
using testing::CommandRun;
using testing::salvo;
using testing::TempDir;

std::vector<std::string> dictionary_names() {
  std::vector<std::string> names;
  for (const EventField& f : event_fields()) names.emplace_back(f.name);
  return names;
}

std::vector<std::string> keys_of(const Json& object) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.push_back(key);
  return keys;
}

TEST(FieldsDocument, NamesEveryFieldInOrder) {
  std::ifstream in(std::string(SALVO_SOURCE_DIR) + "/docs/fields.md");
  ASSERT_TRUE(in) << "docs/fields.md";
  std::vector<std::string> documented;
  const std::regex row(R"(^\| `([a-z_0-9]+)` \| ([a-z ]+) \| (yes|no) \|)");
  std::map<std::string, std::pair<std::string, bool>> typed;
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, row)) {
      documented.push_back(m[1]);
      typed[m[1]] = {m[2], m[3] == "yes"};
    }
  }
  EXPECT_EQ(documented, dictionary_names());
  for (const EventField& f : event_fields()) {
    const auto it = typed.find(std::string(f.name));
    if (it == typed.end()) continue;
    EXPECT_EQ(it->second.first, to_string(f.type)) << f.name;
    EXPECT_EQ(it->second.second, f.nullable) << f.name;
  }
}

// A value as its type says it may be.
void expect_typed(const EventField& f, const Json& value, const std::string& where) {
  if (value.is_null()) {
    EXPECT_TRUE(f.nullable) << where << ": " << f.name << " is null";
    return;
  }
  switch (f.type) {
    case FieldType::kText:
    case FieldType::kDate: EXPECT_TRUE(value.is_string()) << where << ": " << f.name; break;
    case FieldType::kInteger: EXPECT_TRUE(value.is_number_integer()) << where << ": " << f.name; break;
    case FieldType::kNumber: EXPECT_TRUE(value.is_number()) << where << ": " << f.name; break;
    case FieldType::kTextList:
      ASSERT_TRUE(value.is_array()) << where << ": " << f.name;
      for (const Json& item : value) EXPECT_TRUE(item.is_string()) << where << ": " << f.name;
      break;
    case FieldType::kSources:
      ASSERT_TRUE(value.is_array()) << where << ": " << f.name;
      for (const Json& s : value) {
        for (const char* key : {"article", "event", "url", "title", "outlet", "published", "evidence"}) {
          EXPECT_TRUE(s.contains(key)) << where << ": a source without " << key;
        }
      }
      break;
    case FieldType::kConflicts: EXPECT_TRUE(value.is_object()) << where << ": " << f.name; break;
  }
}

// A CSV cell (SQLite gives every cell as text) read back as docs/fields.md encodes it.
Json decoded_cell(const EventField& f, const std::string& cell) {
  if (cell.empty()) return Json();
  switch (f.type) {
    case FieldType::kText:
    case FieldType::kDate: return cell;
    default: return Json::parse(cell);
  }
}

class Fields : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    testing::write_corpus(*dir_, "corpus");
    dir_->write("corpus/zz_search.jsonl", testing::kSearchFeed);
    // A title and an outlet holding a comma, a semicolon and quotes.
    dir_->write("corpus/zz_cited.jsonl",
                R"({"id":"zz-cited","outlet":"Voice of \"Anbar\"; Ramadi, Iraq","url":"https://example.org/a?b=1;c=2","title":"Rockets, again","published":"2024-03-02",)"
                R"("text":"Two rockets hit Ain al-Asad air base in western Iraq on Friday, killing no one, an Iraqi official said."})"
                "\n");
    db_ = dir_->file("s.db");
    ASSERT_EQ(salvo("ingest -q --db " + db_ + " " + dir_->file("corpus")).status, 0);
  }
  static void TearDownTestSuite() { delete dir_; }
  static TempDir* dir_;
  static std::string db_;
};
TempDir* Fields::dir_ = nullptr;
std::string Fields::db_;

TEST_F(Fields, EveryFormatGivesEveryEventTheSameFieldsAndValues) {
  const std::vector<std::string> names = dictionary_names();
  const CommandRun jsonl_run = salvo("events --format jsonl --db " + db_);
  ASSERT_EQ(jsonl_run.status, 0) << jsonl_run.err;
  std::vector<Json> jsonl;
  std::istringstream lines(jsonl_run.out);
  for (std::string line; std::getline(lines, line);) jsonl.push_back(Json::parse(line));
  ASSERT_GE(jsonl.size(), 5u);
  bool a_list_with_two = false, cited = false;
  for (const Json& e : jsonl) {
    EXPECT_EQ(keys_of(e), names) << "JSONL " << e["id"];
    for (const EventField& f : event_fields()) expect_typed(f, e[std::string(f.name)], "JSONL " + e["id"].get<std::string>());
    a_list_with_two |= e["weapons"].size() >= 2;
    cited |= e["outlets"] == Json::array({"Voice of \"Anbar\"; Ramadi, Iraq"});
  }
  EXPECT_TRUE(a_list_with_two) << "the corpus should hold an event with two weapons";
  EXPECT_TRUE(cited) << "the cited article's outlet, whole";

  // CSV, read back by SQLite's RFC 4180 importer, as JSON rows.
  const std::string csv = dir_->file("events.csv");
  ASSERT_EQ(salvo("events --format csv -o " + csv + " --db " + db_).status, 0);
  const CommandRun imported = testing::run_command("sqlite3 -json :memory: \".import --csv " + csv + " e\" \"SELECT * FROM e\"");
  ASSERT_EQ(imported.status, 0) << imported.err << " (is sqlite3 installed? scripts/setup)";
  const Json rows = Json::parse(imported.out);
  ASSERT_EQ(rows.size(), jsonl.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(keys_of(rows[i]), names) << "CSV row " << i;
    for (const EventField& f : event_fields()) {
      const std::string name(f.name);
      const Json cell = decoded_cell(f, rows[i][name].get<std::string>());
      // A number read back from its text is the number (JSON's own printing of it).
      EXPECT_EQ(cell, jsonl[i][name]) << "CSV row " << i << " field " << name;
    }
  }

  // GeoJSON: the properties are the event, arrays as arrays.
  const CommandRun geo = salvo("events --format geojson --db " + db_);
  ASSERT_EQ(geo.status, 0) << geo.err;
  const Json collection = Json::parse(geo.out);
  ASSERT_EQ(collection["features"].size(), jsonl.size());
  for (size_t i = 0; i < jsonl.size(); ++i) {
    const Json& feature = collection["features"][i];
    EXPECT_EQ(feature["properties"], jsonl[i]) << "GeoJSON feature " << i;
    if (jsonl[i]["lat"].is_number()) {
      EXPECT_EQ(feature["geometry"]["coordinates"], Json::array({jsonl[i]["lon"], jsonl[i]["lat"]}));
    }
  }

  // The API: the same events, the same fields.
  auto store = Store::open_read_only(db_);
  ASSERT_TRUE(store.ok()) << store.error().message;
  Api api(*store, testing::shared_recognizer(), ServeOptions{});
  HttpRequest request;
  request.method = "GET";
  request.path = "/api/events";
  request.target = "/api/events?limit=1000";
  request.params = {{"limit", "1000"}};
  request.headers = {{"Host", "127.0.0.1"}};
  const HttpResponse response = api.handle(request);
  ASSERT_EQ(response.status, 200) << response.body;
  const Json page = Json::parse(response.body);
  ASSERT_EQ(page["events"].size(), jsonl.size());
  for (size_t i = 0; i < jsonl.size(); ++i) EXPECT_EQ(page["events"][i], jsonl[i]) << "API event " << i;

  request.path = "/api/events/" + jsonl[0]["id"].get<std::string>();
  request.target = request.path;
  request.params.clear();
  const Json one = Json::parse(api.handle(request).body);
  EXPECT_EQ(keys_of(one), names) << "GET /api/events/{id}";
}

}  // namespace
}  // namespace salvo
