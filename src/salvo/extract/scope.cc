#include "salvo/extract/scope.h"

namespace salvo {

ScopeVerdict judge_scope(EventType type, const Participants& p) {
  if (type == EventType::kStrike) {
    // A strike is in scope when US or coalition forces fly or fire it. One whose striker is not
    // named keeps the benefit of the doubt: the reporting of this domain names the US as striker
    // in the headline or the lede and "the strikes" after.
    if (p.agent == Side::kOther) return ScopeVerdict::kStrikeByOtherForce;
    return ScopeVerdict::kInScope;
  }
  // Attacks and interceptions: the patient decides. A base that hosts US forces is a US target,
  // whoever fired at it ("Iranian missiles hit Ain al-Asad"), even when the hurt are Iraqi
  // soldiers serving there.
  // Near a US site, from a force that names a target of its own ("what it said was a spy
  // headquarters near the US consulate"), the site is a landmark, not what was attacked.
  const bool declared_elsewhere = p.site_only_near && (p.agent == Side::kOther || p.agent == Side::kIranianState);
  if (p.patient == Side::kUsCoalition || (p.at_us_site && !declared_elsewhere)) return ScopeVerdict::kInScope;
  if (p.patient == Side::kOther) return ScopeVerdict::kAttackOnOtherForce;
  // No patient named: a force outside this domain acting is out of it ("Turkish drones hit the
  // energy sites", "the IRGC attacked what it said was a spy headquarters near the consulate").
  if (p.agent == Side::kOther || p.agent == Side::kIranianState || (p.agent == Side::kUnknown && p.only_others_act)) {
    return ScopeVerdict::kAttackByOtherForce;
  }
  if (!p.article_names_us) return ScopeVerdict::kNoUsParty;
  return ScopeVerdict::kInScope;
}

std::string_view describe(ScopeVerdict verdict) {
  switch (verdict) {
    case ScopeVerdict::kInScope: return "";
    case ScopeVerdict::kStrikeByOtherForce: return "a strike by a force other than US or coalition forces";
    case ScopeVerdict::kAttackOnOtherForce: return "an attack on forces or places other than US or coalition ones";
    case ScopeVerdict::kAttackByOtherForce: return "an attack by a force outside the conflict tracked, with no US or coalition target named";
    case ScopeVerdict::kNoUsParty: return "no US or coalition forces, facilities or people are named as attacked";
  }
  return "";
}

}  // namespace salvo
