// What the clustering weighs of a mention, as one short line a store keeps beside the mention's
// JSON (issue 20: an incremental merge re-clusters a block of a country from these lines alone,
// and re-reads the JSON only of the events that changed).
//
// The line holds exactly the fields may_be_same_incident, similarity and cluster_mentions' order
// read — type, days, place (admin1, canonical name, precision, point), actor, weapons — so the
// clusters of key mentions are the clusters of the full mentions. Article, index and country are
// the store's own columns and are not repeated in the line.
#pragma once

#include <string>
#include <string_view>

#include "salvo/base/result.h"
#include "salvo/merge/merge.h"

namespace salvo {

// The key line of `m` (fields separated by U+001F; a separator or backslash inside a value is
// escaped, so any value round-trips).
std::string merge_keys(const Mention& m);

// A mention holding only what `merge_keys` wrote, plus its article, index and country; an error
// naming what is wrong when the line is not one merge_keys writes.
Result<Mention> mention_of_keys(const std::string& article, size_t index, const std::string& country, std::string_view keys);

// Whether `a` and `b` agree on every field a key line holds (and on article, index, country).
bool same_merge_keys(const Mention& a, const Mention& b);

}  // namespace salvo
