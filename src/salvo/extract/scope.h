// Scope: whether an incident is one Salvo counts (spec/annotation.md, "Scope") — an attack on US
// or coalition forces, facilities, diplomats, convoys or contractors; a strike by US or coalition
// forces on the groups attacking them; or the interception of such an attack. Decided from who
// acts on whom, not from the place alone: ISIS ambushing Iraqi soldiers in Kirkuk, Turkish drones
// over Kobani, Israeli jets over Damascus and IRGC missiles on a declared non-US target in Erbil all
// happen where US forces are, and none is an event.
//
// A pure function of the participants the extractor read from the incident's sentences, so the
// rule has one place and its tests need no article.
#pragma once

#include <string_view>

#include "salvo/extract/event.h"
#include "salvo/lexicon/side.h"

namespace salvo {

// Who acts on whom in one incident, as its sentences tell it.
struct Participants {
  Side agent = Side::kUnknown;    // who attacked or struck
  Side patient = Side::kUnknown;  // who or what was attacked or struck
  bool at_us_site = false;        // the place is an installation hosting US or coalition forces
  bool site_only_near = false;    // …named only as where it happened near ("near the US consulate")
  bool article_names_us = false;  // the article names US or coalition forces, facilities or people
  // The forces the article names acting are all outside the domain (ISIS, Turkey, Israel …) and
  // it names none of the groups that attack US forces: "the militant group" is then one of them.
  bool only_others_act = false;
};

// Why an incident is out of scope; kInScope when it is an event.
enum class ScopeVerdict {
  kInScope,
  kStrikeByOtherForce,   // "Israeli jets struck …", "Turkey resumed strikes …"
  kAttackOnOtherForce,   // "ISIS militants attacked Iraqi soldiers", "rockets hit a Turkish base"
  kAttackByOtherForce,   // "Turkish drones hit …", "the IRGC targeted a 'spy headquarters'"
  kNoUsParty,            // nothing in the article ties the incident to US or coalition forces
};

ScopeVerdict judge_scope(EventType type, const Participants& participants);

// The reason in words a reader of the output understands ("" for kInScope).
std::string_view describe(ScopeVerdict verdict);

}  // namespace salvo
