#include "salvo/store/store.h"

#include "salvo/pipeline/process.h"

#include <openssl/evp.h>
#include <sqlite3.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <simdjson.h>

#include <map>
#include <set>
#include <unordered_map>
#include <variant>

#include "salvo/base/date.h"
#include "salvo/merge/merge.h"

namespace salvo {
namespace {

using Json = nlohmann::ordered_json;

// Schema migrations: kMigrations[v] takes a store from version v to v + 1. Never edit one that
// has shipped; add the next.
constexpr const char* kMigrations[] = {
    // 0 → 1
    R"sql(
CREATE TABLE articles (
  id             TEXT PRIMARY KEY,
  source         TEXT NOT NULL,
  sha256         TEXT NOT NULL,
  url            TEXT,
  title          TEXT,
  published      TEXT,
  published_from TEXT NOT NULL,
  language       TEXT,
  kind           TEXT NOT NULL,          -- text | html: how `raw` is read again by reprocess
  body_offset    INTEGER NOT NULL,
  raw            BLOB NOT NULL,          -- the bytes as read: every offset refers to them
  record         TEXT NOT NULL           -- the per-article JSON record (spec/output.md)
);
CREATE INDEX articles_sha256 ON articles(sha256);

-- One row per event of an article record: what the merge reads.
CREATE TABLE mentions (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,
  country    TEXT NOT NULL,              -- '' when the event has none
  date       TEXT,
  event_id   TEXT,                       -- the merged event, once merged
  json       TEXT NOT NULL,
  PRIMARY KEY (article_id, idx)
);
CREATE INDEX mentions_country ON mentions(country, date);

CREATE TABLE tallies (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,
  what       TEXT NOT NULL,
  count      INTEGER NOT NULL,
  country    TEXT,
  since      TEXT,
  as_of      TEXT,
  json       TEXT NOT NULL,
  PRIMARY KEY (article_id, idx)
);

CREATE TABLE events (
  id              TEXT PRIMARY KEY,      -- from content: stable across runs and ingest order
  type            TEXT NOT NULL,
  date            TEXT,
  date_max        TEXT,
  country         TEXT NOT NULL,         -- '' when unknown
  admin1          TEXT,
  location        TEXT,
  lat             REAL,
  lon             REAL,
  place_precision TEXT,
  weapons         TEXT NOT NULL,         -- JSON array
  actor           TEXT,
  actor_status    TEXT,
  killed          INTEGER,
  injured         INTEGER,
  count           INTEGER NOT NULL,
  role            TEXT,
  confidence      REAL,
  json            TEXT NOT NULL          -- spec/output.md merged form
);
CREATE INDEX events_country_date ON events(country, date);
CREATE INDEX events_date ON events(date);

CREATE TABLE event_sources (
  event_id   TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  article_id TEXT NOT NULL,
  idx        INTEGER NOT NULL,
  PRIMARY KEY (event_id, article_id, idx)
);
CREATE INDEX event_sources_article ON event_sources(article_id);

-- Countries whose mentions changed since their events were last merged; written by the same
-- transaction that changes the mentions, cleared by the one that merges.
CREATE TABLE merge_pending (country TEXT PRIMARY KEY);
)sql",
};
static_assert(std::size(kMigrations) == kStoreSchemaVersion, "one migration per schema version");

std::string string_or_empty(const Json& object, const char* field) {
  auto it = object.find(field);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Binds a JSON value (string, number or null) to parameter `index`.
void bind_json(SQLite::Statement& statement, int index, const Json& value) {
  if (value.is_string()) statement.bind(index, value.get<std::string>());
  else if (value.is_number_integer()) statement.bind(index, value.get<int64_t>());
  else if (value.is_number()) statement.bind(index, value.get<double>());
  else statement.bind(index);
}

void bind_optional(SQLite::Statement& statement, int index, const std::optional<std::string>& value) {
  if (value) statement.bind(index, *value);
  else statement.bind(index);
}

std::optional<std::string> optional_text(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getString();
}

PublishedFrom published_from_name(const std::string& name) {
  for (PublishedFrom from : {PublishedFrom::kHeader, PublishedFrom::kMetadata, PublishedFrom::kText}) {
    if (name == to_string(from)) return from;
  }
  return PublishedFrom::kNone;
}

// A writer waits up to a minute for another's lock: concurrent ingests take turns batch by batch,
// and one merge of a large store can hold the lock for several seconds.
constexpr int kBusyTimeoutMs = 60000;

// SQLite's message, and for the failures a user can act on, what they mean here. Every write is
// in a transaction, so a failed one has changed nothing: the store holds what was committed.
Error store_error(const std::filesystem::path& path, const std::exception& e) {
  const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&e);
  const char* meaning = nullptr;
  switch (sqlite ? sqlite->getErrorCode() : SQLITE_OK) {
    case SQLITE_BUSY:
      meaning = "another process held the store's write lock too long (another salvo ingest or merge?); "
                "this change was not made, run it again";
      break;
    case SQLITE_FULL: meaning = "the disk is full; this change was rolled back, the store holds what was committed"; break;
    case SQLITE_IOERR:
      meaning = "writing failed (a full disk, a file size limit or a failing device?); this change was rolled back, "
                "the store holds what was committed";
      break;
    case SQLITE_READONLY: meaning = "the store is read-only here (file or folder permissions, or a read-only mount)"; break;
    case SQLITE_CANTOPEN: meaning = "cannot open it (a missing folder, or no permission to create or write it)"; break;
    default: break;
  }
  if (!meaning) return Error{fmt::format("{}: {}", path.string(), e.what())};
  return Error{fmt::format("{}: {}: {}", path.string(), e.what(), meaning)};
}

}  // namespace

// The statements of put() and classify(), prepared once per connection: preparing them cost more
// than running them, several times an article. A statement is handed out reset, with no bindings.
class StatementCache {
 public:
  explicit StatementCache(SQLite::Database& db) : db_(db) {}

  // Resets its statement when it goes, so that a read statement never holds the database open.
  class Use {
   public:
    explicit Use(SQLite::Statement& statement) : statement_(statement) {}
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;
    ~Use() {
      try {
        statement_.reset();
        statement_.clearBindings();
      } catch (const std::exception&) {
        // Reset reports the error of the last step again; the caller has seen it already.
      }
    }
    SQLite::Statement* operator->() const { return &statement_; }
    SQLite::Statement& operator*() const { return statement_; }

   private:
    SQLite::Statement& statement_;
  };

  // `sql` is a string literal: its address is the key.
  Use use(const char* sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) it = statements_.emplace(sql, std::make_unique<SQLite::Statement>(db_, sql)).first;
    return Use(*it->second);
  }

 private:
  SQLite::Database& db_;
  std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> statements_;
};

namespace {

void mark_pending(StatementCache& statements, const std::string& country) {
  auto mark = statements.use("INSERT OR IGNORE INTO merge_pending(country) VALUES (?)");
  mark->bind(1, country);
  mark->exec();
}

// The countries of an article's mentions are to be re-merged: its mentions are about to change.
void mark_countries_of(StatementCache& statements, const std::string& article_id) {
  std::vector<std::string> countries;
  {
    auto old = statements.use("SELECT DISTINCT country FROM mentions WHERE article_id = ?");
    old->bind(1, article_id);
    while (old->executeStep()) countries.push_back(old->getColumn(0).getString());
  }
  for (const std::string& country : countries) mark_pending(statements, country);
}

// The record's events (as mentions, their countries marked for re-merging) and tallies.
void write_extraction(StatementCache& statements, const std::string& article_id, const StorableRecord& stored) {
  const Json& record = stored.record;
  const Json& events = record.contains("events") ? record["events"] : Json::array();
  auto mention = statements.use("INSERT INTO mentions(article_id, idx, country, date, json) VALUES (?, ?, ?, ?, ?)");
  for (size_t i = 0; i < events.size(); ++i) {
    const std::string country = string_or_empty(events[i], "country");
    mention->bind(1, article_id);
    mention->bind(2, static_cast<int64_t>(i));
    mention->bind(3, country);
    bind_json(*mention, 4, events[i].contains("date") ? events[i]["date"] : Json());
    mention->bind(5, stored.events[i]);
    mention->exec();
    mention->reset();
    mark_pending(statements, country);
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
    tally->exec();
    tally->reset();
  }
}

// One change, all or nothing, inside the caller's batch when one is open (begin_batch) or as a
// transaction of its own: a savepoint is both. Rolled back unless committed.
class Atomic {
 public:
  explicit Atomic(SQLite::Database& db) : db_(db) { db_.exec("SAVEPOINT salvo_change"); }
  Atomic(const Atomic&) = delete;
  Atomic& operator=(const Atomic&) = delete;
  ~Atomic() {
    if (done_) return;
    try {
      db_.exec("ROLLBACK TO salvo_change");
      db_.exec("RELEASE salvo_change");
    } catch (const std::exception&) {
      // The connection is broken; the caller reports the error that got us here.
    }
  }
  void commit() {
    db_.exec("RELEASE salvo_change");
    done_ = true;
  }

 private:
  SQLite::Database& db_;
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

Result<Store> Store::open(const std::filesystem::path& path) {
  Store store;
  store.path_ = path;
  try {
    store.db_ = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, kBusyTimeoutMs);
    SQLite::Database& db = *store.db_;
    store.statements_ = std::make_unique<StatementCache>(db);
    // WAL: readers never block the writer, and a killed writer leaves the last committed state.
    // synchronous=NORMAL keeps that under a killed process; only a power cut may lose the last
    // transactions (never consistency).
    // 16 KB pages (a new store; an existing one keeps its own): an article's raw text and record
    // span a few pages instead of a dozen, and the WAL is written in larger pieces.
    db.exec("PRAGMA page_size=16384");
    db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA synchronous=NORMAL");
    db.exec("PRAGMA foreign_keys=ON");
    db.exec("PRAGMA cache_size=-65536");  // 64 MB of page cache (the default 2 MB re-reads indexes)
    int version = db.execAndGet("PRAGMA user_version").getInt();
    if (version < kStoreSchemaVersion) {
      // Read again under the write lock: two ingests started at once on a new file would both see
      // version 0 and both create the tables (the second failing on "table already exists").
      SQLite::Transaction migrate(db, SQLite::TransactionBehavior::IMMEDIATE);
      version = db.execAndGet("PRAGMA user_version").getInt();
      if (version == 0 && db.execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0) {
        return Error{fmt::format("{}: an SQLite database, but not a Salvo store (no schema version); refusing to touch it",
                                 path.string())};
      }
      if (version < kStoreSchemaVersion) {
        for (int v = version; v < kStoreSchemaVersion; ++v) db.exec(kMigrations[v]);
        db.exec(fmt::format("PRAGMA user_version = {}", kStoreSchemaVersion));
      }
      migrate.commit();
      version = std::max(version, kStoreSchemaVersion);
    }
    if (version > kStoreSchemaVersion) {
      return Error{fmt::format("{}: store schema version {} is newer than this salvo understands ({}); use a newer salvo",
                               path.string(), version, kStoreSchemaVersion)};
    }
  } catch (const std::exception& e) {
    return store_error(path, e);
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

PutResult Store::classify(const Article& article) const {
  {
    auto same = statements_->use("SELECT sha256 FROM articles WHERE id = ?");
    same->bind(1, article.id);
    if (same->executeStep() && same->getColumn(0).getString() == article.sha256) return {PutOutcome::kUnchanged, article.id};
  }
  auto twin = statements_->use("SELECT id FROM articles WHERE sha256 = ? AND id <> ? ORDER BY id LIMIT 1");
  twin->bind(1, article.sha256);
  twin->bind(2, article.id);
  if (twin->executeStep()) return {PutOutcome::kDuplicate, twin->getColumn(0).getString()};
  return {PutOutcome::kAdded, article.id};
}

Result<bool> Store::begin_batch() {
  try {
    if (batch_open_) return false;
    db_->exec("BEGIN IMMEDIATE");
    batch_open_ = true;
    return true;
  } catch (const std::exception& e) {
    return store_error(path_, e);
  }
}

Result<bool> Store::commit_batch() {
  try {
    if (!batch_open_) return false;
    db_->exec("COMMIT");
    batch_open_ = false;
    return true;
  } catch (const std::exception& e) {
    return store_error(path_, e);
  }
}

Result<PutResult> Store::put(const Article& article, const StorableRecord& stored) {
  const Json& record = stored.record;
  try {
    SQLite::Database& db = *db_;
    Atomic transaction(db);
    PutResult result = classify(article);
    if (result.outcome == PutOutcome::kUnchanged || result.outcome == PutOutcome::kDuplicate) return result;

    mark_countries_of(*statements_, article.id);
    auto remove = statements_->use("DELETE FROM articles WHERE id = ?");  // mentions and tallies cascade
    remove->bind(1, article.id);
    const bool existed = remove->exec() > 0;
    result.outcome = existed ? PutOutcome::kReplaced : PutOutcome::kAdded;

    const Json& meta = record.contains("article") ? record["article"] : Json::object();
    auto insert = statements_->use(R"sql(
      INSERT INTO articles(id, source, sha256, url, title, published, published_from, language, kind, body_offset, raw, record)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
    insert->bind(1, article.id);
    insert->bind(2, article.source);
    insert->bind(3, article.sha256);
    bind_optional(*insert, 4, article.url);
    bind_optional(*insert, 5, article.title);
    // What analysis learnt (a byline, page metadata) as the record says, else as read.
    bind_json(*insert, 6, meta.contains("published") ? meta["published"] : Json());
    insert->bind(7, meta.contains("published_from") && meta["published_from"].is_string()
                       ? meta["published_from"].get<std::string>()
                       : to_string(article.published_from));
    bind_json(*insert, 8, meta.contains("language") ? meta["language"] : Json());
    insert->bind(9, article.kind == ContentKind::kHtml ? "html" : "text");
    insert->bind(10, static_cast<int64_t>(article.body_offset));
    insert->bind(11, article.raw.data(), static_cast<int>(article.raw.size()));
    insert->bind(12, stored.text);
    insert->exec();

    write_extraction(*statements_, article.id, stored);
    transaction.commit();
    return result;
  } catch (const std::exception& e) {
    return store_error(path_, e);
  }
}

Result<MergeSummary> Store::merge_pending() {
  MergeSummary summary;
  try {
    SQLite::Database& db = *db_;
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    std::vector<std::string> countries;
    SQLite::Statement pending(db, "SELECT country FROM merge_pending ORDER BY country");
    while (pending.executeStep()) countries.push_back(pending.getColumn(0).getString());

    SQLite::Statement read(db, "SELECT article_id, idx, json FROM mentions WHERE country = ? ORDER BY article_id, idx");
    SQLite::Statement remove_event(db, "DELETE FROM events WHERE id = ?");
    SQLite::Statement insert_event(db, R"sql(
      INSERT INTO events(id, type, date, date_max, country, admin1, location, lat, lon, place_precision, weapons,
                         actor, actor_status, killed, injured, count, role, confidence, json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
    SQLite::Statement insert_source(db, "INSERT INTO event_sources(event_id, article_id, idx) VALUES (?, ?, ?)");
    SQLite::Statement link(db, "UPDATE mentions SET event_id = ? WHERE article_id = ? AND idx = ?");
    SQLite::Statement done(db, "DELETE FROM merge_pending WHERE country = ?");

    SQLite::Statement old_ids(db, "SELECT id FROM events WHERE country = ?");
    SQLite::Statement old_event(db, "SELECT json FROM events WHERE id = ?");
    SQLite::Statement evidence_of(db, "SELECT json FROM mentions WHERE article_id = ? AND idx = ?");
    // Memory stays bounded by the mentions alone (not their evidence, not every event's JSON): the
    // evidence is read back for each event as it is built, and each event is written as it is built.
    // Only the evidence is parsed again, found in the mention's text by simdjson.
    simdjson::ondemand::parser evidence_parser;
    const EvidenceLookup lookup = [&](const Mention& m) {
      evidence_of.bind(1, m.article);
      evidence_of.bind(2, static_cast<int64_t>(m.index));
      Json evidence;
      if (evidence_of.executeStep()) {
        const simdjson::padded_string text(evidence_of.getColumn(0).getString());
        simdjson::ondemand::document event;
        simdjson::ondemand::array sentences;
        std::string_view raw;
        if (evidence_parser.iterate(text).get(event) == simdjson::SUCCESS &&
            event["evidence"].get_array().get(sentences) == simdjson::SUCCESS &&
            sentences.raw_json().get(raw) == simdjson::SUCCESS) {
          evidence = Json::parse(raw);
        }
      }
      evidence_of.reset();
      return evidence;
    };
    // The first reading of a mention leaves its evidence out: most of its bytes, not needed to cluster.
    const Json::parser_callback_t without_evidence = [](int depth, Json::parse_event_t event, Json& parsed) {
      return !(depth == 1 && event == Json::parse_event_t::key && parsed == "evidence");
    };

    SQLite::Statement mention_count(db, "SELECT count(*) FROM mentions WHERE country = ?");
    for (const std::string& country : countries) {
      // Reserved to the count: growing by doubling held up to three halves of it at once.
      std::vector<Mention> mentions;
      mention_count.bind(1, country);
      if (mention_count.executeStep()) mentions.reserve(static_cast<size_t>(mention_count.getColumn(0).getInt64()));
      mention_count.reset();
      read.bind(1, country);
      while (read.executeStep()) {
        mentions.push_back(mention_of_event(read.getColumn(0).getString(), static_cast<size_t>(read.getColumn(1).getInt64()),
                                            Json::parse(read.getColumn(2).getString(), without_evidence)));
      }
      read.reset();
      const std::vector<MentionCluster> clusters = cluster_mentions(mentions);

      // Only what changed is written: an event whose content is the same keeps its row.
      std::set<std::string> before;
      old_ids.bind(1, country);
      while (old_ids.executeStep()) before.insert(old_ids.getColumn(0).getString());
      old_ids.reset();
      std::set<std::string> now;
      for (const MentionCluster& cluster : clusters) {
        const MergedEvent e = build_merged_event(cluster, mentions, lookup);
        now.insert(e.id);
        const std::string json = e.event.dump(-1, ' ', false, Json::error_handler_t::replace);
        for (size_t member : e.members) {
          link.bind(1, e.id);
          link.bind(2, mentions[member].article);
          link.bind(3, static_cast<int64_t>(mentions[member].index));
          link.exec();
          link.reset();
        }
        if (before.count(e.id)) {
          old_event.bind(1, e.id);
          const bool same = old_event.executeStep() && old_event.getColumn(0).getString() == json;
          old_event.reset();
          if (same) continue;
        }
        ++summary.changed;
        if (before.count(e.id)) {
          remove_event.bind(1, e.id);
          remove_event.exec();
          remove_event.reset();
        }
        const Json& v = e.event;
        int k = 1;
        insert_event.bind(k++, e.id);
        for (const char* field : {"type", "date", "date_max"}) bind_json(insert_event, k++, v[field]);
        insert_event.bind(k++, country);
        for (const char* field : {"admin1", "location", "lat", "lon", "place_precision"}) bind_json(insert_event, k++, v[field]);
        insert_event.bind(k++, v["weapons"].dump());
        for (const char* field : {"actor", "actor_status", "killed", "injured", "count", "role", "confidence"}) {
          bind_json(insert_event, k++, v[field]);
        }
        insert_event.bind(k++, json);
        insert_event.exec();
        insert_event.reset();
        for (size_t member : e.members) {
          insert_source.bind(1, e.id);
          insert_source.bind(2, mentions[member].article);
          insert_source.bind(3, static_cast<int64_t>(mentions[member].index));
          insert_source.exec();
          insert_source.reset();
        }
      }
      for (const std::string& id : before) {
        if (now.count(id)) continue;
        ++summary.changed;
        remove_event.bind(1, id);
        remove_event.exec();
        remove_event.reset();
      }
      done.bind(1, country);
      done.exec();
      done.reset();
      ++summary.countries;
      summary.mentions += mentions.size();
      summary.events += clusters.size();
    }
    transaction.commit();
  } catch (const std::exception& e) {
    return store_error(path_, e);
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

// The WHERE clause of a filter (paging aside) and its parameters, in order.
struct Where {
  std::string sql = " WHERE 1";
  std::vector<std::variant<std::string, double>> params;
};

Where where_of(const EventFilter& filter) {
  Where w;
  if (!filter.country.empty()) w.sql += " AND country = ?", w.params.emplace_back(filter.country);
  if (!filter.since.empty()) w.sql += " AND coalesce(date_max, date) >= ?", w.params.emplace_back(filter.since);
  if (!filter.until.empty()) w.sql += " AND date <= ?", w.params.emplace_back(filter.until);
  if (!filter.type.empty()) w.sql += " AND events.type = ?", w.params.emplace_back(filter.type);
  if (!filter.weapon.empty()) {
    w.sql += " AND EXISTS (SELECT 1 FROM json_each(events.weapons) WHERE value = ?)";
    w.params.emplace_back(filter.weapon);
  }
  if (!filter.actor.empty()) w.sql += " AND instr(lower(actor), lower(?)) > 0", w.params.emplace_back(filter.actor);
  if (filter.bbox) {
    const auto& [west, south, east, north] = *filter.bbox;
    w.sql += " AND lon >= ? AND lon <= ? AND lat >= ? AND lat <= ?";
    for (double v : {west, east, south, north}) w.params.emplace_back(v);
  }
  if (filter.min_confidence) w.sql += " AND confidence >= ?", w.params.emplace_back(*filter.min_confidence);
  return w;
}

void bind_all(SQLite::Statement& query, const std::vector<std::variant<std::string, double>>& params) {
  for (size_t i = 0; i < params.size(); ++i) {
    if (const auto* text = std::get_if<std::string>(&params[i])) query.bind(static_cast<int>(i + 1), *text);
    else query.bind(static_cast<int>(i + 1), std::get<double>(params[i]));
  }
}

}  // namespace

Result<std::vector<Json>> Store::events(const EventFilter& filter) const {
  Where w = where_of(filter);
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
    SQLite::Statement query(*db_, sql);
    bind_all(query, w.params);
    std::vector<Json> out;
    while (query.executeStep()) out.push_back(Json::parse(query.getColumn(0).getString()));
    return out;
  } catch (const std::exception& e) {
    return store_error(path_, e);
  }
}

Result<EventStats> Store::stats(const EventFilter& filter) const {
  const Where w = where_of(filter);
  try {
    EventStats stats;
    auto group = [&](const std::string& key, std::vector<std::pair<std::string, size_t>>& out) {
      SQLite::Statement query(*db_, fmt::format("SELECT {0} AS k, count(*) FROM events{1} GROUP BY k ORDER BY k", key, w.sql));
      bind_all(query, w.params);
      while (query.executeStep()) {
        out.emplace_back(query.getColumn(0).isNull() ? "" : query.getColumn(0).getString(),
                         static_cast<size_t>(query.getColumn(1).getInt64()));
      }
    };
    group("date", stats.by_day);
    group("country", stats.by_country);
    group("type", stats.by_type);
    {
      SQLite::Statement query(*db_, "SELECT w.value AS k, count(*) FROM events, json_each(events.weapons) AS w" +
                                        w.sql + " GROUP BY k ORDER BY k");
      bind_all(query, w.params);
      while (query.executeStep()) stats.by_weapon.emplace_back(query.getColumn(0).getString(), static_cast<size_t>(query.getColumn(1).getInt64()));
    }
    for (const auto& [day, n] : stats.by_day) stats.events += n;
    return stats;
  } catch (const std::exception& e) {
    return store_error(path_, e);
  }
}

Result<std::optional<size_t>> Store::attacks_held(const StoredTally& stored, WindowCounts& counted) const {
  const Json& tally = stored.tally;
  const std::string since = string_or_empty(tally, "since");
  const std::string as_of = tally.contains("as_of") && tally["as_of"].is_string() ? tally["as_of"].get<std::string>()
                                                                                  : stored.published.value_or("");
  if (string_or_empty(tally, "what") != "attacks" || since.empty() || as_of.empty()) return std::optional<size_t>();
  // "since": "2023-10" starts on the 1st of October.
  const std::string country = string_or_empty(tally, "country");
  const std::string first_day = since.size() == 7 ? since + "-01" : since;
  const std::string window = country + "|" + first_day + "|" + as_of;
  if (auto it = counted.by_window.find(window); it != counted.by_window.end()) return std::optional<size_t>(it->second);
  if (!counted.attacks) {
    try {
      SQLite::Statement query(*db_, R"sql(
        SELECT country, date, coalesce(date_max, date), count FROM events
        WHERE type IN ('attack', 'interception') AND date IS NOT NULL)sql");
      counted.attacks.emplace();
      while (query.executeStep()) {
        counted.attacks->push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                                     query.getColumn(2).getString(), static_cast<size_t>(query.getColumn(3).getInt64())});
      }
    } catch (const std::exception& e) {
      return store_error(path_, e);
    }
  }
  size_t held = 0;
  for (const WindowCounts::Attack& a : *counted.attacks) {
    if ((country.empty() || a.country == country) && a.last_day >= first_day && a.first_day <= as_of) held += a.count;
  }
  counted.by_window.emplace(window, held);
  return std::optional<size_t>(held);
}

Result<std::optional<Json>> Store::record(const std::string& id) const {
  try {
    SQLite::Statement query(*db_, "SELECT record FROM articles WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::optional<Json>();
    return std::optional<Json>(Json::parse(query.getColumn(0).getString()));
  } catch (const std::exception& e) {
    return store_error(path_, e);
  }
}

Result<std::optional<Json>> Store::event(const std::string& id) const {
  try {
    SQLite::Statement query(*db_, "SELECT json FROM events WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::optional<Json>();
    Json event = Json::parse(query.getColumn(0).getString());
    SQLite::Statement article(*db_, "SELECT source, url, title, published FROM articles WHERE id = ?");
    for (Json& source : event["sources"]) {
      article.bind(1, string_or_empty(source, "article"));
      if (article.executeStep()) {
        source["source"] = article.getColumn(0).getString();
        source["url"] = optional_text(article.getColumn(1)) ? Json(article.getColumn(1).getString()) : Json();
        source["title"] = optional_text(article.getColumn(2)) ? Json(article.getColumn(2).getString()) : Json();
        source["published"] = optional_text(article.getColumn(3)) ? Json(article.getColumn(3).getString()) : Json();
      }
      article.reset();
    }
    return std::optional<Json>(std::move(event));
  } catch (const std::exception& e) {
    return store_error(path_, e);
  }
}

Result<std::vector<StoredTally>> Store::tallies() const {
  try {
    SQLite::Statement query(*db_, R"sql(
      SELECT t.article_id, t.json, a.published FROM tallies t JOIN articles a ON a.id = t.article_id
      ORDER BY coalesce(t.as_of, a.published, ''), t.article_id, t.idx)sql");
    std::vector<StoredTally> out;
    while (query.executeStep()) {
      out.push_back({query.getColumn(0).getString(), Json::parse(query.getColumn(1).getString()),
                     optional_text(query.getColumn(2))});
    }
    return out;
  } catch (const std::exception& e) {
    return store_error(path_, e);
  }
}

Result<std::vector<std::string>> Store::article_ids() const {
  try {
    SQLite::Statement query(*db_, "SELECT id FROM articles ORDER BY id");
    std::vector<std::string> ids;
    while (query.executeStep()) ids.push_back(query.getColumn(0).getString());
    return ids;
  } catch (const std::exception& e) {
    return store_error(path_, e);
  }
}

Result<Article> Store::article(const std::string& id) const {
  try {
    SQLite::Statement query(*db_, R"sql(
      SELECT id, source, sha256, url, title, published, published_from, kind, body_offset, raw FROM articles WHERE id = ?)sql");
    query.bind(1, id);
    if (!query.executeStep()) return Error{fmt::format("{}: no article {}", path_.string(), id)};
    Article a;
    a.id = query.getColumn(0).getString();
    a.source = query.getColumn(1).getString();
    a.sha256 = query.getColumn(2).getString();
    a.url = optional_text(query.getColumn(3));
    a.title = optional_text(query.getColumn(4));
    // The date as read (header or feed metadata), not one learnt from the text: analysis learns
    // that again, with the rules of today.
    a.published_from = published_from_name(query.getColumn(6).getString());
    if (a.published_from == PublishedFrom::kHeader || a.published_from == PublishedFrom::kMetadata) {
      if (auto published = optional_text(query.getColumn(5))) a.published = parse_iso_date_prefix(*published);
    } else {
      a.published_from = PublishedFrom::kNone;
    }
    a.kind = query.getColumn(7).getString() == "html" ? ContentKind::kHtml : ContentKind::kText;
    a.body_offset = static_cast<size_t>(query.getColumn(8).getInt64());
    const SQLite::Column raw = query.getColumn(9);
    a.raw.assign(static_cast<const char*>(raw.getBlob()), static_cast<size_t>(raw.getBytes()));
    return a;
  } catch (const std::exception& e) {
    return store_error(path_, e);
  }
}

Result<bool> Store::update_record(const Article& article, const StorableRecord& stored) {
  try {
    SQLite::Database& db = *db_;
    Atomic transaction(db);
    const Json& record = stored.record;
    const std::string& text = stored.text;
    SQLite::Statement current(db, "SELECT record FROM articles WHERE id = ?");
    current.bind(1, article.id);
    if (!current.executeStep()) return Error{fmt::format("{}: no article {}", path_.string(), article.id)};
    if (current.getColumn(0).getString() == text) return false;
    mark_countries_of(*statements_, article.id);
    for (const char* table : {"mentions", "tallies"}) {
      SQLite::Statement remove(db, fmt::format("DELETE FROM {} WHERE article_id = ?", table));
      remove.bind(1, article.id);
      remove.exec();
    }
    const Json& meta = record.contains("article") ? record["article"] : Json::object();
    SQLite::Statement update(db, "UPDATE articles SET record = ?, published = ?, published_from = ?, language = ? WHERE id = ?");
    update.bind(1, text);
    bind_json(update, 2, meta.contains("published") ? meta["published"] : Json());
    bind_json(update, 3, meta.contains("published_from") ? meta["published_from"] : Json("none"));
    bind_json(update, 4, meta.contains("language") ? meta["language"] : Json());
    update.bind(5, article.id);
    update.exec();
    write_extraction(*statements_, article.id, stored);
    transaction.commit();
    return true;
  } catch (const std::exception& e) {
    return store_error(path_, e);
  }
}

Result<std::vector<StoreCheck>> Store::check() const {
  try {
    SQLite::Database& db = *db_;
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
      SQLite::Statement query(db, sql);
      while (query.executeStep()) {
        std::string row;
        for (int i = 0; i < query.getColumnCount(); ++i) row += (i ? " " : "") + query.getColumn(i).getString();
        found.push_back(std::move(row));
      }
      return found;
    };

    const std::string integrity = db.execAndGet("PRAGMA quick_check").getString();
    verdict("SQLite integrity", integrity == "ok" ? std::vector<std::string>{} : std::vector<std::string>{integrity}, "ok");
    verdict("foreign keys", rows("PRAGMA foreign_key_check"), "every mention, tally and source has its article");

    std::vector<std::string> unreadable;
    size_t articles = 0;
    {
      SQLite::Statement query(db, "SELECT id, record, (SELECT count(*) FROM mentions m WHERE m.article_id = a.id) FROM articles a");
      while (query.executeStep()) {
        ++articles;
        const std::string id = query.getColumn(0).getString();
        const Json record = Json::parse(query.getColumn(1).getString(), nullptr, /*allow_exceptions=*/false);
        if (record.is_discarded()) {
          unreadable.push_back(id + " (record is not JSON)");
          continue;
        }
        const size_t events = record.contains("events") && record["events"].is_array() ? record["events"].size() : 0;
        const auto mentions = static_cast<size_t>(query.getColumn(2).getInt64());
        if (events != mentions) unreadable.push_back(fmt::format("{} ({} events in its record, {} mentions)", id, events, mentions));
      }
    }
    verdict("records", unreadable, fmt::format("{} articles, each record readable and in step with its mentions", articles));

    verdict("mentions merged",
            rows("SELECT article_id || '#' || idx FROM mentions m WHERE country NOT IN (SELECT country FROM merge_pending) "
                 "AND (event_id IS NULL OR NOT EXISTS (SELECT 1 FROM events e WHERE e.id = m.event_id))"),
            "every mention belongs to an event");
    verdict("event sources",
            rows("SELECT s.event_id || ' ← ' || s.article_id || '#' || s.idx FROM event_sources s WHERE NOT EXISTS "
                 "(SELECT 1 FROM mentions m WHERE m.article_id = s.article_id AND m.idx = s.idx) "
                 "UNION ALL SELECT e.id || ' (no source)' FROM events e WHERE NOT EXISTS "
                 "(SELECT 1 FROM event_sources s WHERE s.event_id = e.id)"),
            "every event has sources, every source is a stored mention");

    // Ids come from content: the first source's key, by key order.
    std::map<std::string, std::string> first_key;
    {
      SQLite::Statement query(db, "SELECT event_id, article_id || '#' || idx FROM event_sources");
      while (query.executeStep()) {
        const std::string id = query.getColumn(0).getString(), key = query.getColumn(1).getString();
        auto [it, inserted] = first_key.emplace(id, key);
        if (!inserted && key < it->second) it->second = key;
      }
    }
    std::vector<std::string> unstable;
    for (const auto& [id, key] : first_key) {
      if (event_id_of(key) != id) unstable.push_back(fmt::format("{} (its sources make it {})", id, event_id_of(key)));
    }
    verdict("event ids", unstable, fmt::format("{} events, each id the one its sources derive", first_key.size()));

    const std::vector<std::string> pending = rows("SELECT country FROM merge_pending");
    StoreCheck merge{"merge finished", pending.empty(), "no merge pending"};
    if (!merge.ok) {
      merge.detail = "a merge was interrupted for " + fmt::format("{}", fmt::join(pending, ", ")) +
                     "; any 'salvo ingest' on this store finishes it";
    }
    out.push_back(std::move(merge));
    return out;
  } catch (const std::exception& e) {
    return store_error(path_, e);
  }
}

Result<StoreCounts> Store::counts() const {
  try {
    StoreCounts c;
    c.articles = static_cast<size_t>(db_->execAndGet("SELECT count(*) FROM articles").getInt64());
    c.mentions = static_cast<size_t>(db_->execAndGet("SELECT count(*) FROM mentions").getInt64());
    c.events = static_cast<size_t>(db_->execAndGet("SELECT count(*) FROM events").getInt64());
    c.tallies = static_cast<size_t>(db_->execAndGet("SELECT count(*) FROM tallies").getInt64());
    c.pending = static_cast<size_t>(db_->execAndGet("SELECT count(*) FROM merge_pending").getInt64());
    return c;
  } catch (const std::exception& e) {
    return store_error(path_, e);
  }
}

}  // namespace salvo
