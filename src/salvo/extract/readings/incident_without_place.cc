// "US Central Command forces conducted strikes on Tuesday targeting a militia's weapons
// storage", "two separate attacks … on Sunday against U.S. forces": an incident told with its
// own day and a word of attack or strike, but no place. It happened in the article's country
// (one, or no guess), at no place the text says. Not a trend, not the incident told before
// (follow_up has tried that), not a claim about incidents told.
#include <algorithm>
#include <map>
#include <string>

#include "salvo/extract/actors.h"
#include "salvo/extract/confidence.h"
#include "salvo/extract/dates.h"
#include "salvo/extract/event_type.h"
#include "salvo/extract/incident_words.h"
#include "salvo/extract/kinds.h"
#include "salvo/extract/places.h"
#include "salvo/extract/readings/readings.h"
#include "salvo/extract/weapons.h"

namespace salvo::extract {

namespace {

// The domain country the article places its incidents in: the country of most places named
// in English sentences outside datelines, named at least twice as often as any other ("a
// coalition in Iraq and Syria" beside six places in Syria); "" when no country leads so.
std::string article_country(const ArticleView& view) {
  std::map<std::string, int> named;
  for (size_t s = 0; s < view.by_sentence.size(); ++s) {
    if (!view.sentence(s).english) continue;
    for (const PlaceMention* p : view.by_sentence[s].places) {
      const std::string& c = view.place(p->place).country;
      if (in_domain_country(c) && p->begin >= dateline_end(view, s)) ++named[c];
    }
  }
  std::string first;
  int most = 0, second = 0;
  for (const auto& [country, count] : named) {
    if (count > most) second = most, most = count, first = country;
    else second = std::max(second, count);
  }
  return most >= 2 * second && most > 0 ? first : "";
}

// "two separate attacks": how many incidents a noun counts (0 when it counts none).
int counted_before(const ArticleView& view, size_t s, const Trigger& noun) {
  for (const NumberMention* n : view.by_sentence[s].numbers) {
    if (n->ordinal || n->vague || n->end > noun.begin || noun.begin - n->end > 12) continue;
    if (n->value >= 2 && n->value <= 10) return static_cast<int>(n->value);
  }
  return 0;
}

// Whether the sentence names US or coalition forces, facilities or people as attacked.
bool names_us_patient(const ArticleView& view, size_t s) {
  for (const TermMention* t : view.by_sentence[s].targets) {
    if (side_of_target(view.term(*t)) == Side::kUsCoalition) return true;
  }
  return false;
}

}  // namespace

bool incident_without_place(const ArticleView& view, const SentenceReading& r, ArticleState& state) {
  if (!r.places.empty()) return false;
  const size_t s = r.s;
  const ActorChoice& actor = r.actor;
  const std::optional<TimeExpression>& own_date = placeless_incident(view, r, state).own_date;
  if (!own_date || !own_date->value || own_date->precision != TimePrecision::kDay) return false;
  if (tells_of_a_trend(view, s) || has_relational_time_word(view, s) || has_trigger(view, s, TriggerKind::kClaim)) return false;
  // The incident's word: the first strong word of attack or strike that does not name again an
  // incident told before ("That Feb. 25 strike", "Those strikes followed two separate attacks").
  const Trigger* trigger = nullptr;
  for (const Trigger& t : view.by_sentence[s].triggers) {
    if ((t.kind != TriggerKind::kAttack && t.kind != TriggerKind::kStrike) || t.weak || t.negated) continue;
    bool named_again = false;
    for (std::string_view w : words_before(view.lowered, t.begin, view.sentence(s).begin, 3)) {
      named_again |= w == "that" || w == "this" || w == "the" || w == "those" || w == "these";
    }
    if (named_again) continue;
    trigger = &t;
    break;
  }
  if (!trigger) return false;
  const EventType type = event_type(view, s, actor, trigger, false);
  const int counted = counted_before(view, s, *trigger);
  if (is_plural_noun(view.cues(), trigger->surface) && type != EventType::kStrike && counted < 2) return false;
  if (type == EventType::kAttack && !names_us_patient(view, s)) return false;
  const std::string country = article_country(view);
  if (country.empty()) return false;
  Event e;
  e.type = type;
  e.country = country;
  e.date = own_date->value;
  if (own_date->value_max && own_date->value_max != own_date->value) e.date_max = own_date->value_max;
  e.weapons = weapon_classes(view, s);
  if (actor.mention && !(type == EventType::kAttack && is_strike_actor(view.term(*actor.mention)))) {
    set_actor(view, e, *actor.mention, actor.status);
  }
  e.target = target_text(view, s, actor);
  apply_casualties(e, r.casualties);
  e.count = type == EventType::kStrike ? facility_count(view, s, strike_trigger(view, s, trigger)) : std::max(counted, 1);
  e.sentences.push_back(s);
  e.confidence = kIncidentWithoutPlace;  // no place of its own: the country is the article's
  state.events.push_back(std::move(e));
  return true;
}

}  // namespace salvo::extract
