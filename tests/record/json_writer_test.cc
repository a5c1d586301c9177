// The JSON writer writes what nlohmann's dump writes for the same values, byte for byte: each
// case below is dumped both ways. A whole article's record is checked the same way on the seed
// and dev articles (text = tree's dump).
#include "salvo/record/json_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "salvo/ingest/reader.h"
#include "salvo/pipeline/process.h"
#include "../support/shared_data.h"
#include "../support/shared_recognizer.h"

namespace salvo {
namespace {

using json = nlohmann::ordered_json;

std::string dumped(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string written_string(std::string_view s) {
  std::string out;
  JsonWriter(out).value(s);
  return out;
}

TEST(JsonWriter, StringsEscapeAsNlohmannDoes) {
  const std::string cases[] = {
      "",
      "Three US soldiers were killed in a drone attack on Tower 22.",
      "He said: \"no injuries\" \\ none",
      "tab\there, line\nbreak, return\r, feed\f, back\b",
      std::string("nul \0 and \x01\x1f\x7f", 14),
      "Erbil – “no damage” … Ain al-Asad ✈ 𝕏",                   // 2-, 3- and 4-byte UTF-8
      "cut mid-character \xE2\x80",                               // truncated sequence at the end
      "stray \x80 continuation, \xC0\xAF overlong, \xED\xA0\x80 surrogate, \xF4\x90\x80\x80 too big",
      "\xFF\xFE",
      "/ slash stays, < > & stay",
  };
  for (const std::string& s : cases) EXPECT_EQ(written_string(s), dumped(json(s))) << s;
}

TEST(JsonWriter, NumbersFormatAsNlohmannDoes) {
  for (double x : {0.0, -0.0, 1.0, 0.85, 0.5, 0.07, 33.3121, -44.07, 1e-5, 1e21, 123456789.0, 1e300, 5e-324,
                   std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
    std::string out;
    JsonWriter(out).value(x);
    EXPECT_EQ(out, dumped(json(x))) << x;
  }
  for (long long n : {0LL, 7LL, -1LL, std::numeric_limits<long long>::min(), std::numeric_limits<long long>::max()}) {
    std::string out;
    JsonWriter(out).value(n);
    EXPECT_EQ(out, dumped(json(n)));
  }
  std::string out;
  JsonWriter(out).value(std::numeric_limits<unsigned long long>::max());
  EXPECT_EQ(out, dumped(json(std::numeric_limits<unsigned long long>::max())));
}

TEST(JsonWriter, NestingPutsCommasWhereDumpDoes) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("a"), w.begin_array(), w.end_array();
  w.key("b"), w.begin_object(), w.end_object();
  w.key("c"), w.begin_array();
  w.value(1), w.null(), w.value(true), w.begin_object(), w.key("d"), w.value("e"), w.end_object(), w.begin_array(), w.end_array();
  w.end_array();
  w.key("f"), w.value(std::optional<int>()), w.key("g"), w.value(std::optional<double>(2.5));
  w.end_object();
  const json expected = {{"a", json::array()}, {"b", json::object()}, {"c", {1, nullptr, true, {{"d", "e"}}, json::array()}},
                         {"f", nullptr}, {"g", 2.5}};
  EXPECT_EQ(out, dumped(expected));
}

// The record `salvo extract` prints as text is the dump of the record the store and tests read.
TEST(JsonWriter, ArticleRecordTextIsTheTreesDump) {
  std::vector<std::string> paths = {testing::seed_articles().string()};
  if (auto dev = testing::shared_data("dev")) paths.push_back(dev->string());
  std::vector<Article> articles;
  read_articles(paths, {}, [&](Article&& a) { articles.push_back(std::move(a)); }, [](const InputProblem&) {});
  ASSERT_GE(articles.size(), 5u);
  for (const RecordOptions& options : {RecordOptions{}, RecordOptions{true, true, 0.5}}) {
    for (const Article& a : articles) {
      const RecordText text = process_article_text(a, testing::shared_recognizer(), options);
      const json tree = process_article(a, testing::shared_recognizer(), options);
      EXPECT_EQ(text.json, dumped(tree)) << a.source;
      EXPECT_EQ(text.warnings, tree["warnings"].get<std::vector<std::string>>());
    }
  }
}

}  // namespace
}  // namespace salvo
