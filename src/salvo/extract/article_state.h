// What reading an article has found so far: the incidents told, and the claims and casualties
// told apart from them, settled once every sentence is read. Plain values, owned by one pass of
// extract_events().
#pragma once

#include <set>
#include <utility>
#include <vector>

#include "salvo/extract/casualties.h"
#include "salvo/extract/event.h"

namespace salvo::extract {

// Who did it, and how we know: a claim, an accusation, or the text stating it.
struct ActorChoice {
  const TermMention* mention = nullptr;
  ActorStatus status = ActorStatus::kNone;
};

// Casualties told of a place in a sentence with no incident words.
struct PendingCasualties {
  size_t sentence;
  Casualties casualties;
  std::vector<const PlaceMention*> places;
};

struct ArticleState {
  std::set<size_t> tally_sentences;  // sentences a running tally was read from
  std::vector<Event> events;         // the incidents told so far, in text order
  // Claims and accusations made in sentences of their own: applied once all incidents are told.
  std::vector<std::pair<size_t, ActorChoice>> pending_claims;
  std::vector<PendingCasualties> pending_casualties;
};

}  // namespace salvo::extract
