// The lines of a file, of stdin or of bytes in memory, read as they come in bounded memory: a
// feed of any size costs the buffer of its longest line, not its size. A file or stdin that
// starts with gzip's magic bytes is inflated on the way.
//
// A gzip stream cut in transfer or damaged yields its whole lines before the damage (what zcat
// recovers), then stops and says why (damage()). A line longer than the limit is not held: it
// comes back as `too_long`, with its length and without its text.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "salvo/base/result.h"

namespace salvo {

class LineStream {
 public:
  struct Line {
    size_t number = 0;       // from 1, as an editor numbers lines
    std::string_view text;   // without its '\n' (a '\r' before it stays); empty when too long
    size_t length = 0;       // the line's bytes, also when too long
    bool too_long = false;   // over max_line_bytes: its text was not kept
  };

  // Opens `path` ("-" is stdin); the error names the file ("feed.jsonl: cannot open: …").
  static Result<std::unique_ptr<LineStream>> open(const std::string& path, size_t max_line_bytes);
  // The lines of `bytes`, which must outlive the stream; never inflated.
  static std::unique_ptr<LineStream> over(std::string_view bytes, size_t max_line_bytes);
  ~LineStream();

  // The next line, or nothing after the last. A final '\n' ends the last line; it does not start
  // an empty one. After damage, the bytes after the last '\n' are not a line.
  std::optional<Line> next();
  // The number of the last line next() returned.
  size_t number() const { return number_; }

  // The first `bytes` bytes not yet taken by next(), without taking them: fewer at the end.
  std::string_view peek(size_t bytes);
  // Every byte not yet taken, whole (a file that is one article), and the stream ended.
  std::string read_rest();
  // Reads to the end, dropping what it reads; returns the number of the last whole line.
  size_t skip_rest();

  // After the end: why the input stopped short ("truncated gzip data", "corrupt gzip data (…)",
  // "read error"), or nothing when it ended whole.
  const std::optional<std::string>& damage() const { return damage_; }
  bool ended() const { return ended_; }

 private:
  struct Decoder;
  LineStream(int fd, std::string path, std::string_view memory, size_t max_line_bytes);
  // Appends what the input gives next to buffer_; false when it appended nothing, at the end.
  bool fill();
  size_t read_raw(char* out, size_t size);

  int fd_ = -1;
  bool own_fd_ = false;
  std::string path_;
  std::string_view memory_;
  size_t max_line_bytes_;
  std::unique_ptr<Decoder> decoder_;  // when the input is gzip
  bool sniffed_ = false;
  std::string buffer_;
  size_t start_ = 0;    // the first byte of buffer_ not yet taken
  size_t scanned_ = 0;  // bytes after start_ known to hold no '\n'
  size_t number_ = 0;
  bool ended_ = false;
  std::optional<std::string> damage_;
};

}  // namespace salvo
