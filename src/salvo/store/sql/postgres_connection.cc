#include "salvo/store/sql/postgres_connection.h"

#include <libpq-fe.h>

#include <fmt/format.h>

#include <cstdlib>
#include <cstring>
#include <functional>
#include <optional>

namespace salvo::sql {
namespace {

// The key of the store's write lock (pg_advisory_xact_lock): "SALVO" in ASCII. Every write
// transaction of every salvo process takes it first, so writes are applied one transaction after
// another, as SQLite applies them in one file; readers are never blocked (MVCC).
constexpr int64_t kWriteLockKey = 0x53414C564F;

// What a SQLSTATE means to the user (PostgreSQL's errcodes appendix).
Failure failure_of(const char* sqlstate) {
  const std::string_view state = sqlstate ? sqlstate : "";
  if (state == "53100") return Failure::kFull;                       // disk_full
  if (state == "58030") return Failure::kIo;                         // io_error
  if (state == "25006" || state == "42501") return Failure::kReadOnly;  // read-only transaction, no privilege
  if (state == "40P01" || state == "40001" || state == "55P03") return Failure::kBusy;  // deadlock, serialization, lock
  if (state.substr(0, 2) == "08") return Failure::kDisconnected;     // the connection failed
  if (state == "57P01" || state == "57P02" || state == "57P03") return Failure::kDisconnected;  // shutdown, terminated
  return Failure::kOther;
}

// libpq's message on one line: it spans several ("server closed the connection unexpectedly\n\tThis
// probably means…").
std::string trimmed(const char* message) {
  std::string text;
  for (const char* c = message ? message : ""; *c; ++c) {
    const bool space = *c == '\n' || *c == '\t' || *c == ' ';
    if (space && (text.empty() || text.back() == ' ')) continue;
    text += space ? ' ' : *c;
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

// The connection is gone (a restart, pg_terminate_backend, the network).
Error lost_connection(PGconn* conn) {
  return Error(Failure::kDisconnected, "the connection to the PostgreSQL server was lost: " + trimmed(PQerrorMessage(conn)));
}

// Owns a PGresult.
struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

// Throws unless `result` is a success; a lost connection says so whatever the SQLSTATE.
ResultPtr checked(PGconn* conn, PGresult* raw) {
  ResultPtr result(raw);
  const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return result;
  if (PQstatus(conn) == CONNECTION_BAD) throw lost_connection(conn);
  const char* sqlstate = result ? PQresultErrorField(result.get(), PG_DIAG_SQLSTATE) : nullptr;
  throw Error(failure_of(sqlstate), trimmed(result ? PQresultErrorMessage(result.get()) : PQerrorMessage(conn)));
}

// The connection and the statements sent ahead in pipeline mode (libpq's: queries sent without
// waiting for each result). Every call that waits for a result first ends the pipeline: it sends a
// sync, reads the queued results in order and throws the first failure among them.
struct Session {
  PGconn* conn = nullptr;
  size_t queued = 0;
  bool pipeline = false;

  // Past this many queued statements the pipeline is ended: the server's answers, unread, would
  // otherwise fill the socket's buffers and both sides would wait for each other.
  static constexpr size_t kMaxQueued = 256;

  void send_ahead(const std::function<int()>& send) {
    if (!pipeline) {
      if (PQenterPipelineMode(conn) != 1) throw Error(Failure::kIo, "cannot enter pipeline mode: " + trimmed(PQerrorMessage(conn)));
      pipeline = true;
    }
    if (send() != 1) {
      const std::string why = trimmed(PQerrorMessage(conn));
      discard_pending();
      throw Error(PQstatus(conn) == CONNECTION_BAD ? Failure::kDisconnected : Failure::kOther, why);
    }
    if (++queued >= kMaxQueued) finish_pending();
  }

  // Ends the pipeline; throws the first failure of what was queued. With `last`, the result of the
  // statement queued last is kept there: a query sent behind the writes before it, all in one
  // round trip.
  void finish_pending(ResultPtr* last = nullptr) {
    if (!pipeline) return;
    pipeline = false;
    queued = 0;
    std::optional<Error> failure;
    // Without the sync sent, no end of the results would come: nothing is read then.
    const bool synced = PQpipelineSync(conn) == 1;
    if (!synced) failure = Error(Failure::kDisconnected, "sending to the server failed: " + trimmed(PQerrorMessage(conn)));
    while (synced) {
      PGresult* raw = PQgetResult(conn);
      if (!raw) {
        if (PQstatus(conn) != CONNECTION_OK) break;
        continue;  // the end of one statement's results
      }
      ResultPtr result(raw);
      const ExecStatusType status = PQresultStatus(raw);
      if (status == PGRES_PIPELINE_SYNC) break;
      if (status == PGRES_FATAL_ERROR && !failure) {
        failure = Error(failure_of(PQresultErrorField(raw, PG_DIAG_SQLSTATE)), trimmed(PQresultErrorMessage(raw)));
      }
      if (last) *last = std::move(result);  // the results come in order: the last one stays
    }
    PQexitPipelineMode(conn);
    if (PQstatus(conn) != CONNECTION_OK) throw lost_connection(conn);
    if (failure) throw *failure;
  }

  // Ends the pipeline, its failures ignored: for a rollback, which undoes them anyway.
  void discard_pending() {
    try {
      finish_pending();
    } catch (const Error&) {
    }
  }
};

class PostgresStatement final : public Statement {
 public:
  PostgresStatement(Session& session, const std::string& sql, uint64_t serial)
      : session_(session), conn_(session.conn), sql_(numbered_parameters(sql, parameter_count_)), name_(fmt::format("salvo_{}", serial)) {
    values_.resize(static_cast<size_t>(parameter_count_));
    nulls_.assign(values_.size(), true);
    formats_.assign(values_.size(), 0);
  }
  ~PostgresStatement() override {
    // A statement that was prepared on the server goes with it (ignored if the session is gone
    // or its transaction failed: the server drops it with the session).
    if (!prepared_ || PQstatus(conn_) != CONNECTION_OK) return;
    session_.discard_pending();
    ResultPtr(PQexec(conn_, ("DEALLOCATE " + name_).c_str()));
  }

  void bind(int index, const std::string& text) override { set(index, text, 0); }
  void bind(int index, int64_t value) override { set(index, std::to_string(value), 0); }
  // Shortest text that reads back as the same double.
  void bind(int index, double value) override { set(index, fmt::format("{}", value), 0); }
  void bind_null(int index) override {
    slot(index);
    nulls_[static_cast<size_t>(index - 1)] = true;
  }
  void bind_blob(int index, std::string_view bytes) override { set(index, std::string(bytes), 1); }

  bool step() override {
    if (!result_) {
      run();
      row_ = -1;
    }
    ++row_;
    return row_ < PQntuples(result_.get());
  }
  int64_t exec() override {
    run();
    const char* changed = PQcmdTuples(result_.get());
    return changed && *changed ? std::strtoll(changed, nullptr, 10) : 0;
  }
  // Prepared on the server at once (sent ahead too): statements run for their effect run often.
  void exec_deferred() override {
    if (!prepared_) send_prepare();
    const std::vector<const char*> values = parameter_values();
    session_.send_ahead([&] { return send_query(values); });
  }
  void reset() override {
    result_.reset();
    nulls_.assign(values_.size(), true);
    formats_.assign(values_.size(), 0);
  }

  int column_count() const override { return result_ ? PQnfields(result_.get()) : 0; }
  bool is_null(int column) const override { return PQgetisnull(result_.get(), row_, column) != 0; }
  std::string text(int column) const override {
    return std::string(PQgetvalue(result_.get(), row_, column), static_cast<size_t>(PQgetlength(result_.get(), row_, column)));
  }
  int64_t integer(int column) const override { return std::strtoll(PQgetvalue(result_.get(), row_, column), nullptr, 10); }
  double real(int column) const override { return std::strtod(PQgetvalue(result_.get(), row_, column), nullptr); }
  std::string blob(int column) const override {
    size_t length = 0;
    unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(result_.get(), row_, column)), &length);
    if (!bytes) throw Error(Failure::kOther, "a bytea value could not be decoded");
    std::string out(reinterpret_cast<const char*>(bytes), length);
    PQfreemem(bytes);
    return out;
  }

 private:
  void slot(int index) {
    if (index < 1 || index > parameter_count_) {
      throw Error(Failure::kOther, fmt::format("parameter {} of a statement with {}: {}", index, parameter_count_, sql_));
    }
  }
  void set(int index, std::string value, int format) {
    slot(index);
    const auto i = static_cast<size_t>(index - 1);
    values_[i] = std::move(value);
    nulls_[i] = false;
    formats_[i] = format;
  }

  // The bound values as libpq takes them (lengths_ filled beside).
  std::vector<const char*> parameter_values() {
    std::vector<const char*> values(values_.size());
    lengths_.resize(values_.size());
    for (size_t i = 0; i < values_.size(); ++i) {
      values[i] = nulls_[i] ? nullptr : values_[i].data();
      lengths_[i] = static_cast<int>(values_[i].size());
    }
    return values;
  }

  void send_prepare() {
    session_.send_ahead([&] { return PQsendPrepare(conn_, name_.c_str(), sql_.c_str(), parameter_count_, nullptr); });
    prepared_ = true;
  }
  // Sends the query (named once prepared, else parsed as an unnamed statement) without waiting.
  int send_query(const std::vector<const char*>& values) {
    return prepared_ ? PQsendQueryPrepared(conn_, name_.c_str(), parameter_count_, values.data(), lengths_.data(), formats_.data(), 0)
                     : PQsendQueryParams(conn_, sql_.c_str(), parameter_count_, nullptr, values.data(), lengths_.data(),
                                         formats_.data(), 0);
  }

  // Runs the query and keeps its rows: behind whatever was sent ahead, one round trip for them and
  // it. The first run parses the SQL as an unnamed statement; a statement run again is prepared on
  // the server once (the store's statements of put and merge run thousands of times).
  void run() {
    // Room for the prepare and the query: send_ahead must not end the pipeline between them.
    if (session_.queued + 2 >= Session::kMaxQueued) session_.finish_pending();
    const std::vector<const char*> values = parameter_values();
    if (runs_++ == 1 && !prepared_) send_prepare();
    session_.send_ahead([&] { return send_query(values); });
    ResultPtr last;
    session_.finish_pending(&last);
    if (!last) throw Error(Failure::kIo, "the server sent no result");
    result_ = std::move(last);
  }

  Session& session_;
  PGconn* conn_;
  int parameter_count_ = 0;
  std::string sql_;
  std::string name_;
  std::vector<std::string> values_;
  std::vector<bool> nulls_;
  std::vector<int> formats_;  // 1: binary (bytea), 0: text
  std::vector<int> lengths_;
  ResultPtr result_;
  int row_ = -1;
  int runs_ = 0;
  bool prepared_ = false;
};

class PostgresConnection final : public Connection {
 public:
  PostgresConnection(const std::string& uri, Access access) : location_(redacted_uri(uri)), conn_(PQconnectdb(uri.c_str())) {
    session_.conn = conn_;
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
      const std::string why = conn_ ? trimmed(PQerrorMessage(conn_)) : "out of memory";
      if (conn_) PQfinish(conn_);
      throw Error(Failure::kCantOpen, "cannot connect to the PostgreSQL server: " + why);
    }
    // The server's notices ("relation already exists, skipping") are not the user's business.
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
    exec("SET client_encoding = 'UTF8'");
    if (access == Access::kReadOnly) exec("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
  }
  ~PostgresConnection() override { PQfinish(conn_); }

  const std::string& location() const override { return location_; }

  std::unique_ptr<Statement> prepare(const std::string& sql) override {
    return std::make_unique<PostgresStatement>(session_, sql, ++statements_made_);
  }
  void exec_deferred(const std::string& sql) override {
    session_.send_ahead([&] { return PQsendQueryParams(conn_, sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0); });
  }
  void exec(const std::string& sql) override {
    // A rollback undoes what is queued: its failures are not this call's.
    if (sql.rfind("ROLLBACK", 0) == 0) session_.discard_pending();
    else session_.finish_pending();
    checked(conn_, PQexec(conn_, sql.c_str()));
  }

  // Transactions of READ COMMITTED: each statement sees what was committed before it began, and
  // after the lock every other writer's transaction has committed or rolled back.
  void begin_write() override {
    exec("BEGIN");
    exec(fmt::format("SELECT pg_advisory_xact_lock({})", kWriteLockKey));
  }

  int schema_version() override {
    // Read from the catalog's rows (not to_regclass, whose cache remembers a table missing since
    // before the write lock: a concurrent first ingest would then take the new store for a foreign one).
    if (query_value("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() "
                    "AND tablename = 'salvo_schema'") == "0") {
      return 0;
    }
    const std::string version = query_value("SELECT max(version) FROM salvo_schema");
    return version.empty() ? 0 : std::stoi(version);
  }
  void set_schema_version(int version) override {
    exec("CREATE TABLE IF NOT EXISTS salvo_schema (version INTEGER NOT NULL)");
    exec(fmt::format("DELETE FROM salvo_schema; INSERT INTO salvo_schema(version) VALUES ({})", version));
  }
  bool has_tables() override { return query_value("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()") != "0"; }
  // Ids, dates and countries are ordered byte by byte, as in SQLite, whatever the database's locale:
  // events are listed, paged and merged in the same order on both engines.
  ColumnTypes column_types() const override { return {"TEXT COLLATE \"C\"", "BIGINT", "DOUBLE PRECISION", "BYTEA"}; }

  // PostgreSQL's full text search, English (stemmed, stop words dropped), over a GIN index of the
  // expression: rows are indexed as they are written, deleted rows (cascades too) leave it.
  std::string event_text_index_schema() const override {
    return "CREATE INDEX event_text_words ON event_text USING GIN (to_tsvector('english', body));";
  }
  std::string event_text_index_upgrade() const override { return ""; }
  std::optional<TextIndexWrites> event_text_index_writes() const override { return std::nullopt; }
  std::string event_text_match() const override {
    return "events.id IN (SELECT event_id FROM event_text WHERE to_tsvector('english', body) @@ plainto_tsquery('english', ?))";
  }
  // plainto_tsquery reads plain words (no operators) and asks for all of them.
  std::string text_query(const std::vector<std::string>& words) const override {
    std::string query;
    for (const std::string& word : words) query += (query.empty() ? "" : " ") + word;
    return query;
  }
  std::string contains(const std::string& haystack) const override { return "strpos(" + haystack + ", ?) > 0"; }

  std::vector<EngineCheck> engine_checks() override {
    // PostgreSQL enforces foreign keys on every change (no switch turns them off, as SQLite's
    // pragma can); a constraint added NOT VALID would be the only way round it.
    EngineCheck keys{"foreign keys", {}, "enforced by PostgreSQL's constraints, all validated"};
    auto unvalidated = prepare("SELECT conname FROM pg_constraint WHERE contype = 'f' AND NOT convalidated "
                               "AND connamespace = current_schema()::regnamespace");
    while (unvalidated->step()) keys.problems.push_back(unvalidated->text(0) + " (not validated)");
    return {std::move(keys)};
  }

 private:
  std::string location_;
  PGconn* conn_;
  Session session_;
  uint64_t statements_made_ = 0;
};

}  // namespace

bool is_postgres_uri(const std::string& location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::string redacted_uri(const std::string& uri) {
  std::string out = uri;
  // postgresql://user:password@host… → postgresql://user:***@host…
  const size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    const size_t at = out.find('@', scheme + 3);
    const size_t slash = out.find('/', scheme + 3);
    const size_t colon = out.find(':', scheme + 3);
    if (at != std::string::npos && (slash == std::string::npos || at < slash) && colon < at) {
      out = out.substr(0, colon + 1) + "***" + out.substr(at);
    }
  }
  // …?password=secret&… → …?password=***&…
  for (size_t at = out.find("password="); at != std::string::npos; at = out.find("password=", at + 1)) {
    if (at == 0 || (out[at - 1] != '?' && out[at - 1] != '&')) continue;
    const size_t value = at + 9, end = std::min(out.find('&', value), out.size());
    out.replace(value, end - value, "***");
  }
  return out;
}

std::unique_ptr<Connection> open_postgres(const std::string& uri, Access access) {
  return std::make_unique<PostgresConnection>(uri, access);
}

std::string numbered_parameters(const std::string& sql, int& count) {
  std::string out;
  out.reserve(sql.size() + 16);
  count = 0;
  char quote = 0;  // inside '…' or "…"
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote) {
      out += c;
      if (c == quote) quote = 0;  // a doubled quote closes and reopens: the same result
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const size_t end = sql.find('\n', i);
      const size_t stop = end == std::string::npos ? sql.size() : end;
      out.append(sql, i, stop - i);
      i = stop - 1;
    } else if (c == '?') {
      out += fmt::format("${}", ++count);
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace salvo::sql
