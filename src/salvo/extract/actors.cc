#include "salvo/extract/actors.h"

#include <fmt/format.h>

#include <algorithm>

#include "salvo/extract/kinds.h"

namespace salvo::extract {

namespace {

bool says_it_did(const ArticleView& view, size_t s, const TermMention& actor);
bool is_modifier(const ArticleView& view, size_t s, const TermMention& actor);
bool is_generic(const ArticleView& view, const TermMention& actor);
bool may_take_actor(const ArticleView& view, const Event& e, const TermMention& actor);

// Whether the actor mention is who reports rather than who acts: "a US military official said",
// "US Central Command said", "according to the Pentagon".
// "The Islamic Resistance in Iraq said it targeted …", "The US military said it struck …":
// the one who says so is the one who did it.
bool says_it_did(const ArticleView& view, size_t s, const TermMention& actor) {
  const Nearby after = words_after(view.lowered, actor.end, view.sentence(s).end, 3);
  return after.size() >= 2 && (after[0] == "said" || after[0] == "says" || after[0] == "announced") &&
         (after[1] == "it" || after[1] == "they" || (after[1] == "that" && after.size() > 2 && (after[2] == "it" || after[2] == "they")));
}

// "a U.S.-led coalition contractor", "the US embassy", "US troops' base": the actor's name
// describes someone else, who is no actor.
bool is_modifier(const ArticleView& view, size_t s, const TermMention& actor) {
  const Nearby after = words_after(view.lowered, actor.end, view.sentence(s).end, 1);
  return !after.empty() && view.cues().has(CueKind::kDescribedByActor, after[0]) && view.term(actor).category == TermCategory::kActor &&
         view.clean.substr(actor.end, 1) != ",";
}

bool is_generic(const ArticleView& view, const TermMention& actor) { return is_generic_actor(view.term(actor)); }

// Whether an actor told later may take the event's place: none yet, only "reported", or a
// generic one ("outlaw elements") that a named group now replaces.
bool may_take_actor(const ArticleView& view, const Event& e, const TermMention& actor) {
  return e.actor.empty() || e.actor_status == ActorStatus::kReported || (e.actor_generic && !is_generic(view, actor));
}

}  // namespace

bool is_reporter(const ArticleView& view, size_t s, const TermMention& actor) {
  if (says_it_did(view, s, actor)) return false;
  const Sentence& sent = view.sentence(s);
  for (std::string_view w : words_after(view.lowered, actor.end, sent.end, 3)) {
    if (view.cues().has(CueKind::kReportingWord, w)) return true;
    if (w == "," || w == ";") break;
  }
  const Nearby before = words_before(view.lowered, actor.begin, sent.begin, 2);
  if (before.size() >= 2 && before[0] == "to" && before[1] == "according") return true;
  return is_modifier(view, s, actor);
}

// "U.S. Central Command forces conducted strikes", "US military aircraft struck": the actor's
// name describes its own forces, which act (is_modifier takes them for someone else).
bool names_its_forces(const ArticleView& view, size_t s, const TermMention& actor) {
  const Nearby after = words_after(view.lowered, actor.end, view.sentence(s).end, 1);
  if (after.empty()) return false;
  // Not where the attacked stand: "a drone targeting the US-led coalition forces".
  const Nearby before = words_before(view.lowered, actor.begin, view.sentence(s).begin, 3);
  for (std::string_view w : before) {
    if (w == "targeting" || w == "targeted" || w == "on" || w == "against" || w == "at" || w == "attacked") return false;
  }
  for (std::string_view w : {"forces", "troops", "military", "aircraft", "jets", "warplanes", "fighters"}) {
    if (after[0] == w) return true;
  }
  return false;
}

bool may_claim(const ArticleView& view, const TermMention& actor) { return side_of_actor(view.term(actor)) != Side::kUsCoalition; }

void set_actor(const ArticleView& view, Event& e, const TermMention& actor, ActorStatus status) {
  e.actor_mention = &actor;
  // A named group by its canonical name; a description ("Iran-backed groups", "pro-Iranian
  // militias") as the source words it: it names no one entity, and a canonical wording would
  // put words in the source's mouth.
  e.actor = is_generic(view, actor) ? std::string(view.text(actor.begin, actor.end)) : view.term(actor).name;
  e.actor_status = status;
  e.actor_generic = is_generic(view, actor);
}

// "The military strikes landed at the Ain al-Assad airbase as well as near the US Consulate in
// Erbil": one subject for both places. An incident with no actor takes the one actor the other
// incidents of a sentence it was told in agree on (learnt there or elsewhere); with two actors
// among them, or a strike beside an attack, nothing is guessed.
void share_sentence_actors(ArticleState& state) {
  for (Event& e : state.events) {
    if (!e.actor.empty()) continue;
    const Event* source = nullptr;
    bool agreed = true;
    for (const Event& other : state.events) {
      if (&other == &e || other.actor.empty() || other.type != e.type) continue;
      if (!share_a_telling(e, other)) continue;
      if (source && source->actor != other.actor) agreed = false;
      source = &other;
    }
    if (source && agreed) {
      e.actor = source->actor;
      e.actor_status = source->actor_status;
      e.actor_generic = source->actor_generic;
      e.actor_mention = source->actor_mention;
    }
  }
}

// Who did it, and how we know: a claim, an accusation, or the text stating it.
ActorChoice choose_actor(const ArticleView& view, size_t s, const Trigger* trigger) {
  const SentenceMentions& m = view.by_sentence[s];
  const Sentence& sent = view.sentence(s);
  for (const Trigger& trig : m.triggers) {
    const Trigger* t = &trig;
    if (t->kind == TriggerKind::kClaim) {
      // "… the drone strike that was claimed by X": the actor the passive names.
      for (const TermMention* a : m.actors) {
        if (a->begin < t->end || a->begin - t->end > 40 || !may_claim(view, *a)) continue;
        const Nearby between = words_after(view.lowered, t->end, a->begin, 3);
        if (!between.empty() && between[0] == "by" && !is_reporter(view, s, *a)) return {a, ActorStatus::kClaimed};
      }
      // "X, an umbrella group of Iran-backed factions, claimed …": the sentence's subject, the
      // first named actor before the claim word (a generic "militias" only if none is named).
      const TermMention* best = nullptr;
      for (const TermMention* a : m.actors) {
        if (a->end > t->begin || is_reporter(view, s, *a) || !may_claim(view, *a)) continue;
        if (!best || (is_generic(view, *best) && !is_generic(view, *a))) best = a;
      }
      if (best) return {best, ActorStatus::kClaimed};
    } else if (t->kind == TriggerKind::kAccuse) {
      // "accused X of firing", "blamed X for": the first actor after the word.
      for (const TermMention* a : m.actors) {
        if (a->begin >= t->end && a->begin - t->end < 40) return {a, ActorStatus::kAccused};
      }
      // "X was blamed": the actor before.
      for (auto it = m.actors.rbegin(); it != m.actors.rend(); ++it) {
        if ((*it)->end <= t->begin && t->passive) return {*it, ActorStatus::kAccused};
      }
    }
  }
  if (!trigger) return {};
  const bool passive = trigger->passive;
  if (passive) {
    // "were attacked by X"
    for (const TermMention* a : m.actors) {
      if (a->begin >= trigger->end && words_after(view.lowered, trigger->end, a->begin, 5).size() <= 3) {
        const Nearby before = words_before(view.lowered, a->begin, sent.begin, 1);
        if (!before.empty() && before[0] == "by" && !is_reporter(view, s, *a)) return {a, ActorStatus::kReported};
      }
    }
    return {};
  }
  // "X said it targeted …": a militia saying so claims it; a state force reports its own act.
  for (const TermMention* a : m.actors) {
    if (a->end <= trigger->begin && says_it_did(view, s, *a)) {
      return {a, is_strike_actor(view.term(*a)) ? ActorStatus::kReported : ActorStatus::kClaimed};
    }
  }
  // Active voice: the nearest actor before the trigger that is not a reporter, a named one
  // rather than a generic "militias" when both are there.
  const TermMention* best = nullptr;
  for (const TermMention* a : m.actors) {
    if (a->end > trigger->begin || is_reporter(view, s, *a)) continue;
    if (!best || !is_generic(view, *a) || is_generic(view, *best)) best = a;
  }
  if (best) return {best, ActorStatus::kReported};
  return {};
}

ActorChoice attacker_of(const ArticleView& view, size_t s, const Trigger& trigger) {
  if (trigger.passive) return {};
  const TermMention* nearest = nullptr;
  for (const TermMention* a : view.by_sentence[s].actors) {
    if (a->end > trigger.begin || is_reporter(view, s, *a) || is_strike_actor(view.term(*a))) continue;
    nearest = a;
  }
  if (!nearest) return {};
  return {nearest, ActorStatus::kReported};
}

// "they also targeted …", "the resistance fighters also targeted …", "The military strikes
// landed …": a subject that refers back takes the actor last named, and how it is known.
ActorChoice actor_referred_to(const ArticleView& view, const ArticleState& state, size_t s, const Trigger& trigger) {
  const Nearby before = words_before(view.lowered, trigger.begin, view.sentence(s).begin, 4);
  bool refers = false;
  for (size_t k = 0; k < before.size(); ++k) {
    if (before[k] == "they") refers = true;
    if (k + 1 < before.size() && view.cues().has(CueKind::kReferringSubject, fmt::format("{} {}", before[k + 1], before[k]))) refers = true;
    if (k + 2 < before.size() && (before[k + 2] == "the" || before[k + 2] == "its") &&
        view.cues().has(CueKind::kReferringSubject, fmt::format("{} {}", before[k + 2], before[k]))) {
      refers = true;  // "the resistance fighters", "the military strikes"
    }
  }
  if (!refers) return {};
  for (auto it = state.pending_claims.rbegin(); it != state.pending_claims.rend(); ++it) return it->second;
  for (auto it = state.events.rbegin(); it != state.events.rend(); ++it) {
    if (!it->actor.empty() && !it->actor_generic && it->actor_mention) return {it->actor_mention, it->actor_status};
  }
  return {};
}

std::string target_text(const ArticleView& view, size_t s, const ActorChoice& actor) {
  for (const TermMention* t : view.by_sentence[s].targets) {
    if (actor.mention && t->begin == actor.mention->begin) continue;
    if (is_bystander_target(view.term(*t))) continue;
    return std::string(view.text(t->begin, t->end));
  }
  return "";
}

// A strike with no named actor, in a sentence about the US ("President Joe Biden ordered the
// military to carry out airstrikes"), is a US strike: in this domain the others name themselves.
void default_strike_actor(const ArticleView& view, Event& e) {
  if (e.type != EventType::kStrike || !e.actor.empty() || e.sentences.empty()) return;
  const std::string_view lowered = view.lowered_sentence(e.sentences.front());
  for (std::string_view cue : {"u.s.", "us ", "american", "biden", "trump", "pentagon", "centcom", "washington",
                               "the military", "department of defense", "austin"}) {
    if (lowered.find(cue) != std::string::npos) {
      e.actor = "US forces";
      e.actor_status = ActorStatus::kReported;
      return;
    }
  }
}

// "Iran-backed groups have attacked US forces at least 50 times … On Sunday, rockets hit …": an
// article names who attacks once and then tells the incidents. An attack told with no actor of
// its own takes the perpetrator the article names acting nearest before it (after it when none
// is before), with how the article knows it. Only the groups that attack US forces or a generic
// name for them: a state or an outside force named acting is left to the incident's own text.
void apply_article_perpetrator(const ArticleView& view, ArticleState& state) {
  // Most articles give every attack its actor, or tell none: read the sentences only when one
  // waits for it.
  const bool waiting = std::any_of(state.events.begin(), state.events.end(), [](const Event& e) {
    return e.actor.empty() && e.type != EventType::kStrike && !e.sentences.empty();
  });
  if (!waiting) return;
  std::vector<std::pair<size_t, ActorChoice>> named;
  for (size_t s = 0; s < view.article.sentences.size(); ++s) {
    if (!view.sentence(s).english) continue;
    const SentenceMentions& m = view.by_sentence[s];
    // The sentence's main incident word (incident_words.h: main_trigger).
    const Trigger* main = nullptr;
    for (const Trigger& t : m.triggers) {
      if (m.counts(t) && !t.negated) {
        main = &t;
        break;
      }
    }
    ActorChoice choice = choose_actor(view, s, main);
    // "came under attack at least four more times by Iran-backed groups": the agent of a
    // passive further from its verb than choose_actor looks.
    if (!choice.mention && m.has(TriggerKind::kAttack)) {
      for (const TermMention* a : m.actors) {
        const Nearby before = words_before(view.lowered, a->begin, view.sentence(s).begin, 1);
        if (before.empty() || before[0] != "by" || is_reporter(view, s, *a)) continue;
        choice = {a, m.has(TriggerKind::kAccuse) ? ActorStatus::kAccused : ActorStatus::kReported};
        break;
      }
    }
    if (!choice.mention || choice.status == ActorStatus::kNone) continue;
    const Term& actor = view.term(*choice.mention);
    if (side_of_actor(actor) != Side::kMilitia && !is_generic_actor(actor)) continue;
    named.emplace_back(s, choice);
  }
  if (named.empty()) return;
  for (Event& e : state.events) {
    if (!e.actor.empty() || e.type == EventType::kStrike || e.sentences.empty()) continue;
    const size_t first = e.sentences.front();
    const std::pair<size_t, ActorChoice>* best = nullptr;
    for (const auto& candidate : named) {
      if (candidate.first <= first) best = &candidate;
    }
    if (!best) best = &named.front();
    set_actor(view, e, *best->second.mention, best->second.status);
  }
}

void name_described_actors(const ArticleView& view, ArticleState& state) {
  for (Event& e : state.events) {
    if (!e.actor_generic || e.sentences.empty()) continue;
    // The next sentences after the incident's last telling.
    const size_t last = *std::max_element(e.sentences.begin(), e.sentences.end());
    for (size_t s = last + 1; s < view.article.sentences.size() && s <= last + 2; ++s) {
      const std::string_view lowered = view.lowered_sentence(s);
      const size_t comma = lowered.find(", ");
      if (comma == std::string_view::npos || comma > 24) continue;
      if (!view.cues().has(CueKind::kReferringSubject, lowered.substr(0, comma))) continue;
      const size_t named_at = view.sentence(s).begin + comma + 2;
      for (const TermMention* a : view.by_sentence[s].actors) {
        if (a->begin != named_at || is_generic(view, *a) || side_of_actor(view.term(*a)) != Side::kMilitia) continue;
        set_actor(view, e, *a, e.actor_status);  // named now, known as before
        break;
      }
      if (!e.actor_generic) break;
    }
  }
}

// Claims and accusations made in sentences of their own apply to the attacks they follow that
// have no actor yet.
void apply_article_claims(const ArticleView& view, ArticleState& state) {
  for (const auto& [s, actor] : state.pending_claims) {
    bool applied = false;
    for (Event& e : state.events) {
      if (e.sentences.front() > s && actor.status == ActorStatus::kAccused) continue;
      if (e.type != EventType::kAttack && e.type != EventType::kInterception) continue;
      if (actor.status == ActorStatus::kAccused) {
        // An accusation speaks of the incident just told.
        continue;
      }
      if (may_take_actor(view, e, *actor.mention)) {
        set_actor(view, e, *actor.mention, ActorStatus::kClaimed);
        e.sentences.push_back(s);
        applied = true;
      }
    }
    if (actor.status == ActorStatus::kAccused) {
      for (auto it = state.events.rbegin(); it != state.events.rend(); ++it) {
        if (it->sentences.front() < s && (it->type == EventType::kAttack || it->type == EventType::kInterception)) {
          if (may_take_actor(view, *it, *actor.mention)) {
            set_actor(view, *it, *actor.mention, ActorStatus::kAccused);
            it->sentences.push_back(s);
          }
          applied = true;
          break;
        }
      }
    }
    (void)applied;
  }
}

}  // namespace salvo::extract
