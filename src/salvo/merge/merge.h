// Cross-document de-duplication: the events of many articles ("mentions", one per article event)
// → one merged event per real incident, with every source that reported it and every value the
// sources disagree on (spec/output.md "Merged events").
//
// A pure function of the mentions: the store calls it on the mentions of the countries an ingest
// touched, `salvo eval` on a whole gold set. The result does not depend on the order the mentions
// come in, and an event's id depends only on its mentions, never on row ids or ingest order.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "salvo/base/date.h"

namespace salvo {

// One event of one article record, as the merger weighs it.
struct Mention {
  std::string article;  // the record's article id
  size_t index = 0;     // position in the record's "events"
  std::string type;     // attack | interception | strike
  std::optional<Date> date, date_max;
  std::string country, admin1, location, precision;  // "" = null
  std::string location_text, place_id;                 // "" = null
  // The place's point, to measure how far apart two mentions are: none for a region or a country,
  // whose map point (map_lat, map_lon: where outputs draw it) is no place an incident happened.
  std::optional<double> lat, lon;
  std::optional<double> map_lat, map_lon;
  std::vector<std::string> weapons;  // without "unknown"
  std::string actor, actor_status, target, role;
  std::optional<int> killed, injured;
  int count = 1;
  double confidence = 0.5;
  // The record event's "evidence" (its sentences); null in a mention read from merge keys, which
  // only clusters (a store clusters hundreds of thousands of mentions at once).
  nlohmann::ordered_json evidence;

  // "article#index": unique within a corpus, and what an event id is derived from.
  std::string key() const;
};

// The events of one per-article record (spec/output.md), in record order.
std::vector<Mention> mentions_of_record(const nlohmann::ordered_json& record);
// Event `index` of article `article`'s record.
Mention mention_of_event(const std::string& article, size_t index, const nlohmann::ordered_json& event);

struct MergedEvent {
  std::string id;                // "ev_" + 16 hex digits, from the members' keys
  std::vector<size_t> members;   // indices into the mentions given to merge_mentions, by key order
  nlohmann::ordered_json event;  // spec/output.md merged form: fields, "sources", "conflicts"
};

// May `a` and `b` be the same incident at all (type, country, day, place)? Two events of one
// article never are: the extractor has merged those already.
bool may_be_same_incident(const Mention& a, const Mention& b);

// How alike two compatible mentions are: day, place, weapons, actor, name. Mentions join an event
// when they score at least kJoinScore with one of its members.
double similarity(const Mention& a, const Mention& b);
inline constexpr double kJoinScore = 2.5;

// A merged event's id: "ev_" + 16 hex digits of the sha256 of its first member's key (by key
// order), so that the same mentions give the same id whatever order they come in.
std::string event_id_of(const std::string& first_member_key);

// One incident: its id and its mentions (indices into the mentions clustered, by key order).
struct MentionCluster {
  std::string id;  // "ev_" + 16 hex digits of the first member's key
  std::vector<size_t> members;
};

// Clusters the mentions into incidents, in no particular order.
std::vector<MentionCluster> cluster_mentions(const std::vector<Mention>& mentions);

// The merged event of one cluster.
MergedEvent build_merged_event(const MentionCluster& cluster, const std::vector<Mention>& mentions);

// Clusters the mentions into incidents and builds each merged event. Events come sorted by date
// (undated last), then id.
std::vector<MergedEvent> merge_mentions(const std::vector<Mention>& mentions);

}  // namespace salvo
