// Where Salvo's data files (lexicons, gazetteer) are found.
#pragma once

#include <filesystem>
#include <string>

namespace salvo {

// In order: $SALVO_DATA_DIR; data/ beside the executable's parent (an installed tree:
// bin/salvo → share/salvo/data or ../data); the source tree's data/ the binary was built from.
std::filesystem::path data_dir();

}  // namespace salvo
