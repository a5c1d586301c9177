#include "salvo/extract/incident_words.h"

#include <algorithm>

#include "salvo/base/ascii.h"
#include "salvo/extract/casualties.h"
#include "salvo/extract/kinds.h"

namespace salvo::extract {

bool has_trigger(const ArticleView& view, size_t s, TriggerKind kind) { return view.by_sentence[s].has(kind); }

// The first attack/strike/interception trigger of the sentence, if any. Weak words ("launched",
// "hit", "a blast") count only when the sentence names a weapon.
const Trigger* main_trigger(const ArticleView& view, size_t s) {
  const SentenceMentions& m = view.by_sentence[s];
  for (const Trigger& t : m.triggers) {
    if (!m.counts(t) || t.negated) continue;
    return &t;
  }
  return nullptr;
}

// The incident trigger nearest a place (before it preferred): what happened there.
const Trigger* trigger_near(const ArticleView& view, size_t s, size_t pos) {
  const Trigger* best = nullptr;
  size_t best_distance = static_cast<size_t>(-1);
  const SentenceMentions& m = view.by_sentence[s];
  for (const Trigger& trig : m.triggers) {
    const Trigger* t = &trig;
    if (!m.counts(*t) || t->negated) continue;
    size_t distance = t->end <= pos ? pos - t->end : 2 * (t->begin - pos);
    // "… strikes against targets in Syria, in response to attacks against American forces": the
    // incident answered is told of elsewhere, not at this place.
    if (t->begin > pos && answers_for(view, s, *t)) distance *= 4;
    if (distance < best_distance) best = t, best_distance = distance;
  }
  return best;
}

// Whether a trigger names the incident another answers: "in response to attacks", "in
// retaliation for the strike".
bool answers_for(const ArticleView& view, size_t s, const Trigger& trigger) {
  const Nearby before = words_before(view.lowered, trigger.begin, view.sentence(s).begin, 4);
  for (size_t k = 0; k + 1 < before.size(); ++k) {
    if ((before[k] == "to" && before[k + 1] == "response") || (before[k] == "for" && before[k + 1] == "retaliation")) return true;
  }
  return false;
}

// Whether the sentence speaks of incidents by the many: a plural incident noun with a word
// that makes them a trend ("most of these attacks", "such strikes", "repeated rocket attacks").
bool tells_of_a_trend(const ArticleView& view, size_t s) {
  for (const Trigger& t : view.by_sentence[s].triggers) {
    if (!is_plural_noun(view.cues(), t.surface)) continue;
    for (std::string_view w : words_before(view.lowered, t.begin, view.sentence(s).begin, 3)) {
      // ("these attacks" alone names incidents told: "Those strikes followed two attacks".)
      for (std::string_view many : {"such", "most", "majority", "many", "frequent", "repeated", "recurring", "regular", "dozens",
                                    "hundreds"}) {
        if (w == many) return true;
      }
    }
  }
  return false;
}

bool definite(const ArticleView& view, size_t s, const Trigger& noun) {
  const Nearby before = words_before(view.lowered, noun.begin, view.sentence(s).begin, 2);
  return (!before.empty() && before[0] == "the") || (before.size() > 1 && before[1] == "the");
}

// "The attack was thwarted", "this attack", "it": the sentence speaks of one incident already told.
bool refers_back(const ArticleView& view, size_t s, const Trigger* trigger, const Casualties& casualties) {
  if (!trigger) return casualties.any();
  const std::string_view surface = trigger->surface;
  // Plural: a trend, not the incident ("While these assaults resulted in injuries, …") —
  // unless definite: "The strikes killed three Iraqi army soldiers" tells of the strikes told.
  if (is_plural_noun(view.cues(), surface) || (!surface.empty() && surface.back() == 's' && surface.find(' ') == std::string_view::npos)) {
    const Nearby before = words_before(view.lowered, trigger->begin, view.sentence(s).begin, 1);
    return !before.empty() && before[0] == "the";
  }
  if (casualties.any()) return true;
  const Nearby before = words_before(view.lowered, trigger->begin, view.sentence(s).begin, 3);
  for (std::string_view w : before) {
    if (w == "the" || w == "this" || w == "that" || w == "was" || w == "were" || w == "it" || w == "both") return true;
  }
  return false;
}

// "Both drones were shot down", "In both cases the drone was downed", "all of them": the
// sentence speaks of every incident told with the one it refers back to, not of that one alone.
bool speaks_of_all(const ArticleView& view, size_t s) {
  const std::string_view lowered = view.lowered_sentence(s);
  for (std::string_view w : view.cues().of(CueKind::kEveryIncident)) {
    const size_t at = lowered.find(w);
    if (at == std::string_view::npos) continue;
    const bool starts = at == 0 || !is_ascii_alnum(lowered[at - 1]);
    const bool ends = at + w.size() >= lowered.size() || !is_ascii_alnum(lowered[at + w.size()]);
    if (starts && ends) return true;
  }
  return false;
}

// "attacks", "retaliatory strikes", "air raids": incidents in the plural.
bool is_plural_noun(const Cues& cues, std::string_view surface) {
  if (cues.has(CueKind::kPluralIncident, surface)) return true;
  const size_t space = surface.rfind(' ');
  const std::string_view last = space == std::string_view::npos ? surface : surface.substr(space + 1);
  return space != std::string_view::npos && last.size() > 3 && last.back() == 's' && last != "was";
}

bool only_definite_references(const ArticleView& view, size_t s) {
  bool any = false;
  const SentenceMentions& m = view.by_sentence[s];
  for (const Trigger& trig : m.triggers) {
    const Trigger* t = &trig;
    if (!m.counts(*t)) continue;
    const std::string_view surface = t->surface;
    const bool noun = surface == "attack" || surface == "strike" || surface == "incident" || surface == "assault" ||
                      surface == "rocket attack" || surface == "drone attack";
    const Nearby before = words_before(view.lowered, t->begin, view.sentence(s).begin, 1);
    const bool definite = !before.empty() && (before[0] == "the" || before[0] == "this" || before[0] == "that");
    if (!(noun && definite)) return false;
    any = true;
  }
  return any && view.by_sentence[s].weapons.empty();
}

bool is_response(const ArticleView& view, size_t s) {
  const std::string_view lowered = view.lowered_sentence(s);
  const std::vector<std::string>& cues = view.cues().of(CueKind::kResponse);
  return std::any_of(cues.begin(), cues.end(), [&](const std::string& cue) { return lowered.find(cue) != std::string::npos; });
}

bool sentence_has_impact(const ArticleView& view, size_t s) {
  for (const Trigger& t : view.by_sentence[s].triggers) {
    if (t.kind == TriggerKind::kAttack && view.cues().has(CueKind::kImpact, t.surface)) return true;
  }
  return false;
}

}  // namespace salvo::extract
