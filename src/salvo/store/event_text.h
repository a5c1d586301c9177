// The text search rows of merged events (table event_text: an event's id and the body searched),
// and, where the engine does not index them by itself, their index, written by hand.
//
// Why by hand: up to schema 5, SQLite triggers kept FTS5 in step with the rows. SQLite runs a
// trigger inside a statement savepoint, and FTS5 writes its pending terms out as a new segment at
// every savepoint, so each row became a segment of its own, merged again and again: 3.5x the cost
// of indexing the same rows directly, and the largest part of a merge. FTS5 also writes its
// pending terms out whenever a row comes below the last one it was given. So the index is written
// once per merge, at finish(): every removal in rowid order, then every addition in rowid order.
//
// One object per write transaction; nothing reads the index before finish() (a merge does not
// search), and the rows and the index commit together.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "salvo/store/sql/connection.h"

namespace salvo {

class EventTextRows {
 public:
  explicit EventTextRows(sql::Connection& db);

  // A new row for the event (which has none).
  void add(const std::string& event_id, const std::string& body);
  // The event's row is about to go: called before its event is deleted (the row goes with it,
  // ON DELETE CASCADE), or by replace(). An event with no row is let be.
  void forget(const std::string& event_id);
  // The event's row now says `body`.
  void replace(const std::string& event_id, const std::string& body);
  // Writes the index. Call once, before the transaction commits.
  void finish();

 private:
  std::unique_ptr<sql::Statement> insert_, remove_row_;
  std::optional<sql::Connection::TextIndexWrites> writes_;
  std::unique_ptr<sql::Statement> row_of_, index_add_, index_remove_;
  std::map<int64_t, std::string> removed_;  // rowid → the body indexed, for the index's removals
  std::set<int64_t> added_;                 // rowids not yet indexed
};

}  // namespace salvo
