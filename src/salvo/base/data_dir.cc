#include "salvo/base/data_dir.h"

#include <unistd.h>

#include <cstdlib>

namespace salvo {

std::filesystem::path data_dir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("SALVO_DATA_DIR"); env && *env) return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const fs::path& candidate : {exe.parent_path().parent_path() / "share" / "salvo" / "data",
                                      exe.parent_path().parent_path() / "data"}) {
      if (fs::exists(candidate / "VERSION", ec)) return candidate;
    }
  }
  return fs::path(SALVO_SOURCE_DIR) / "data";
}

}  // namespace salvo
