// The store in a PostgreSQL database: one store written by `salvo ingest` on several hosts at once
// and read by `salvo serve` anywhere.
#pragma once

#include <memory>
#include <string>

#include "salvo/store/sql/connection.h"

namespace salvo::sql {

// Whether `location` names a PostgreSQL database (postgresql://… or postgres://…) rather than a file.
bool is_postgres_uri(const std::string& location);

// The URI without its password, for messages.
std::string redacted_uri(const std::string& uri);

// Connects (libpq: the URI's host, port, user, database and parameters, then PG* variables and
// ~/.pgpass); throws sql::Error. Read-only, every transaction of the session is READ ONLY: the
// server refuses any write.
std::unique_ptr<Connection> open_postgres(const std::string& uri, Access access = Access::kReadWrite);

// "?" parameters as PostgreSQL's "$1", "$2", … (not inside quotes); `count` gets their number.
std::string numbered_parameters(const std::string& sql, int& count);

}  // namespace salvo::sql
