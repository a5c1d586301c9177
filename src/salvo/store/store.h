// The event store: the articles as read, their extracted events ("mentions") and tallies, and the
// merged events with their sources. In one SQLite file (WAL) on one host, or in a PostgreSQL
// database that `salvo ingest` on several hosts writes at once: the same schema and the same code
// (store/sql/ holds the one interface both engines implement).
//
// Consistency: every change is one transaction — an article with its mentions and tallies, or one
// re-merge of the blocks whose mentions changed (recorded in `merge_pending_block` by the same
// transaction that changed them: a country's days, grown at merge time to every mention that
// could join them). Killed at any moment, the file holds a state some sequence of
// whole transactions produced, and the next ingest finishes the pending merge: the end state is
// the one an uninterrupted run reaches.
//
// A re-merge reads little: a block is re-clustered from each mention's merge keys (the short line
// of what the clustering weighs, merge/mention_keys.h, kept in a covering index), and only the
// events whose members changed are built again from the mentions' JSON. An event none of whose
// members changed is kept as it is: a change to one member unlinks all of them.
//
// Concurrent writers (processes, hosts) take turns transaction by transaction: SQLite's write lock,
// PostgreSQL's advisory lock of the store (store/sql/postgres_connection.cc). Ids of merged events
// come from content and a merge re-clusters every mention a change could join, so the merged
// events are those of one process ingesting everything, whatever the interleaving.
//
// The schema is versioned (SQLite's user_version, PostgreSQL's salvo_schema table) and migrated
// forward on open; a store written by a newer Salvo is refused rather than misread.
#pragma once

#include <array>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "salvo/base/result.h"
#include "salvo/ingest/article.h"
#include "salvo/pipeline/limits.h"

namespace salvo::sql {
class Connection;
enum class Access;
}

namespace salvo {

class Recognizer;

class StatementCache;

inline constexpr int kStoreSchemaVersion = 6;

enum class PutOutcome {
  kAdded,      // a new article
  kReplaced,   // an article whose text changed under the same id: its mentions replaced
  kUnchanged,  // the same id with the same bytes: nothing to do
  kDuplicate,  // the same bytes under another id: not stored twice
};
const char* to_string(PutOutcome outcome);

struct PutResult {
  PutOutcome outcome = PutOutcome::kAdded;
  std::string stored_as;  // for kDuplicate: the id the bytes are stored under
  std::string replaced_source;  // for kReplaced: the source of the text stored under the id
};

struct MergeSummary {
  size_t countries = 0;  // blocks re-merged
  size_t mentions = 0;   // mentions in those blocks
  size_t events = 0;     // merged events in those blocks now
  size_t changed = 0;    // events added, changed or removed
};

// `salvo events` filters; empty / unset = any. A list holds the values any of which an event may have.
struct EventFilter {
  std::vector<std::string> countries;  // ISO alpha-2
  std::string since, until;  // YYYY-MM-DD, inclusive; an event's day or range must touch [since, until]
  std::vector<std::string> types;    // attack | interception | strike
  std::vector<std::string> weapons;  // spec weapon classes: an event with any of them
  std::string actor;                 // a case-insensitive part of the actor's name
  std::string admin1;                // the first-level division's whole name, ASCII case aside
  std::string place;                 // the event's place_id ("installation:ain-al-asad"), exactly
  std::string role;                  // main | background
  size_t min_sources = 0;            // at least this many sources (mentions merged into the event)
  std::optional<bool> located;       // with coordinates (true) or without (false)
  // Text search: events whose evidence sentences or sources' titles hold every one of these
  // words (SQLite FTS5 with the Porter stemmer, PostgreSQL's English text search: "rockets"
  // finds "rocket").
  std::vector<std::string> words;
  std::optional<std::array<double, 4>> bbox;  // west, south, east, north (degrees)
  std::optional<double> min_confidence;
  // Paging: at most `limit` events (0 = all) after `cursor` (event_cursor() of the last event of
  // the page before), by date then id, oldest first unless `newest_first`.
  size_t limit = 0;
  std::string cursor;
  bool newest_first = false;
};

// `salvo tallies` filters; empty = any. A tally's day is its as_of, else its report's publication.
struct TallyFilter {
  std::vector<std::string> countries;  // ISO alpha-2: tallies of these countries (not totals)
  std::string since, until;            // YYYY-MM-DD, inclusive, on the tally's day
};

inline constexpr size_t kMaxEventPage = 10000;

// Where a page ended: the sort key of its last event ("2024-01-28~ev_0123456789abcdef"; undated
// events sort as 9999). Stable across runs: it names content, not a row.
std::string event_cursor(const nlohmann::ordered_json& event);
// The (sort date, id) a cursor names; nullopt if it is not one.
std::optional<std::pair<std::string, std::string>> parse_event_cursor(const std::string& cursor);

// Counts of the events a filter selects (paging aside), for charts: per day, country, weapon, type.
struct EventStats {
  size_t events = 0;
  std::vector<std::pair<std::string, size_t>> by_day, by_country, by_weapon, by_type;
};

struct StoredTally {
  std::string article;  // the article id that reported it
  nlohmann::ordered_json tally;  // spec/output.md tally
  std::optional<std::string> published;
};

// A record (process_article()'s output) serialized for the store: its JSON text and each event's
// and tally's. Serializing was most of a put's own work; a caller with threads prepares records on
// them and leaves its one writer only the SQL.
struct StorableRecord {
  nlohmann::ordered_json record;
  std::string text;
  std::vector<std::string> events, tallies;
};
StorableRecord storable_record(nlohmann::ordered_json record);

// An article as the store takes it: as read (the store keeps its raw bytes) with its record,
// extracted within `limits`. What ingest, reprocess and the API's POST do with each article.
struct ExtractedArticle {
  Article article;
  StorableRecord record;
};
ExtractedArticle extract_for_store(Article article, const Recognizer& recognizer, const Limits& limits = {});

// What `salvo extract --with-raw` adds to a record so that another process can store it without
// reading the article again: {"base64": the raw bytes as read, "body_offset": N}. Base64, since
// raw bytes need not be UTF-8 and a JSON string could not carry them unchanged.
nlohmann::ordered_json raw_member(const Article& article);

// A record printed with --with-raw (and no --sentences, --text or --min-confidence: the store
// keeps the record process_article makes), read back into what ingest stores: the article as
// read and the record without "raw". The error says what is missing or malformed.
Result<ExtractedArticle> extracted_from_record(nlohmann::ordered_json record);

// One verdict of `salvo check`.
struct StoreCheck {
  std::string name;    // what was checked
  bool ok = true;
  std::string detail;  // what was found: counts, or the first offenders
};

struct StoreCounts {
  size_t articles = 0, mentions = 0, events = 0, tallies = 0, pending = 0;
};

class Store {
 public:
  // Opens (creating it if needed) the store at `location` — an SQLite file's path, or a
  // postgresql:// URI — migrating an older schema forward.
  static Result<Store> open(const std::string& location);
  // Opens an SQLite store without writing to it (no schema made or migrated): for `salvo check`,
  // which must not turn an empty file into a store and report it sound. A PostgreSQL store opens
  // as open() does.
  static Result<Store> open_read_only(const std::string& location);
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  // The path or URI (its password hidden), for messages.
  const std::string& location() const { return location_; }

  // What storing `article` would do, by id and sha256 alone — to skip extraction of what is
  // stored already. (Stored since, by another process, it may be otherwise: put() says.)
  Result<PutResult> classify(const Article& article) const;

  // Groups the changes that follow into one transaction until commit_batch(): thousands of
  // articles a second instead of one commit each. Killed inside a batch, the store keeps what the
  // batches before it committed, and a re-run stores the rest. False when nothing was to do.
  Result<bool> begin_batch();
  Result<bool> commit_batch();

  // Stores the article and its record (process_article()'s output) in one transaction, replacing
  // what an older text of the same id had, and marks the countries concerned for re-merging.
  Result<PutResult> put(const Article& article, const StorableRecord& record);

  // Re-merges every country marked since the last merge (merge/merge.h), one transaction.
  Result<MergeSummary> merge_pending();

  // Merged events (spec/output.md merged form), by date then id.
  Result<std::vector<nlohmann::ordered_json>> events(const EventFilter& filter) const;
  Result<EventStats> stats(const EventFilter& filter) const;
  // One merged event with, per source, the article's source path, url and publication date.
  Result<std::optional<nlohmann::ordered_json>> event(const std::string& id) const;
  // The ids of events starting with `prefix` (for `salvo show ev_12ab`), at most `at_most`.
  Result<std::vector<std::string>> event_ids_starting(const std::string& prefix, size_t at_most) const;
  Result<std::vector<StoredTally>> tallies(const TallyFilter& filter = {}) const;

  // What Salvo holds beside an official tally, for the tally's window and country ("" = all):
  // - "attacks": the merged attack events, interceptions included (an attack intercepted is an
  //   attack), each counted `count` times ("three drones attacked" counts 3);
  // - "killed" / "injured": the sum of those events' killed / injured (unknown counts as 0).
  // Undated events are not counted (no window can hold them); background events are (a past
  // attack an article recalls is an attack all the same; merging makes it one event with the
  // report of it). The window runs from the tally's `since` (a month, "2023-10", from its 1st)
  // to its `as_of`, else its report's publication day. A tally without `since` has no window one
  // can know ("45 injured" since when?): no value, and `note` says so.
  struct TallyHeld {
    std::optional<size_t> value;
    std::string since, until;  // the window counted; "" when there is none
    std::string note;          // why there is no value; "" when there is one
  };
  // `counted` holds the events, read once for a whole list of tallies: each window is then
  // counted in memory, not by a query that scans the events before its end (a list of 2,000
  // tallies took 0.6 s of queries on a store of 9,000 events).
  struct WindowCounts {
    struct Held {
      std::string country, first_day, last_day;
      size_t count = 0, killed = 0, injured = 0;
    };
    std::optional<std::vector<Held>> events;   // read on first use
    std::map<std::string, size_t> by_window;  // "what|country|since|until" → held
  };
  Result<TallyHeld> held_for(const StoredTally& tally, WindowCounts& counted) const;

  // Stored article ids, in order, and one article as it was read (for `salvo reprocess`).
  Result<std::vector<std::string>> article_ids() const;
  Result<Article> article(const std::string& id) const;
  // The record stored with an article (process_article()'s output); nullopt if no such article.
  Result<std::optional<nlohmann::ordered_json>> record(const std::string& id) const;

  // Replaces a stored article's record (re-extracted with today's rules) when it differs, marking
  // the countries concerned for re-merging; false when the record is the same.
  Result<bool> update_record(const Article& article, const StorableRecord& record);

  Result<StoreCounts> counts() const;

  // Verifies the store: the engine's own checks (SQLite's integrity and foreign keys), every record readable and in
  // step with its mentions, every mention merged into an event that exists, every source of an
  // event an existing mention, every event id the one its sources derive, no merge left pending.
  Result<std::vector<StoreCheck>> check() const;

 private:
  Store() = default;
  static Result<Store> open_once(const std::string& location, sql::Access access, bool& busy);
  static Result<Store> open_retrying(const std::string& location, sql::Access access);
  PutResult classify_or_throw(const Article& article) const;  // throws the engine's errors
  std::string location_;
  std::unique_ptr<sql::Connection> db_;
  std::unique_ptr<StatementCache> statements_;  // after db_: its statements go before the connection
  bool batch_open_ = false;
};

}  // namespace salvo
