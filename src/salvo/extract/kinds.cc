#include "salvo/extract/kinds.h"

#include <algorithm>
#include <array>

namespace salvo {

namespace {

// So are all the actors of kind "coalition" (the US-led coalition and its members' forces): "Two
// Italian soldiers were wounded in a drone attack" names the attacked, not the attacker.
// CENTCOM and the named US units are rows of their own in data/lexicon/actors.csv.
constexpr std::array<std::string_view, 7> kStrikeActors = {"us-forces", "us-centcom", "us-military-units", "jordan-armed-forces",
                                                           "israel",    "turkey",     "russia"};

}  // namespace

const char* to_string(TriggerKind kind) {
  switch (kind) {
    case TriggerKind::kAttack: return "attack";
    case TriggerKind::kStrike: return "strike";
    case TriggerKind::kInterception: return "interception";
    case TriggerKind::kClaim: return "claim";
    case TriggerKind::kAccuse: return "accuse";
    case TriggerKind::kReport: return "report";
  }
  return "attack";
}

TriggerKind trigger_kind(const Term& trigger) {
  const std::string& k = trigger.kind;
  if (k == "attack") return TriggerKind::kAttack;
  if (k == "strike") return TriggerKind::kStrike;
  if (k == "interception") return TriggerKind::kInterception;
  if (k == "claim") return TriggerKind::kClaim;
  if (k == "accuse") return TriggerKind::kAccuse;
  return TriggerKind::kReport;  // the last of the kinds Lexicon::load lets through
}

bool is_weak_trigger(const Term& trigger) { return trigger.weak; }

bool is_generic_actor(const Term& actor) { return actor.kind == "generic"; }

bool is_strike_actor(const Term& actor) {
  return actor.kind == "coalition" || std::find(kStrikeActors.begin(), kStrikeActors.end(), actor.id) != kStrikeActors.end();
}

Side side_of_actor(const Term& actor) {
  if (actor.kind == "coalition" || actor.id.rfind("us-", 0) == 0) return Side::kUsCoalition;
  if (actor.kind == "militia" || actor.kind == "umbrella" || actor.kind == "facade" || actor.kind == "tribal") {
    return Side::kMilitia;
  }
  if (actor.kind == "generic") return Side::kUnknown;
  if (actor.id == "iran" || actor.id == "irgc" || actor.id == "irgc-quds-force") return Side::kIranianState;
  return Side::kOther;
}

Side side_of_target(const Term& target) {
  const std::string& k = target.kind;
  if (k == "us" || k == "coalition" || k == "us_coalition" || k == "advisers" || k == "diplomatic" || k == "contractors") {
    return Side::kUsCoalition;
  }
  if (k == "local_force" || k == "other_force") return Side::kOther;
  return Side::kUnknown;  // a base, a convoy, civilians: whose, the rest of the text says
}

bool is_us_forces_target(const Term& target) {
  const std::string& k = target.kind;
  return k == "us" || k == "coalition" || k == "us_coalition" || k == "advisers";
}

bool is_bystander_target(const Term& target) { return target.kind == "local_force" || target.kind == "civilian"; }

bool is_base_target(const Term& target) { return target.kind == "base"; }

}  // namespace salvo
