#include "salvo/ingest/line_stream.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "../support/gzip.h"
#include "../support/temp_dir.h"

namespace salvo {
namespace {

using testing::gzip;
using testing::TempDir;

struct Read {
  std::vector<std::string> lines;  // "N:text", or "N:too long (L)"
  std::optional<std::string> damage;
};

Read read_all(LineStream& stream) {
  Read read;
  while (const auto line = stream.next()) {
    read.lines.push_back(line->too_long ? fmt::format("{}:too long ({})", line->number, line->length)
                                        : fmt::format("{}:{}", line->number, line->text));
  }
  read.damage = stream.damage();
  return read;
}

Read read_file(const std::string& path, size_t max_line_bytes = 1u << 20) {
  auto stream = LineStream::open(path, max_line_bytes);
  EXPECT_TRUE(stream.ok());
  return read_all(**stream);
}

// Numbered as an editor numbers them, as base/lines.h does for text in memory.
TEST(LineStream, LinesAreNumberedAsInAnEditor) {
  auto stream = LineStream::over("a\n\nb\r\nlast", 100);
  const Read read = read_all(*stream);
  EXPECT_EQ(read.lines, (std::vector<std::string>{"1:a", "2:", "3:b\r", "4:last"}));
  EXPECT_FALSE(read.damage);
  EXPECT_EQ(stream->number(), 4u);
}

TEST(LineStream, AFinalNewlineStartsNoEmptyLine) {
  EXPECT_EQ(read_all(*LineStream::over("a\nb\n", 100)).lines, (std::vector<std::string>{"1:a", "2:b"}));
  EXPECT_TRUE(read_all(*LineStream::over("", 100)).lines.empty());
}

// Lines much longer than the 64 KiB the stream reads at a time, and across its reads.
TEST(LineStream, LongLinesAcrossReadsComeWhole) {
  TempDir dir;
  std::string feed;
  std::vector<std::string> expected;
  for (size_t i = 1; i <= 20; ++i) {
    const std::string line(i * 17000, static_cast<char>('a' + i));
    feed += line + "\n";
    expected.push_back(fmt::format("{}:{}", i, line));
  }
  EXPECT_EQ(read_file(dir.write("long.jsonl", feed)).lines, expected);
  EXPECT_EQ(read_file(dir.write("long.jsonl.gz", gzip(feed))).lines, expected);
}

// A line over the limit is not held: its length is told, the next line read as usual.
TEST(LineStream, ALineOverTheLimitIsToldByItsLengthAlone) {
  TempDir dir;
  const std::string feed = "short\n" + std::string(300000, 'x') + "\nafter\n" + std::string(5000, 'y');
  const Read read = read_file(dir.write("f.jsonl", feed), 4096);
  EXPECT_EQ(read.lines, (std::vector<std::string>{"1:short", "2:too long (300000)", "3:after", "4:too long (5000)"}));
}

TEST(LineStream, GzipIsFoundByItsMagicBytesNotItsName) {
  TempDir dir;
  EXPECT_EQ(read_file(dir.write("feed.jsonl", gzip("one\ntwo\n"))).lines, (std::vector<std::string>{"1:one", "2:two"}));
}

// A feed cut in transfer: every whole line before the cut, then why it stopped; the piece of a line
// before the cut is no line.
TEST(LineStream, ATruncatedGzipKeepsItsWholeLines) {
  TempDir dir;
  std::string feed;
  for (int i = 1; i <= 3000; ++i) feed += fmt::format("line {} of a feed, {}\n", i, i * 7919);
  std::string bytes = gzip(feed);
  bytes.resize(bytes.size() / 2);
  const Read read = read_file(dir.write("cut.jsonl.gz", bytes));
  ASSERT_EQ(read.damage, "truncated gzip data");
  ASSERT_GT(read.lines.size(), 100u);
  ASSERT_LT(read.lines.size(), 3000u);
  for (size_t i = 0; i < read.lines.size(); ++i) {
    EXPECT_EQ(read.lines[i], fmt::format("{}:line {} of a feed, {}", i + 1, i + 1, (i + 1) * 7919));
  }
}

TEST(LineStream, CorruptGzipSaysWhy) {
  TempDir dir;
  std::string bytes = gzip(std::string(200000, 'a') + "\n");
  for (size_t i = 20; i < bytes.size() - 10; ++i) bytes[i] = static_cast<char>(0xFF);
  const Read read = read_file(dir.write("bad.gz", bytes));
  ASSERT_TRUE(read.damage);
  EXPECT_EQ(read.damage->rfind("corrupt gzip data (", 0), 0u) << *read.damage;
}

TEST(LineStream, PeekTakesNothing) {
  auto stream = LineStream::over("{\"a\":1}\nsecond\n", 100);
  EXPECT_EQ(stream->peek(3), "{\"a");
  EXPECT_EQ(stream->peek(1000), "{\"a\":1}\nsecond\n");
  EXPECT_EQ(read_all(*stream).lines, (std::vector<std::string>{"1:{\"a\":1}", "2:second"}));
}

TEST(LineStream, AMissingFileIsAnErrorNamingIt) {
  auto stream = LineStream::open("/nonexistent/salvo/feed.jsonl", 100);
  ASSERT_FALSE(stream.ok());
  EXPECT_EQ(stream.error().message, "/nonexistent/salvo/feed.jsonl: cannot open: No such file or directory");
}

}  // namespace
}  // namespace salvo
