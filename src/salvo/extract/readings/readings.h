// Reading one sentence: the patterns in which news English tells of an incident, each a reading
// of its own file, tried in the order of kReadings. A reading takes the sentence (returns true)
// when it recognises its pattern — whether or not it then adds or completes an incident — and the
// sentence is read; otherwise the next reading is tried. The last one always takes it.
//
// A new pattern is a new reading: a file here, a declaration below, an entry in kReadings, and
// its case table in tests/extract/.
#pragma once

#include <optional>
#include <vector>

#include "salvo/base/date.h"
#include "salvo/extract/article_state.h"
#include "salvo/extract/casualties.h"
#include "salvo/extract/sentence_view.h"
#include "salvo/time/time_expression.h"

namespace salvo::extract {

// The incident a sentence with no place of its own may speak of (follow_up,
// response_without_place): found once, by the first reading that asks (placeless_incident()).
struct PlacelessIncident {
  std::optional<TimeExpression> own_date;  // the sentence's own day, if any
  EventType type = EventType::kAttack;     // what it tells of
  Event* previous = nullptr;               // the latest incident this one may be
  bool own_short = false;                  // its own day is a day or two, not a stretch of months
  bool same_day = false;                   // it may be on previous's day
};

// What every reading starts from, found once per sentence.
struct SentenceReading {
  size_t s = 0;                      // the sentence's index
  const Trigger* trigger = nullptr;  // its main incident word (incident_words.h: main_trigger)
  bool claim = false;                // it has a claim word
  bool accuse = false;               // it has an accusation word
  Casualties casualties;
  std::vector<const PlaceMention*> places;  // where its incidents happened (places.h: event_places)
  bool tally_sentence = false;              // a running tally was read from it
  ActorChoice actor;                        // who did it, said here or referred back to
  mutable std::optional<PlacelessIncident> placeless;  // see placeless_incident()
};

using Reading = bool (*)(const ArticleView& view, const SentenceReading& r, ArticleState& state);

bool casualties_only(const ArticleView& view, const SentenceReading& r, ArticleState& state);
bool tally_only(const ArticleView& view, const SentenceReading& r, ArticleState& state);
bool claim_without_place(const ArticleView& view, const SentenceReading& r, ArticleState& state);
bool follow_up(const ArticleView& view, const SentenceReading& r, ArticleState& state);
bool incident_without_place(const ArticleView& view, const SentenceReading& r, ArticleState& state);
bool response_without_place(const ArticleView& view, const SentenceReading& r, ArticleState& state);
bool no_incident_reported(const ArticleView& view, const SentenceReading& r, ArticleState& state);
bool definite_reference(const ArticleView& view, const SentenceReading& r, ArticleState& state);
bool incidents_at_places(const ArticleView& view, const SentenceReading& r, ArticleState& state);

inline constexpr Reading kReadings[] = {
    casualties_only,         // no incident words: the casualties of an incident told
    tally_only,              // a running tally's sentence, with no town or site of its own
    claim_without_place,     // "… claimed the attack": a claim of incidents told, settled at the end
    follow_up,               // "The attack was thwarted …": the incident told before, again
    incident_without_place,  // "… conducted strikes on Tuesday targeting …": a day, no place
    response_without_place,  // "The coalition responded with air strikes": a strike answering it
    no_incident_reported,    // places, but no incident word or only a trend
    definite_reference,      // "found the vehicle used in the attack": the incident told before
    incidents_at_places,     // an incident at each place the sentence names
};

// Reads sentence `s` into `state`: the first reading of kReadings that takes it.
void read_sentence(const ArticleView& view, ArticleState& state, size_t s);

// The sentence's PlacelessIncident, found at the first call (no reading before follow_up adds an
// event, so every reading that asks sees the same).
const PlacelessIncident& placeless_incident(const ArticleView& view, const SentenceReading& r, ArticleState& state);

// Settled once every sentence is read: casualties told of a place in a sentence with no incident
// words go to the incident at that place (casualties_only).
void apply_pending_casualties(const ArticleView& view, ArticleState& state);

}  // namespace salvo::extract
