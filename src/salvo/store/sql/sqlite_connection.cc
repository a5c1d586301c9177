#include "salvo/store/sql/sqlite_connection.h"

#include <sqlite3.h>
#include <SQLiteCpp/SQLiteCpp.h>

#include <fmt/format.h>

namespace salvo::sql {
namespace {

Failure failure_of(int code) {
  switch (code & 0xff) {  // the primary code of an extended one
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return Failure::kBusy;
    case SQLITE_FULL: return Failure::kFull;
    case SQLITE_IOERR: return Failure::kIo;
    case SQLITE_READONLY: return Failure::kReadOnly;
    case SQLITE_CANTOPEN: return Failure::kCantOpen;
    default: return Failure::kOther;
  }
}

// Runs `work`, turning SQLiteCpp's exceptions into sql::Error.
template <typename Work>
auto translated(Work&& work) -> decltype(work()) {
  try {
    return work();
  } catch (const SQLite::Exception& e) {
    const Failure failure = failure_of(e.getErrorCode());
    // Which kind of busy (a lock, a WAL index being rebuilt, a stale snapshot) tells why no waiting helped.
    if (failure == Failure::kBusy) throw Error(failure, fmt::format("{} (SQLite code {})", e.what(), e.getExtendedErrorCode()));
    throw Error(failure, e.what());
  }
}

class SqliteStatement final : public Statement {
 public:
  SqliteStatement(SQLite::Database& db, const std::string& sql) : statement_(translated([&] { return SQLite::Statement(db, sql); })) {}

  void bind(int index, const std::string& text) override { translated([&] { statement_.bind(index, text); }); }
  void bind(int index, int64_t value) override { translated([&] { statement_.bind(index, value); }); }
  void bind(int index, double value) override { translated([&] { statement_.bind(index, value); }); }
  void bind_null(int index) override { translated([&] { statement_.bind(index); }); }
  void bind_blob(int index, std::string_view bytes) override {
    translated([&] { statement_.bind(index, static_cast<const void*>(bytes.data()), static_cast<int>(bytes.size())); });
  }

  bool step() override { return translated([&] { return statement_.executeStep(); }); }
  int64_t exec() override { return translated([&] { return static_cast<int64_t>(statement_.exec()); }); }
  void reset() override {
    translated([&] {
      statement_.reset();
      statement_.clearBindings();
    });
  }

  int column_count() const override { return statement_.getColumnCount(); }
  bool is_null(int column) const override { return statement_.getColumn(column).isNull(); }
  std::string text(int column) const override { return statement_.getColumn(column).getString(); }
  int64_t integer(int column) const override { return statement_.getColumn(column).getInt64(); }
  double real(int column) const override { return statement_.getColumn(column).getDouble(); }
  std::string blob(int column) const override {
    const SQLite::Column value = statement_.getColumn(column);
    return std::string(static_cast<const char*>(value.getBlob()), static_cast<size_t>(value.getBytes()));
  }

 private:
  // SQLiteCpp's getters are not const; reading a column changes nothing we rely on.
  mutable SQLite::Statement statement_;
};

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(const std::filesystem::path& path, Access access)
      : location_(path.string()),
        db_(translated([&] {
          return SQLite::Database(path, access == Access::kReadOnly ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                                  static_cast<int>(std::chrono::milliseconds(kWriterWait).count()));
        })) {
    if (access == Access::kReadOnly) {
      exec("PRAGMA cache_size=-65536");
      return;
    }
    // WAL: readers never block the writer, and a killed writer leaves the last committed state.
    // synchronous=NORMAL keeps that under a killed process; only a power cut may lose the last
    // transactions (never consistency).
    // 16 KB pages (a new store; an existing one keeps its own): an article's raw text and record
    // span a few pages instead of a dozen, and the WAL is written in larger pieces.
    exec("PRAGMA page_size=16384");
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=NORMAL");
    exec("PRAGMA foreign_keys=ON");
    exec("PRAGMA cache_size=-65536");  // 64 MB of page cache (the default 2 MB re-reads indexes)
  }

  const std::string& location() const override { return location_; }

  std::unique_ptr<Statement> prepare(const std::string& sql) override { return std::make_unique<SqliteStatement>(db_, sql); }
  void exec(const std::string& sql) override { translated([&] { db_.exec(sql); }); }

  // IMMEDIATE: the write lock is taken now, not at the first write, so a transaction that read
  // first cannot find the store changed under it (and fail as busy) when it comes to write.
  void begin_write() override { exec("BEGIN IMMEDIATE"); }

  int schema_version() override { return std::stoi(query_value("PRAGMA user_version")); }
  void set_schema_version(int version) override { exec(fmt::format("PRAGMA user_version = {}", version)); }
  bool has_tables() override { return query_value("SELECT count(*) FROM sqlite_master") != "0"; }
  ColumnTypes column_types() const override { return {"TEXT", "INTEGER", "REAL", "BLOB"}; }

  // FTS5 (Debian's libsqlite3 has it) over event_text as external content: the words are indexed
  // once, not stored twice. Up to schema 5 these triggers kept it in step with every insert,
  // update and delete; schema 6 drops them (event_text_index_upgrade) and the store writes it. The Porter stemmer, as PostgreSQL's English
  // configuration stems: "rockets" finds "rocket" on both engines.
  std::string event_text_index_schema() const override {
    return R"sql(
CREATE VIRTUAL TABLE event_text_index USING fts5(body, content='event_text', tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER event_text_added AFTER INSERT ON event_text BEGIN
  INSERT INTO event_text_index(rowid, body) VALUES (new.rowid, new.body);
END;
CREATE TRIGGER event_text_removed AFTER DELETE ON event_text BEGIN
  INSERT INTO event_text_index(event_text_index, rowid, body) VALUES ('delete', old.rowid, old.body);
END;
CREATE TRIGGER event_text_changed AFTER UPDATE ON event_text BEGIN
  INSERT INTO event_text_index(event_text_index, rowid, body) VALUES ('delete', old.rowid, old.body);
  INSERT INTO event_text_index(rowid, body) VALUES (new.rowid, new.body);
END;
)sql";
  }
  std::string event_text_index_upgrade() const override {
    return R"sql(
DROP TRIGGER IF EXISTS event_text_added;
DROP TRIGGER IF EXISTS event_text_removed;
DROP TRIGGER IF EXISTS event_text_changed;
)sql";
  }
  // FTS5 flushes its pending terms when a row is written below the last one written: the store
  // removes in rowid order, then adds in rowid order, once per merge (EventTextRows::finish).
  std::optional<TextIndexWrites> event_text_index_writes() const override {
    return TextIndexWrites{"SELECT rowid, body FROM event_text WHERE event_id = ?",
                           "INSERT INTO event_text_index(rowid, body) SELECT rowid, body FROM event_text WHERE rowid = ?",
                           "INSERT INTO event_text_index(event_text_index, rowid, body) VALUES ('delete', ?, ?)"};
  }
  std::string event_text_match() const override {
    return "events.id IN (SELECT t.event_id FROM event_text_index JOIN event_text t ON t.rowid = event_text_index.rowid "
           "WHERE event_text_index MATCH ?)";
  }
  // Each word a quoted string ("" inside doubled): FTS5's query syntax (AND, NEAR, *, ^, column
  // filters) is not the user's to write by accident.
  std::string text_query(const std::vector<std::string>& words) const override {
    std::string query;
    for (const std::string& word : words) {
      query += query.empty() ? "\"" : " \"";
      for (char c : word) query += c == '"' ? std::string("\"\"") : std::string(1, c);
      query += '"';
    }
    return query;
  }
  std::string contains(const std::string& haystack) const override { return "instr(" + haystack + ", ?) > 0"; }

  std::vector<EngineCheck> engine_checks() override {
    std::vector<EngineCheck> out;
    const std::string integrity = query_value("PRAGMA quick_check");
    out.push_back({"SQLite integrity", integrity == "ok" ? std::vector<std::string>{} : std::vector<std::string>{integrity}, "ok"});
    EngineCheck keys{"foreign keys", {}, "every mention, tally and source has its article"};
    auto violations = prepare("PRAGMA foreign_key_check");
    while (violations->step()) {
      std::string row;
      for (int i = 0; i < violations->column_count(); ++i) row += (i ? " " : "") + violations->text(i);
      keys.problems.push_back(std::move(row));
    }
    out.push_back(std::move(keys));
    return out;
  }

 private:
  std::string location_;
  SQLite::Database db_;
};

}  // namespace

std::unique_ptr<Connection> open_sqlite(const std::filesystem::path& path, Access access) {
  return std::make_unique<SqliteConnection>(path, access);
}

}  // namespace salvo::sql
