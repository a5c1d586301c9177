#include "salvo/store/event_text.h"

#include <stdexcept>

#include <fmt/format.h>

namespace salvo {

EventTextRows::EventTextRows(sql::Connection& db)
    : insert_(db.prepare("INSERT INTO event_text(event_id, body) VALUES (?, ?)")),
      remove_row_(db.prepare("DELETE FROM event_text WHERE event_id = ?")),
      writes_(db.event_text_index_writes()) {
  if (writes_) {
    row_of_ = db.prepare(writes_->row_of);
    index_add_ = db.prepare(writes_->add);
    index_remove_ = db.prepare(writes_->remove);
  }
}

void EventTextRows::add(const std::string& event_id, const std::string& body) {
  insert_->bind(1, event_id);
  insert_->bind(2, body);
  insert_->exec_deferred();
  insert_->reset();
  if (!writes_) return;
  row_of_->bind(1, event_id);
  if (!row_of_->step()) throw std::runtime_error(fmt::format("the search text of event {} vanished as it was written", event_id));
  added_.insert(row_of_->integer(0));
  row_of_->reset();
}

void EventTextRows::forget(const std::string& event_id) {
  if (!writes_) return;
  row_of_->bind(1, event_id);
  if (row_of_->step()) {
    const int64_t rowid = row_of_->integer(0);
    // Added by this transaction: never indexed, so nothing to take out of the index. Else the
    // index holds the body as it was first written (a rowid is removed once: its row then goes).
    if (added_.erase(rowid) == 0) removed_.emplace(rowid, row_of_->text(1));
  }
  row_of_->reset();
}

void EventTextRows::replace(const std::string& event_id, const std::string& body) {
  // A new row (a new rowid), not an UPDATE: the index's removal of the old rowid and addition of
  // the new one then both keep to rowid order.
  forget(event_id);
  remove_row_->bind(1, event_id);
  remove_row_->exec_deferred();
  remove_row_->reset();
  add(event_id, body);
}

void EventTextRows::finish() {
  if (!writes_) return;
  // A rowid freed and given to a new row (SQLite reuses the largest) is removed, then added.
  for (const auto& [rowid, body] : removed_) {
    index_remove_->bind(1, rowid);
    index_remove_->bind(2, body);
    index_remove_->exec_deferred();
    index_remove_->reset();
  }
  for (const int64_t rowid : added_) {
    index_add_->bind(1, rowid);
    index_add_->exec_deferred();
    index_add_->reset();
  }
  removed_.clear();
  added_.clear();
}

}  // namespace salvo
