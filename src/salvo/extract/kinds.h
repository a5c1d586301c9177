// What the lexicon's kinds (data/lexicon/*.tsv, validated by Lexicon::load) mean to extraction:
// the one place their names are compared. Rules ask these functions, never the strings.
#pragma once

#include <string_view>

#include "salvo/extract/scope.h"
#include "salvo/lexicon/lexicon.h"

namespace salvo {

// The kinds of triggers.tsv: words that report an incident of a type, and words that say how an
// actor is known.
enum class TriggerKind {
  kAttack,        // "attacked", "rocket attack", "came under fire"
  kStrike,        // "airstrikes", "struck", "retaliated"
  kInterception,  // "shot down", "intercepted", "thwarted"
  kClaim,         // "claimed responsibility": the actor says it did it
  kAccuse,        // "accused", "blamed": another says the actor did it
  kReport,        // "said", "according to": whose subject reports rather than acts
};
const char* to_string(TriggerKind kind);  // the kind as triggers.tsv writes it

// The kind of a trigger term (one of the six Lexicon::load accepts).
TriggerKind trigger_kind(const Term& trigger);

// Words that tell of an incident of some type: attack, strike, interception.
constexpr bool tells_incident(TriggerKind kind) {
  return kind == TriggerKind::kAttack || kind == TriggerKind::kStrike || kind == TriggerKind::kInterception;
}

// Weak incident words ("launched", "hit", "a blast") report an incident only beside a weapon:
// the terms of strength "weak" in triggers.tsv.
bool is_weak_trigger(const Term& trigger);

// "militia groups", "Iran-backed militias": an actor a named group may replace.
bool is_generic_actor(const Term& actor);
// Forces whose attacks are "strikes" in this domain: they strike militias, militias attack them
// (actors.csv `strikes`). "Two Italian soldiers were wounded in a drone attack" names the attacked.
bool is_strike_actor(const Term& actor);
// Which side of the domain an actor or a target is on (lexicon/side.h): an actor's from its
// actors.csv `side`, a target's from its targets.tsv kind.
Side side_of_actor(const Term& actor);
Side side_of_target(const Term& target);
// US or coalition forces or advisers as what is hit: a strike on them is an attack.
bool is_us_forces_target(const Term& target);
// Local forces and civilians: hurt beside an incident, not what an event's target names.
bool is_bystander_target(const Term& target);
// "a base", "mission support site": an installation named by its kind.
bool is_base_target(const Term& target);

}  // namespace salvo
