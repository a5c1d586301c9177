// The store in one SQLite file (WAL): the default, for one host.
#pragma once

#include <filesystem>
#include <memory>

#include "salvo/store/sql/connection.h"

namespace salvo::sql {

// Opens the file, creating it when it may write; throws sql::Error. Read-only, nothing is written
// to it (no schema, no journal mode), whatever it holds.
std::unique_ptr<Connection> open_sqlite(const std::filesystem::path& path, Access access = Access::kReadWrite);

}  // namespace salvo::sql
