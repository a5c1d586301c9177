#include "salvo/extract/kinds.h"

namespace salvo {

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

bool is_strike_actor(const Term& actor) { return actor.strikes; }

Side side_of_actor(const Term& actor) { return actor.side; }

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
