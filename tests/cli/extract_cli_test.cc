// The salvo binary as a user meets it: exit codes, messages naming file and line, bad input.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <sstream>

#include "../support/run_salvo.h"
#include "../support/shared_data.h"
#include "../support/temp_dir.h"

namespace salvo {
namespace {

using testing::TempDir;

using testing::CommandRun;
using testing::salvo;

TEST(ExtractCli, SeedsGiveFiveRecordsAndExitZero) {
  const CommandRun run = salvo("extract examples/seeds");
  EXPECT_EQ(run.status, 0) << run.err;
  const auto records = run.records();
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(records[1]["article"]["id"], "001_02c4609296c7c39b");
  EXPECT_EQ(records[1]["article"]["published"], "2023-11-24");
  EXPECT_EQ(records[1]["article"]["published_from"], "header");
  EXPECT_EQ(records[0]["article"]["published"], nullptr);
  EXPECT_EQ(records[0]["article"]["published_from"], "none");
  for (const auto& r : records) {
    EXPECT_TRUE(r["events"].is_array());
    EXPECT_TRUE(r["tallies"].is_array());
    EXPECT_TRUE(r["warnings"].is_array());
    EXPECT_EQ(r["article"]["sha256"].get<std::string>().size(), 64u);
  }
}

TEST(ExtractCli, SentenceOffsetsPointAtTheRawBytes) {
  TempDir dir;
  const std::string raw = " date 2024-02-05 Rockets hit <b>Tower 22</b> on Sunday. No one was hurt.";
  const std::string path = dir.write("t.txt", raw);
  const CommandRun run = salvo("extract --sentences " + path);
  ASSERT_EQ(run.status, 0) << run.err;
  const auto sentences = run.records().at(0)["sentences"];
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[0]["text"], "Rockets hit Tower 22 on Sunday.");
  const size_t start = sentences[0]["start"];
  const size_t end = sentences[0]["end"];
  EXPECT_EQ(raw.substr(start, end - start), "Rockets hit <b>Tower 22</b> on Sunday.");
}

TEST(ExtractCli, MissingPathIsReportedTheRestProcessedExitOne) {
  const CommandRun run = salvo("extract /no/such/dir examples/seeds/000_c8cd247d421b118c.txt");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("/no/such/dir: no such file or directory"), std::string::npos) << run.err;
  EXPECT_EQ(run.records().size(), 1u);
}

TEST(ExtractCli, MalformedJsonlLineIsNamedByFileAndLine) {
  TempDir dir;
  const std::string path = dir.write("feed.jsonl",
      R"({"id":"a","text":"Rockets hit the base."})" "\n"
      R"({"id":"b","text":)" "\n"
      R"({"id":"c","text":"A drone was shot down."})" "\n");
  const CommandRun run = salvo("extract " + path);
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find(path + ":2: malformed JSON"), std::string::npos) << run.err;
  const auto records = run.records();
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0]["article"]["id"], "a");
  EXPECT_EQ(records[1]["article"]["id"], "c");
}

TEST(ExtractCli, EmptyAndBinaryFilesAreSkipped) {
  TempDir dir;
  dir.write("in/empty.txt", "");
  dir.write("in/blob.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16));
  dir.write("in/good.txt", "Rockets were fired at Ain al-Asad.");
  const CommandRun run = salvo("extract " + dir.file("in"));
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("empty.txt: empty file"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("blob.txt: binary file"), std::string::npos) << run.err;
  ASSERT_EQ(run.records().size(), 1u);
}

TEST(ExtractCli, InvalidUtf8IsReplacedWithAWarningAndOffsetsStayRight) {
  TempDir dir;
  const std::string raw = "Caf\xE9 owners fled. Rockets hit \xFF\xFE the base.";
  const std::string path = dir.write("latin1.txt", raw);
  const CommandRun run = salvo("extract --sentences " + path);
  EXPECT_EQ(run.status, 0);
  const auto record = run.records().at(0);
  EXPECT_NE(record["warnings"][0].get<std::string>().find("invalid UTF-8"), std::string::npos);
  const auto& second = record["sentences"][1];
  // Each invalid byte becomes its own U+FFFD, as the WHATWG decoder does.
  EXPECT_EQ(second["text"], "Rockets hit \xEF\xBF\xBD\xEF\xBF\xBD the base.");
  const size_t start = second["start"];
  const size_t end = second["end"];
  EXPECT_EQ(raw.substr(start, end - start), "Rockets hit \xFF\xFE the base.");
}

TEST(ExtractCli, HugeArticleIsTruncatedWithAWarning) {
  TempDir dir;
  std::string big;
  big.reserve(50u << 20);
  const std::string sentence = "Rockets were fired at the base on Sunday, officials said. ";
  while (big.size() < (50u << 20)) big += sentence;
  const std::string path = dir.write("big.txt", big);
  const CommandRun run = salvo("extract --max-article-bytes 1000000 " + path);
  EXPECT_EQ(run.status, 0) << run.err;
  const auto record = run.records().at(0);
  EXPECT_NE(record["warnings"][0].get<std::string>().find("--max-article-bytes 1000000"), std::string::npos);
  EXPECT_NE(run.err.find("big.txt: warning: article is"), std::string::npos);
}

// Each limit of pipeline/limits.h is an option; meeting one is a warning on stderr naming the
// article and the option, and the next article is processed as usual.
TEST(ExtractCli, LimitsAreOptionsAndEachHitNamesItsArticle) {
  TempDir dir;
  dir.write("a.txt", " date 2023-11-24 Rockets hit the base near Erbil on Monday. Drones struck Tanf on Sunday.");
  dir.write("b.html", "<html><body><div><div><div><p>Rockets hit the base near Erbil on Monday, officials said.</p>"
                      "</div></div></div></body></html>");
  const CommandRun run = salvo("extract --max-mentions 3 --max-html-depth 2 --max-sentence-bytes 30 " + dir.path().string());
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find("a.txt: warning: more than 3 mentions (--max-mentions)"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("--max-sentence-bytes"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("b.html: warning: HTML nested deeper than 2 levels (--max-html-depth)"), std::string::npos) << run.err;
  EXPECT_EQ(run.records().size(), 2u);
  const CommandRun bad = salvo("extract --max-mentions 0 " + dir.path().string());
  EXPECT_EQ(bad.status, 2) << "a limit of 0 is a usage error";
}

TEST(ExtractCli, ReadsStdin) {
  const CommandRun run = salvo("extract -", " date 2023-11-24 Rockets hit the base.");
  EXPECT_EQ(run.status, 0) << run.err;
  const auto record = run.records().at(0);
  EXPECT_EQ(record["article"]["id"], "stdin");
  EXPECT_EQ(record["article"]["published"], "2023-11-24");
}

TEST(ExtractCli, ReadsJsonlFromStdin) {
  const CommandRun run = salvo("extract --stdin-format jsonl -",
                        R"({"id":"s1","published":"2024-01-28","text":"A drone hit Tower 22."})" "\n");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.records().at(0)["article"]["id"], "s1");
}

TEST(ExtractCli, UsageErrorsExitTwo) {
  EXPECT_EQ(salvo("extract --format xml examples/seeds").status, 2);
  EXPECT_EQ(salvo("").status, 2);
  EXPECT_EQ(salvo("frobnicate").status, 2);
  EXPECT_EQ(salvo("extract -o /no/such/dir/out.jsonl examples/seeds").status, 2);
}

TEST(ExtractCli, HelpTeachesWithAnExample) {
  const CommandRun top = salvo("--help");
  EXPECT_EQ(top.status, 0);
  EXPECT_NE(top.out.find("extract"), std::string::npos);
  const CommandRun extract = salvo("extract --help");
  EXPECT_EQ(extract.status, 0);
  EXPECT_NE(extract.out.find("--max-article-bytes"), std::string::npos);
  EXPECT_NE(extract.out.find("Examples:"), std::string::npos);
}

TEST(ExtractCli, OutputFileAndPrettyFormat) {
  TempDir dir;
  const std::string out = dir.file("out.json");
  const CommandRun run = salvo("extract --format pretty -o " + out + " examples/seeds/000_c8cd247d421b118c.txt");
  EXPECT_EQ(run.status, 0);
  EXPECT_TRUE(run.out.empty());
  const std::string written = testing::read_file(out);
  EXPECT_NE(written.find("\n  \"article\": {"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(written)["article"]["id"], "000_c8cd247d421b118c");
}

// A folder the user may not read, below a named one or named itself: said, with the reason, and
// the exit status says something was skipped; the readable rest is read.
TEST(ExtractCli, AnUnreadableFolderIsSaidWithItsReasonAndExitsOne) {
  TempDir dir;
  dir.write("in/ok.txt", " date 2023-11-24\nRockets hit Ain al-Asad air base in western Iraq on Thursday.\n");
  dir.write("in/locked/hidden.txt", " date 2023-11-24\nDrones hit Erbil airport on Thursday.\n");
  dir.write("named/x.txt", "Drones hit Tanf.\n");
  const std::string user = testing::as_unprivileged_user();
  std::filesystem::permissions(dir.file("in/locked"), std::filesystem::perms::none);
  std::filesystem::permissions(dir.file("named"), std::filesystem::perms::none);
  const CommandRun below = testing::run_command(user + SALVO_BINARY + " extract -q " + dir.file("in"));
  const CommandRun named = testing::run_command(user + SALVO_BINARY + " extract -q " + dir.file("named"));
  std::filesystem::permissions(dir.file("in/locked"), std::filesystem::perms::owner_all);
  std::filesystem::permissions(dir.file("named"), std::filesystem::perms::owner_all);
  EXPECT_EQ(below.status, 1) << below.err;
  EXPECT_NE(below.err.find(dir.file("in/locked") + ": cannot read the folder (Permission denied): skipped"), std::string::npos) << below.err;
  EXPECT_EQ(below.records().size(), 1u);
  EXPECT_EQ(named.status, 1) << named.err;
  EXPECT_NE(named.err.find(dir.file("named") + ": cannot read the folder (Permission denied)"), std::string::npos) << named.err;
  EXPECT_EQ(named.err.find("holds no"), std::string::npos) << named.err;
}

TEST(ExtractCli, ASymlinkedSubfolderIsSaidNotFollowedAndExitsOne) {
  TempDir dir;
  dir.write("in/ok.txt", " date 2023-11-24\nRockets hit Ain al-Asad air base in western Iraq on Thursday.\n");
  dir.write("elsewhere/other.txt", " date 2023-11-24\nDrones hit Erbil airport on Thursday.\n");
  std::filesystem::create_directory_symlink(dir.file("elsewhere"), dir.file("in/link"));
  const CommandRun run = salvo("extract -q " + dir.file("in"));
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_NE(run.err.find(dir.file("in/link") + ": a symbolic link to a folder: not followed, skipped"), std::string::npos) << run.err;
  EXPECT_EQ(run.records().size(), 1u);
}

// -j N: the records are the same bytes in the same order whatever the number of threads.
TEST(ExtractCli, ThreadsChangeNothingInTheOutput) {
  std::string inputs = std::string(SALVO_SOURCE_DIR) + "/examples/seeds";
  for (const char* set : {"dev", "bench-html"}) {
    if (auto folder = testing::shared_data(set)) inputs += " " + folder->string();
  }
  const CommandRun one = salvo("extract -q -j 1 " + inputs);
  ASSERT_FALSE(one.out.empty());
  for (const char* threads : {"2", "3", "0"}) {
    const CommandRun many = salvo(std::string("extract -q -j ") + threads + " " + inputs);
    EXPECT_EQ(many.status, one.status);
    EXPECT_TRUE(many.out == one.out) << "-j " << threads << " changed the output";
  }
}

}  // namespace
}  // namespace salvo
