#include "salvo/extract/participants.h"

#include <algorithm>

#include "salvo/extract/actors.h"
#include "salvo/extract/kinds.h"
#include "salvo/extract/places.h"
#include "salvo/extract/scope.h"

namespace salvo::extract {

namespace {

bool only_others_act(const ArticleView& view);
bool article_names_us(const ArticleView& view);
bool is_object(const ArticleView& view, size_t s, const TermMention& target);
Participants participants_of(const ArticleView& view, const Event& e, bool names_us, bool others_act);

// Whether a force the article names acting is outside the domain, and none of the groups that
// attack US forces is named at all (Participants::only_others_act).
bool only_others_act(const ArticleView& view) {
  bool others = false;
  for (size_t s = 0; s < view.by_sentence.size(); ++s) {
    for (const TermMention* a : view.by_sentence[s].actors) {
      const Side side = side_of_actor(view.term(*a));
      if (side == Side::kMilitia) return false;
      if (side != Side::kOther || is_reporter(view, s, *a)) continue;
      for (const Trigger& t : view.by_sentence[s].triggers) {
        const TriggerKind kind = t.kind;
        others |= (kind == TriggerKind::kAttack || kind == TriggerKind::kStrike || kind == TriggerKind::kClaim) &&
                  a->end <= t.begin && t.begin - a->end < 80;
      }
    }
  }
  return others;
}

// Whether the article names US or coalition forces, facilities or people anywhere.
bool article_names_us(const ArticleView& view) {
  for (const SentenceMentions& m : view.by_sentence) {
    for (const TermMention* t : m.targets) {
      if (side_of_target(view.term(*t)) == Side::kUsCoalition) return true;
    }
    for (const TermMention* a : m.actors) {
      if (side_of_actor(view.term(*a)) == Side::kUsCoalition) return true;
    }
  }
  return false;
}

// Whether a target mention stands where what is attacked stands: right after an incident word
// ("ambushed Iraqi soldiers", "an attack on the Peshmerga", "rockets targeting a Turkish base"),
// not where the hurt are counted ("four Iraqi soldiers were wounded in the attack").
bool is_object(const ArticleView& view, size_t s, const TermMention& target) {
  constexpr size_t kObjectMaxBytes = 40;
  // "… inside the air base and four Iraqi soldiers were wounded": the subject of a clause of
  // its own, the hurt.
  const Nearby after = words_after(view.lowered, target.end, view.sentence(s).end, 1);
  if (!after.empty() && (after[0] == "were" || after[0] == "was")) return false;
  for (const Trigger& t : view.by_sentence[s].triggers) {
    const TriggerKind kind = t.kind;
    if ((kind == TriggerKind::kAttack || kind == TriggerKind::kStrike) && t.end <= target.begin &&
        target.begin - t.end <= kObjectMaxBytes) {
      return true;
    }
  }
  const Nearby before = words_before(view.lowered, target.begin, view.sentence(s).begin, 3);
  for (std::string_view w : before) {
    if (w == "on" || w == "against" || w == "at") return true;
    if (w == "," || w == ";") break;
  }
  return false;
}

// Who acts on whom in an incident, read from its sentences. The patient: the targets named, a
// US one outweighing any other ("a rocket attack on the base wounded two Iraqi soldiers and a
// US contractor"), except a US facility named only as a landmark ("a spy headquarters near the
// US consulate"). The agent: the incident's actor, else a force named acting before an incident
// word (strikes and attacks; who intercepts is no attacker).
Participants participants_of(const ArticleView& view, const Event& e, bool names_us, bool others_act) {
  Participants p;
  p.article_names_us = names_us;
  p.only_others_act = others_act;
  p.at_us_site = e.precision == PlacePrecision::kSite && e.place != kNoPlace &&
                 view.place(e.place).kind == PlaceKind::kSite;
  if (p.at_us_site) {
    p.site_only_near = true;
    for (size_t s : e.sentences) {
      for (const PlaceMention* m : view.by_sentence[s].places) {
        if (m->place != e.place || m->relation == "near") continue;
        const Nearby before = words_before(view.lowered, m->begin, view.sentence(s).begin, 2);
        const bool near = before.size() == 2 && before[0] == "the" && before[1] == "near";
        if (!near) p.site_only_near = false;
      }
    }
  }
  for (size_t s : e.sentences) {
    for (const TermMention* t : view.by_sentence[s].targets) {
      const Side side = side_of_target(view.term(*t));
      if (side == Side::kUsCoalition) {
        const Nearby before = words_before(view.lowered, t->begin, view.sentence(s).begin, 2);
        const bool landmark = !before.empty() && (before[0] == "near" || (before[0] == "the" && before.size() > 1 && before[1] == "near"));
        if (landmark) continue;
      }
      if (side == Side::kUsCoalition) p.patient = side;
      if (side == Side::kOther && p.patient == Side::kUnknown && is_object(view, s, *t)) p.patient = side;
    }
  }
  // A force outside the domain named where the attacked stand ("an operation to attack Islamic
  // State militants"), not as the one who did it ("an attack by Islamic State militants").
  for (size_t s : e.sentences) {
    if (p.patient != Side::kUnknown) break;
    for (const TermMention* a : view.by_sentence[s].actors) {
      if (side_of_actor(view.term(*a)) != Side::kOther || !is_object(view, s, *a)) continue;
      const Nearby before = words_before(view.lowered, a->begin, view.sentence(s).begin, 1);
      if (!before.empty() && before[0] == "by") continue;
      p.patient = Side::kOther;
    }
  }
  if (e.actor_mention) p.agent = side_of_actor(view.term(*e.actor_mention));
  if (e.type == EventType::kInterception || p.agent != Side::kUnknown) return p;
  for (size_t s : e.sentences) {
    for (const TermMention* a : view.by_sentence[s].actors) {
      if (is_reporter(view, s, *a)) continue;
      const Side side = side_of_actor(view.term(*a));
      if (side == Side::kUnknown) continue;
      for (const Trigger& t : view.by_sentence[s].triggers) {
        const TriggerKind kind = t.kind;
        const bool acts = (kind == TriggerKind::kAttack || kind == TriggerKind::kStrike) && a->end <= t.begin && t.begin - a->end < 80;
        if (acts && (p.agent == Side::kUnknown || side == Side::kUsCoalition)) p.agent = side;
      }
    }
  }
  return p;
}

}  // namespace

// Out-of-scope incidents leave the events for the list of what was left out, with the reason.
void keep_in_scope(const ArticleView& view, ArticleState& state, std::vector<NotEvent>& left_out) {
  const bool names_us = article_names_us(view);
  const bool others_act = only_others_act(view);
  std::vector<ScopeVerdict> verdicts;
  std::vector<Participants> participants;
  for (const Event& e : state.events) {
    participants.push_back(participants_of(view, e, names_us, others_act));
    verdicts.push_back(judge_scope(e.type, participants.back()));
  }
  // "The IRGC fired missiles at the al-Asad airbase and Erbil": a place with no patient of its
  // own, told in one sentence with an attack on a US site or on US forces, shares that target.
  for (size_t i = 0; i < state.events.size(); ++i) {
    if (verdicts[i] != ScopeVerdict::kAttackByOtherForce && verdicts[i] != ScopeVerdict::kNoUsParty) continue;
    if (participants[i].patient != Side::kUnknown) continue;
    for (size_t j = 0; j < state.events.size(); ++j) {
      const bool us_attack = state.events[j].type != EventType::kStrike && verdicts[j] == ScopeVerdict::kInScope &&
                             (participants[j].at_us_site || participants[j].patient == Side::kUsCoalition);
      if (j == i || !us_attack) continue;
      if (share_a_telling(state.events[i], state.events[j])) verdicts[i] = ScopeVerdict::kInScope;
    }
  }
  std::vector<Event> kept;
  for (size_t i = 0; i < state.events.size(); ++i) {
    Event& e = state.events[i];
    const ScopeVerdict verdict = verdicts[i];
    if (verdict == ScopeVerdict::kInScope) {
      kept.push_back(std::move(e));
    } else {
      left_out.push_back({std::move(e), std::string(describe(verdict))});
    }
  }
  state.events = std::move(kept);
}

}  // namespace salvo::extract
