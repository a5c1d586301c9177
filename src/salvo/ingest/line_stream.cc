#include "salvo/ingest/line_stream.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

namespace salvo {

namespace {

constexpr size_t kChunk = 1 << 16;

bool is_gzip_magic(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f && static_cast<unsigned char>(bytes[1]) == 0x8b;
}

}  // namespace

// Inflates in 64 KiB output blocks, as the whole-file reader before it did: a block is handed on
// when full or at the stream's end, and the block being filled when corrupt data is met is
// dropped, so a damaged file keeps the very bytes (and lines) it kept before.
struct LineStream::Decoder {
  z_stream stream{};
  bool started = false;
  bool finished = false;
  std::string input;
  std::string block = std::string(kChunk, '\0');

  Decoder() { started = inflateInit2(&stream, 15 + 32) == Z_OK; }
  ~Decoder() {
    if (started) inflateEnd(&stream);
  }
  void start_block() {
    stream.next_out = reinterpret_cast<Bytef*>(block.data());
    stream.avail_out = static_cast<uInt>(block.size());
  }
  std::string_view filled() const { return std::string_view(block).substr(0, block.size() - stream.avail_out); }
};

LineStream::LineStream(int fd, std::string path, std::string_view memory, size_t max_line_bytes)
    : fd_(fd), path_(std::move(path)), memory_(memory), max_line_bytes_(max_line_bytes) {}

LineStream::~LineStream() {
  if (own_fd_) ::close(fd_);
}

Result<std::unique_ptr<LineStream>> LineStream::open(const std::string& path, size_t max_line_bytes) {
  if (path == "-") return std::unique_ptr<LineStream>(new LineStream(STDIN_FILENO, path, {}, max_line_bytes));
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error{fmt::format("{}: cannot open: {}", path, std::strerror(errno))};
  std::unique_ptr<LineStream> stream(new LineStream(fd, path, {}, max_line_bytes));
  stream->own_fd_ = true;
  return stream;
}

std::unique_ptr<LineStream> LineStream::over(std::string_view bytes, size_t max_line_bytes) {
  std::unique_ptr<LineStream> stream(new LineStream(-1, "", bytes, max_line_bytes));
  stream->sniffed_ = true;  // bytes in memory are taken as they are
  return stream;
}

size_t LineStream::read_raw(char* out, size_t size) {
  if (fd_ < 0) {
    const size_t n = std::min(size, memory_.size());
    std::memcpy(out, memory_.data(), n);
    memory_.remove_prefix(n);
    return n;
  }
  for (;;) {
    // read(2), not a stdio buffer: from a pipe it returns what has arrived, so a streaming
    // mapper answers each line as it comes instead of waiting for 64 KiB of them.
    const ssize_t n = ::read(fd_, out, size);
    if (n >= 0) return static_cast<size_t>(n);
    if (errno == EINTR) continue;
    damage_ = "read error";
    return 0;
  }
}

bool LineStream::fill() {
  if (ended_) return false;
  // What was taken is dropped once it is most of the buffer: the buffer stays near the longest line.
  if (start_ == buffer_.size()) {
    buffer_.clear();
    start_ = 0;
  } else if (start_ >= kChunk && 2 * start_ >= buffer_.size()) {
    buffer_.erase(0, start_);
    start_ = 0;
  }
  if (!sniffed_) {
    sniffed_ = true;
    // The magic bytes decide, not the name: a ".jsonl" that is gzip is inflated, as before.
    std::string head;
    char bytes[2];
    while (head.size() < 2) {
      const size_t n = read_raw(bytes, 2 - head.size());
      if (n == 0) break;
      head.append(bytes, n);
    }
    if (is_gzip_magic(head)) {
      decoder_ = std::make_unique<Decoder>();
      decoder_->input = std::move(head);
      decoder_->stream.next_in = reinterpret_cast<Bytef*>(decoder_->input.data());
      decoder_->stream.avail_in = static_cast<uInt>(decoder_->input.size());
      decoder_->start_block();
      if (!decoder_->started) damage_ = "cannot start gzip decoder";
    } else {
      buffer_ += head;
      if (!head.empty()) return true;
    }
  }
  if (damage_) {
    ended_ = true;
    return false;
  }
  if (!decoder_) {
    const size_t old_size = buffer_.size();
    buffer_.resize(old_size + kChunk);
    const size_t n = read_raw(buffer_.data() + old_size, kChunk);
    buffer_.resize(old_size + n);
    if (n == 0) ended_ = true;
    return n > 0;
  }
  Decoder& d = *decoder_;
  for (;;) {
    if (d.finished) {
      ended_ = true;  // the bytes after the first gzip member are not read, as before
      return false;
    }
    if (d.stream.avail_in == 0) {
      d.input.resize(kChunk);
      const size_t n = read_raw(d.input.data(), kChunk);
      if (n == 0) {
        // What inflated before the cut is handed on; the next call finds the end.
        const std::string_view last = d.filled();
        buffer_ += last;
        if (!damage_) damage_ = "truncated gzip data";
        ended_ = true;
        return !last.empty();
      }
      d.stream.next_in = reinterpret_cast<Bytef*>(d.input.data());
      d.stream.avail_in = static_cast<uInt>(n);
    }
    const int status = inflate(&d.stream, Z_NO_FLUSH);
    if (status != Z_OK && status != Z_STREAM_END) {
      damage_ = fmt::format("corrupt gzip data ({})", d.stream.msg ? d.stream.msg : "inflate failed");
      ended_ = true;
      return false;
    }
    if (status == Z_STREAM_END || d.stream.avail_out == 0) {
      d.finished = status == Z_STREAM_END;
      buffer_ += d.filled();
      d.start_block();
      return true;
    }
  }
}

std::optional<LineStream::Line> LineStream::next() {
  for (;;) {
    const char* from = buffer_.data() + start_ + scanned_;
    const void* newline = std::memchr(from, '\n', buffer_.size() - start_ - scanned_);
    if (newline) {
      const size_t end = static_cast<const char*>(newline) - buffer_.data();
      Line line{++number_, std::string_view(buffer_).substr(start_, end - start_), end - start_, false};
      if (line.length > max_line_bytes_) line = Line{line.number, {}, line.length, true};
      start_ = end + 1;
      scanned_ = 0;
      return line;
    }
    scanned_ = buffer_.size() - start_;
    if (scanned_ > max_line_bytes_) {
      // Too long to hold: read on to its end, keeping only its length.
      size_t length = scanned_;
      buffer_.clear();
      start_ = scanned_ = 0;
      for (;;) {
        if (!fill()) {
          if (damage_) return std::nullopt;  // cut by the damage: not a whole line
          return Line{++number_, {}, length, true};
        }
        const void* end = std::memchr(buffer_.data(), '\n', buffer_.size());
        if (end) {
          const size_t at = static_cast<const char*>(end) - buffer_.data();
          start_ = at + 1;
          return Line{++number_, {}, length + at, true};
        }
        length += buffer_.size();
        buffer_.clear();
      }
    }
    if (!fill()) {
      if (start_ == buffer_.size() || damage_) return std::nullopt;
      Line line{++number_, std::string_view(buffer_).substr(start_), buffer_.size() - start_, false};
      start_ = buffer_.size();
      scanned_ = 0;
      return line;
    }
  }
}

std::string_view LineStream::peek(size_t bytes) {
  while (buffer_.size() - start_ < bytes && fill()) {
  }
  return std::string_view(buffer_).substr(start_, bytes);
}

std::string LineStream::read_rest() {
  while (fill()) {
  }
  std::string rest = buffer_.substr(start_);
  buffer_.clear();
  start_ = scanned_ = 0;
  return rest;
}

size_t LineStream::skip_rest() {
  while (next()) {
  }
  return number_;
}

}  // namespace salvo
