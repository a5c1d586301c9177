// Whether a writer (`salvo ingest`, `salvo reprocess`) is at work on an SQLite store, so that
// `salvo check` can tell the merge such a run will make when its articles are in from one a killed
// run left behind: both leave rows in merge_pending. Each writer holds a shared flock(2) on the
// store's file for as long as it runs; the kernel drops it when the process ends, however it ends.
// (flock, unlike the fcntl locks SQLite takes, is not lost when another descriptor of the file
// closes, and does not meet them.)
#pragma once

#include <string>

namespace salvo {

class WriterPresence {
 public:
  // Held until destroyed; holds nothing for a PostgreSQL store or a file that cannot be opened
  // (the store's own open reports that).
  static WriterPresence hold(const std::string& location);
  WriterPresence(WriterPresence&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  WriterPresence& operator=(WriterPresence&&) = delete;
  WriterPresence(const WriterPresence&) = delete;
  ~WriterPresence();

  // Whether some process holds a WriterPresence on the SQLite store at `location` now.
  static bool held_by_someone(const std::string& location);

 private:
  explicit WriterPresence(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace salvo
