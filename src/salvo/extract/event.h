// Events and tallies as extraction produces them, before they become JSON (record/) or are merged
// across articles (store/). Field meanings are those of spec/output.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "salvo/base/date.h"
#include "salvo/recognize/mentions.h"
#include "salvo/recognize/numbers.h"

namespace salvo {

enum class EventType { kAttack, kStrike, kInterception };
const char* to_string(EventType type);

enum class ActorStatus { kNone, kClaimed, kAccused, kReported };
const char* to_string(ActorStatus status);  // "" for kNone

enum class EventRole { kMain, kBackground };

struct Event {
  EventType type = EventType::kAttack;
  std::vector<std::string> weapons;  // spec classes, sorted, unique; empty = unknown
  std::optional<Date> date;
  std::optional<Date> date_max;      // set only for a range
  // The day is not the incident's own but borrowed (the lede's, or the incident told before): a
  // day the incident is later told with replaces it.
  bool date_inherited = false;
  std::string country;               // ISO alpha-2, "" = null
  std::string admin1;
  std::string location;              // "" = null
  std::optional<double> lat, lon;
  std::optional<PlacePrecision> precision;
  size_t place = static_cast<size_t>(-1);  // gazetteer index of the place, if any
  // That place as every output names it (set with `place`): its id ("site:ain-al-asad",
  // "geonames:98182", "country:SY"), its canonical name, and the point a map shows for it, a
  // region's or country's too (Gazetteer::map_point). `location` is the place as the text writes it.
  std::string place_id, place_name;
  std::optional<double> map_lat, map_lon;
  std::string target;
  std::string actor;
  ActorStatus actor_status = ActorStatus::kNone;
  bool actor_generic = false;  // "militia groups", "Iran-backed militias": a named actor may replace it
  const TermMention* actor_mention = nullptr;  // where the actor was named (valid while mentions live)
  std::optional<int> killed, injured;
  int count = 1;
  EventRole role = EventRole::kMain;
  double confidence = 0.5;
  bool impact = false;  // the text says something landed or exploded (not only intercepted)
  std::vector<size_t> sentences;  // evidence: indices into AnalyzedArticle::sentences, in order
};

// Whether the incident is told in sentence `s` (one of its evidence sentences).
bool told_in(const Event& e, size_t s);
// Whether two incidents are told in a sentence they share ("rockets hit Erbil and Harir").
bool share_a_telling(const Event& a, const Event& b);

enum class TallyWhat { kAttacks, kInjured, kKilled };
const char* to_string(TallyWhat what);

struct Tally {
  TallyWhat what = TallyWhat::kAttacks;
  long count = 0;
  Qualifier qualifier = Qualifier::kExact;
  std::string country;          // "" = total
  std::string since;            // YYYY-MM-DD, YYYY-MM or ""
  std::optional<Date> as_of;
  size_t sentence = 0;
  size_t count_begin = 0;       // where the count is written (clean-text offset)
};

// An incident read like an event and left out of scope (extract/scope.h): kept so a reader sees
// what was left out and why.
struct NotEvent {
  Event event;
  std::string reason;
};

struct Extraction {
  std::vector<Event> events;
  std::vector<NotEvent> not_events;
  std::vector<Tally> tallies;
};

}  // namespace salvo
