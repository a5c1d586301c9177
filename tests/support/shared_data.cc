#include "shared_data.h"

namespace salvo::testing {

// SALVO_SHARED_DIR is defined for this file alone (CMakeLists.txt), so pointing the build at
// another data set (-DSALVO_SHARED_DIR=…, or none) recompiles one file, not every test.
std::optional<std::filesystem::path> shared_data(std::string_view part) {
  std::filesystem::path path = std::filesystem::path(SALVO_SHARED_DIR) / part;
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return std::nullopt;
  return path;
}

std::filesystem::path seed_articles() {
  if (auto seeds = shared_data("seeds")) return *seeds;
  return std::filesystem::path(SALVO_SOURCE_DIR) / "examples" / "seeds";
}

std::string lacks_shared_data(std::string_view part) {
  return (std::filesystem::path(SALVO_SHARED_DIR) / part).string() +
         " is not on this machine (the team's shared data set, not in the repository)";
}

}  // namespace salvo::testing
