// The store in one SQLite file (WAL): the default, for one host.
#pragma once

#include <filesystem>
#include <memory>

#include "salvo/store/sql/connection.h"

namespace salvo::sql {

// Opens (creating) the file; throws sql::Error.
std::unique_ptr<Connection> open_sqlite(const std::filesystem::path& path);

}  // namespace salvo::sql
