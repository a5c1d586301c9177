// Official tallies beside what Salvo holds for them (Store::held_for), in the forms `salvo tallies`
// prints and `GET /api/tallies` serves: a terminal table, JSON (one object a tally) and CSV.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "salvo/store/store.h"

namespace salvo {

struct HeldTally {
  StoredTally stored;
  Store::TallyHeld held;
};

// {"article", "published", "tally" (spec/output.md), "salvo_holds" (a number or null),
//  "salvo_window": {"since", "until"} or null, "salvo_note" (why no number, or null),
//  "salvo_events": salvo_holds for a tally of attacks (null otherwise), as before salvo_holds}.
nlohmann::ordered_json tally_json(const StoredTally& stored, const Store::TallyHeld& held);

// RFC 4180 with a header line: day, what, qualifier, count, country, since, salvo_holds,
// window_since, window_until, salvo_note, article, published (day: the tally's as_of, else its
// report's publication).
std::string tally_csv_header();
std::string tally_csv_row(const StoredTally& stored, const Store::TallyHeld& held);

// One line a tally, aligned, with a header line.
std::string tally_table(const std::vector<HeldTally>& tallies);

}  // namespace salvo
