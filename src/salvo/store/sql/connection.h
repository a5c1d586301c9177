// The one thing the store asks of a database engine: run its SQL. The store's logic (what a put
// writes, how a merge rewrites a country, what `salvo check` verifies) is written once against
// this interface; SQLite (one file, one host) and PostgreSQL (one server, many hosts) each
// implement it. The SQL the store writes is the common dialect of both: `?` parameters,
// `ON CONFLICT DO NOTHING`, `TRUE`, `coalesce`, `||`; what differs (column types, the schema
// version's home, the write lock, engine checks) is asked of the connection.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace salvo::sql {

// How long a writer waits for another's write lock before it gives up: concurrent ingests take
// turns batch by batch, and one merge of a large store can hold the lock for several seconds.
inline constexpr std::chrono::seconds kWriterWait{60};

// How a store is opened: `salvo check` and other readers open it read-only, and then nothing
// (no schema, no journal mode, no row) is written, whatever the store holds.
enum class Access { kReadWrite, kReadOnly };

// What a failure means to the user, whatever engine reported it.
enum class Failure {
  kOther,
  kBusy,      // another writer held the lock too long, or a deadlock was broken
  kFull,      // no space left
  kIo,        // writing or reading failed
  kReadOnly,  // the store may not be written here
  kCantOpen,  // cannot open the file / reach the server
  kDisconnected,  // the server ended the connection (a restart, an administrator)
};

class Error : public std::runtime_error {
 public:
  Error(Failure failure, const std::string& message) : std::runtime_error(message), failure_(failure) {}
  Failure failure() const { return failure_; }

 private:
  Failure failure_;
};

// A prepared statement. Parameters are numbered from 1, columns from 0. step() runs it on first
// call and moves to the next row (false when there is none); exec() runs it for its effect and
// returns the rows changed; reset() makes it ready to run again with no parameters bound.
// Statements of one connection run in the order they are run, deferred ones included.
class Statement {
 public:
  virtual ~Statement() = default;
  virtual void bind(int index, const std::string& text) = 0;
  virtual void bind(int index, int64_t value) = 0;
  virtual void bind(int index, double value) = 0;
  virtual void bind_null(int index) = 0;
  virtual void bind_blob(int index, std::string_view bytes) = 0;
  void bind(int index, const char* text) { bind(index, std::string(text)); }

  virtual bool step() = 0;
  virtual int64_t exec() = 0;
  // Runs it for its effect, perhaps later: an engine across a network sends such statements
  // together, in one round trip, when the next statement that returns something runs (or the
  // transaction ends). Its failure is then thrown by that call. The bindings are taken now.
  virtual void exec_deferred() { exec(); }
  virtual void reset() = 0;

  virtual int column_count() const = 0;
  virtual bool is_null(int column) const = 0;
  virtual std::string text(int column) const = 0;  // "" for NULL
  virtual int64_t integer(int column) const = 0;
  virtual double real(int column) const = 0;
  virtual std::string blob(int column) const = 0;
};

// A check of the engine's own (page integrity, foreign keys) for `salvo check`.
struct EngineCheck {
  std::string name;
  std::vector<std::string> problems;  // empty: passed
  std::string fine;                   // what passing means
};

class Connection {
 public:
  virtual ~Connection() = default;

  // Where the store is, for messages (a PostgreSQL address without its password).
  virtual const std::string& location() const = 0;

  virtual std::unique_ptr<Statement> prepare(const std::string& sql) = 0;
  // Runs SQL without parameters or rows (several statements may be given).
  virtual void exec(const std::string& sql) = 0;
  // One such statement, perhaps later, as Statement::exec_deferred.
  virtual void exec_deferred(const std::string& sql) { exec(sql); }
  // The first column of the first row of a query without parameters.
  std::string query_value(const std::string& sql) {
    auto statement = prepare(sql);
    return statement->step() ? statement->text(0) : std::string();
  }

  // Begins a transaction that will write. Until it ends, no other writer of the store runs: writes
  // from any number of processes (and hosts) are applied one transaction after another.
  virtual void begin_write() = 0;
  void commit() { exec("COMMIT"); }
  void rollback() { exec("ROLLBACK"); }

  // The schema version stored with the data (0: none yet); set inside a write transaction.
  virtual int schema_version() = 0;
  virtual void set_schema_version(int version) = 0;
  // Whether the database holds tables (that are not Salvo's when the version is 0).
  virtual bool has_tables() = 0;
  // The column types of the schema, in this engine's words.
  struct ColumnTypes {
    const char* text;     // compared and ordered byte by byte, as the store's ids and dates need
    const char* integer;  // 64 bits
    const char* real;     // a double
    const char* blob;     // bytes
  };
  virtual ColumnTypes column_types() const = 0;

  // Text search over the table event_text(event_id, body) (store.cc): the SQL that indexes its
  // `body` (run by the schema migration; up to schema 5 it kept itself in step with the rows), and a
  // condition on `events.id` with one parameter, bound to text_query(words), that holds for the
  // events whose body has every word.
  virtual std::string event_text_index_schema() const = 0;
  // Schema 6: the index is written by the store (EventTextRows), not by triggers. SQLite runs each
  // trigger in a statement savepoint, and FTS5 flushes its pending terms to a new segment at every
  // savepoint: indexing a row through a trigger cost 3.5x indexing it directly (issue 20). The
  // SQL that takes a store of schema 5 there ("" when the engine's index follows the table itself).
  virtual std::string event_text_index_upgrade() const = 0;
  // How the store writes the index by hand, each statement with the row's rowid (and, to remove
  // it, the body it was indexed with); none when the index follows the table itself (PostgreSQL's
  // GIN index of an expression).
  struct TextIndexWrites {
    std::string row_of;  // (event_id) → rowid, body
    std::string add;     // (rowid): indexes the row's body as it is in event_text
    std::string remove;  // (rowid, body): takes that body's words out of the index
  };
  virtual std::optional<TextIndexWrites> event_text_index_writes() const = 0;
  virtual std::string event_text_match() const = 0;
  virtual std::string text_query(const std::vector<std::string>& words) const = 0;
  // A condition that `haystack` (SQL) holds the parameter's text as it is, byte for byte (SQL's
  // LIKE ignores ASCII case in SQLite and not in PostgreSQL).
  virtual std::string contains(const std::string& haystack) const = 0;

  virtual std::vector<EngineCheck> engine_checks() = 0;
};

// One write transaction, rolled back unless committed.
class WriteTransaction {
 public:
  explicit WriteTransaction(Connection& connection) : connection_(connection) { connection_.begin_write(); }
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  ~WriteTransaction() {
    if (done_) return;
    try {
      connection_.rollback();
    } catch (const std::exception&) {
      // The connection is broken; the caller reports the error that got us here.
    }
  }
  void commit() {
    connection_.commit();
    done_ = true;
  }

 private:
  Connection& connection_;
  bool done_ = false;
};

}  // namespace salvo::sql
