// Issue 20's "a firehose, not a batch": a feed is read a line at a time, so the peak memory of
// `salvo extract` does not follow the size of its input. Each run is the built binary, measured
// by the kernel (wait4's ru_maxrss of that one child).
//
// The feeds are generated here, 10 MB and 200 MB of the same records: long texts cut by
// --max-article-bytes, so that the run time is the reading (JSON parse, sha256 of the whole text)
// and not the extraction, and the test stays within seconds. Before the reader streamed, the
// 200 MB feed peaked ~200 MB above the 10 MB one (the file held whole, then its lines).
#include <fcntl.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "../support/temp_dir.h"

namespace salvo {
namespace {

using testing::TempDir;

struct Measured {
  int status = -1;
  long peak_rss_kb = 0;
};

// Runs the salvo binary with `args`, its stdout to `out_path`; its exit status and peak RSS.
Measured run_measured(const std::vector<std::string>& args, const std::string& out_path) {
  std::vector<std::string> argv_strings{SALVO_BINARY};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : argv_strings) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int null = open("/dev/null", O_RDWR);
    dup2(null, STDIN_FILENO);
    dup2(out, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    execv(argv[0], argv.data());
    _exit(127);
  }
  Measured measured;
  int status = 0;
  rusage usage{};
  if (pid > 0 && wait4(pid, &status, 0, &usage) == pid) {
    measured.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    measured.peak_rss_kb = usage.ru_maxrss;
  }
  return measured;
}

// A record of ~64 KB: an attack report repeated, numbered so that no two records are the same.
std::string record(size_t number) {
  std::string text = fmt::format("Report {}. ", number);
  while (text.size() < (64u << 10)) {
    text += "Three rockets hit Ain al-Asad air base in western Iraq on Sunday, officials said. ";
  }
  return fmt::format(R"({{"id":"r{}","published":"2024-01-28","text":"{}"}})", number, text) + "\n";
}

// Writes records to `path` until it holds `bytes`; returns how many. Gzip when `path` ends in .gz.
size_t write_feed(const std::string& path, size_t bytes) {
  const bool gz = path.ends_with(".gz");
  std::ofstream plain;
  gzFile zipped = nullptr;
  if (gz) zipped = gzopen(path.c_str(), "wb1");
  else plain.open(path, std::ios::binary);
  size_t written = 0, records = 0;
  while (written < bytes) {
    const std::string line = record(++records);
    if (gz) gzwrite(zipped, line.data(), static_cast<unsigned>(line.size()));
    else plain.write(line.data(), static_cast<std::streamsize>(line.size()));
    written += line.size();
  }
  if (gz) gzclose(zipped);
  return records;
}

size_t count_lines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  size_t lines = 0;
  for (std::string line; std::getline(in, line);) ++lines;
  return lines;
}

void expect_flat_peak(const std::string& small_name, const std::string& large_name) {
  TempDir dir;
  const size_t small_records = write_feed(dir.file(small_name), 10u << 20);
  const size_t large_records = write_feed(dir.file(large_name), 200u << 20);
  const std::vector<std::string> options{"extract", "-q", "-j", "2", "--max-article-bytes", "4096"};
  auto with = [&](std::string path) {
    std::vector<std::string> args = options;
    args.push_back(std::move(path));
    return args;
  };
  const Measured small = run_measured(with(dir.file(small_name)), dir.file("small.out"));
  ASSERT_EQ(small.status, 0);
  EXPECT_EQ(count_lines(dir.file("small.out")), small_records);
  const Measured large = run_measured(with(dir.file(large_name)), dir.file("large.out"));
  ASSERT_EQ(large.status, 0);
  EXPECT_EQ(count_lines(dir.file("large.out")), large_records);
  fmt::print("peak RSS of salvo extract: {} MB on 10 MB of {}, {} MB on 200 MB\n", small.peak_rss_kb / 1024,
             small_name.substr(small_name.find('.') + 1), large.peak_rss_kb / 1024);
  EXPECT_LE(large.peak_rss_kb, small.peak_rss_kb * 12 / 10)
      << "peak RSS " << large.peak_rss_kb / 1024 << " MB on 200 MB of JSONL, " << small.peak_rss_kb / 1024 << " MB on 10 MB";
}

TEST(StreamingMemory, ExtractPeakOn200MbOfJsonlIsWithin20PercentOfItsPeakOn10Mb) {
  expect_flat_peak("small.jsonl", "large.jsonl");
}

TEST(StreamingMemory, ExtractPeakOn200MbOfJsonlGzIsWithin20PercentOfItsPeakOn10Mb) {
  expect_flat_peak("small.jsonl.gz", "large.jsonl.gz");
}

}  // namespace
}  // namespace salvo
