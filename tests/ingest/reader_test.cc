#include "salvo/ingest/reader.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "../support/gzip.h"
#include "../support/temp_dir.h"

namespace salvo {
namespace {

using testing::gzip;
using testing::TempDir;

struct Collected {
  std::vector<Article> articles;
  std::vector<InputProblem> problems;
  size_t returned_problems = 0;
};

Collected read(const std::vector<std::string>& paths, ReadOptions options = {}) {
  Collected c;
  c.returned_problems = read_articles(
      paths, options, [&](Article&& a) { c.articles.push_back(std::move(a)); },
      [&](const InputProblem& p) { c.problems.push_back(p); });
  return c;
}

std::vector<std::string> ids_of(const Collected& c) {
  std::vector<std::string> ids;
  for (const Article& a : c.articles) ids.push_back(a.id);
  return ids;
}

TEST(TextHeader, ParsesTheSeedsHeaderOnTheBodyLine) {
  size_t body = 0;
  auto date = parse_text_header(" date 2023-11-24 US forces were attacked", body);
  ASSERT_TRUE(date);
  EXPECT_EQ(date->iso(), "2023-11-24");
  EXPECT_EQ(body, 17u);
}

TEST(TextHeader, ParsesAHeaderOnItsOwnLine) {
  size_t body = 0;
  auto date = parse_text_header("date 2020-01-08\nERBIL (Kurdistan 24)", body);
  ASSERT_TRUE(date);
  EXPECT_EQ(body, 16u);
}

TEST(TextHeader, RejectsLookalikes) {
  size_t body = 0;
  EXPECT_FALSE(parse_text_header("dated 2023-11-24 text", body));
  EXPECT_FALSE(parse_text_header(" date 2023-13-24 text", body));  // no 13th month
  EXPECT_FALSE(parse_text_header(" date 2023-11-245 text", body));
  EXPECT_FALSE(parse_text_header("The date 2023-11-24 was", body));
  EXPECT_EQ(body, 0u);
}

TEST(Reader, TextFileGetsIdHeaderAndSha) {
  TempDir dir;
  const std::string path = dir.write("a/001_abc.txt", " date 2023-11-24 Rockets hit a base.");
  Collected c = read({path});
  ASSERT_EQ(c.articles.size(), 1u);
  const Article& a = c.articles[0];
  EXPECT_EQ(a.id, "001_abc");
  EXPECT_EQ(a.source, path);
  EXPECT_EQ(a.published->iso(), "2023-11-24");
  EXPECT_EQ(a.published_from, PublishedFrom::kHeader);
  EXPECT_EQ(a.raw.substr(a.body_offset), "Rockets hit a base.");
  // sha256 of the bytes as read, header included.
  EXPECT_EQ(a.sha256.size(), 64u);
  EXPECT_EQ(read({path}).articles[0].sha256, a.sha256);
}

TEST(Reader, TextWithoutHeaderHasNoDate) {
  TempDir dir;
  Collected c = read({dir.write("x.txt", "Rockets were fired late Sunday.")});
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_FALSE(c.articles[0].published);
  EXPECT_EQ(c.articles[0].published_from, PublishedFrom::kNone);
  EXPECT_EQ(c.articles[0].body_offset, 0u);
}

TEST(Reader, FoldersAreReadRecursivelyInSortedOrder) {
  TempDir dir;
  dir.write("b/2.txt", "two");
  dir.write("a/1.txt", "one");
  dir.write("a/c/3.html", "<html><body><p>three</p></body></html>");
  dir.write("notes.md", "ignored: not an article format");
  Collected c = read({dir.path().string()});
  ASSERT_EQ(c.articles.size(), 3u);
  // Below the named folder, an id is the path from it.
  EXPECT_EQ(c.articles[0].id, "a/1");
  EXPECT_EQ(c.articles[1].id, "a/c/3");
  EXPECT_EQ(c.articles[1].kind, ContentKind::kHtml);
  EXPECT_EQ(c.articles[2].id, "b/2");
  EXPECT_TRUE(c.problems.empty());
}

// Gold files and scoring name an article by its file name: directly inside a named folder, or
// named itself, a file keeps its stem.
TEST(ReaderIds, AFileDirectlyInANamedFolderKeepsItsStem) {
  TempDir dir;
  dir.write("dev/h1_003_erbil.txt", "Rockets hit Erbil.");
  const std::string named = dir.write("other/h2_001_tanf.txt", "Drones hit Tanf.");
  Collected c = read({dir.file("dev"), named});
  ASSERT_EQ(c.articles.size(), 2u);
  EXPECT_EQ(c.articles[0].id, "h1_003_erbil");
  EXPECT_EQ(c.articles[1].id, "h2_001_tanf");
  EXPECT_TRUE(c.articles[0].warnings.empty());
}

TEST(ReaderIds, OneFileNameInTwoSubfoldersIsTwoArticles) {
  TempDir dir;
  dir.write("feeds/2023/report.txt", "Rockets hit Erbil.");
  dir.write("feeds/2024/report.txt", "Drones hit Tanf.");
  EXPECT_EQ(ids_of(read({dir.file("feeds")})), (std::vector<std::string>{"2023/report", "2024/report"}));
}

// The same id from two inputs of one run: the second keeps its article under its content suffix,
// and its warning names the first input.
void expect_second_kept_beside_first(const Collected& c, const std::string& id, const std::string& first_input) {
  ASSERT_EQ(c.articles.size(), 2u);
  EXPECT_EQ(c.articles[0].id, id);
  EXPECT_EQ(c.articles[1].id, id + "~" + c.articles[1].sha256.substr(0, 8));
  EXPECT_EQ(c.articles[1].raw, "Drones hit Tanf.");
  ASSERT_EQ(c.articles[1].warnings.size(), 1u);
  EXPECT_NE(c.articles[1].warnings[0].find("already that of " + first_input + ":"), std::string::npos) << c.articles[1].warnings[0];
  EXPECT_NE(c.articles[1].warnings[0].find(c.articles[1].id), std::string::npos) << c.articles[1].warnings[0];
}

TEST(ReaderIds, OneFileNameInTwoNamedFoldersKeepsBoth) {
  TempDir dir;
  const std::string first = dir.write("a/report.txt", "Rockets hit Erbil.");
  dir.write("b/report.txt", "Drones hit Tanf.");
  expect_second_kept_beside_first(read({dir.file("a"), dir.file("b")}), "report", first);
}

TEST(ReaderIds, ARepeatedJsonlIdKeepsBothRecords) {
  TempDir dir;
  const std::string feed = dir.write("feed.jsonl", R"({"id":"a1","text":"Rockets hit Erbil."})" "\n"
                                                   R"({"id":"a1","text":"Drones hit Tanf."})" "\n");
  expect_second_kept_beside_first(read({feed}), "a1", feed + ":1");
}

// Names that are not UTF-8 (a Latin-1 "é", a stray byte): two ids, each valid UTF-8, not two
// U+FFFD that a JSON writer would have made one.
TEST(ReaderIds, NamesThatAreNotUtf8AreTwoValidIds) {
  TempDir dir;
  dir.write("in/caf\xE9.txt", "Rockets hit Erbil.");
  dir.write("in/caf\xFF.txt", "Drones hit Tanf.");
  EXPECT_EQ(ids_of(read({dir.file("in")})), (std::vector<std::string>{"caf%E9", "caf%FF"}));
}

TEST(Reader, JsonlRecordsWithAllFields) {
  TempDir dir;
  const std::string path = dir.write("feed.jsonl",
      R"({"id":"r1","url":"https://example.org/a","published":"2023-11-24T08:30:00Z","title":"T","text":"Body one."})" "\n"
      R"({"id":42,"date":"2024-02-05","html":"<p>Body two.</p>"})" "\n"
      "\n"
      R"({"text":"No id."})" "\n");
  Collected c = read({path});
  ASSERT_EQ(c.articles.size(), 3u);
  EXPECT_EQ(c.articles[0].id, "r1");
  EXPECT_EQ(*c.articles[0].url, "https://example.org/a");
  EXPECT_EQ(*c.articles[0].title, "T");
  EXPECT_EQ(c.articles[0].published->iso(), "2023-11-24");
  EXPECT_EQ(c.articles[0].published_from, PublishedFrom::kMetadata);
  EXPECT_EQ(c.articles[0].raw, "Body one.");
  EXPECT_EQ(c.articles[0].source, path + ":1");
  EXPECT_EQ(c.articles[1].id, "42");
  EXPECT_EQ(c.articles[1].kind, ContentKind::kHtml);
  EXPECT_EQ(c.articles[1].published->iso(), "2024-02-05");
  EXPECT_EQ(c.articles[2].id, "feed-4");  // no id: file stem and line number
  EXPECT_TRUE(c.problems.empty());
}

// Found by fuzz_jsonl: an empty "id" gave an article with an empty id, which the store would
// take for one article however many records had it.
TEST(Reader, AnEmptyJsonlIdIsNamedByFileAndLine) {
  TempDir dir;
  const std::string path = dir.write("feed.jsonl", "{\"id\": \"\", \"text\": \" date 202gain  aq.\"}\n"
                                                   "{\"id\": \"  \", \"text\": \"Two.\"}\n");
  Collected c = read({path});
  ASSERT_EQ(c.articles.size(), 2u);
  EXPECT_EQ(c.articles[0].id, "feed-1");
  EXPECT_EQ(c.articles[1].id, "feed-2");
  ASSERT_EQ(c.articles[0].warnings.size(), 1u);
  EXPECT_NE(c.articles[0].warnings[0].find("empty \"id\""), std::string::npos);
}

TEST(Reader, MalformedJsonlLineIsSkippedWithFileAndLine) {
  TempDir dir;
  const std::string path = dir.write("feed.jsonl",
      R"({"id":"ok1","text":"First."})" "\n"
      R"({"id":"broken","text":"unterminated)" "\n"
      R"(["not", "an", "object"])" "\n"
      R"({"id":"notext","title":"no body"})" "\n"
      R"({"id":"ok2","text":"Last."})" "\n");
  Collected c = read({path});
  ASSERT_EQ(c.articles.size(), 2u);
  EXPECT_EQ(c.articles[0].id, "ok1");
  EXPECT_EQ(c.articles[1].id, "ok2");
  ASSERT_EQ(c.problems.size(), 3u);
  EXPECT_EQ(c.problems[0].where, path + ":2");
  EXPECT_NE(c.problems[0].message.find("malformed JSON"), std::string::npos);
  EXPECT_EQ(c.problems[1].where, path + ":3");
  EXPECT_EQ(c.problems[2].where, path + ":4");
  EXPECT_EQ(c.returned_problems, 3u);
}

TEST(Reader, UnreadableDateInJsonlIsAWarningNotAFailure) {
  TempDir dir;
  Collected c = read({dir.write("f.jsonl", R"({"id":"a","published":"last week","text":"x y z"})")});
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_FALSE(c.articles[0].published);
  ASSERT_EQ(c.articles[0].warnings.size(), 1u);
  EXPECT_NE(c.articles[0].warnings[0].find("last week"), std::string::npos);
}

TEST(Reader, GzippedJsonl) {
  TempDir dir;
  const std::string path = dir.write("feed.jsonl.gz", gzip(R"({"id":"g1","text":"Zipped."})" "\n"));
  Collected c = read({path});
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].id, "g1");
  EXPECT_EQ(c.articles[0].raw, "Zipped.");
}

TEST(Reader, CorruptGzipIsReportedAndSkipped) {
  TempDir dir;
  std::string bytes = gzip(std::string(5000, 'a'));
  bytes.resize(bytes.size() / 2);
  const std::string bad = dir.write("bad.jsonl.gz", bytes);
  const std::string good = dir.write("good.txt", "Still read.");
  Collected c = read({bad, good});
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].where, bad);
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].id, "good");
}

// A feed cut in transfer: every whole line before the cut is read (as zcat recovers them), and the
// problem names the line where the damage starts.
TEST(Reader, ATruncatedJsonlGzKeepsEveryWholeLineBeforeTheDamage) {
  TempDir dir;
  std::string feed;
  for (int i = 1; i <= 400; ++i) feed += fmt::format(R"({{"id":"r{}","text":"Rockets hit Erbil air base, report {}."}})" "\n", i, i * 7919);
  std::string bytes = gzip(feed);
  bytes.resize(bytes.size() * 6 / 10);
  const std::string cut = dir.write("feed.jsonl.gz", bytes);
  Collected c = read({cut});
  ASSERT_GT(c.articles.size(), 100u);
  ASSERT_LT(c.articles.size(), 400u);
  for (size_t i = 0; i < c.articles.size(); ++i) EXPECT_EQ(c.articles[i].id, fmt::format("r{}", i + 1));
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].where, fmt::format("{}:{}", cut, c.articles.size() + 1));
  EXPECT_NE(c.problems[0].message.find("truncated gzip data"), std::string::npos) << c.problems[0].message;
  EXPECT_EQ(c.returned_problems, 1u);
}

// A line no article makes (over 32 MiB, or 8 times --max-article-bytes) is never held whole: it is
// reported by its line and skipped, and the lines after it are read with their own numbers.
TEST(Reader, AJsonlLineOverTheLineLimitIsReportedAndSkipped) {
  TempDir dir;
  ReadOptions options;
  ASSERT_EQ(max_line_bytes(options), 32u << 20);
  const std::string huge = R"({"id":"huge","text":")" + std::string(max_line_bytes(options), 'a') + "\"}";
  const std::string path = dir.write("feed.jsonl", R"({"id":"a","text":"Before."})" "\n" + huge + "\n" R"({"id":"c","text":"After."})" "\n");
  Collected c = read({path}, options);
  EXPECT_EQ(ids_of(c), (std::vector<std::string>{"a", "c"}));
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].where, path + ":2");
  EXPECT_NE(c.problems[0].message.find(fmt::format("line is {} bytes", huge.size())), std::string::npos) << c.problems[0].message;
  EXPECT_EQ(c.returned_problems, 1u);
}

// Under the line limit, an article over --max-article-bytes is cut with a warning, as a file is.
TEST(Reader, AJsonlArticleOverTheArticleLimitIsCutNotSkipped) {
  TempDir dir;
  ReadOptions options;
  options.max_article_bytes = 10;
  Collected c = read({dir.write("feed.jsonl", R"({"id":"a","text":"Rockets hit the base on Sunday."})" "\n")}, options);
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].raw, "Rockets hi");
  EXPECT_TRUE(c.problems.empty());
}

TEST(Reader, EmptyAndBinaryFilesAreSkippedTheRestRead) {
  TempDir dir;
  const std::string empty = dir.write("empty.txt", "  \n\n ");
  const std::string binary = dir.write("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  const std::string good = dir.write("good.txt", "Text.");
  Collected c = read({empty, binary, good});
  ASSERT_EQ(c.problems.size(), 2u);
  EXPECT_EQ(c.problems[0].where, empty);
  EXPECT_NE(c.problems[0].message.find("empty"), std::string::npos);
  EXPECT_EQ(c.problems[1].where, binary);
  EXPECT_NE(c.problems[1].message.find("binary"), std::string::npos);
  ASSERT_EQ(c.articles.size(), 1u);
}

TEST(Reader, MissingPathIsAProblem) {
  Collected c = read({"/nonexistent/salvo/input.txt"});
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].message, "no such file or directory");
  EXPECT_TRUE(c.articles.empty());
}

TEST(Reader, OversizedArticleIsTruncatedAtACharacterBoundary) {
  TempDir dir;
  // "é" is two bytes; a limit of 6 falls inside the third one.
  const std::string path = dir.write("big.txt", "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9");
  ReadOptions options;
  options.max_article_bytes = 5;
  Collected c = read({path}, options);
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].raw, "\xC3\xA9\xC3\xA9");
  ASSERT_EQ(c.articles[0].warnings.size(), 1u);
  EXPECT_NE(c.articles[0].warnings[0].find("--max-article-bytes"), std::string::npos);
}

TEST(Reader, HtmlFileIsMarkedHtml) {
  TempDir dir;
  Collected c = read({dir.write("page.html", "<!doctype html><html><body><p>Hi.</p></body></html>")});
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].kind, ContentKind::kHtml);
  EXPECT_EQ(c.articles[0].id, "page");
}

}  // namespace
}  // namespace salvo
