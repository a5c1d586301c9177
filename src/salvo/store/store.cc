#include "salvo/store/store.h"


#include "salvo/pipeline/process.h"

#include <openssl/evp.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <chrono>
#include <functional>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>
#include <variant>

#include "salvo/base/ascii.h"
#include "salvo/base/date.h"
#include "salvo/base/url.h"
#include "salvo/merge/merge.h"
#include "salvo/merge/mention_keys.h"
#include "salvo/store/event_text.h"
#include "salvo/store/sql/connection.h"
#include "salvo/store/sql/postgres_connection.h"
#include "salvo/store/sql/sqlite_connection.h"
#include "salvo/store/writer_presence.h"

namespace salvo {
namespace {

using Json = nlohmann::ordered_json;

// Schema migrations: kMigrations[v] takes a store from version v to v + 1. Never edit one that
// has shipped; add the next. Column types are written {text}, {integer}, {real}, {blob}: each
// engine names them (in SQLite they read TEXT, INTEGER, REAL, BLOB).
constexpr const char* kMigrations[] = {
    // 0 → 1
    R"sql(
CREATE TABLE articles (
  id             {text} PRIMARY KEY,
  source         {text} NOT NULL,
  sha256         {text} NOT NULL,
  url            {text},
  title          {text},
  published      {text},
  published_from {text} NOT NULL,
  language       {text},
  kind           {text} NOT NULL,          -- text | html: how `raw` is read again by reprocess
  body_offset    {integer} NOT NULL,
  raw            {blob} NOT NULL,          -- the bytes as read: every offset refers to them
  record         {text} NOT NULL           -- the per-article JSON record (spec/output.md)
);
CREATE INDEX articles_sha256 ON articles(sha256);

-- One row per event of an article record: what the merge reads.
CREATE TABLE mentions (
  article_id {text} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx        {integer} NOT NULL,
  country    {text} NOT NULL,              -- '' when the event has none
  date       {text},
  event_id   {text},                       -- the merged event, once merged
  json       {text} NOT NULL,
  PRIMARY KEY (article_id, idx)
);
CREATE INDEX mentions_country ON mentions(country, date);

CREATE TABLE tallies (
  article_id {text} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx        {integer} NOT NULL,
  what       {text} NOT NULL,
  count      {integer} NOT NULL,
  country    {text},
  since      {text},
  as_of      {text},
  json       {text} NOT NULL,
  PRIMARY KEY (article_id, idx)
);

CREATE TABLE events (
  id              {text} PRIMARY KEY,      -- from content: stable across runs and ingest order
  type            {text} NOT NULL,
  date            {text},
  date_max        {text},
  country         {text} NOT NULL,         -- '' when unknown
  admin1          {text},
  location        {text},
  lat             {real},
  lon             {real},
  place_precision {text},
  weapons         {text} NOT NULL,         -- JSON array
  actor           {text},
  actor_status    {text},
  killed          {integer},
  injured         {integer},
  count           {integer} NOT NULL,
  role            {text},
  confidence      {real},
  json            {text} NOT NULL          -- spec/output.md merged form
);
CREATE INDEX events_country_date ON events(country, date);
CREATE INDEX events_date ON events(date);

CREATE TABLE event_sources (
  event_id   {text} NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  article_id {text} NOT NULL,
  idx        {integer} NOT NULL,
  PRIMARY KEY (event_id, article_id, idx)
);
CREATE INDEX event_sources_article ON event_sources(article_id);

-- Countries whose mentions changed since their events were last merged; written by the same
-- transaction that changes the mentions, cleared by the one that merges.
CREATE TABLE merge_pending (country {text} PRIMARY KEY);
)sql",
    // 1 → 2: text search (salvo events --text, /api/events?q=). One row per merged event, written
    // by the merge beside the event and removed with it; the engine indexes it
    // (Connection::event_text_index_schema). The migration then fills it for the events held.
    R"sql(
CREATE TABLE event_text (
  event_id {text} PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  body     {text} NOT NULL                 -- event_search_text(): evidence sentences, sources' titles
);
{event_text_index}
)sql",
    // 2 → 3: who published each article (issue 19: every event cites its sources), read from the
    // record, or the URL's host for an article stored before records named it (write_every_outlet).
    R"sql(
ALTER TABLE articles ADD COLUMN outlet {text};
)sql",
    // 3 → 4: merge by block (issue 20). A mention's last day (its date_max, else its date), and the
    // blocks an ingest touched: a dated window of a country, or an article's undated mentions
    // (first_day NULL). The merge re-clusters the mentions within a day of a touched window, grown
    // until no mention outside lies within a day of it: no mention outside can join one inside
    // (merge.h: mentions more than a day apart are never one incident), so the result is what a
    // merge of the whole country gives. merge_pending (a whole country) stays for stores that had
    // it pending; write_every_last_day fills the column.
    R"sql(
ALTER TABLE mentions ADD COLUMN last_day {text};
CREATE TABLE merge_pending_block (
  country    {text} NOT NULL,
  first_day  {text},                       -- NULL: the undated mentions of article_id
  last_day   {text},
  article_id {text}
);
CREATE INDEX merge_pending_block_country ON merge_pending_block(country);
-- The days of a country's mentions without their rows: what growing a block reads.
CREATE INDEX mentions_country_span ON mentions(country, date, last_day);
)sql",
    // 4 → 5: merge keys (issue 20). What the clustering weighs of each mention, one short line
    // (merge/mention_keys.h), in an index that holds the block reads whole: a block is re-clustered
    // from the index alone, and only the events whose members changed are rebuilt from the
    // mentions' JSON. (The index takes over mentions_country_span's reads: it starts alike.)
    // write_every_merge_key fills the column. merge_dirty_event: the events a stored article's
    // mentions were in, to be built again even if they come out with the same members.
    R"sql(
ALTER TABLE mentions ADD COLUMN keys {text};
DROP INDEX mentions_country_span;
CREATE INDEX mentions_merge ON mentions(country, date, last_day, article_id, idx, event_id, keys);
CREATE TABLE merge_dirty_event (event_id {text} PRIMARY KEY);
)sql",
    // 5 → 6: the text search index written by the store, not by triggers (event_text.h says why).
    "{event_text_index_upgrade}",
};
static_assert(std::size(kMigrations) == kStoreSchemaVersion, "one migration per schema version");

std::string string_or_empty(const Json& object, const char* field) {
  auto it = object.find(field);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// What text search reads of a merged event: each source's evidence sentences, then the titles of
// its sources' articles (`title_of` an article id; "" when none), one a line.
std::string event_search_text(const Json& event, const std::function<std::string(const std::string&)>& title_of) {
  std::string body;
  std::set<std::string> titles;
  const auto sources = event.find("sources");
  if (sources == event.end() || !sources->is_array()) return body;
  for (const Json& source : *sources) {
    const auto evidence = source.find("evidence");
    if (evidence != source.end() && evidence->is_array()) {
      for (const Json& sentence : *evidence) {
        const std::string text = string_or_empty(sentence, "text");
        if (!text.empty()) body += text + "\n";
      }
    }
    const std::string title = title_of(string_or_empty(source, "article"));
    if (!title.empty() && titles.insert(title).second) body += title + "\n";
  }
  return body;
}

// What an event's source cites of its article (url, title, outlet, published, where it was read),
// by article id, read once per article.
class ArticleCitations {
 public:
  struct Citation {
    Json url, title, outlet, published, source;
  };
  explicit ArticleCitations(sql::Connection& db)
      : query_(db.prepare("SELECT url, title, outlet, published, source FROM articles WHERE id = ?")) {}

  const Citation& operator()(const std::string& article) {
    auto [it, added] = citations_.emplace(article, Citation());
    if (added) {
      query_->bind(1, article);
      if (query_->step()) {
        const auto column = [&](int i) { return query_->is_null(i) ? Json() : Json(query_->text(i)); };
        it->second = {column(0), column(1), column(2), column(3), column(4)};
      }
      query_->reset();
    }
    return it->second;
  }
  std::string title(const std::string& article) {
    const Json& title = (*this)(article).title;
    return title.is_string() ? title.get<std::string>() : std::string();
  }

  // Each source of `event` (spec/output.md merged form) with its citation, in the order the data
  // dictionary gives (docs/fields.md): article, event, url, title, outlet, published, evidence.
  // `with_path` adds where the article was read (`source`): a local path, for `salvo show`, not
  // part of an event's value (two stores of the same articles read from two folders are equal).
  void cite(Json& event, bool with_path = false) {
    auto sources = event.find("sources");
    if (sources == event.end() || !sources->is_array()) return;
    for (Json& source : *sources) {
      const Citation& c = (*this)(string_or_empty(source, "article"));
      Json cited = Json::object();
      cited["article"] = source.value("article", Json());
      cited["event"] = source.value("event", Json());
      cited["url"] = c.url;
      cited["title"] = c.title;
      cited["outlet"] = c.outlet;
      cited["published"] = c.published;
      if (with_path) cited["source"] = c.source;
      for (auto& [key, value] : source.items()) {
        if (!cited.contains(key)) cited[key] = std::move(value);
      }
      source = std::move(cited);
    }
  }

 private:
  std::unique_ptr<sql::Statement> query_;
  std::map<std::string, Citation> citations_;
};

// Fills a column of every mention (of those `where` selects) that a migration added, with what
// `value_of` makes of the mention's JSON (nothing: left NULL). Read whole before writing: SQLite
// does not promise a query's rows while their table changes.
void fill_mention_column(sql::Connection& db, const std::string& column, const std::string& where,
                         const std::function<std::optional<std::string>(const std::string& article, size_t idx, const Json& event)>& value_of) {
  auto mentions = db.prepare(fmt::format("SELECT article_id, idx, json FROM mentions {} ORDER BY article_id, idx", where));
  auto update = db.prepare(fmt::format("UPDATE mentions SET {} = ? WHERE article_id = ? AND idx = ?", column));
  struct Row {
    std::string article;
    int64_t idx;
    std::string value;
  };
  std::vector<Row> rows;
  while (mentions->step()) {
    const Json event = Json::parse(mentions->text(2), nullptr, /*allow_exceptions=*/false);
    const std::string article = mentions->text(0);
    const int64_t idx = mentions->integer(1);
    std::optional<std::string> value = value_of(article, static_cast<size_t>(idx), event.is_object() ? event : Json::object());
    if (value) rows.push_back({article, idx, std::move(*value)});
  }
  for (const Row& r : rows) {
    update->bind(1, r.value);
    update->bind(2, r.article);
    update->bind(3, r.idx);
    update->exec_deferred();
    update->reset();
  }
}

// Every mention's merge keys, for a store migrated to version 5.
void write_every_merge_key(sql::Connection& db) {
  fill_mention_column(db, "keys", "", [](const std::string& article, size_t idx, const Json& event) {
    return std::optional<std::string>(merge_keys(mention_of_event(article, idx, event)));
  });
}

// Every mention's last day, for a store migrated to version 4.
void write_every_last_day(sql::Connection& db) {
  fill_mention_column(db, "last_day", "WHERE date IS NOT NULL", [](const std::string&, size_t, const Json& event) {
    const Json day = event.value("date_max", Json());
    const Json first = event.value("date", Json());
    const Json& last = day.is_string() ? day : first;
    return last.is_string() ? std::optional<std::string>(last.get<std::string>()) : std::nullopt;
  });
}

// The outlet of every article held, for a store migrated to version 3: its record's, else its
// URL's host.
void write_every_outlet(sql::Connection& db) {
  auto articles = db.prepare("SELECT id, url, record FROM articles ORDER BY id");
  auto update = db.prepare("UPDATE articles SET outlet = ? WHERE id = ?");
  std::vector<std::pair<std::string, std::string>> rows;
  while (articles->step()) {
    const Json record = Json::parse(articles->text(2), nullptr, /*allow_exceptions=*/false);
    std::optional<std::string> outlet;
    if (record.is_object() && record.contains("article") && record["article"].value("outlet", Json()).is_string()) {
      outlet = record["article"]["outlet"].get<std::string>();
    } else if (!articles->is_null(1)) {
      outlet = url_host(articles->text(1));
    }
    if (outlet) rows.emplace_back(articles->text(0), *outlet);
  }
  for (const auto& [id, outlet] : rows) {
    update->bind(1, outlet);
    update->bind(2, id);
    update->exec_deferred();
    update->reset();
  }
}

// The text search rows of every event held, for a store migrated to version 2.
void write_every_event_text(sql::Connection& db) {
  ArticleCitations citations(db);
  const auto title_of = [&](const std::string& article) { return citations.title(article); };
  auto events = db.prepare("SELECT id, json FROM events ORDER BY id");
  std::vector<std::pair<std::string, std::string>> rows;
  while (events->step()) {
    rows.emplace_back(events->text(0), event_search_text(Json::parse(events->text(1)), title_of));
  }
  EventTextRows text(db);
  for (const auto& [id, body] : rows) text.add(id, body);
  text.finish();
}

// Binds a JSON value (string, number or null) to parameter `index`.
void bind_json(sql::Statement& statement, int index, const Json& value) {
  if (value.is_string()) statement.bind(index, value.get_ref<const std::string&>());
  else if (value.is_number_integer()) statement.bind(index, value.get<int64_t>());
  else if (value.is_number()) statement.bind(index, value.get<double>());
  else statement.bind_null(index);
}

void bind_optional(sql::Statement& statement, int index, const std::optional<std::string>& value) {
  if (value) statement.bind(index, *value);
  else statement.bind_null(index);
}

std::optional<std::string> optional_text(const sql::Statement& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return row.text(column);
}

PublishedFrom published_from_name(const std::string& name) {
  for (PublishedFrom from : {PublishedFrom::kHeader, PublishedFrom::kMetadata, PublishedFrom::kText}) {
    if (name == to_string(from)) return from;
  }
  return PublishedFrom::kNone;
}

// The engine's message, and for the failures a user can act on, what they mean here. Every write
// is in a transaction, so a failed one has changed nothing: the store holds what was committed.
Error store_error(const std::string& location, const std::exception& e) {
  const auto* failed = dynamic_cast<const sql::Error*>(&e);
  const char* meaning = nullptr;
  switch (failed ? failed->failure() : sql::Failure::kOther) {
    case sql::Failure::kBusy:
      meaning = "another process held the store's write lock too long (another salvo ingest or merge?); "
                "this change was not made, run it again";
      break;
    case sql::Failure::kFull: meaning = "the disk is full; this change was rolled back, the store holds what was committed"; break;
    case sql::Failure::kIo:
      meaning = "writing failed (a full disk, a file size limit or a failing device?); this change was rolled back, the "
                "store holds what was committed";
      break;
    case sql::Failure::kReadOnly: meaning = "the store is read-only here (file or folder permissions, or a read-only mount)"; break;
    case sql::Failure::kCantOpen:
      meaning = "cannot open it (a missing folder, no permission to create or write it, or a server not reachable)";
      break;
    case sql::Failure::kDisconnected:
      meaning = "the server ended the connection (a restart, or an administrator?); this change was rolled back, the store "
                "holds what was committed, and running the command again finishes the work";
      break;
    case sql::Failure::kOther: break;
  }
  if (!meaning) return Error{fmt::format("{}: {}", location, e.what())};
  return Error{fmt::format("{}: {}: {}", location, e.what(), meaning)};
}

}  // namespace

// The statements of put() and classify(), prepared once per connection: preparing them cost more
// than running them, several times an article. A statement is handed out reset, with no bindings.
class StatementCache {
 public:
  explicit StatementCache(sql::Connection& db) : db_(db) {}

  // Resets its statement when it goes, so that a read statement never holds the database open.
  class Use {
   public:
    explicit Use(sql::Statement& statement) : statement_(statement) {}
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;
    ~Use() {
      try {
        statement_.reset();
      } catch (const std::exception&) {
        // Reset reports the error of the last step again; the caller has seen it already.
      }
    }
    sql::Statement* operator->() const { return &statement_; }
    sql::Statement& operator*() const { return statement_; }

   private:
    sql::Statement& statement_;
  };

  // `sql` is a string literal: its address is the key.
  Use use(const char* sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) it = statements_.emplace(sql, db_.prepare(sql)).first;
    return Use(*it->second);
  }

 private:
  sql::Connection& db_;
  std::unordered_map<const char*, std::unique_ptr<sql::Statement>> statements_;
};

namespace {

// A block to re-merge: the dated window [first_day, last_day] of a country, or (no day) the
// undated mentions of one article there.
void mark_block(StatementCache& statements, const std::string& country, const Json& first_day, const Json& last_day,
                const std::string& article_id) {
  auto mark = statements.use("INSERT INTO merge_pending_block(country, first_day, last_day, article_id) VALUES (?, ?, ?, ?)");
  mark->bind(1, country);
  bind_json(*mark, 2, first_day);
  bind_json(*mark, 3, last_day);
  if (first_day.is_string()) mark->bind_null(4);
  else mark->bind(4, article_id);
  mark->exec_deferred();
  mark->reset();
}

// The blocks of an article's mentions are to be re-merged: its mentions are about to change.
void mark_blocks_of(StatementCache& statements, const std::string& article_id) {
  struct Old {
    std::string country;
    Json first_day, last_day;
  };
  std::vector<Old> old;
  {
    auto query = statements.use("SELECT country, date, last_day FROM mentions WHERE article_id = ?");
    query->bind(1, article_id);
    while (query->step()) {
      const auto column = [&](int i) { return query->is_null(i) ? Json() : Json(query->text(i)); };
      old.push_back({query->text(0), column(1), column(2).is_string() ? column(2) : column(1)});
    }
  }
  for (const Old& o : old) mark_block(statements, o.country, o.first_day, o.last_day, article_id);
  // The events its mentions are in lose them (or change with them): they are built again, even
  // if the same members come out (merge_pending keeps, unread, an event whose members are all
  // still linked to it, are all it has, and none of which changed).
  auto dirty = statements.use(R"sql(
    INSERT INTO merge_dirty_event(event_id) SELECT DISTINCT event_id FROM mentions
    WHERE article_id = ? AND event_id IS NOT NULL ON CONFLICT DO NOTHING)sql");
  dirty->bind(1, article_id);
  dirty->exec_deferred();
}

// The record's events (as mentions, their countries marked for re-merging) and tallies.
void write_extraction(StatementCache& statements, const std::string& article_id, const StorableRecord& stored) {
  const Json& record = stored.record;
  const Json& events = record.contains("events") ? record["events"] : Json::array();
  auto mention = statements.use("INSERT INTO mentions(article_id, idx, country, date, last_day, json, keys) VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (size_t i = 0; i < events.size(); ++i) {
    const std::string country = string_or_empty(events[i], "country");
    const Json first_day = events[i].value("date", Json());
    const Json date_max = events[i].value("date_max", Json());
    const Json last_day = first_day.is_string() && date_max.is_string() ? date_max : first_day;
    mention->bind(1, article_id);
    mention->bind(2, static_cast<int64_t>(i));
    mention->bind(3, country);
    bind_json(*mention, 4, first_day);
    bind_json(*mention, 5, last_day);
    mention->bind(6, stored.events[i]);
    mention->bind(7, merge_keys(mention_of_event(article_id, i, events[i])));
    mention->exec_deferred();
    mention->reset();
    mark_block(statements, country, first_day, last_day, article_id);
  }
  const Json& tallies = record.contains("tallies") ? record["tallies"] : Json::array();
  auto tally = statements.use("INSERT INTO tallies(article_id, idx, what, count, country, since, as_of, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (size_t i = 0; i < tallies.size(); ++i) {
    const Json& t = tallies[i];
    tally->bind(1, article_id);
    tally->bind(2, static_cast<int64_t>(i));
    tally->bind(3, string_or_empty(t, "what"));
    tally->bind(4, t.contains("count") && t["count"].is_number_integer() ? t["count"].get<int64_t>() : 0);
    bind_json(*tally, 5, t.contains("country") ? t["country"] : Json());
    bind_json(*tally, 6, t.contains("since") ? t["since"] : Json());
    bind_json(*tally, 7, t.contains("as_of") ? t["as_of"] : Json());
    tally->bind(8, stored.tallies[i]);
    tally->exec_deferred();
    tally->reset();
  }
}

// One change, all or nothing: inside the caller's batch when one is open (begin_batch), as a
// savepoint of it; else as a write transaction of its own. Rolled back unless committed.
class Atomic {
 public:
  Atomic(sql::Connection& db, bool in_batch) : db_(db), in_batch_(in_batch) {
    if (in_batch_) db_.exec_deferred("SAVEPOINT salvo_change");
    else db_.begin_write();
  }
  Atomic(const Atomic&) = delete;
  Atomic& operator=(const Atomic&) = delete;
  ~Atomic() {
    if (done_) return;
    try {
      if (in_batch_) db_.exec("ROLLBACK TO salvo_change; RELEASE salvo_change");
      else db_.rollback();
    } catch (const std::exception&) {
      // The connection is broken; the caller reports the error that got us here.
    }
  }
  void commit() {
    if (in_batch_) db_.exec_deferred("RELEASE salvo_change");
    else db_.commit();
    done_ = true;
  }

 private:
  sql::Connection& db_;
  bool in_batch_;
  bool done_ = false;
};

}  // namespace

const char* to_string(PutOutcome outcome) {
  switch (outcome) {
    case PutOutcome::kAdded: return "added";
    case PutOutcome::kReplaced: return "replaced";
    case PutOutcome::kUnchanged: return "unchanged";
    case PutOutcome::kDuplicate: return "duplicate";
  }
  return "?";
}

Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Result<Store> Store::open(const std::string& location) { return open_retrying(location, sql::Access::kReadWrite); }

Result<Store> Store::open_read_only(const std::string& location) { return open_retrying(location, sql::Access::kReadOnly); }

Result<Store> Store::open_retrying(const std::string& location, sql::Access access) {
  // Processes opening one new SQLite file at the same moment can meet in a lock SQLite will not
  // wait for (each holding what the other needs while the new file turns to WAL, or one rebuilding
  // the WAL index): it answers "busy" at once instead of through its busy timeout. Opening is then
  // tried again, for as long as a writer waits for the write lock.
  const auto deadline = std::chrono::steady_clock::now() + sql::kWriterWait;
  for (int attempt = 1;; ++attempt) {
    bool busy = false;
    Result<Store> opened = open_once(location, access, busy);
    if (opened || !busy || std::chrono::steady_clock::now() > deadline) return opened;
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(10 * attempt, 200)));
  }
}

Result<Store> Store::open_once(const std::string& location, sql::Access access, bool& busy) {
  Store store;
  const bool postgres = sql::is_postgres_uri(location);
  store.location_ = postgres ? sql::redacted_uri(location) : location;
  try {
    store.db_ = postgres ? sql::open_postgres(location, access) : sql::open_sqlite(location, access);
    sql::Connection& db = *store.db_;
    store.statements_ = std::make_unique<StatementCache>(db);
    int version = db.schema_version();
    if (version < kStoreSchemaVersion && access == sql::Access::kReadOnly) {
      // (Schema version 1 is the first: an older one is none.)
      return Error{db.has_tables()
                       ? fmt::format("{}: a database with tables, but not a Salvo store (no schema version)", store.location_)
                       : fmt::format("{}: an empty database, not a Salvo store (no schema); left as it is", store.location_)};
    }
    if (version < kStoreSchemaVersion) {
      // Read again under the write lock: two ingests started at once on a new store would both see
      // version 0 and both create the tables (the second failing on "table already exists").
      sql::WriteTransaction migrate(db);
      version = db.schema_version();
      if (version == 0 && db.has_tables()) {
        return Error{fmt::format("{}: a database with tables, but not a Salvo store (no schema version); refusing to touch it",
                                 store.location_)};
      }
      if (version < kStoreSchemaVersion) {
        const sql::Connection::ColumnTypes types = db.column_types();
        for (int v = version; v < kStoreSchemaVersion; ++v) {
          const std::string step = fmt::format(fmt::runtime(kMigrations[v]), fmt::arg("text", types.text), fmt::arg("integer", types.integer),
                              fmt::arg("real", types.real), fmt::arg("blob", types.blob),
                              fmt::arg("event_text_index", db.event_text_index_schema()),
                              fmt::arg("event_text_index_upgrade", db.event_text_index_upgrade()));
          // A step an engine has nothing to do for is empty (PostgreSQL's index never had triggers).
          if (step.find_first_not_of(" \n") != std::string::npos) db.exec(step);
        }
        // Filled once every table has its columns (the text rows read the articles' citations).
        if (version <= 1) write_every_event_text(db);
        if (version <= 2) write_every_outlet(db);
        if (version <= 3) write_every_last_day(db);
        if (version <= 4) write_every_merge_key(db);
        db.set_schema_version(kStoreSchemaVersion);
      }
      migrate.commit();
      version = std::max(version, kStoreSchemaVersion);
    }
    if (version > kStoreSchemaVersion) {
      return Error{fmt::format("{}: store schema version {} is newer than this salvo understands ({}); use a newer salvo",
                               store.location_, version, kStoreSchemaVersion)};
    }
  } catch (const std::exception& e) {
    const auto* failed = dynamic_cast<const sql::Error*>(&e);
    busy = failed && failed->failure() == sql::Failure::kBusy;
    return store_error(store.location_, e);
  }
  return store;
}

StorableRecord storable_record(Json record) {
  StorableRecord stored;
  stored.text = record.dump(-1, ' ', false, Json::error_handler_t::replace);
  for (const char* part : {"events", "tallies"}) {
    auto& texts = part[0] == 'e' ? stored.events : stored.tallies;
    auto it = record.find(part);
    if (it == record.end() || !it->is_array()) continue;
    for (const Json& item : *it) texts.push_back(item.dump(-1, ' ', false, Json::error_handler_t::replace));
  }
  stored.record = std::move(record);
  return stored;
}

ExtractedArticle extract_for_store(Article article, const Recognizer& recognizer, const Limits& limits) {
  Article kept = article;  // process_article consumes its article
  StorableRecord record = storable_record(process_article(std::move(article), recognizer, {}, limits));
  return {std::move(kept), std::move(record)};
}

nlohmann::ordered_json raw_member(const Article& article) {
  std::string encoded(4 * ((article.raw.size() + 2) / 3), '\0');
  EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()), reinterpret_cast<const unsigned char*>(article.raw.data()),
                  static_cast<int>(article.raw.size()));
  return {{"base64", std::move(encoded)}, {"body_offset", article.body_offset}};
}

Result<ExtractedArticle> extracted_from_record(Json record) {
  if (!record.is_object()) return Error{"not a JSON object"};
  for (const char* option_key : {"sentences", "text"}) {
    if (record.contains(option_key)) {
      return Error{fmt::format("the record has \"{}\": make it with 'salvo extract --with-raw' alone (the store keeps the "
                               "record without it)", option_key)};
    }
  }
  const auto raw_it = record.find("raw");
  if (raw_it == record.end() || !raw_it->is_object() || !(*raw_it)["base64"].is_string() ||
      !(*raw_it)["body_offset"].is_number_unsigned()) {
    return Error{"no \"raw\" with \"base64\" and \"body_offset\": make the records with 'salvo extract --with-raw'"};
  }
  Json meta = record.contains("article") ? record["article"] : Json();  // a copy: [] may add what it lacks
  if (!meta.is_object() || !meta["id"].is_string() || meta["id"].get<std::string>().empty() || !meta["sha256"].is_string() ||
      !meta["source"].is_string() || !record["events"].is_array() || !record["tallies"].is_array()) {
    return Error{"not a record of 'salvo extract': \"article\" (id, source, sha256), \"events\" and \"tallies\" are needed"};
  }
  const std::string& encoded = (*raw_it)["base64"].get_ref<const std::string&>();
  if (encoded.size() % 4 != 0) return Error{"\"raw\".\"base64\" is not base64"};
  std::string raw(encoded.size() / 4 * 3, '\0');
  const int decoded = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(raw.data()),
                                      reinterpret_cast<const unsigned char*>(encoded.data()), static_cast<int>(encoded.size()));
  if (decoded < 0) return Error{"\"raw\".\"base64\" is not base64"};
  // EVP_DecodeBlock counts the padding as bytes: the '=' at the end say how many to drop.
  size_t padding = 0;
  for (size_t k = encoded.size(); k > 0 && encoded[k - 1] == '=' && padding < 2; --k) ++padding;
  raw.resize(static_cast<size_t>(decoded) - padding);

  ExtractedArticle out;
  Article& article = out.article;
  article.id = meta["id"].get<std::string>();
  article.source = meta["source"].get<std::string>();
  article.sha256 = meta["sha256"].get<std::string>();
  if (meta["url"].is_string()) article.url = meta["url"].get<std::string>();
  if (meta["title"].is_string()) article.title = meta["title"].get<std::string>();
  if (meta["outlet"].is_string()) article.outlet = meta["outlet"].get<std::string>();
  if (meta["published"].is_string()) article.published = parse_iso_date_prefix(meta["published"].get<std::string>());
  if (meta["published_from"].is_string()) article.published_from = published_from_name(meta["published_from"].get<std::string>());
  article.kind = meta.value("format", "text") == "html" ? ContentKind::kHtml : ContentKind::kText;
  article.body_offset = (*raw_it)["body_offset"].get<size_t>();
  if (article.body_offset > raw.size()) return Error{"\"raw\".\"body_offset\" lies past the raw bytes"};
  article.raw = std::move(raw);
  record.erase("raw");
  out.record = storable_record(std::move(record));
  return out;
}

Result<PutResult> Store::classify(const Article& article) const {
  try {
    return classify_or_throw(article);
  } catch (const std::exception& e) {
    return store_error(location_, e);
  }
}

PutResult Store::classify_or_throw(const Article& article) const {
  std::optional<std::string> stored_source;
  {
    auto same = statements_->use("SELECT sha256, source FROM articles WHERE id = ?");
    same->bind(1, article.id);
    if (same->step()) {
      if (same->text(0) == article.sha256) return {PutOutcome::kUnchanged, article.id, ""};
      stored_source = same->text(1);
    }
  }
  auto twin = statements_->use("SELECT id FROM articles WHERE sha256 = ? AND id <> ? ORDER BY id LIMIT 1");
  twin->bind(1, article.sha256);
  twin->bind(2, article.id);
  if (twin->step()) return {PutOutcome::kDuplicate, twin->text(0), ""};
  if (stored_source) return {PutOutcome::kReplaced, article.id, *stored_source};
  return {PutOutcome::kAdded, article.id, ""};
}

Result<bool> Store::begin_batch() {
  try {
    if (batch_open_) return false;
    db_->begin_write();
    batch_open_ = true;
    return true;
  } catch (const std::exception& e) {
    return store_error(location_, e);
  }
}

Result<bool> Store::commit_batch() {
  try {
    if (!batch_open_) return false;
    db_->commit();
    batch_open_ = false;
    return true;
  } catch (const std::exception& e) {
    return store_error(location_, e);
  }
}

Result<PutResult> Store::put(const Article& article, const StorableRecord& stored) {
  const Json& record = stored.record;
  try {
    sql::Connection& db = *db_;
    Atomic transaction(db, batch_open_);
    PutResult result = classify_or_throw(article);
    if (result.outcome == PutOutcome::kUnchanged || result.outcome == PutOutcome::kDuplicate) return result;

    if (result.outcome == PutOutcome::kReplaced) {
      mark_blocks_of(*statements_, article.id);
      auto remove = statements_->use("DELETE FROM articles WHERE id = ?");  // mentions and tallies cascade
      remove->bind(1, article.id);
      remove->exec_deferred();
    }

    const Json& meta = record.contains("article") ? record["article"] : Json::object();
    auto insert = statements_->use(R"sql(
      INSERT INTO articles(id, source, sha256, url, title, published, published_from, language, kind, body_offset, raw, record,
                           outlet)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
    insert->bind(1, article.id);
    insert->bind(2, article.source);
    insert->bind(3, article.sha256);
    // The URL and title analysis found (a page's canonical link and headline), else as read.
    const auto learnt = [&](const char* key, const std::optional<std::string>& as_read) {
      return meta.contains(key) && meta[key].is_string() ? std::optional<std::string>(meta[key].get<std::string>()) : as_read;
    };
    bind_optional(*insert, 4, learnt("url", article.url));
    bind_optional(*insert, 5, learnt("title", article.title));
    // What analysis learnt (a byline, page metadata) as the record says, else as read.
    bind_json(*insert, 6, meta.contains("published") ? meta["published"] : Json());
    insert->bind(7, meta.contains("published_from") && meta["published_from"].is_string()
                       ? meta["published_from"].get<std::string>()
                       : to_string(article.published_from));
    bind_json(*insert, 8, meta.contains("language") ? meta["language"] : Json());
    insert->bind(9, article.kind == ContentKind::kHtml ? "html" : "text");
    insert->bind(10, static_cast<int64_t>(article.body_offset));
    insert->bind_blob(11, article.raw);
    insert->bind(12, stored.text);
    // Likewise the outlet (the page's og:site_name, the URL's host).
    bind_optional(*insert, 13, learnt("outlet", article.outlet));
    insert->exec_deferred();

    write_extraction(*statements_, article.id, stored);
    transaction.commit();
    return result;
  } catch (const std::exception& e) {
    return store_error(location_, e);
  }
}

Result<MergeSummary> Store::merge_pending() {
  MergeSummary summary;
  try {
    sql::Connection& db = *db_;
    sql::WriteTransaction transaction(db);
    std::vector<std::string> countries;
    auto pending = db.prepare("SELECT country FROM merge_pending ORDER BY country");
    while (pending->step()) countries.push_back(pending->text(0));

    auto remove_event = db.prepare("DELETE FROM events WHERE id = ?");
    auto insert_event = db.prepare(R"sql(
      INSERT INTO events(id, type, date, date_max, country, admin1, location, lat, lon, place_precision, weapons,
                         actor, actor_status, killed, injured, count, role, confidence, json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
    auto insert_source = db.prepare("INSERT INTO event_sources(event_id, article_id, idx) VALUES (?, ?, ?)");
    auto link = db.prepare("UPDATE mentions SET event_id = ? WHERE article_id = ? AND idx = ?");
    auto done = db.prepare("DELETE FROM merge_pending WHERE country = ?");
    // An event's search text goes with its row (removing the event cascades to it); its index
    // is written once the blocks are merged (text.finish()).
    EventTextRows text(db);
    auto old_text = db.prepare("SELECT body FROM event_text WHERE event_id = ?");
    const auto remove = [&](const std::string& id) {
      text.forget(id);
      remove_event->bind(1, id);
      remove_event->exec_deferred();
      remove_event->reset();
    };
    ArticleCitations citations(db);
    const auto title_of = [&](const std::string& article) { return citations.title(article); };

    auto old_ids = db.prepare("SELECT id FROM events WHERE country = ?");
    auto old_event = db.prepare("SELECT json FROM events WHERE id = ?");
    auto json_of = db.prepare("SELECT json FROM mentions WHERE article_id = ? AND idx = ?");
    auto dirty_event = db.prepare("SELECT 1 FROM merge_dirty_event WHERE event_id = ?");
    const auto is_dirty = [&](const std::string& id) {
      dirty_event->bind(1, id);
      const bool dirty = dirty_event->step();
      dirty_event->reset();
      return dirty;
    };

    // The mentions of a block as the clustering weighs them (their merge keys, from the index),
    // and the event each is linked to now ("" when none).
    struct Block {
      std::vector<Mention> mentions;
      std::vector<std::string> linked;
    };
    // The whole mention of a key mention: an event is built from its JSON, evidence and all.
    const auto full_mention = [&](const Mention& keyed) {
      json_of->bind(1, keyed.article);
      json_of->bind(2, static_cast<int64_t>(keyed.index));
      if (!json_of->step()) throw std::runtime_error(fmt::format("mention {} vanished during the merge", keyed.key()));
      Mention m = mention_of_event(keyed.article, keyed.index, Json::parse(json_of->text(0)));
      json_of->reset();
      if (!same_merge_keys(keyed, m)) {
        throw std::runtime_error(fmt::format("mention {}: its merge keys do not say what its JSON says", keyed.key()));
      }
      return m;
    };

    // Re-clusters a block (a whole country, or all mentions that could join one another) and
    // writes what changed; `before` holds the events they made until now, those that no longer
    // come out are removed. An event whose members are linked to it, are all that is linked to it,
    // and none of which changed (a change to a member marks its event dirty: mark_blocks_of) is
    // kept unread: its members' JSON is what it was built from, so building it again would give
    // the same row.
    const auto remerge = [&](const std::string& country, const Block& block, std::set<std::string> before) {
      const std::vector<MentionCluster> clusters = cluster_mentions(block.mentions);
      std::unordered_map<std::string, size_t> members_linked;
      for (const std::string& id : block.linked) {
        if (!id.empty()) ++members_linked[id];
      }
      std::set<std::string> now;
      for (const MentionCluster& cluster : clusters) {
        now.insert(cluster.id);
        const auto linked = members_linked.find(cluster.id);
        if (linked != members_linked.end() && linked->second == cluster.members.size() &&
            std::all_of(cluster.members.begin(), cluster.members.end(),
                        [&](size_t member) { return block.linked[member] == cluster.id; }) &&
            !is_dirty(cluster.id)) {
          continue;
        }
        // Only what changed is written: an event whose content is the same keeps its row.
        std::vector<Mention> members;
        members.reserve(cluster.members.size());
        for (size_t member : cluster.members) members.push_back(full_mention(block.mentions[member]));
        MentionCluster local{cluster.id, {}};
        for (size_t i = 0; i < members.size(); ++i) local.members.push_back(i);
        const MergedEvent e = build_merged_event(local, members);
        const std::string json = e.event.dump(-1, ' ', false, Json::error_handler_t::replace);
        // Linked anew only where the link changes: a link is a row of the merge index, rewritten
        // with it (an event of hundreds of sources gains one and keeps the rest).
        for (size_t i = 0; i < members.size(); ++i) {
          if (block.linked[cluster.members[i]] == e.id) continue;
          const Mention& member = members[i];
          link->bind(1, e.id);
          link->bind(2, member.article);
          link->bind(3, static_cast<int64_t>(member.index));
          link->exec_deferred();
          link->reset();
        }
        const std::string body = event_search_text(e.event, title_of);
        old_event->bind(1, e.id);
        const bool held = old_event->step();
        const bool same = held && old_event->text(0) == json;
        old_event->reset();
        if (same) {
          // The same event, but a source's article may have been stored again with a new title.
          old_text->bind(1, e.id);
          const bool same_text = old_text->step() && old_text->text(0) == body;
          old_text->reset();
          if (!same_text) text.replace(e.id, body);
          continue;
        }
        ++summary.changed;
        if (held) remove(e.id);
        const Json& v = e.event;
        int k = 1;
        insert_event->bind(k++, e.id);
        for (const char* field : {"type", "date", "date_max"}) bind_json(*insert_event, k++, v[field]);
        insert_event->bind(k++, country);
        for (const char* field : {"admin1", "location", "lat", "lon", "place_precision"}) bind_json(*insert_event, k++, v[field]);
        insert_event->bind(k++, v["weapons"].dump());
        for (const char* field : {"actor", "actor_status", "killed", "injured", "count", "role", "confidence"}) {
          bind_json(*insert_event, k++, v[field]);
        }
        insert_event->bind(k++, json);
        insert_event->exec_deferred();
        insert_event->reset();
        text.add(e.id, body);
        for (const Mention& member : members) {
          insert_source->bind(1, e.id);
          insert_source->bind(2, member.article);
          insert_source->bind(3, static_cast<int64_t>(member.index));
          insert_source->exec_deferred();
          insert_source->reset();
        }
      }
      for (const std::string& id : before) {
        if (now.count(id)) continue;
        ++summary.changed;
        remove(id);
      }
      ++summary.countries;
      summary.mentions += block.mentions.size();
      summary.events += clusters.size();
    };
    // Reads rows of (article_id, idx, keys, event_id) of `country` into `block`; the events
    // linked go to `linked`.
    const auto read_mentions = [&](sql::Statement& query, const std::string& country, Block& block, std::set<std::string>& linked) {
      while (query.step()) {
        const std::string article = query.text(0);
        const size_t idx = static_cast<size_t>(query.integer(1));
        if (query.is_null(2)) throw std::runtime_error(fmt::format("mention {}#{} has no merge keys", article, idx));
        Result<Mention> m = mention_of_keys(article, idx, country, query.text(2));
        if (!m.ok()) throw std::runtime_error(m.error().message);
        block.mentions.push_back(std::move(*m));
        block.linked.push_back(query.is_null(3) ? std::string() : query.text(3));
        if (!query.is_null(3)) linked.insert(query.text(3));
      }
      query.reset();
    };

    // Whole countries, for a store that had them pending before blocks (schema 4).
    auto read = db.prepare("SELECT article_id, idx, keys, event_id FROM mentions WHERE country = ? ORDER BY article_id, idx");
    auto mention_count = db.prepare("SELECT count(*) FROM mentions WHERE country = ?");
    auto blocks_done = db.prepare("DELETE FROM merge_pending_block WHERE country = ?");
    for (const std::string& country : countries) {
      // Reserved to the count: growing by doubling held up to three halves of it at once.
      Block block;
      mention_count->bind(1, country);
      if (mention_count->step()) {
        block.mentions.reserve(static_cast<size_t>(mention_count->integer(0)));
        block.linked.reserve(block.mentions.capacity());
      }
      mention_count->reset();
      std::set<std::string> before;
      read->bind(1, country);
      read_mentions(*read, country, block, before);
      old_ids->bind(1, country);
      while (old_ids->step()) before.insert(old_ids->text(0));
      old_ids->reset();
      remerge(country, block, std::move(before));
      done->bind(1, country);
      done->exec_deferred();
      done->reset();
      blocks_done->bind(1, country);
      blocks_done->exec_deferred();
      blocks_done->reset();
    }

    // Blocks. The windows touched, per country, grown into blocks; then each article's undated
    // mentions (an undated mention joins nothing: it is its own event).
    std::map<std::string, std::vector<std::pair<long, long>>> windows;
    std::map<std::string, std::set<std::string>> undated;
    {
      auto blocks = db.prepare("SELECT country, first_day, last_day, article_id FROM merge_pending_block");
      while (blocks->step()) {
        const std::string country = blocks->text(0);
        if (blocks->is_null(1)) {
          if (!blocks->is_null(3)) undated[country].insert(blocks->text(3));
          continue;
        }
        const std::optional<Date> first = parse_iso_date_prefix(blocks->text(1));
        const std::optional<Date> last = blocks->is_null(2) ? first : parse_iso_date_prefix(blocks->text(2));
        if (!first || !last) continue;
        windows[country].emplace_back(first->days_since_epoch(), std::max(first->days_since_epoch(), last->days_since_epoch()));
      }
    }
    const auto iso = [](long day) { return Date::from_days_since_epoch(day).iso(); };
    // How far the mentions starting in [lo, hi] reach (an index-only read: no mention's row), and
    // the spans of the country's mentions of more than a day, which may start before a window
    // and reach into it.
    auto reach = db.prepare(R"sql(
      SELECT min(date), max(last_day) FROM mentions WHERE country = ? AND date >= ? AND date <= ?)sql");
    auto spans_of = db.prepare(R"sql(
      SELECT date, last_day FROM mentions WHERE country = ? AND date IS NOT NULL AND last_day > date)sql");
    // After growing, every mention touching a block starts in it, and so does every event made of
    // them: a day range reads them, on the index.
    auto block_mentions = db.prepare(R"sql(
      SELECT article_id, idx, keys, event_id FROM mentions
      WHERE country = ? AND date >= ? AND date <= ? ORDER BY article_id, idx)sql");
    auto block_events = db.prepare("SELECT id FROM events WHERE country = ? AND date >= ? AND date <= ?");
    const auto day_of = [](const std::string& text) -> std::optional<long> {
      const std::optional<Date> d = parse_iso_date_prefix(text);
      return d ? std::optional<long>(d->days_since_epoch()) : std::nullopt;
    };
    // Windows that overlap or lie within a day of each other, as one.
    const auto coalesced = [](std::vector<std::pair<long, long>> spans) {
      std::sort(spans.begin(), spans.end());
      std::vector<std::pair<long, long>> out;
      for (const auto& span : spans) {
        if (!out.empty() && span.first <= out.back().second + 1) out.back().second = std::max(out.back().second, span.second);
        else out.push_back(span);
      }
      return out;
    };
    for (auto& [country, touched] : windows) {
      std::vector<std::pair<long, long>> long_spans;
      spans_of->bind(1, country);
      while (spans_of->step()) {
        const auto first = day_of(spans_of->text(0)), last = day_of(spans_of->text(1));
        if (first && last) long_spans.emplace_back(*first, *last);
      }
      spans_of->reset();
      // A block: a window grown until no mention outside it lies within a day of it. Each day's
      // mentions are read once however far the block grows: a step reads only the days it added
      // (a dense feed chains a block across years, day by day; reading the whole block again at
      // each step made growing quadratic in its length).
      std::vector<std::pair<long, long>> grown;
      // Widens [lo, hi] to the reach of the country's mentions starting in [from, to]. (The
      // country is named again: a lambda may not capture a structured binding before C++20, and
      // clang 14, which builds the fuzzers, does not allow it.)
      const std::string& block_country = country;
      const auto reach_of = [&](long from, long to, long& lo, long& hi) {
        reach->bind(1, block_country);
        reach->bind(2, iso(from));
        reach->bind(3, iso(to));
        if (reach->step() && !reach->is_null(0)) {
          if (const auto a = day_of(reach->text(0))) lo = std::min(lo, *a);
          if (const auto b = day_of(reach->text(1))) hi = std::max(hi, *b);
        }
        reach->reset();
      };
      for (auto [lo, hi] : coalesced(touched)) {
        // Inside a block grown already (windows come in order): that block holds it.
        if (!grown.empty() && lo >= grown.back().first && hi <= grown.back().second) continue;
        // [read_lo, read_hi]: the days whose mentions have been read.
        long read_lo = lo - 1, read_hi = hi + 1;
        reach_of(read_lo, read_hi, lo, hi);
        for (;;) {
          long new_lo = lo, new_hi = hi;
          for (const auto& [first, last] : long_spans) {
            if (first < lo - 1 && last >= lo - 1) new_lo = std::min(new_lo, first);
          }
          if (new_lo - 1 < read_lo) reach_of(new_lo - 1, read_lo - 1, new_lo, new_hi), read_lo = new_lo - 1;
          if (new_hi + 1 > read_hi) reach_of(read_hi + 1, new_hi + 1, new_lo, new_hi), read_hi = new_hi + 1;
          if (new_lo == lo && new_hi == hi) break;
          lo = new_lo, hi = new_hi;
        }
        grown.emplace_back(lo, hi);
      }
      // Grown blocks that now touch are one (the union of two grown blocks is grown too).
      for (const auto& [lo, hi] : coalesced(grown)) {
        Block block;
        std::set<std::string> before;
        block_mentions->bind(1, country);
        block_mentions->bind(2, iso(lo));
        block_mentions->bind(3, iso(hi));
        read_mentions(*block_mentions, country, block, before);
        block_events->bind(1, country);
        block_events->bind(2, iso(lo));
        block_events->bind(3, iso(hi));
        while (block_events->step()) before.insert(block_events->text(0));
        block_events->reset();
        remerge(country, block, std::move(before));
      }
    }
    // An article's undated mentions of a country, found by the article's primary key (a
    // country's undated mentions are many, an article's few).
    auto undated_mentions = db.prepare(R"sql(
      SELECT article_id, idx, keys, event_id FROM mentions WHERE article_id = ? AND date IS NULL AND country = ? ORDER BY idx)sql");
    auto undated_events = db.prepare(R"sql(
      SELECT e.id FROM events e JOIN event_sources s ON s.event_id = e.id
      WHERE e.country = ? AND e.date IS NULL AND s.article_id = ?)sql");
    for (const auto& [country, articles] : undated) {
      for (const std::string& article : articles) {
        Block block;
        std::set<std::string> before;
        undated_mentions->bind(1, article);
        undated_mentions->bind(2, country);
        read_mentions(*undated_mentions, country, block, before);
        undated_events->bind(1, country);
        undated_events->bind(2, article);
        while (undated_events->step()) before.insert(undated_events->text(0));
        undated_events->reset();
        remerge(country, block, std::move(before));
      }
    }
    db.exec("DELETE FROM merge_pending_block");
    db.exec("DELETE FROM merge_dirty_event");
    text.finish();
    transaction.commit();
  } catch (const std::exception& e) {
    return store_error(location_, e);
  }
  return summary;
}

std::string event_cursor(const Json& event) {
  const std::string date = event.contains("date") && event["date"].is_string() ? event["date"].get<std::string>() : "9999";
  return date + "~" + string_or_empty(event, "id");
}

std::optional<std::pair<std::string, std::string>> parse_event_cursor(const std::string& cursor) {
  const size_t tilde = cursor.find('~');
  if (tilde == std::string::npos) return std::nullopt;
  std::string date = cursor.substr(0, tilde), id = cursor.substr(tilde + 1);
  const bool date_ok = date == "9999" || (date.size() == 10 && parse_iso_date_prefix(date));
  const bool id_ok = id.size() == 19 && id.rfind("ev_", 0) == 0 &&
                     id.find_first_not_of("0123456789abcdef", 3) == std::string::npos;
  if (!date_ok || !id_ok) return std::nullopt;
  return std::make_pair(std::move(date), std::move(id));
}

namespace {

// `text` matched literally by LIKE … ESCAPE '\'.
std::string like_escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// The WHERE clause of a filter (paging aside) and its parameters, in order.
struct Where {
  std::string sql = " WHERE TRUE";
  std::vector<std::variant<std::string, double>> params;
};

// " AND column IN (?, ?)" for the values.
void add_any_of(Where& w, const char* column, const std::vector<std::string>& values) {
  if (values.empty()) return;
  w.sql += fmt::format(" AND {} IN (", column);
  for (size_t i = 0; i < values.size(); ++i) {
    w.sql += i ? ", ?" : "?";
    w.params.emplace_back(values[i]);
  }
  w.sql += ")";
}

Where where_of(const EventFilter& filter, const sql::Connection& db) {
  Where w;
  add_any_of(w, "country", filter.countries);
  if (!filter.since.empty()) w.sql += " AND coalesce(date_max, date) >= ?", w.params.emplace_back(filter.since);
  if (!filter.until.empty()) w.sql += " AND date <= ?", w.params.emplace_back(filter.until);
  add_any_of(w, "events.type", filter.types);
  // `weapons` is a compact JSON array of class names: ["drone","rocket"].
  if (!filter.weapons.empty()) {
    w.sql += " AND (";
    for (size_t i = 0; i < filter.weapons.size(); ++i) {
      w.sql += i ? " OR weapons LIKE ? ESCAPE '\\'" : "weapons LIKE ? ESCAPE '\\'";
      w.params.emplace_back("%" + like_escaped("\"" + filter.weapons[i] + "\"") + "%");
    }
    w.sql += ")";
  }
  // A part of the name, ASCII case aside (as SQLite's lower() has it on both engines).
  if (!filter.actor.empty()) {
    w.sql += " AND lower(actor) LIKE ? ESCAPE '\\'";
    w.params.emplace_back("%" + like_escaped(lower_ascii(filter.actor)) + "%");
  }
  if (!filter.admin1.empty()) w.sql += " AND lower(admin1) = ?", w.params.emplace_back(lower_ascii(filter.admin1));
  // The compact JSON of the event holds `"place_id":"…"` exactly once, outside any string (a
  // quote inside a string is escaped), and event_filter.cc lets no character JSON would escape
  // into a place id.
  if (!filter.place.empty()) {
    w.sql += " AND " + db.contains("json");
    w.params.emplace_back("\"place_id\":\"" + filter.place + "\"");
  }
  if (!filter.role.empty()) w.sql += " AND role = ?", w.params.emplace_back(filter.role);
  if (filter.min_sources > 1) {
    w.sql += fmt::format(" AND (SELECT count(*) FROM event_sources s WHERE s.event_id = events.id) >= {}", filter.min_sources);
  }
  if (filter.located) w.sql += *filter.located ? " AND lat IS NOT NULL AND lon IS NOT NULL" : " AND (lat IS NULL OR lon IS NULL)";
  if (!filter.words.empty()) w.sql += " AND " + db.event_text_match(), w.params.emplace_back(db.text_query(filter.words));
  if (filter.bbox) {
    const auto& [west, south, east, north] = *filter.bbox;
    w.sql += " AND lon >= ? AND lon <= ? AND lat >= ? AND lat <= ?";
    for (double v : {west, east, south, north}) w.params.emplace_back(v);
  }
  if (filter.min_confidence) w.sql += " AND confidence >= ?", w.params.emplace_back(*filter.min_confidence);
  return w;
}

void bind_all(sql::Statement& query, const std::vector<std::variant<std::string, double>>& params) {
  for (size_t i = 0; i < params.size(); ++i) {
    if (const auto* text = std::get_if<std::string>(&params[i])) query.bind(static_cast<int>(i + 1), *text);
    else query.bind(static_cast<int>(i + 1), std::get<double>(params[i]));
  }
}

}  // namespace

Result<std::vector<Json>> Store::events(const EventFilter& filter) const {
  Where w = where_of(filter, *db_);
  std::string sql = "SELECT json FROM events" + w.sql;
  const char* after = filter.newest_first ? "<" : ">";
  if (auto cursor = parse_event_cursor(filter.cursor)) {
    sql += fmt::format(" AND (coalesce(date, '9999') {0} ? OR (coalesce(date, '9999') = ? AND id {0} ?))", after);
    w.params.emplace_back(cursor->first);
    w.params.emplace_back(cursor->first);
    w.params.emplace_back(cursor->second);
  }
  sql += filter.newest_first ? " ORDER BY coalesce(date, '9999') DESC, id DESC" : " ORDER BY coalesce(date, '9999'), id";
  if (filter.limit > 0) sql += fmt::format(" LIMIT {}", filter.limit);
  try {
    auto query = db_->prepare(sql);
    bind_all(*query, w.params);
    std::vector<Json> out;
    ArticleCitations citations(*db_);
    while (query->step()) {
      out.push_back(Json::parse(query->text(0)));
      citations.cite(out.back());
    }
    return out;
  } catch (const std::exception& e) {
    return store_error(location_, e);
  }
}

Result<EventStats> Store::stats(const EventFilter& filter) const {
  const Where w = where_of(filter, *db_);
  try {
    EventStats stats;
    auto group = [&](const std::string& key, std::vector<std::pair<std::string, size_t>>& out) {
      // NULLS FIRST: SQLite's order, which PostgreSQL reverses by default.
      auto query = db_->prepare(fmt::format("SELECT {0} AS k, count(*) FROM events{1} GROUP BY k ORDER BY k NULLS FIRST", key, w.sql));
      bind_all(*query, w.params);
      while (query->step()) {
        out.emplace_back(query->is_null(0) ? "" : query->text(0),
                         static_cast<size_t>(query->integer(1)));
      }
    };
    group("date", stats.by_day);
    group("country", stats.by_country);
    group("type", stats.by_type);
    {
      // Counted here rather than by the engine's JSON functions, which differ between the two.
      auto query = db_->prepare("SELECT weapons FROM events" + w.sql);
      bind_all(*query, w.params);
      std::map<std::string, size_t> by_weapon;
      while (query->step()) {
        const Json weapons = Json::parse(query->text(0), nullptr, /*allow_exceptions=*/false);
        if (!weapons.is_array()) continue;
        for (const Json& weapon : weapons) {
          if (weapon.is_string()) ++by_weapon[weapon.get<std::string>()];
        }
      }
      stats.by_weapon.assign(by_weapon.begin(), by_weapon.end());
    }
    for (const auto& [day, n] : stats.by_day) stats.events += n;
    return stats;
  } catch (const std::exception& e) {
    return store_error(location_, e);
  }
}

Result<Store::TallyHeld> Store::held_for(const StoredTally& stored, WindowCounts& counted) const {
  const Json& tally = stored.tally;
  const std::string what = string_or_empty(tally, "what");
  const std::string since = string_or_empty(tally, "since");
  const std::string as_of = tally.contains("as_of") && tally["as_of"].is_string() ? tally["as_of"].get<std::string>()
                                                                                  : stored.published.value_or("");
  TallyHeld held;
  if (what != "attacks" && what != "killed" && what != "injured") {
    held.note = fmt::format("a tally of {}: not a count Salvo holds", what.empty() ? "nothing named" : what);
    return held;
  }
  if (since.empty()) {
    held.note = "no start day: the window this count covers is not known";
    return held;
  }
  if (as_of.empty()) {
    held.note = "no end day: neither an as_of nor the report's publication day";
    return held;
  }
  // "since": "2023-10" starts on the 1st of October.
  held.since = since.size() == 7 ? since + "-01" : since;
  held.until = as_of;
  const std::string country = string_or_empty(tally, "country");
  const std::string window = what + "|" + country + "|" + held.since + "|" + held.until;
  if (auto it = counted.by_window.find(window); it != counted.by_window.end()) {
    held.value = it->second;
    return held;
  }
  if (!counted.events) {
    try {
      auto query = db_->prepare(R"sql(
        SELECT country, date, coalesce(date_max, date), count, coalesce(killed, 0), coalesce(injured, 0) FROM events
        WHERE type IN ('attack', 'interception') AND date IS NOT NULL)sql");
      counted.events.emplace();
      while (query->step()) {
        counted.events->push_back({query->text(0), query->text(1), query->text(2), static_cast<size_t>(query->integer(3)),
                                   static_cast<size_t>(query->integer(4)), static_cast<size_t>(query->integer(5))});
      }
    } catch (const std::exception& e) {
      return store_error(location_, e);
    }
  }
  size_t sum = 0;
  for (const WindowCounts::Held& e : *counted.events) {
    if ((!country.empty() && e.country != country) || e.last_day < held.since || e.first_day > held.until) continue;
    sum += what == "attacks" ? e.count : what == "killed" ? e.killed : e.injured;
  }
  counted.by_window.emplace(window, sum);
  held.value = sum;
  return held;
}

Result<std::vector<std::string>> Store::event_ids_starting(const std::string& prefix, size_t at_most) const {
  try {
    auto query = db_->prepare(fmt::format("SELECT id FROM events WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT {}", at_most));
    query->bind(1, like_escaped(prefix) + "%");
    std::vector<std::string> ids;
    while (query->step()) ids.push_back(query->text(0));
    return ids;
  } catch (const std::exception& e) {
    return store_error(location_, e);
  }
}

Result<std::optional<Json>> Store::record(const std::string& id) const {
  try {
    auto query = db_->prepare("SELECT record FROM articles WHERE id = ?");
    query->bind(1, id);
    if (!query->step()) return std::optional<Json>();
    return std::optional<Json>(Json::parse(query->text(0)));
  } catch (const std::exception& e) {
    return store_error(location_, e);
  }
}

Result<std::optional<Json>> Store::event(const std::string& id) const {
  try {
    auto query = db_->prepare("SELECT json FROM events WHERE id = ?");
    query->bind(1, id);
    if (!query->step()) return std::optional<Json>();
    Json event = Json::parse(query->text(0));
    ArticleCitations(*db_).cite(event, /*with_path=*/true);
    return std::optional<Json>(std::move(event));
  } catch (const std::exception& e) {
    return store_error(location_, e);
  }
}

Result<std::vector<StoredTally>> Store::tallies(const TallyFilter& filter) const {
  try {
    Where w;
    add_any_of(w, "t.country", filter.countries);
    // The tally's day: its as_of, else its report's publication day (a timestamp's first 10 bytes).
    const char* day = "substr(coalesce(t.as_of, a.published, ''), 1, 10)";
    if (!filter.since.empty()) w.sql += fmt::format(" AND {} >= ?", day), w.params.emplace_back(filter.since);
    if (!filter.until.empty()) w.sql += fmt::format(" AND {} <= ?", day), w.params.emplace_back(filter.until);
    auto query = db_->prepare(R"sql(
      SELECT t.article_id, t.json, a.published FROM tallies t JOIN articles a ON a.id = t.article_id)sql" + w.sql +
                              " ORDER BY coalesce(t.as_of, a.published, ''), t.article_id, t.idx");
    bind_all(*query, w.params);
    std::vector<StoredTally> out;
    while (query->step()) {
      out.push_back({query->text(0), Json::parse(query->text(1)),
                     optional_text(*query, 2)});
    }
    return out;
  } catch (const std::exception& e) {
    return store_error(location_, e);
  }
}

Result<std::vector<std::string>> Store::article_ids() const {
  try {
    auto query = db_->prepare("SELECT id FROM articles ORDER BY id");
    std::vector<std::string> ids;
    while (query->step()) ids.push_back(query->text(0));
    return ids;
  } catch (const std::exception& e) {
    return store_error(location_, e);
  }
}

Result<Article> Store::article(const std::string& id) const {
  try {
    auto query = db_->prepare(R"sql(
      SELECT id, source, sha256, url, title, published, published_from, kind, body_offset, raw, outlet FROM articles WHERE id = ?)sql");
    query->bind(1, id);
    if (!query->step()) return Error{fmt::format("{}: no article {}", location_, id)};
    Article a;
    a.id = query->text(0);
    a.source = query->text(1);
    a.sha256 = query->text(2);
    a.url = optional_text(*query, 3);
    a.title = optional_text(*query, 4);
    a.outlet = optional_text(*query, 10);
    // The date as read (header or feed metadata), not one learnt from the text: analysis learns
    // that again, with the rules of today.
    a.published_from = published_from_name(query->text(6));
    if (a.published_from == PublishedFrom::kHeader || a.published_from == PublishedFrom::kMetadata) {
      if (auto published = optional_text(*query, 5)) a.published = parse_iso_date_prefix(*published);
    } else {
      a.published_from = PublishedFrom::kNone;
    }
    a.kind = query->text(7) == "html" ? ContentKind::kHtml : ContentKind::kText;
    a.body_offset = static_cast<size_t>(query->integer(8));
    a.raw = query->blob(9);
    return a;
  } catch (const std::exception& e) {
    return store_error(location_, e);
  }
}

Result<bool> Store::update_record(const Article& article, const StorableRecord& stored) {
  try {
    sql::Connection& db = *db_;
    Atomic transaction(db, batch_open_);
    const Json& record = stored.record;
    const std::string& text = stored.text;
    auto current = db.prepare("SELECT record FROM articles WHERE id = ?");
    current->bind(1, article.id);
    if (!current->step()) return Error{fmt::format("{}: no article {}", location_, article.id)};
    if (current->text(0) == text) return false;
    mark_blocks_of(*statements_, article.id);
    for (const char* table : {"mentions", "tallies"}) {
      auto remove = db.prepare(fmt::format("DELETE FROM {} WHERE article_id = ?", table));
      remove->bind(1, article.id);
      remove->exec_deferred();
    }
    const Json& meta = record.contains("article") ? record["article"] : Json::object();
    auto update = db.prepare("UPDATE articles SET record = ?, published = ?, published_from = ?, language = ? WHERE id = ?");
    update->bind(1, text);
    bind_json(*update, 2, meta.contains("published") ? meta["published"] : Json());
    bind_json(*update, 3, meta.contains("published_from") ? meta["published_from"] : Json("none"));
    bind_json(*update, 4, meta.contains("language") ? meta["language"] : Json());
    update->bind(5, article.id);
    update->exec_deferred();
    write_extraction(*statements_, article.id, stored);
    transaction.commit();
    return true;
  } catch (const std::exception& e) {
    return store_error(location_, e);
  }
}

Result<std::vector<StoreCheck>> Store::check() const {
  try {
    sql::Connection& db = *db_;
    std::vector<StoreCheck> out;
    // The first few offenders, and how many in all.
    auto verdict = [&](std::string name, const std::vector<std::string>& offenders, const std::string& fine) {
      StoreCheck c{std::move(name), offenders.empty(), fine};
      if (!c.ok) {
        c.detail = fmt::format("{} found", offenders.size());
        for (size_t i = 0; i < offenders.size() && i < 5; ++i) c.detail += (i == 0 ? ": " : "; ") + offenders[i];
        if (offenders.size() > 5) c.detail += "; …";
      }
      out.push_back(std::move(c));
    };
    auto rows = [&](const char* sql) {
      std::vector<std::string> found;
      auto query = db.prepare(sql);
      while (query->step()) {
        std::string row;
        for (int i = 0; i < query->column_count(); ++i) row += (i ? " " : "") + query->text(i);
        found.push_back(std::move(row));
      }
      return found;
    };

    for (const sql::EngineCheck& engine : db.engine_checks()) verdict(engine.name, engine.problems, engine.fine);

    std::vector<std::string> unreadable;
    size_t articles = 0;
    {
      auto query = db.prepare("SELECT id, record, (SELECT count(*) FROM mentions m WHERE m.article_id = a.id) FROM articles a");
      while (query->step()) {
        ++articles;
        const std::string id = query->text(0);
        const Json record = Json::parse(query->text(1), nullptr, /*allow_exceptions=*/false);
        if (record.is_discarded()) {
          unreadable.push_back(id + " (record is not JSON)");
          continue;
        }
        const size_t events = record.contains("events") && record["events"].is_array() ? record["events"].size() : 0;
        const auto mentions = static_cast<size_t>(query->integer(2));
        if (events != mentions) unreadable.push_back(fmt::format("{} ({} events in its record, {} mentions)", id, events, mentions));
      }
    }
    verdict("records", unreadable, fmt::format("{} articles, each record readable and in step with its mentions", articles));

    verdict("mentions merged",
            rows("SELECT article_id || '#' || idx FROM mentions m WHERE country NOT IN (SELECT country FROM merge_pending UNION SELECT country FROM merge_pending_block) "
                 "AND (event_id IS NULL OR NOT EXISTS (SELECT 1 FROM events e WHERE e.id = m.event_id))"),
            "every mention belongs to an event");
    verdict("event sources",
            rows("SELECT s.event_id || ' ← ' || s.article_id || '#' || s.idx FROM event_sources s WHERE NOT EXISTS "
                 "(SELECT 1 FROM mentions m WHERE m.article_id = s.article_id AND m.idx = s.idx) "
                 "UNION ALL SELECT e.id || ' (no source)' FROM events e WHERE NOT EXISTS "
                 "(SELECT 1 FROM event_sources s WHERE s.event_id = e.id)"),
            "every event has sources, every source is a stored mention");

    verdict("text search",
            rows("SELECT e.id || ' (no search text)' FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_text t WHERE t.event_id = e.id)"),
            "every event has its search text");

    // Ids come from content: the first source's key, by key order.
    std::map<std::string, std::string> first_key;
    {
      auto query = db.prepare("SELECT event_id, article_id || '#' || idx FROM event_sources");
      while (query->step()) {
        const std::string id = query->text(0), key = query->text(1);
        auto [it, inserted] = first_key.emplace(id, key);
        if (!inserted && key < it->second) it->second = key;
      }
    }
    std::vector<std::string> unstable;
    for (const auto& [id, key] : first_key) {
      if (event_id_of(key) != id) unstable.push_back(fmt::format("{} (its sources make it {})", id, event_id_of(key)));
    }
    verdict("event ids", unstable, fmt::format("{} events, each id the one its sources derive", first_key.size()));

    const std::vector<std::string> pending =
        rows("SELECT country FROM merge_pending UNION SELECT country FROM merge_pending_block ORDER BY 1");
    StoreCheck merge{"merge finished", pending.empty(), "no merge pending"};
    if (!merge.ok && WriterPresence::held_by_someone(location_)) {
      // Between an ingest's batches and its merge, pending rows are its work in progress.
      merge.ok = true;
      merge.detail = "a merge is pending for " + fmt::format("{}", fmt::join(pending, ", ")) +
                     " while an ingest runs on this store; it merges when its articles are in";
    } else if (!merge.ok) {
      merge.detail = "a merge was interrupted for " + fmt::format("{}", fmt::join(pending, ", ")) +
                     "; any 'salvo ingest' on this store finishes it";
    }
    out.push_back(std::move(merge));
    return out;
  } catch (const std::exception& e) {
    return store_error(location_, e);
  }
}

Result<StoreCounts> Store::counts() const {
  try {
    StoreCounts c;
    c.articles = static_cast<size_t>(std::stoull(db_->query_value("SELECT count(*) FROM articles")));
    c.mentions = static_cast<size_t>(std::stoull(db_->query_value("SELECT count(*) FROM mentions")));
    c.events = static_cast<size_t>(std::stoull(db_->query_value("SELECT count(*) FROM events")));
    c.tallies = static_cast<size_t>(std::stoull(db_->query_value("SELECT count(*) FROM tallies")));
    c.pending = static_cast<size_t>(std::stoull(db_->query_value(
        "SELECT count(*) FROM (SELECT country FROM merge_pending UNION SELECT country FROM merge_pending_block) p")));
    return c;
  } catch (const std::exception& e) {
    return store_error(location_, e);
  }
}

}  // namespace salvo
