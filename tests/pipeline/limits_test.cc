// The limits of pipeline/limits.h and of reading: pathological articles (a 20 MB line, 100,000
// nested tags, a million "rocket"s, thousands of reports of one incident, JSON nested 100,000
// deep) are processed within them, each limit met is a warning naming its option, and what lies
// within the limits is still extracted.
//
// These run the whole pipeline on inputs that once took minutes (a 16 MB sentence: 548 s; 10,000
// one-line reports: quadratic in the merge). They assert no time: a return to quadratic work
// shows as a test that does not finish, which ctest's per-test TIMEOUT (CMakeLists.txt) fails.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "../support/shared_recognizer.h"
#include "salvo/ingest/reader.h"
#include "salvo/pipeline/analyze.h"
#include "salvo/pipeline/process.h"

namespace salvo {
namespace {

using Json = nlohmann::ordered_json;

Json process(std::string raw, ContentKind kind = ContentKind::kText, const Limits& limits = {}) {
  Article article;
  article.id = "limits";
  article.source = "test:limits";
  article.kind = kind;
  article.raw = std::move(raw);
  article.published = parse_iso_date_prefix("2024-01-02");
  article.published_from = PublishedFrom::kHeader;
  return process_article(std::move(article), testing::shared_recognizer(), {}, limits);
}

std::string repeat(std::string_view piece, size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (size_t i = 0; i < times; ++i) out.append(piece);
  return out;
}

// The warning that names `option`, or "" when there is none.
std::string warning_naming(const Json& record, std::string_view option) {
  for (const auto& w : record["warnings"]) {
    const std::string text = w.get<std::string>();
    if (text.find(option) != std::string::npos) return text;
  }
  return "";
}

// ---- cut_long_span ----

std::vector<std::string> pieces(std::string_view text, size_t max_bytes) {
  std::vector<std::string> out;
  for (const Span& s : cut_long_span(text, {0, text.size()}, max_bytes)) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(CutLongSpan, ASpanWithinTheLimitComesBackWhole) {
  EXPECT_EQ(pieces("Rockets hit Erbil.", 18), std::vector<std::string>{"Rockets hit Erbil."});
  EXPECT_EQ(pieces("Rockets hit Erbil.", 0), std::vector<std::string>{"Rockets hit Erbil."});  // 0: no limit
}

TEST(CutLongSpan, CutsAtTheLastSpaceWithinTheLimit) {
  EXPECT_EQ(pieces("Rockets hit the base near Erbil", 12), (std::vector<std::string>{"Rockets hit", "the base", "near Erbil"}));
  EXPECT_EQ(pieces("aaaa bbbb cccc", 9), (std::vector<std::string>{"aaaa bbbb", "cccc"}));
  EXPECT_EQ(pieces("aaaa   bbbb", 5), (std::vector<std::string>{"aaaa", "bbbb"}));  // spaces at a cut are left out
}

TEST(CutLongSpan, ARunWithoutSpacesIsCutAtACharacterBoundary) {
  EXPECT_EQ(pieces("abcdefghij", 4), (std::vector<std::string>{"abcd", "efgh", "ij"}));
  // "ééééé": two bytes each; a cut never splits one.
  const std::string accents = repeat("\xC3\xA9", 5);
  for (const std::string& piece : pieces(accents, 5)) {
    EXPECT_LE(piece.size(), 5u);
    EXPECT_EQ(piece.size() % 2, 0u) << "a character was split";
  }
}

TEST(CutLongSpan, PiecesKeepEveryWordInOrderWithinTheLimit) {
  const std::string text = repeat("Rockets hit the US base near Erbil on Monday and ", 300);
  std::string joined;
  for (const std::string& piece : pieces(text, 100)) {
    EXPECT_LE(piece.size(), 100u);
    EXPECT_FALSE(piece.empty());
    joined += piece + " ";
  }
  EXPECT_TRUE(joined == text) << "the pieces differ from the text at byte "
                              << std::mismatch(joined.begin(), joined.end(), text.begin(), text.end()).first - joined.begin();
}

// ---- the pathological articles ----

TEST(Limits, ATwentyMegabyteLineIsCutIntoSentencesAndItsFirstReportsAreRead) {
  const std::string line = repeat("Rockets hit the US base near Erbil on Monday and ", 460000);  // 21 MB, no full stop
  ASSERT_GT(line.size(), 20u << 20);
  const Json record = process(line);
  EXPECT_NE(warning_naming(record, "--max-sentence-bytes"), "") << record["warnings"].dump();
  EXPECT_NE(warning_naming(record, "--max-mentions"), "") << record["warnings"].dump();
  ASSERT_FALSE(record["events"].empty());
  EXPECT_EQ(record["events"][0]["location"], "Erbil");
}

TEST(Limits, AMillionRocketsAreReadUpToTheMentionLimit) {
  const Json record = process(repeat("rocket ", 1000000));
  EXPECT_NE(warning_naming(record, "--max-mentions"), "") << record["warnings"].dump();
}

TEST(Limits, AHundredThousandNestedTagsAreFlattenedAndTheirTextKept) {
  const std::string html = "<html><body>" + repeat("<div>", 100000) +
                           "<p>Rockets hit Ain al-Asad air base in western Iraq on Monday, officials said.</p>" +
                           repeat("</div>", 100000) + "</body></html>";
  const Json record = process(html, ContentKind::kHtml);
  const std::string warning = warning_naming(record, "--max-html-depth");
  EXPECT_NE(warning.find("99600 tag(s) flattened"), std::string::npos) << record["warnings"].dump();
  ASSERT_EQ(record["events"].size(), 1u);
  EXPECT_EQ(record["events"][0]["location_text"], "Ain al-Asad air base");
}

TEST(Limits, ThousandsOfReportsOfOneIncidentAreOneEvent) {
  // 3,000 one-sentence paragraphs, each one report of the same attack: 15,000 mentions, within
  // the limit, merged pair by pair into one event that cites every sentence.
  const Json record = process(repeat("Rockets hit the US base near Erbil on Monday.\n\n", 3000));
  EXPECT_EQ(warning_naming(record, "--max-mentions"), "");
  ASSERT_EQ(record["events"].size(), 1u);
  EXPECT_EQ(record["events"][0]["evidence"].size(), 3000u);
}

TEST(Limits, EachLimitIsTheCallers) {
  Limits limits;
  limits.max_mentions = 10;
  const Json record = process(repeat("Rockets hit the US base near Erbil on Monday.\n\n", 10), ContentKind::kText, limits);
  const std::string warning = warning_naming(record, "--max-mentions");
  EXPECT_NE(warning.find("more than 10 mentions"), std::string::npos) << warning;
  // Whole sentences are kept: the first two (four or five mentions each), and only they are read.
  ASSERT_EQ(record["events"].size(), 1u);
  EXPECT_LE(record["events"][0]["evidence"].size(), 2u);

  limits = Limits{};
  limits.max_sentence_bytes = 20;
  EXPECT_NE(warning_naming(process("Rockets hit the US base near Erbil on Monday.", ContentKind::kText, limits),
                           "--max-sentence-bytes"),
            "");
}

TEST(Limits, ArticlesWithinTheLimitsHaveNoLimitWarning) {
  const Json record = process("Rockets hit the US base near Erbil on Monday, officials said.");
  EXPECT_TRUE(record["warnings"].empty()) << record["warnings"].dump();
}

TEST(Limits, AJsonLineNestedTooDeepIsSkippedAndTheNextRead) {
  const std::string jsonl = "{\"id\":\"deep\",\"text\":" + repeat("[", 100000) + repeat("]", 100000) + "}\n" +
                            "{\"id\":\"flat\",\"text\":\"Rockets hit Erbil on Monday.\"}\n";
  std::vector<std::string> ids;
  std::vector<InputProblem> problems;
  read_jsonl_articles("deep.jsonl", jsonl, ReadOptions{}, [&](Article&& a) { ids.push_back(a.id); },
                      [&](const InputProblem& p) { problems.push_back(p); });
  EXPECT_EQ(ids, std::vector<std::string>{"flat"});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where, "deep.jsonl:1");
  EXPECT_NE(problems[0].message.find("--max-json-depth"), std::string::npos) << problems[0].message;
}

// A sentence no limit cut (a 200,000-character "word", read with a sentence limit above it): its
// evidence text is bounded, with an ellipsis, and its offsets are still the whole sentence's.
TEST(Limits, AnEvidenceSpanIsBoundedAndKeepsItsTrueOffsets) {
  const std::string sentence = "Rockets hit Ain al-Asad air base in western Iraq on Monday, a US official said" + repeat("x", 200000) + ".";
  Limits limits;
  limits.max_sentence_bytes = 1u << 20;
  const Json record = process(sentence + "\n", ContentKind::kText, limits);
  ASSERT_FALSE(record["events"].empty()) << record.dump().substr(0, 500);
  const Json& evidence = record["events"][0]["evidence"][0];
  const std::string text = evidence["text"];
  EXPECT_LE(text.size(), 1024u + 3);
  EXPECT_EQ(text.substr(0, 20), "Rockets hit Ain al-A");
  EXPECT_EQ(text.substr(text.size() - 3), "\xE2\x80\xA6");
  EXPECT_EQ(evidence["start"], 0);
  EXPECT_EQ(evidence["end"], sentence.size());
}

}  // namespace
}  // namespace salvo
