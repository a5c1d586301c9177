#include "salvo/extract/article_merge.h"

#include <algorithm>
#include <set>

#include "salvo/base/ascii.h"
#include "salvo/extract/casualties.h"
#include "salvo/extract/confidence.h"
#include "salvo/extract/event_type.h"
#include "salvo/extract/places.h"

namespace salvo::extract {

namespace {

bool dates_compatible(const Event& a, const Event& b);
void merge_sentences(std::vector<size_t>& keep, bool keep_in_order, const std::vector<size_t>& gone, bool gone_in_order);
void merge_into(Event& keep, bool keep_merged, Event& gone, bool gone_merged);
void spread_summary_zeroes(ArticleState& state);

bool dates_compatible(const Event& a, const Event& b) {
  // A borrowed day is a guess: the day the incident is told with may correct it.
  if (!a.date || !b.date || a.date_inherited || b.date_inherited) return true;
  const Date a_max = a.date_max.value_or(*a.date), b_max = b.date_max.value_or(*b.date);
  return *a.date <= b_max && *b.date <= a_max;
}

// The sentences of two events that are one: sorted, without repeats. A list known to be so
// (`*_in_order`: its event has had a merge) is not checked again: then the common case, the
// later report's sentences all after the kept ones, is an append, and an article of thousands
// of reports of one incident does not re-read a growing list once per report.
void merge_sentences(std::vector<size_t>& keep, bool keep_in_order, const std::vector<size_t>& gone, bool gone_in_order) {
  const auto ordered = [](const std::vector<size_t>& list) {
    return std::adjacent_find(list.begin(), list.end(), std::greater_equal<>()) == list.end();
  };
  const bool in_order = (keep_in_order || ordered(keep)) && (gone_in_order || ordered(gone));
  const auto kept_count = static_cast<std::ptrdiff_t>(keep.size());
  keep.insert(keep.end(), gone.begin(), gone.end());
  const auto joined = keep.begin() + kept_count;
  if (!in_order) {
    std::sort(keep.begin(), keep.end());
  } else if (joined != keep.begin() && joined != keep.end() && *(joined - 1) >= *joined) {
    std::inplace_merge(keep.begin(), joined, keep.end());
  } else {
    return;  // appended: in order, and no repeats across the join
  }
  keep.erase(std::unique(keep.begin(), keep.end()), keep.end());
}

void merge_into(Event& keep, bool keep_merged, Event& gone, bool gone_merged) {
  keep.impact |= gone.impact;
  if (keep.type != gone.type) {
    // The incident as first told, unless it was told as an attack that was then stopped.
    if (gone.type == EventType::kInterception && may_become_interception(keep)) keep.type = EventType::kInterception;
    if (keep.impact && keep.type == EventType::kInterception) keep.type = EventType::kAttack;
  }
  const int rk = place_rank(keep.precision), rg = place_rank(gone.precision);
  if (rg > rk) {
    keep.place = gone.place, keep.precision = gone.precision, keep.location = gone.location;
    keep.admin1 = gone.admin1, keep.lat = gone.lat, keep.lon = gone.lon;
    keep.place_id = gone.place_id, keep.place_name = gone.place_name, keep.map_lat = gone.map_lat, keep.map_lon = gone.map_lon;
    keep.count = gone.count;
  }
  if (!keep.date || (gone.date && !gone.date_max && keep.date_max) ||
      (keep.date_inherited && gone.date && !gone.date_inherited)) {
    keep.date = gone.date;
    keep.date_max = gone.date_max;
    keep.date_inherited = gone.date_inherited;
  }
  // A summary's weapons ("attacked four times … with rockets and armed drones") say nothing of
  // which hit the site it joins: they fill an empty list only.
  if (rg > rk && !gone.weapons.empty()) {
    keep.weapons = gone.weapons;  // the site's own
  } else if (keep.weapons.empty() || rg == rk) {
    keep.weapons.insert(keep.weapons.end(), gone.weapons.begin(), gone.weapons.end());
  }
  if (!gone.actor.empty() &&
      (keep.actor.empty() || (keep.actor_generic && !gone.actor_generic) ||
       (keep.actor_status == ActorStatus::kReported && gone.actor_status != ActorStatus::kReported))) {
    keep.actor = gone.actor, keep.actor_status = gone.actor_status, keep.actor_generic = gone.actor_generic;
  }
  if (keep.target.empty()) keep.target = gone.target;
  apply_casualties(keep, Casualties{gone.killed, gone.injured});
  merge_sentences(keep.sentences, keep_merged, gone.sentences, gone_merged);
  keep.confidence = std::min(kMaxConfidence, std::max(keep.confidence, gone.confidence) + kToldAgain);
}

// "attacked four times in Iraq and Syria …, but there were no casualties": a summary's "none"
// holds for every incident of that day in that country.
void spread_summary_zeroes(ArticleState& state) {
  for (const Event& summary : state.events) {
    if (place_rank(summary.precision) > 1 || !summary.date) continue;
    for (Event& e : state.events) {
      if (&e == &summary || e.country != summary.country || e.date != summary.date) continue;
      if (summary.killed == 0 && !e.killed) e.killed = 0;
      if (summary.injured == 0 && !e.injured) e.injured = 0;
    }
  }
}

}  // namespace

// Whether b (vaguer or equal) may be the same incident as a.
bool same_incident(const Event& a, const Event& b) {
  // An attack and the interception of (part of) it are one incident.
  const bool types_agree = a.type == b.type || (a.type != EventType::kStrike && b.type != EventType::kStrike);
  if (!types_agree || a.country != b.country || a.country.empty()) return false;
  if (!dates_compatible(a, b)) return false;
  if (a.place != kNoPlace && a.place == b.place && (a.precision != PlacePrecision::kRegion || a.location == b.location)) {
    return true;
  }
  // A convoy moves: the same day's bomb on "a convoy near Baghdad" and on "the convoy on the road
  // towards Samarra" is one incident told with two places.
  const auto convoy = [](const Event& e) { return lower_ascii(e.target).find("convoy") != std::string::npos; };
  const auto weapon_set = [](const Event& e) { return std::set<std::string>(e.weapons.begin(), e.weapons.end()); };
  if (convoy(a) && convoy(b) && a.date && a.date == b.date && !a.weapons.empty() && weapon_set(a) == weapon_set(b)) return true;
  // One base told by two of its names: "a base housing US troops at Baghdad International
  // Airport" and "the Victory Base at Baghdad Airport", a few kilometres apart, on one day.
  constexpr double kOneComplexKm = 10.0;
  if (a.precision == PlacePrecision::kSite && b.precision == PlacePrecision::kSite && a.date && a.date == b.date &&
      a.lat && b.lat && haversine_km(*a.lat, *a.lon, *b.lat, *b.lon) <= kOneComplexKm) {
    return true;
  }
  const int ra = place_rank(a.precision), rb = place_rank(b.precision);
  if (ra == rb) return ra == 0;
  const Event& vague = ra < rb ? a : b;
  const Event& specific = ra < rb ? b : a;
  if (place_rank(vague.precision) <= 1) return true;
  // A region or governorate holds the site if the governorate agrees (regions carry none).
  return vague.admin1.empty() || vague.admin1 == specific.admin1;
}

// Merges the events that are one incident, pair by pair, always the first pair (i, j) in text
// order that is: the result depends on that order, since a merge changes what the kept event
// matches. Done without starting over after each merge: only event i changed, so the next first
// pair is (a, i) for the first a before i that now matches it, else (i, b) for the first b after
// it. Merged events are marked and skipped rather than erased one by one, so an article of
// thousands of reports of one incident costs a pass, not a pass per report.
void merge_events(ArticleState& state) {
  spread_summary_zeroes(state);
  const size_t n = state.events.size();
  std::vector<size_t> next(n + 1);  // the next event not yet merged away, after each
  std::vector<size_t> previous(n + 1);
  for (size_t k = 0; k <= n; ++k) next[k] = k + 1, previous[k] = k == 0 ? n : k - 1;
  std::vector<bool> gone(n, false);
  std::vector<bool> merged(n, false);  // has had another merged into it: its sentences are in order
  auto first_live = [&] {
    size_t k = 0;
    while (k < n && gone[k]) ++k;
    return k;
  };
  auto remove = [&](size_t k) {
    gone[k] = true;
    if (previous[k] != n) next[previous[k]] = next[k];
    if (next[k] < n) previous[next[k]] = previous[k];
  };
  // The first live event before `i` that is one incident with it, or n.
  auto first_match_before = [&](size_t i) {
    for (size_t a = first_live(); a < i; a = next[a]) {
      if (same_incident(state.events[a], state.events[i])) return a;
    }
    return n;
  };
  for (size_t i = first_live(); i < n;) {
    size_t j = next[i];
    while (j < n && !same_incident(state.events[i], state.events[j])) j = next[j];
    if (j == n) {
      i = next[i];
      continue;
    }
    // Two places of the same precision stay apart; a vaguer one joins the specific one.
    merge_into(state.events[i], merged[i], state.events[j], merged[j]);
    merged[i] = true;
    remove(j);
    for (size_t a = first_match_before(i); a < n; a = first_match_before(i)) {
      merge_into(state.events[a], merged[a], state.events[i], merged[i]);
      merged[a] = true;
      remove(i);
      i = a;
    }
  }
  std::vector<Event> kept;
  kept.reserve(n);
  for (size_t k = 0; k < n; ++k) {
    if (!gone[k]) kept.push_back(std::move(state.events[k]));
  }
  state.events = std::move(kept);
}

}  // namespace salvo::extract
