#include "salvo/store/writer_presence.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>

#include "salvo/store/sql/postgres_connection.h"

namespace salvo {

WriterPresence WriterPresence::hold(const std::string& location) {
  if (sql::is_postgres_uri(location)) return WriterPresence(-1);
  const int fd = ::open(location.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return WriterPresence(-1);
  // Blocks only while a check looks (its exclusive lock lasts one system call).
  if (::flock(fd, LOCK_SH) != 0) {
    ::close(fd);
    return WriterPresence(-1);
  }
  return WriterPresence(fd);
}

WriterPresence::~WriterPresence() {
  if (fd_ >= 0) ::close(fd_);  // closing drops the lock
}

bool WriterPresence::held_by_someone(const std::string& location) {
  if (sql::is_postgres_uri(location)) return false;
  const int fd = ::open(location.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  ::close(fd);
  return held;
}

}  // namespace salvo
