#include "salvo/extract/extractor.h"
#include "salvo/base/ascii.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>

#include "salvo/extract/article_state.h"
#include "salvo/extract/casualties.h"
#include "salvo/extract/cues.h"
#include "salvo/extract/kinds.h"
#include "salvo/extract/scope.h"
#include "salvo/extract/sentence_view.h"

namespace salvo {

const char* to_string(EventType type) {
  switch (type) {
    case EventType::kAttack: return "attack";
    case EventType::kStrike: return "strike";
    case EventType::kInterception: return "interception";
  }
  return "attack";
}

const char* to_string(ActorStatus status) {
  switch (status) {
    case ActorStatus::kClaimed: return "claimed";
    case ActorStatus::kAccused: return "accused";
    case ActorStatus::kReported: return "reported";
    case ActorStatus::kNone: return "";
  }
  return "";
}

const char* to_string(TallyWhat what) {
  switch (what) {
    case TallyWhat::kAttacks: return "attacks";
    case TallyWhat::kInjured: return "injured";
    case TallyWhat::kKilled: return "killed";
  }
  return "attacks";
}

namespace extract {
namespace {

constexpr size_t kNoPlace = static_cast<size_t>(-1);

// "the \"Green Village\" base" is the Green Village base: quotation marks are not part of a name.
std::string without_quotes(std::string name) {
  for (std::string_view mark : {std::string_view("\""), std::string_view("\xE2\x80\x9C"), std::string_view("\xE2\x80\x9D")}) {
    for (size_t at; (at = name.find(mark)) != std::string::npos;) name.erase(at, mark.size());
  }
  return name;
}

int place_rank(const std::optional<PlacePrecision>& precision) {
  if (!precision) return 0;
  switch (*precision) {
    case PlacePrecision::kSite: return 4;
    case PlacePrecision::kTown: return 3;
    case PlacePrecision::kAdmin1: return 2;
    case PlacePrecision::kRegion: return 2;
    case PlacePrecision::kCountry: return 1;
  }
  return 0;
}

bool in_domain_country(std::string_view country) { return country == "IQ" || country == "SY" || country == "JO"; }


struct NamedSite {
  size_t place;
  std::string name;  // as the gazetteer writes it: "Mission Support Site Euphrates"
};

bool has_trigger(const ArticleView& view, size_t s, TriggerKind kind);
bool says_it_did(const ArticleView& view, size_t s, const TermMention& actor);
bool is_reporter(const ArticleView& view, size_t s, const TermMention& actor);
bool is_modifier(const ArticleView& view, size_t s, const TermMention& actor);
bool is_generic(const ArticleView& view, const TermMention& actor);
bool is_verb_form(std::string_view surface);
void set_actor(const ArticleView& view, Event& e, const TermMention& actor, ActorStatus status);
void share_sentence_actors(ArticleState& state);
bool may_take_actor(const ArticleView& view, const Event& e, const TermMention& actor);
const Trigger* main_trigger(const ArticleView& view, size_t s);
bool refers_back(const ArticleView& view, size_t s, const Trigger* trigger, const Casualties& casualties);
bool speaks_of_all(const ArticleView& view, size_t s);
ActorChoice choose_actor(const ArticleView& view, size_t s, const Trigger* trigger);
ActorChoice actor_referred_to(const ArticleView& view, const ArticleState& state, size_t s, const Trigger& trigger);
std::vector<const PlaceMention*> event_places(const ArticleView& view, size_t s);
size_t dateline_end(const ArticleView& view, size_t s);
bool is_reporting_time(const ArticleView& view, size_t s, const TimeExpression& t);
std::optional<TimeExpression> sentence_date(const ArticleView& view, const ArticleState& state, size_t s, size_t anchor_pos);
std::optional<Date> latest_event_date(const ArticleState& state);
std::optional<Date> main_date(const ArticleView& view, const ArticleState& state);
std::vector<std::string> weapon_classes(const ArticleView& view, size_t s);
bool sentence_has_impact(const ArticleView& view, size_t s);
const Trigger* trigger_near(const ArticleView& view, size_t s, size_t pos);
const TermMention* strike_actor_in(const ArticleView& view, size_t s);
bool tells_of_strike(const ArticleView& view, size_t s, const ActorChoice& actor);
std::vector<std::string> weapons_near(const ArticleView& view, size_t s, const PlaceMention& place, const std::vector<const PlaceMention*>& places);
EventType event_type(const ArticleView& view, size_t s, const ActorChoice& actor, const Trigger* trigger, bool several_places);
bool may_become_interception(const Event& e);
bool is_plural_noun(std::string_view surface);
bool reports_incident(const ArticleView& view, size_t s);
bool has_day(const ArticleView& view, size_t s);
bool only_definite_references(const ArticleView& view, size_t s);
bool has_relational_time_word(const ArticleView& view, size_t s);
bool is_response(const ArticleView& view, size_t s);
std::optional<Date> lede_date(const ArticleView& view);
std::optional<Date> day_in_written_year(const ArticleView& view, size_t s);
std::optional<Date> inherited_date(const ArticleView& view, const ArticleState& state, size_t s);
const Trigger& strike_trigger(const ArticleView& view, size_t s, const Trigger* fallback);
int facility_count(const ArticleView& view, size_t s, const Trigger& trigger);
std::string target_text(const ArticleView& view, size_t s, const ActorChoice& actor);
int site_count(const ArticleView& view, size_t s, const PlaceMention& p);
void fill_place(const ArticleView& view, Event& e, const PlaceMention& p);
std::string border_after(const ArticleView& view, const PlaceMention& p);
bool is_campaign(const ArticleView& view, size_t s, const std::vector<const PlaceMention*>& places);
std::optional<NamedSite> site_named_after_kind(const ArticleView& view, const PlaceMention& p);
size_t generic_site_before(const ArticleView& view, const PlaceMention& p);
void apply_casualties(Event& e, const Casualties& c);
void read_sentence(const ArticleView& view, ArticleState& state, size_t s);
void add_unnamed_counted(const ArticleView& view, ArticleState& state, size_t s, size_t events_before, const ActorChoice& actor);
void apply_pending_casualties(const ArticleView& view, ArticleState& state);
void apply_article_claims(const ArticleView& view, ArticleState& state);
bool dates_compatible(const Event& a, const Event& b);
bool same_incident(const Event& a, const Event& b);
void merge_sentences(std::vector<size_t>& keep, bool keep_in_order, const std::vector<size_t>& gone, bool gone_in_order);
void merge_into(Event& keep, bool keep_merged, Event& gone, bool gone_merged);
void spread_summary_zeroes(ArticleState& state);
void merge_events(ArticleState& state);
void default_strike_actor(const ArticleView& view, Event& e);
void finish(const ArticleView& view, const ArticleState& state, Event& e);
bool only_others_act(const ArticleView& view);
bool article_names_us(const ArticleView& view);
bool is_object(const ArticleView& view, size_t s, const TermMention& target);
Participants participants_of(const ArticleView& view, const Event& e, bool names_us, bool others_act);
void keep_in_scope(const ArticleView& view, ArticleState& state, std::vector<NotEvent>& left_out);
void calibrate(std::vector<Event>& events);
void find_tallies(const ArticleView& view, std::vector<Tally>& out);

bool has_trigger(const ArticleView& view, size_t s, TriggerKind kind) { return view.by_sentence[s].has(kind); }

// Whether the actor mention is who reports rather than who acts: "a US military official said",
// "US Central Command said", "according to the Pentagon".
// "The Islamic Resistance in Iraq said it targeted …", "The US military said it struck …":
// the one who says so is the one who did it.
bool says_it_did(const ArticleView& view, size_t s, const TermMention& actor) {
  const Nearby after = words_after(view.lowered, actor.end, view.sentence(s).end, 3);
  return after.size() >= 2 && (after[0] == "said" || after[0] == "says" || after[0] == "announced") &&
         (after[1] == "it" || after[1] == "they" || (after[1] == "that" && after.size() > 2 && (after[2] == "it" || after[2] == "they")));
}

bool is_reporter(const ArticleView& view, size_t s, const TermMention& actor) {
  if (says_it_did(view, s, actor)) return false;
  const Sentence& sent = view.sentence(s);
  for (std::string_view w : words_after(view.lowered, actor.end, sent.end, 3)) {
    if (one_of(kReportingWords, w)) return true;
    if (w == "," || w == ";") break;
  }
  const Nearby before = words_before(view.lowered, actor.begin, sent.begin, 2);
  if (before.size() >= 2 && before[0] == "to" && before[1] == "according") return true;
  return is_modifier(view, s, actor);
}

// "a U.S.-led coalition contractor", "the US embassy", "US troops' base": the actor's name
// describes someone else, who is no actor.
bool is_modifier(const ArticleView& view, size_t s, const TermMention& actor) {
  static const std::set<std::string, std::less<>> kDescribed = {
      "contractor", "contractors", "embassy", "consulate", "base", "bases", "troops", "forces", "personnel",
      "soldiers", "soldier", "convoy", "convoys", "advisers", "advisors", "service", "servicemembers", "members",
      "facility", "facilities", "outpost", "diplomats", "positions", "military", "compound", "official", "officials"};
  const Nearby after = words_after(view.lowered, actor.end, view.sentence(s).end, 1);
  return !after.empty() && kDescribed.count(after[0]) > 0 && view.term(actor).category == TermCategory::kActor &&
         view.clean.substr(actor.end, 1) != ",";
}

bool is_generic(const ArticleView& view, const TermMention& actor) { return is_generic_actor(view.term(actor)); }

bool is_verb_form(std::string_view surface) {
  return surface.size() > 3 && (surface.compare(surface.size() - 2, 2, "ed") == 0 ||
                                surface.compare(surface.size() - 3, 3, "ing") == 0 || surface == "hit" || surface == "hits");
}

void set_actor(const ArticleView& view, Event& e, const TermMention& actor, ActorStatus status) {
  e.actor_mention = &actor;
  e.actor = view.term(actor).name;
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
      const bool shares = std::any_of(e.sentences.begin(), e.sentences.end(), [&](size_t s) {
        return std::find(other.sentences.begin(), other.sentences.end(), s) != other.sentences.end();
      });
      if (!shares) continue;
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

// Whether an actor told later may take the event's place: none yet, only "reported", or a
// generic one ("outlaw elements") that a named group now replaces.
bool may_take_actor(const ArticleView& view, const Event& e, const TermMention& actor) {
  return e.actor.empty() || e.actor_status == ActorStatus::kReported || (e.actor_generic && !is_generic(view, actor));
}

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

// "The attack was thwarted", "this attack", "it": the sentence speaks of one incident already told.
bool refers_back(const ArticleView& view, size_t s, const Trigger* trigger, const Casualties& casualties) {
  if (!trigger) return casualties.any();
  const std::string_view surface = trigger->surface;
  // Plural: a trend, not the incident ("While these assaults resulted in injuries, …") —
  // unless definite: "The strikes killed three Iraqi army soldiers" tells of the strikes told.
  if (is_plural_noun(surface) || (!surface.empty() && surface.back() == 's' && surface.find(' ') == std::string_view::npos)) {
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
  for (std::string_view w : {"both", "all of them", "all the drones", "all drones", "each of", "either"}) {
    const size_t at = lowered.find(w);
    if (at == std::string_view::npos) continue;
    const bool starts = at == 0 || !is_ascii_alnum(lowered[at - 1]);
    const bool ends = at + w.size() >= lowered.size() || !is_ascii_alnum(lowered[at + w.size()]);
    if (starts && ends) return true;
  }
  return false;
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
        if (a->begin < t->end || a->begin - t->end > 40) continue;
        const Nearby between = words_after(view.lowered, t->end, a->begin, 3);
        if (!between.empty() && between[0] == "by" && !is_reporter(view, s, *a)) return {a, ActorStatus::kClaimed};
      }
      // "X, an umbrella group of Iran-backed factions, claimed …": the sentence's subject, the
      // first named actor before the claim word (a generic "militias" only if none is named).
      const TermMention* best = nullptr;
      for (const TermMention* a : m.actors) {
        if (a->end > t->begin || is_reporter(view, s, *a)) continue;
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

// "they also targeted …", "the resistance fighters also targeted …", "The military strikes
// landed …": a subject that refers back takes the actor last named, and how it is known.
ActorChoice actor_referred_to(const ArticleView& view, const ArticleState& state, size_t s, const Trigger& trigger) {
  static const std::set<std::string, std::less<>> kReferring = {"they", "the group", "the resistance", "the militants", "the fighters",
                                                   "the militia", "its fighters", "the faction", "the strikes", "the attacks",
                                                   "the attackers", "the military strikes"};
  const Nearby before = words_before(view.lowered, trigger.begin, view.sentence(s).begin, 4);
  bool refers = false;
  for (size_t k = 0; k < before.size(); ++k) {
    if (before[k] == "they") refers = true;
    if (k + 1 < before.size() && kReferring.count(fmt::format("{} {}", before[k + 1], before[k]))) refers = true;
    if (k + 2 < before.size() && (before[k + 2] == "the" || before[k + 2] == "its") &&
        kReferring.count(fmt::format("{} {}", before[k + 2], before[k]))) {
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

// Places that say where this sentence's incidents happened: not an actor's name ("Islamic
// Resistance in Iraq"), not an origin ("from northern Iraq"), not a qualifier of another place
// ("Erbil airport in northern Iraq"), and nothing vaguer than the most specific place named.
std::vector<const PlaceMention*> event_places(const ArticleView& view, size_t s) {
  const SentenceMentions& m = view.by_sentence[s];
  const Sentence& sent = view.sentence(s);
  std::vector<const PlaceMention*> places;
  for (const PlaceMention* p : m.places) {
    const Place& pl = view.place(p->place);
    if (!in_domain_country(pl.country)) continue;
    bool inside_name = false;
    for (const TermMention* a : m.actors) inside_name |= p->begin >= a->begin && p->end <= a->end && a->end - a->begin > p->end - p->begin;
    for (const TermMention* t : m.targets) inside_name |= p->begin >= t->begin && p->end <= t->end && t->end - t->begin > p->end - p->begin;
    if (inside_name) continue;
    if (p->end < view.clean.size() && view.clean[p->end] == '-') continue;  // "Iraq-based", "Syria-Iraq border"
    // A dateline names where the report was filed: "BAGHDAD (AP) —", "ERBIL (Kurdistan 24) –",
    // "ERBIL, Iraq (Reuters) -": every place before its agency or dash.
    if (p->begin < dateline_end(view, s)) continue;
    const Nearby before = words_before(view.lowered, p->begin, sent.begin, 2);
    if (!before.empty() && (before[0] == "from" || (before[0] == "the" && before.size() > 1 && before[1] == "from"))) continue;
    // A place name with a number after it is a media outlet ("Deir Ezzor 24", "Kurdistan 24"),
    // unless the gazetteer knows the whole as a site ("Tower 22").
    if (p->precision != PlacePrecision::kSite && p->end + 1 < sent.end && view.clean[p->end] == ' ' &&
        std::isdigit(static_cast<unsigned char>(view.clean[p->end + 1]))) {
      continue;
    }
    // Where people went or are based, not where anything happened: "In a visit to Baghdad".
    if (before.size() >= 2 && before[0] == "to" && (before[1] == "visit" || before[1] == "trip" || before[1] == "travelled" ||
                                                    before[1] == "traveled")) {
      continue;
    }
    places.push_back(p);
  }
  // A place right after another, joined by "in", "of", "near", ",": it qualifies the first.
  std::vector<const PlaceMention*> kept;
  for (size_t i = 0; i < places.size(); ++i) {
    if (!kept.empty()) {
      const PlaceMention* prev = kept.back();
      std::string between = lower_ascii(view.text(prev->end, places[i]->begin));
      std::string squeezed;
      for (char c : between) {
        if (c != ' ') squeezed.push_back(c);
      }
      static const std::set<std::string> kJoins = {"", "of", "in", "near", ",", ",in", "inthe", "ofthe", "nearthe", "at",
                                                   "outside", "nextto", "closeto", "region,", "regionof", "provinceof",
                                                   "inthecityof", "inthe", ",nearthe", ",in", "in"};
      const int prev_rank = place_rank(prev->precision);
      const int rank = place_rank(places[i]->precision);
      if (kJoins.count(squeezed) && (rank <= prev_rank || prev->precision == PlacePrecision::kSite) &&
          view.place(prev->place).country == view.place(places[i]->place).country) {
        continue;
      }
    }
    kept.push_back(places[i]);
  }
  // Countries only when nothing more specific is named ("attacked four times in Iraq and Syria").
  int best_rank = 0;
  for (const PlaceMention* p : kept) best_rank = std::max(best_rank, place_rank(p->precision));
  std::vector<const PlaceMention*> result;
  std::set<size_t> seen;
  for (const PlaceMention* p : kept) {
    if (best_rank >= 2 && place_rank(p->precision) == 1) continue;
    // The same place twice ("the Erbil airport base near Erbil airport"): once.
    const size_t key = p->precision == PlacePrecision::kRegion ? kNoPlace - p->begin : p->place;
    if (!seen.insert(key).second) continue;
    result.push_back(p);
  }
  return result;
}

// End of the sentence's dateline ("BAGHDAD (AP) —"), or its start when it has none: a dateline
// opens with a capitalised place name and closes with a parenthesis or a dash within a few words.
size_t dateline_end(const ArticleView& view, size_t s) {
  const Sentence& sent = view.sentence(s);
  const std::string_view head = view.text(sent.begin, std::min(sent.end, sent.begin + 60));
  if (head.size() < 3 || !std::isupper(static_cast<unsigned char>(head[0])) || !std::isupper(static_cast<unsigned char>(head[1]))) {
    return sent.begin;
  }
  for (std::string_view mark : {std::string_view(") \xE2\x80\x94"), std::string_view(") \xE2\x80\x93"),
                                std::string_view(") -"), std::string_view(" \xE2\x80\x94"), std::string_view(" - ")}) {
    const size_t at = head.find(mark);
    if (at != std::string_view::npos) return sent.begin + at + mark.size();
  }
  return sent.begin;
}

// Whether a time expression dates the report rather than the incident: "confirmed on Tuesday",
// "said on Monday".
bool is_reporting_time(const ArticleView& view, size_t s, const TimeExpression& t) {
  const Sentence& sent = view.sentence(s);
  Nearby before = words_before(view.lowered, t.begin, sent.begin, 2);
  if (!before.empty() && before[0] == "on") before.drop_first();
  if (!before.empty() && one_of(kReportingVerbs, before[0])) return true;
  const Nearby after = words_after(view.lowered, t.end, sent.end, 1);
  return !after.empty() && one_of(kReportingVerbs, after[0]);
}

// The sentence's time expression for an incident near `anchor_pos`, resolved; nullptr if none.
std::optional<TimeExpression> sentence_date(const ArticleView& view, const ArticleState& state, size_t s, size_t anchor_pos) {
  const TimeExpression* best = nullptr;
  size_t best_distance = static_cast<size_t>(-1);
  for (const TimeExpression* t : view.by_sentence[s].times) {
    if (t->is_since || t->anniversary || is_reporting_time(view, s, *t)) continue;
    if (t->kind == TimeKind::kClockTime || t->kind == TimeKind::kDuration || t->kind == TimeKind::kYear) continue;
    // Days and short ranges, resolved or not ("over the weekend" with no publication date).
    // A range counts when it is a few days ("over the weekend", "late January"), not a
    // stretch of weeks ("earlier this month").
    const bool short_range = t->kind == TimeKind::kRange && (t->month || lower_ascii(t->text).find("weekend") != std::string::npos);
    const bool day_like = t->kind == TimeKind::kWeekday || t->kind == TimeKind::kDate || t->kind == TimeKind::kRelativeDay ||
                          short_range || t->kind == TimeKind::kAnchorRelative;
    if (!names_a_day(*t) && !t->needs_anchor && !(day_like && !t->value)) continue;
    const size_t distance = t->begin > anchor_pos ? t->begin - anchor_pos : anchor_pos - t->end;
    if (distance < best_distance) best = t, best_distance = distance;
  }
  if (!best) return std::nullopt;
  TimeExpression resolved = *best;
  if (resolved.needs_anchor && !resolved.value) {
    const std::optional<Date> anchor = latest_event_date(state);
    if (anchor) resolve_with_anchor(resolved, *anchor);
  }
  return resolved;
}

std::optional<Date> latest_event_date(const ArticleState& state) {
  for (auto it = state.events.rbegin(); it != state.events.rend(); ++it) {
    if (it->date) return it->date;
  }
  return std::nullopt;
}

// The article's main date: the first incident date named, else the publication date.
std::optional<Date> main_date(const ArticleView& view, const ArticleState& state) {
  for (const Event& e : state.events) {
    if (e.date && e.role == EventRole::kMain) return e.date;
  }
  return view.article.article.published;
}

std::vector<std::string> weapon_classes(const ArticleView& view, size_t s) {
  std::set<std::string> classes;
  for (const TermMention* w : view.by_sentence[s].weapons) classes.insert(view.term(*w).kind);
  return {classes.begin(), classes.end()};
}

bool sentence_has_impact(const ArticleView& view, size_t s) {
  for (const Trigger& t : view.by_sentence[s].triggers) {
    if (t.kind == TriggerKind::kAttack && one_of(kImpactWords, t.surface)) return true;
  }
  return false;
}

// The incident trigger nearest a place (before it preferred): what happened there.
const Trigger* trigger_near(const ArticleView& view, size_t s, size_t pos) {
  const Trigger* best = nullptr;
  size_t best_distance = static_cast<size_t>(-1);
  const SentenceMentions& m = view.by_sentence[s];
  for (const Trigger& trig : m.triggers) {
    const Trigger* t = &trig;
    if (!m.counts(*t) || t->negated) continue;
    const size_t distance = t->end <= pos ? pos - t->end : 2 * (t->begin - pos);
    if (distance < best_distance) best = t, best_distance = distance;
  }
  return best;
}

// Whether the sentence tells of US or allied forces striking: "US airstrikes", "F-15s struck a
// facility", "The U.S. targeted five facilities" — and not of a strike on US forces.
// A US or allied force named as acting in the sentence (not reporting, not describing).
const TermMention* strike_actor_in(const ArticleView& view, size_t s) {
  for (const TermMention* a : view.by_sentence[s].actors) {
    if (!is_strike_actor(view.term(*a)) || is_reporter(view, s, *a)) continue;
    // The force must come before what it did: in "rockets struck near where U.S. forces are
    // based" the US forces are where the rockets fell.
    for (const Trigger& t : view.by_sentence[s].triggers) {
      const TriggerKind kind = t.kind;
      if ((kind == TriggerKind::kStrike || kind == TriggerKind::kAttack) && a->end <= t.begin && t.begin - a->end < 80 &&
          !t.negated) {
        return a;
      }
      // "a U.S. drone strike": the force named with its strike.
      if (kind == TriggerKind::kStrike && t.begin >= a->begin && t.end <= a->end) return a;
    }
  }
  return nullptr;
}

bool tells_of_strike(const ArticleView& view, size_t s, const ActorChoice& actor) {
  const SentenceMentions& m = view.by_sentence[s];
  const bool strike_actor = (actor.mention && is_strike_actor(view.term(*actor.mention)) &&
                             actor.status == ActorStatus::kReported) ||
                            strike_actor_in(view, s) != nullptr;
  bool aircraft = false;
  for (const TermMention* w : m.weapons) aircraft |= view.term(*w).kind == "aircraft";
  for (const Trigger& trig : m.triggers) {
    const Trigger* t = &trig;
    const TriggerKind kind = t->kind;
    const std::string_view surface = t->surface;
    if (kind == TriggerKind::kStrike) {
      const bool air_word = surface.find("air") != std::string_view::npos || surface.find("raid") != std::string_view::npos ||
                            surface.find("retaliat") != std::string_view::npos ||
                            surface.find("self-def") != std::string_view::npos;
      if (!(strike_actor || aircraft || air_word)) continue;
      bool us_target = false;
      for (const TermMention* target : m.targets) {
        us_target |= target->begin > t->end && target->begin - t->end < 40 && is_us_forces_target(view.term(*target));
      }
      if (strike_actor || !us_target) return true;
    } else if (kind == TriggerKind::kAttack && strike_actor && !t->passive) {
      // "The U.S. targeted five facilities": a verb, not the noun of "faces second attack".
      if (surface.size() > 3 && (surface.compare(surface.size() - 2, 2, "ed") == 0 ||
                                 surface.compare(surface.size() - 3, 3, "ing") == 0)) {
        return true;
      }
    }
  }
  return false;
}

// What kind of incident happened at a place: a strike when the sentence tells of one; an
// interception when the trigger nearest the place is one and nothing landed; else an attack.
// In a sentence with several incident places, each weapon belongs to the place nearest it:
// "… the Green Village rocket attack, coalition forces repelled several drones near Al-Tanf".
std::vector<std::string> weapons_near(const ArticleView& view, size_t s, const PlaceMention& place, const std::vector<const PlaceMention*>& places) {
  std::set<std::string> classes;
  for (const TermMention* w : view.by_sentence[s].weapons) {
    // A weapon is mostly the subject of its clause ("rockets hit Erbil airport"): it belongs to
    // the first place after it; one named after every place goes to the nearest before it.
    const PlaceMention* nearest = nullptr;
    size_t best = static_cast<size_t>(-1);
    // …except a weapon written right after a place name: "the Green Village rocket attack".
    for (const PlaceMention* p : places) {
      if (w->begin >= p->end && w->begin - p->end <= 1) nearest = p;
    }
    for (const PlaceMention* p : places) {
      if (nearest) break;
      if (p->begin >= w->end && p->begin - w->end < best) best = p->begin - w->end, nearest = p;
    }
    if (!nearest) {
      for (const PlaceMention* p : places) {
        if (w->begin >= p->end && w->begin - p->end < best) best = w->begin - p->end, nearest = p;
      }
    }
    if (nearest == &place) classes.insert(view.term(*w).kind);
  }
  // A place with no weapon of its own shares the sentence's ("drones hit Erbil and Harir").
  if (classes.empty()) return weapon_classes(view, s);
  return {classes.begin(), classes.end()};
}

EventType event_type(const ArticleView& view, size_t s, const ActorChoice& actor, const Trigger* trigger, bool several_places) {
  if (tells_of_strike(view, s, actor)) {
    // "… after the group targeted the Ain al-Asad base, to which the US responded with
    // airstrikes near Qaim": the place nearest an attack word was attacked, not struck.
    // "an airstrike targeting facilities … east of Syria": the place of a verb describing the
    // strike is struck; a place by an attack noun ("following a drone attack … in Jordan") is not.
    bool strike_before = false;
    const bool near_is_noun = trigger && trigger->kind == TriggerKind::kAttack && !is_verb_form(trigger->surface);
    for (const Trigger& t : view.by_sentence[s].triggers) {
      strike_before |= t.kind == TriggerKind::kStrike && trigger && t.end <= trigger->begin && !near_is_noun;
    }
    const bool strike_near = !trigger || trigger->kind == TriggerKind::kStrike || strike_before ||
                             (!near_is_noun && actor.mention && is_strike_actor(view.term(*actor.mention)) &&
                              actor.mention->end <= trigger->begin);
    if (strike_near) return EventType::kStrike;
  }
  // The place's own trigger decides: "Two drones were shot down near Al-Tanf, while rockets hit
  // Green Village" is an interception and an attack.
  // With one place, anything that landed makes it an attack ("intercepted a drone over Ain
  // al-Asad air base, but a second drone hit the base").
  if (trigger && trigger->kind == TriggerKind::kInterception) {
    return several_places || !sentence_has_impact(view, s) ? EventType::kInterception : EventType::kAttack;
  }
  return EventType::kAttack;
}

// An attack told first becomes an interception when the text then says it was stopped — for
// drones and missiles, which air defences stop; rockets that were "shot down" still hit.
bool may_become_interception(const Event& e) {
  if (e.type != EventType::kAttack || e.impact) return false;
  for (const std::string& w : e.weapons) {
    if (w != "drone" && w != "missile") return false;
  }
  return !e.weapons.empty();
}

// "attacks", "retaliatory strikes", "air raids": incidents in the plural.
bool is_plural_noun(std::string_view surface) {
  if (one_of(kPluralIncidentNouns, surface)) return true;
  const size_t space = surface.rfind(' ');
  const std::string_view last = space == std::string_view::npos ? surface : surface.substr(space + 1);
  return space != std::string_view::npos && last.size() > 3 && last.back() == 's' && last != "was";
}

// Whether the sentence reports an incident rather than a trend: some trigger is not a bare
// plural ("attacks on US troops have surged"), or the plural is counted ("two attacks").
bool reports_incident(const ArticleView& view, size_t s) {
  const SentenceMentions& m = view.by_sentence[s];
  // Words of a trend: "this pattern of rocket and drone assaults", "a series of attacks".
  const std::string_view lowered = view.lowered_sentence(s);
  for (std::string_view cue : {"pattern of", "series of", "occasional", "repeated", "numerous", "wave of",
                               "string of", "spate of", "surge in", "uptick in"}) {
    if (lowered.find(cue) != std::string::npos) return false;
  }
  for (const Trigger& trig : m.triggers) {
    const Trigger* t = &trig;
    if (!m.counts(*t)) continue;
    if (!is_plural_noun(t->surface)) return true;
    // "The military strikes landed at …": definite plurals are incidents already in view.
    const Nearby before = words_before(view.lowered, t->begin, view.sentence(s).begin, 2);
    for (std::string_view w : before) {
      if (w == "the" || w == "these" || w == "those") return true;
    }
    for (const NumberMention* n : view.by_sentence[s].numbers) {
      if (n->end <= t->begin && t->begin - n->end < 24 && !n->ordinal && !n->vague) return true;
    }
    // "The US responded with airstrikes near Al-Qaim", "ordered airstrikes … on Thursday": a
    // force's strikes are an incident when they answer one or have a day ("protection against
    // Russian airstrikes" has neither).
    if (t->kind == TriggerKind::kStrike && tells_of_strike(view, s, choose_actor(view, s, t)) && (is_response(view, s) || has_day(view, s))) return true;
  }
  return false;
}

bool has_day(const ArticleView& view, size_t s) {
  for (const TimeExpression* t : view.by_sentence[s].times) {
    if (!t->is_since && !t->anniversary &&
        (t->kind == TimeKind::kWeekday || t->kind == TimeKind::kDate || t->kind == TimeKind::kRelativeDay)) {
      return true;
    }
  }
  return false;
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

bool has_relational_time_word(const ArticleView& view, size_t s) {
  const std::string_view lowered = view.lowered_sentence(s);
  for (std::string_view w : kRelationalTimeWords) {
    size_t pos = lowered.find(w);
    while (pos != std::string::npos) {
      const bool start = pos == 0 || !std::isalpha(static_cast<unsigned char>(lowered[pos - 1]));
      const bool end = pos + w.size() >= lowered.size() || !std::isalpha(static_cast<unsigned char>(lowered[pos + w.size()]));
      if (start && end) return true;
      pos = lowered.find(w, pos + 1);
    }
  }
  return false;
}

bool is_response(const ArticleView& view, size_t s) {
  const std::string_view lowered = view.lowered_sentence(s);
  return lowered.find("retaliat") != std::string::npos || lowered.find("in response") != std::string::npos ||
         lowered.find("responded") != std::string::npos || lowered.find("respond to") != std::string::npos ||
         lowered.find("responding") != std::string::npos;
}

// The day of an incident whose sentence names none: the incident just told, when this sentence
// follows it closely and does not place itself before or after something else.
// The day the lede gives for the news: its first resolved day, even one the report is dated
// by ("The United States on Wednesday announced that three … were injured").
std::optional<Date> lede_date(const ArticleView& view) {
  // Without a publication date the first full date may be a photo caption's: no guess then.
  if (!view.article.article.published) return std::nullopt;
  for (size_t s = 0; s < view.article.sentences.size() && s < 3; ++s) {
    for (const TimeExpression* t : view.by_sentence[s].times) {
      if (t->value && !t->is_since && !t->anniversary && names_a_day(*t) && t->precision == TimePrecision::kDay) return t->value;
    }
  }
  return std::nullopt;
}

// "The 2020 U.S. drone strike": a year of its own and no day. When the article names exactly
// one day of that year ("the anniversary of the 2020 killing" in the lede, a "Jan. 3, 2020"
// elsewhere), that is the day; with none or several, no guess.
std::optional<Date> day_in_written_year(const ArticleView& view, size_t s) {
  std::optional<int> year;
  for (const TimeExpression* t : view.by_sentence[s].times) {
    if (t->kind == TimeKind::kYear && t->year && !t->is_since && !t->future) {
      year = t->year;
      break;
    }
  }
  if (!year) return std::nullopt;
  std::optional<Date> found;
  for (const SentenceMentions& other : view.by_sentence) {
    for (const TimeExpression* t : other.times) {
      if (t->is_since || !t->value || t->precision != TimePrecision::kDay || t->value->year != *year) continue;
      if (found && *found != *t->value) return std::nullopt;
      found = t->value;
    }
  }
  return found;
}

std::optional<Date> inherited_date(const ArticleView& view, const ArticleState& state, size_t s) {
  if (has_relational_time_word(view, s)) return std::nullopt;
  // The first incidents of an article with no day of their own happened on the lede's day.
  if (state.events.empty()) return lede_date(view);
  // "The 2020 U.S. drone strike": a year of its own, so not the day of the incident before.
  for (const TimeExpression* t : view.by_sentence[s].times) {
    if (t->kind == TimeKind::kYear || t->kind == TimeKind::kMonth || t->year) return std::nullopt;
  }
  const Event& last = state.events.back();
  if (s - last.sentences.back() > 3) return std::nullopt;
  return last.date;
}

// The word telling of the strike itself: a strike word, else the verb the striker acts with.
const Trigger& strike_trigger(const ArticleView& view, size_t s, const Trigger* fallback) {
  for (const Trigger& t : view.by_sentence[s].triggers) {
    if (t.kind == TriggerKind::kStrike && !t.negated) return t;
  }
  return *fallback;
}

// "strike two facilities", "targeted five … weapon storage facilities": how many strikes.
int facility_count(const ArticleView& view, size_t s, const Trigger& trigger) {
  static const std::set<std::string, std::less<>> kFacilityWords = {"facilities", "sites", "targets", "positions", "depots",
                                                       "locations", "bases", "warehouses", "compounds"};
  for (const NumberMention* n : view.by_sentence[s].numbers) {
    if (n->begin < trigger.end || n->begin - trigger.end > 16 || n->ordinal || n->vague || n->value < 2 || n->value > 20) continue;
    for (std::string_view w : words_after(view.lowered, n->end, view.sentence(s).end, 7)) {
      if (kFacilityWords.count(w)) return static_cast<int>(n->value);
    }
  }
  return 1;
}

std::string target_text(const ArticleView& view, size_t s, const ActorChoice& actor) {
  for (const TermMention* t : view.by_sentence[s].targets) {
    if (actor.mention && t->begin == actor.mention->begin) continue;
    if (is_bystander_target(view.term(*t))) continue;
    return std::string(view.text(t->begin, t->end));
  }
  return "";
}

// "two sites in northeastern Syria": the number before a word for sites, just before the place.
int site_count(const ArticleView& view, size_t s, const PlaceMention& p) {
  const Nearby before = words_before(view.lowered, p.begin, view.sentence(s).begin, 3);
  if (before.size() < 3 || before[0] != "in") return 1;
  static const std::set<std::string, std::less<>> kSiteWords = {"sites", "locations", "bases", "positions", "places", "facilities"};
  if (!kSiteWords.count(before[1])) return 1;
  for (const NumberMention* n : view.by_sentence[s].numbers) {
    if (lower_ascii(view.text(n->begin, n->end)) == before[2] && n->value > 1 && n->value < 10 && !n->ordinal) {
      return static_cast<int>(n->value);
    }
  }
  return 1;
}

void fill_place(const ArticleView& view, Event& e, const PlaceMention& p) {
  const Place& pl = view.place(p.place);
  e.place = p.place;
  e.precision = p.precision;
  e.country = pl.country;
  e.admin1 = pl.admin1;
  // The place as the article writes it: analysts cite "Al-Nasr camp", not the gazetteer's
  // "Camp Victory / Victory Base (Camp al-Nasr)"; the canonical place is kept in `place`.
  e.location = without_quotes(p.precision == PlacePrecision::kRegion ? p.label : std::string(view.text(p.begin, p.end)));
  // "the Iraqi capital" names Baghdad without writing it: the name, not the description.
  if (lower_ascii(e.location).ends_with(" capital")) e.location = pl.name;
  // "the Jordanian desert on the Syrian border": the border narrows an area down.
  if (p.precision == PlacePrecision::kRegion) e.location += border_after(view, p);
  if (p.precision != PlacePrecision::kRegion && p.precision != PlacePrecision::kCountry && pl.lat) {
    e.lat = pl.lat;
    e.lon = pl.lon;
  }
  if (p.precision == PlacePrecision::kRegion && p.relation.empty() && pl.kind != PlaceKind::kRegion) e.admin1.clear();
  if (p.precision == PlacePrecision::kCountry) e.admin1.clear();
  if (place_rank(p.precision) > 2) return;
  if (const auto site = site_named_after_kind(view, p)) {
    const Place& named = view.place(site->place);
    e.place = site->place;
    e.precision = PlacePrecision::kSite;
    e.admin1 = named.admin1;
    e.location = site->name;
    e.lat = named.lat;
    e.lon = named.lon;
  } else if (const size_t start = generic_site_before(view, p); start != std::string_view::npos) {
    e.location = std::string(view.text(start, p.end));  // "a base in Syria" says more than "Syria"
  }
}

// " on the Syrian border", " near the border with Iraq" right after a place; "" if none.
std::string border_after(const ArticleView& view, const PlaceMention& p) {
  const Sentence& sent = view.sentence(p.sentence);
  const Nearby after = words_after(view.clean, p.end, sent.end, 5);
  if (after.size() < 3 || (after[0] != "on" && after[0] != "near" && after[0] != "along") || after[1] != "the") return "";
  size_t words = 0;
  if (after[2] == "border" && after.size() >= 5 && after[3] == "with" && std::isupper(static_cast<unsigned char>(after[4][0]))) {
    words = 5;  // "near the border with Iraq"
  } else if (after.size() >= 4 && std::isupper(static_cast<unsigned char>(after[2][0])) && after[3] == "border") {
    words = 4;  // "on the Syrian border"
  }
  if (words == 0) return "";
  std::string phrase;
  for (size_t k = 0; k < words; ++k) (phrase += ' ') += after[k];
  // Only when the words follow as written, with nothing but spaces between them.
  return view.text(p.end, std::min(sent.end, p.end + phrase.size())) == phrase ? phrase : "";
}

// "the US military struck dozens of targets in Syria and Iraq": a multitude across whole
// countries is a campaign, too vague to be incidents at places on days.
bool is_campaign(const ArticleView& view, size_t s, const std::vector<const PlaceMention*>& places) {
  std::set<std::string> countries;
  for (const PlaceMention* p : places) {
    if (place_rank(p->precision) > 1) return false;
    countries.insert(view.place(p->place).country);
  }
  if (countries.size() < 2) return false;
  for (const NumberMention* n : view.by_sentence[s].numbers) {
    if (n->vague) return true;
  }
  return false;
}

// "a mission support site in Euphrates, Syria": a site the text names by its kind and then its
// name, split by a preposition; the gazetteer knows it whole. Only a site of the country or
// province the sentence places it in.
std::optional<NamedSite> site_named_after_kind(const ArticleView& view, const PlaceMention& p) {
  const Place& within = view.place(p.place);
  for (const TermMention* t : view.by_sentence[p.sentence].targets) {
    if (!is_base_target(view.term(*t)) || t->end > p.begin) continue;
    std::string kind(view.text(t->begin, t->end));
    bool word_start = true;
    for (char& c : kind) {  // "mission support site" → "Mission Support Site"
      if (word_start) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      word_start = c == ' ';
    }
    Nearby after = words_after(view.clean, t->end, p.begin, 4);
    if (after.empty() || (after[0] != "in" && after[0] != "at" && after[0] != "called" && after[0] != "dubbed")) continue;
    after.drop_first();
    // The name: the capitalised words that follow, longest first.
    size_t capitalised = 0;
    while (capitalised < after.size() && std::isupper(static_cast<unsigned char>(after[capitalised][0]))) ++capitalised;
    for (size_t n = capitalised; n > 0; --n) {
      std::string name = kind;
      for (size_t k = 0; k < n; ++k) (name += ' ') += after[k];
      for (const Place* candidate : view.recognizer.gazetteer().named(name)) {
        if (candidate->kind != PlaceKind::kSite || candidate->country != within.country) continue;
        if (within.kind == PlaceKind::kAdmin1 && candidate->admin1 != within.admin1) continue;
        return NamedSite{static_cast<size_t>(candidate - view.recognizer.gazetteer().places().data()), name};
      }
    }
  }
  return std::nullopt;
}

// Where "a base in" starts when the text names a base only by its kind just before the place:
// "towards a base in Syria", "a military base in western Iraq"; npos otherwise.
size_t generic_site_before(const ArticleView& view, const PlaceMention& p) {
  for (const TermMention* t : view.by_sentence[p.sentence].targets) {
    if (!is_base_target(view.term(*t)) || t->end > p.begin || view.text(t->end, p.begin) != " in ") continue;
    if (!lower_ascii(view.text(t->begin, t->end)).ends_with("base")) continue;  // not "a facility in": a strike's mark
    for (std::string_view article : {std::string_view("a "), std::string_view("an ")}) {
      const size_t start = t->begin - std::min(t->begin, article.size());
      const bool word_start = start == 0 || !is_ascii_alnum(view.clean[start - 1]);
      if (view.text(start, t->begin) == article && word_start) return start;
    }
  }
  return std::string_view::npos;
}

// Sentences about one incident give partial counts ("two Americans killed", "three coalition
// personnel killed"); the largest is the most complete.
void apply_casualties(Event& e, const Casualties& c) {
  if (c.killed && (!e.killed || *c.killed > *e.killed)) e.killed = c.killed;
  if (c.injured && (!e.injured || *c.injured > *e.injured)) e.injured = c.injured;
}

void read_sentence(const ArticleView& view, ArticleState& state, size_t s) {
  const SentenceMentions& m = view.by_sentence[s];
  const Trigger* trigger = main_trigger(view, s);
  const bool claim = has_trigger(view, s, TriggerKind::kClaim);
  const bool accuse = has_trigger(view, s, TriggerKind::kAccuse);
  const Casualties casualties = find_casualties(view.article.sentence_text(view.sentence(s)), view.lowered_sentence(s));
  const std::vector<const PlaceMention*> places = event_places(view, s);
  const bool tally_sentence = state.tally_sentences.count(s) > 0;

  if (!trigger && m.weapons.empty()) {
    // No incident words: the sentence may still tell the casualties of an incident told — the
    // one at the place it names ("There were no casualties reported in Erbil"), else the one
    // just before.
    if (!casualties.any() || tally_sentence) return;
    if (!places.empty()) {
      // The incident at that place may be told only later in the article: settle at the end.
      state.pending_casualties.push_back({s, casualties, places});
      return;
    }
    if (state.events.empty()) return;
    if (places.empty() && s - state.events.back().sentences.back() <= 6) {
      // "There were no casualties in either attack": every incident of that day.
      const std::string_view lowered = view.lowered_sentence(s);
      const bool all = lowered.find("either") != std::string::npos || lowered.find("both") != std::string::npos ||
                       lowered.find("neither") != std::string::npos || lowered.find("any of the") != std::string::npos;
      for (Event& e : state.events) {
        if (&e != &state.events.back() && !(all && e.date == state.events.back().date)) continue;
        apply_casualties(e, casualties);
        e.sentences.push_back(s);
      }
    }
    return;
  }
  ActorChoice actor = choose_actor(view, s, trigger);
  if (!actor.mention && trigger) actor = actor_referred_to(view, state, s, *trigger);

  if (places.empty()) {
    if (tally_sentence) return;
    // A claim or accusation about incidents already told: "… claimed attacks on those locations".
    // "The majority of these attacks have been attributed to …" speaks of a trend: only claims
    // and accusations about "the attack(s)" just told count.
    if ((claim || accuse) && actor.mention) {
      if (accuse && trigger && is_plural_noun(trigger->surface)) return;
      state.pending_claims.push_back({s, actor});
      // A claim that also gives the toll tells the incident again: "… were killed and 20
      // wounded in the drone strike on Sunday that was claimed by …".
      if (!casualties.any()) return;
    }
    const std::optional<TimeExpression> own_date = sentence_date(view, state, s, trigger ? trigger->begin : view.sentence(s).begin);
    // With no place to be near, the strike word (if any) says what happened.
    EventType type = event_type(view, s, actor, trigger ? &strike_trigger(view, s, trigger) : nullptr, false);
    // "The strikes killed …" after a strike was told: those strikes.
    if (trigger && strike_trigger(view, s, trigger).kind == TriggerKind::kStrike) {
      for (const Event& e : state.events) {
        if (e.type == EventType::kStrike) type = EventType::kStrike;
      }
    }
    // The latest incident this one may be: "the attack" refers back to it; an attack and the
    // interception of its drones are one incident.
    Event* previous = nullptr;
    for (auto it = state.events.rbegin(); it != state.events.rend(); ++it) {
      const bool compatible = it->type == type || (type != EventType::kStrike && it->type != EventType::kStrike);
      if (compatible) {
        previous = &*it;
        break;
      }
    }
    // A borrowed day gives way to a day of the incident's own, not to a stretch of months
    // ("most of the attacks … between mid-October and early February").
    const bool own_short = own_date && own_date->value &&
                           (!own_date->value_max || own_date->value_max->days_since_epoch() - own_date->value->days_since_epoch() <= 2);
    const bool same_day = !own_date || !own_date->value ||
                          (previous && (!previous->date || (previous->date_inherited && own_short) || own_date->value == previous->date));
    if (previous && same_day && refers_back(view, s, trigger, casualties)) {
      previous->sentences.push_back(s);
      if (own_short && (!previous->date || previous->date_inherited)) {
        previous->date = own_date->value;  // "in the drone strike on Sunday": its own day at last
        previous->date_max = own_date->value_max != own_date->value ? own_date->value_max : std::nullopt;
        previous->date_inherited = false;
      }
      apply_casualties(*previous, casualties);
      // "There were no casualties in either attack": every incident of that day.
      const std::string_view lowered = view.lowered_sentence(s);
      if (lowered.find("either") != std::string::npos || lowered.find("both") != std::string::npos) {
        for (Event& e : state.events) {
          if (&e != previous && e.date == previous->date) apply_casualties(e, casualties);
        }
      }
      // Weapons named when the incident is told again complete it only if it had none: the
      // sentence may also name another incident's ("the C-RAM fired at mortars").
      if (previous->weapons.empty()) previous->weapons = weapon_classes(view, s);
      previous->impact |= sentence_has_impact(view, s);
      if (has_trigger(view, s, TriggerKind::kInterception) && may_become_interception(*previous)) {
        previous->type = EventType::kInterception;  // "The attack was thwarted before reaching its target"
      }
      if (has_trigger(view, s, TriggerKind::kInterception) && speaks_of_all(view, s) && !previous->sentences.empty()) {
        // "… drone attacks on Green Village and al-Shaddadi. Both drones were shot down": every
        // drone incident told in that sentence, on that day.
        const size_t told_in = previous->sentences.front();
        for (Event& e : state.events) {
          const bool same_telling = std::find(e.sentences.begin(), e.sentences.end(), told_in) != e.sentences.end();
          if (&e == previous || !same_telling || e.date != previous->date || !may_become_interception(e)) continue;
          e.type = EventType::kInterception;
          e.sentences.push_back(s);
        }
      }
      if (actor.mention && previous->actor.empty() && !is_strike_actor(view.term(*actor.mention))) {
        set_actor(view, *previous, *actor.mention, actor.status);
      }
      return;
    }
    // A strike or an interception with no place of its own that answers the incident just told
    // ("The coalition responded … by targeting the launch sites with air strikes"): same country
    // and day.
    if (state.events.empty() || type == EventType::kAttack || !trigger || trigger->weak) return;
    if (!(own_date && own_date->value) && !is_response(view, s)) return;
    if (!reports_incident(view, s)) return;
    const Event& last = state.events.back();
    if (!same_day || last.type == type) return;
    Event e;
    e.type = type;
    e.country = last.country;
    e.admin1 = last.admin1;
    e.date = own_date && own_date->value ? own_date->value : latest_event_date(state);
    if (own_date && own_date->value_max && own_date->value_max != own_date->value) e.date_max = own_date->value_max;
    e.weapons = weapon_classes(view, s);
    if (actor.mention) set_actor(view, e, *actor.mention, actor.status);
    e.target = target_text(view, s, actor);
    apply_casualties(e, casualties);
    if (type == EventType::kStrike) e.count = facility_count(view, s, strike_trigger(view, s, trigger));
    e.sentences.push_back(s);
    e.confidence = 0.6;  // right on every seed and dev case so far (salvo eval calibration)
    state.events.push_back(std::move(e));
    return;
  }
  if (tally_sentence) {
    bool specific = false;
    for (const PlaceMention* p : places) specific |= place_rank(p->precision) >= 3;
    if (!specific) return;
  }
  if (!trigger || !reports_incident(view, s)) return;
  // "found the vehicle used in the attack": a sentence whose only incident is "the attack"
  // speaks of one already told, wherever else it goes.
  if (only_definite_references(view, s) && !state.events.empty()) {
    Event& previous = state.events.back();
    previous.sentences.push_back(s);
    apply_casualties(previous, casualties);
    // "… claimed the attack as 'against the US occupation base in the Al-Omar oil field'": the
    // incident told again, placed more precisely than before.
    for (const PlaceMention* p : places) {
      Event here;
      fill_place(view, here, *p);
      if (place_rank(here.precision) > place_rank(previous.precision) && same_incident(previous, here)) {
        fill_place(view, previous, *p);
        break;
      }
    }
    return;
  }
  if (is_campaign(view, s, places)) return;
  const size_t events_before = state.events.size();
  // The sentence names several incident places: each has its own trigger and weapons.
  const bool several_places = places.size() > 1;
  for (const PlaceMention* p : places) {
    Event e;
    const std::optional<TimeExpression> date = sentence_date(view, state, s, p->begin);
    // A day the text names counts as the sentence's own even when it cannot be resolved (no
    // publication date): "on Wednesday" is then null, not the day of another incident.
    const bool own_day = date.has_value();
    if (date && date->value) {
      e.date = date->value;
      if (date->value_max && date->value_max != date->value) e.date_max = date->value_max;
      e.confidence += 0.15;
    } else if (const std::optional<Date> day = day_in_written_year(view, s)) {
      e.date = day;
    } else {
      e.date = inherited_date(view, state, s);
      e.date_inherited = e.date.has_value();
    }
    // A whole country with no day of its own is a trend ("a surge in attacks … in Iraq and
    // Syria"), not an incident — unless it answers the incident just told.
    // (The rank is the place's as filled: "a mission support site in Euphrates, Syria" is a site.)
    fill_place(view, e, *p);
    const int rank_here = place_rank(e.precision);
    if (rank_here <= 1 && !own_day && !(is_response(view, s) && e.date)) continue;
    const Trigger* near = trigger_near(view, s, p->begin);
    // The place of a trend: "the nearly daily attacks on American forces in Iraq and Syria".
    // (US "airstrikes in eastern Syria" are the incident, "attacks on American forces in Iraq" a trend.)
    if (near && is_plural_noun(near->surface) && rank_here <= 2 &&
        !(near->kind == TriggerKind::kStrike && tells_of_strike(view, s, actor))) {
      bool counted = false;
      for (const NumberMention* n : view.by_sentence[s].numbers) {
        counted |= n->end <= near->begin && near->begin - n->end < 24 && !n->ordinal && !n->vague;
      }
      if (!counted) continue;
    }
    // "The attack comes days after the group targeted …": an incident recalled with no day is
    // too vague to count as one.
    if (!own_day && !e.date && has_relational_time_word(view, s) && !state.events.empty()) continue;
    e.type = event_type(view, s, actor, near ? near : trigger, several_places);
    e.impact = several_places && near ? one_of(kImpactWords, near->surface) : sentence_has_impact(view, s);
    e.weapons = places.size() > 1 ? weapons_near(view, s, *p, places) : weapon_classes(view, s);
    if (e.type == EventType::kStrike && !(actor.mention && is_strike_actor(view.term(*actor.mention)))) {
      if (const TermMention* striker = strike_actor_in(view, s)) set_actor(view, e, *striker, ActorStatus::kReported);
    } else if (actor.mention && !(e.type == EventType::kAttack && is_strike_actor(view.term(*actor.mention)))) {
      set_actor(view, e, *actor.mention, actor.status);
    }
    e.target = target_text(view, s, actor);
    apply_casualties(e, casualties);
    e.count = e.type == EventType::kStrike ? facility_count(view, s, strike_trigger(view, s, near ? near : trigger)) : site_count(view, s, *p);
    e.sentences.push_back(s);
    e.confidence += 0.15;
    if (!e.weapons.empty()) e.confidence += 0.05;
    e.confidence += rank_here >= 3 ? 0.15 : rank_here == 2 ? 0.05 : -0.15;
    state.events.push_back(std::move(e));
  }
  add_unnamed_counted(view, state, s, events_before, actor);
}

// "Two separate attacks were reported on bases in Iraq on Thursday, with an explosion at the
// Harir airbase": a counted group names fewer places than it counts; the rest happened
// somewhere in the country named.
void add_unnamed_counted(const ArticleView& view, ArticleState& state, size_t s, size_t events_before, const ActorChoice& actor) {
  long counted = 0;
  for (const Trigger& trig : view.by_sentence[s].triggers) {
    const Trigger* t = &trig;
    if (t->kind != TriggerKind::kAttack || !is_plural_noun(t->surface)) continue;
    for (const NumberMention* n : view.by_sentence[s].numbers) {
      if (n->end <= t->begin && t->begin - n->end < 24 && !n->ordinal && !n->vague && n->value >= 2 && n->value <= 5) {
        counted = n->value;
      }
    }
  }
  const long told = static_cast<long>(state.events.size() - events_before);
  if (counted <= told || told == 0) return;
  const PlaceMention* country = nullptr;
  for (const PlaceMention* p : view.by_sentence[s].places) {
    if (p->precision == PlacePrecision::kCountry && view.place(p->place).country == state.events.back().country) country = p;
  }
  if (!country) return;
  Event e = state.events.back();
  fill_place(view, e, *country);
  e.lat.reset();
  e.lon.reset();
  e.count = static_cast<int>(counted - told);
  e.weapons.clear();
  e.killed.reset();
  e.injured.reset();
  e.confidence = 0.5;
  if (actor.mention && e.actor.empty()) set_actor(view, e, *actor.mention, actor.status);
  state.events.push_back(std::move(e));
}

// Casualties told of a place in a sentence with no incident words ("one US service member at
// Mission Support Site Conoco received minor injury treatment"): the incident at that place.
void apply_pending_casualties(const ArticleView& view, ArticleState& state) {
  for (const PendingCasualties& pending : state.pending_casualties) {
    bool applied = false;
    for (const PlaceMention* p : pending.places) {
      for (Event& e : state.events) {
        if (e.place == kNoPlace) continue;
        const bool same_place = e.place == p->place ||
                                (e.precision == PlacePrecision::kTown && view.place(p->place).name == view.place(e.place).name);
        if (same_place && !applied) {
          apply_casualties(e, pending.casualties);
          e.sentences.push_back(pending.sentence);
          std::sort(e.sentences.begin(), e.sentences.end());
          applied = true;
        }
      }
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

bool dates_compatible(const Event& a, const Event& b) {
  // A borrowed day is a guess: the day the incident is told with may correct it.
  if (!a.date || !b.date || a.date_inherited || b.date_inherited) return true;
  const Date a_max = a.date_max.value_or(*a.date), b_max = b.date_max.value_or(*b.date);
  return *a.date <= b_max && *b.date <= a_max;
}

// Whether b (vaguer or equal) may be the same incident as a.
bool same_incident(const Event& a, const Event& b) {
  // An attack and the interception of (part of) it are one incident.
  const bool types_agree = a.type == b.type || (a.type != EventType::kStrike && b.type != EventType::kStrike);
  if (!types_agree || a.country != b.country || a.country.empty()) return false;
  if (!dates_compatible(a, b)) return false;
  if (a.place != kNoPlace && a.place == b.place && (a.precision != PlacePrecision::kRegion || a.location == b.location)) {
    return true;
  }
  // A convoy moves: the same day's bomb on "a convoy near Baghdad" and on "the convoy on the road
  // towards Samarra" is one incident told with two places.
  const auto convoy = [](const Event& e) { return lower_ascii(e.target).find("convoy") != std::string::npos; };
  const auto weapon_set = [](const Event& e) { return std::set<std::string>(e.weapons.begin(), e.weapons.end()); };
  if (convoy(a) && convoy(b) && a.date && a.date == b.date && !a.weapons.empty() && weapon_set(a) == weapon_set(b)) return true;
  // One base told by two of its names: "a base housing US troops at Baghdad International
  // Airport" and "the Victory Base at Baghdad Airport", a few kilometres apart, on one day.
  constexpr double kOneComplexKm = 10.0;
  if (a.precision == PlacePrecision::kSite && b.precision == PlacePrecision::kSite && a.date && a.date == b.date &&
      a.lat && b.lat && haversine_km(*a.lat, *a.lon, *b.lat, *b.lon) <= kOneComplexKm) {
    return true;
  }
  const int ra = place_rank(a.precision), rb = place_rank(b.precision);
  if (ra == rb) return ra == 0;
  const Event& vague = ra < rb ? a : b;
  const Event& specific = ra < rb ? b : a;
  if (place_rank(vague.precision) <= 1) return true;
  // A region or governorate holds the site if the governorate agrees (regions carry none).
  return vague.admin1.empty() || vague.admin1 == specific.admin1;
}

// The sentences of two events that are one: sorted, without repeats. A list known to be so
// (`*_in_order`: its event has had a merge) is not checked again: then the common case, the
// later report's sentences all after the kept ones, is an append, and an article of thousands
// of reports of one incident does not re-read a growing list once per report.
void merge_sentences(std::vector<size_t>& keep, bool keep_in_order, const std::vector<size_t>& gone, bool gone_in_order) {
  const auto ordered = [](const std::vector<size_t>& list) {
    return std::adjacent_find(list.begin(), list.end(), std::greater_equal<>()) == list.end();
  };
  const bool in_order = (keep_in_order || ordered(keep)) && (gone_in_order || ordered(gone));
  const auto kept_count = static_cast<std::ptrdiff_t>(keep.size());
  keep.insert(keep.end(), gone.begin(), gone.end());
  const auto joined = keep.begin() + kept_count;
  if (!in_order) {
    std::sort(keep.begin(), keep.end());
  } else if (joined != keep.begin() && joined != keep.end() && *(joined - 1) >= *joined) {
    std::inplace_merge(keep.begin(), joined, keep.end());
  } else {
    return;  // appended: in order, and no repeats across the join
  }
  keep.erase(std::unique(keep.begin(), keep.end()), keep.end());
}

void merge_into(Event& keep, bool keep_merged, Event& gone, bool gone_merged) {
  keep.impact |= gone.impact;
  if (keep.type != gone.type) {
    // The incident as first told, unless it was told as an attack that was then stopped.
    if (gone.type == EventType::kInterception && may_become_interception(keep)) keep.type = EventType::kInterception;
    if (keep.impact && keep.type == EventType::kInterception) keep.type = EventType::kAttack;
  }
  const int rk = place_rank(keep.precision), rg = place_rank(gone.precision);
  if (rg > rk) {
    keep.place = gone.place, keep.precision = gone.precision, keep.location = gone.location;
    keep.admin1 = gone.admin1, keep.lat = gone.lat, keep.lon = gone.lon;
    keep.count = gone.count;
  }
  if (!keep.date || (gone.date && !gone.date_max && keep.date_max) ||
      (keep.date_inherited && gone.date && !gone.date_inherited)) {
    keep.date = gone.date;
    keep.date_max = gone.date_max;
    keep.date_inherited = gone.date_inherited;
  }
  // A summary's weapons ("attacked four times … with rockets and armed drones") say nothing of
  // which hit the site it joins: they fill an empty list only.
  if (rg > rk && !gone.weapons.empty()) {
    keep.weapons = gone.weapons;  // the site's own
  } else if (keep.weapons.empty() || rg == rk) {
    keep.weapons.insert(keep.weapons.end(), gone.weapons.begin(), gone.weapons.end());
  }
  if (!gone.actor.empty() &&
      (keep.actor.empty() || (keep.actor_generic && !gone.actor_generic) ||
       (keep.actor_status == ActorStatus::kReported && gone.actor_status != ActorStatus::kReported))) {
    keep.actor = gone.actor, keep.actor_status = gone.actor_status, keep.actor_generic = gone.actor_generic;
  }
  if (keep.target.empty()) keep.target = gone.target;
  apply_casualties(keep, Casualties{gone.killed, gone.injured});
  merge_sentences(keep.sentences, keep_merged, gone.sentences, gone_merged);
  keep.confidence = std::min(0.98, std::max(keep.confidence, gone.confidence) + 0.05);
}

// "attacked four times in Iraq and Syria …, but there were no casualties": a summary's "none"
// holds for every incident of that day in that country.
void spread_summary_zeroes(ArticleState& state) {
  for (const Event& summary : state.events) {
    if (place_rank(summary.precision) > 1 || !summary.date) continue;
    for (Event& e : state.events) {
      if (&e == &summary || e.country != summary.country || e.date != summary.date) continue;
      if (summary.killed == 0 && !e.killed) e.killed = 0;
      if (summary.injured == 0 && !e.injured) e.injured = 0;
    }
  }
}

// Merges the events that are one incident, pair by pair, always the first pair (i, j) in text
// order that is: the result depends on that order, since a merge changes what the kept event
// matches. Done without starting over after each merge: only event i changed, so the next first
// pair is (a, i) for the first a before i that now matches it, else (i, b) for the first b after
// it. Merged events are marked and skipped rather than erased one by one, so an article of
// thousands of reports of one incident costs a pass, not a pass per report.
void merge_events(ArticleState& state) {
  spread_summary_zeroes(state);
  const size_t n = state.events.size();
  std::vector<size_t> next(n + 1);  // the next event not yet merged away, after each
  std::vector<size_t> previous(n + 1);
  for (size_t k = 0; k <= n; ++k) next[k] = k + 1, previous[k] = k == 0 ? n : k - 1;
  std::vector<bool> gone(n, false);
  std::vector<bool> merged(n, false);  // has had another merged into it: its sentences are in order
  auto first_live = [&] {
    size_t k = 0;
    while (k < n && gone[k]) ++k;
    return k;
  };
  auto remove = [&](size_t k) {
    gone[k] = true;
    if (previous[k] != n) next[previous[k]] = next[k];
    if (next[k] < n) previous[next[k]] = previous[k];
  };
  // The first live event before `i` that is one incident with it, or n.
  auto first_match_before = [&](size_t i) {
    for (size_t a = first_live(); a < i; a = next[a]) {
      if (same_incident(state.events[a], state.events[i])) return a;
    }
    return n;
  };
  for (size_t i = first_live(); i < n;) {
    size_t j = next[i];
    while (j < n && !same_incident(state.events[i], state.events[j])) j = next[j];
    if (j == n) {
      i = next[i];
      continue;
    }
    // Two places of the same precision stay apart; a vaguer one joins the specific one.
    merge_into(state.events[i], merged[i], state.events[j], merged[j]);
    merged[i] = true;
    remove(j);
    for (size_t a = first_match_before(i); a < n; a = first_match_before(i)) {
      merge_into(state.events[a], merged[a], state.events[i], merged[i]);
      merged[a] = true;
      remove(i);
      i = a;
    }
  }
  std::vector<Event> kept;
  kept.reserve(n);
  for (size_t k = 0; k < n; ++k) {
    if (!gone[k]) kept.push_back(std::move(state.events[k]));
  }
  state.events = std::move(kept);
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

void finish(const ArticleView& view, const ArticleState& state, Event& e) {
  default_strike_actor(view, e);
  // A US or allied strike is flown or fired from the air: rockets and mortars named with it are
  // what it struck ("targeting the rocket launch sites with air strikes").
  if (e.type == EventType::kStrike) {
    const bool air = std::any_of(e.weapons.begin(), e.weapons.end(),
                                 [](const std::string& w) { return w == "aircraft" || w == "drone" || w == "missile"; });
    if (air) {
      e.weapons.erase(std::remove_if(e.weapons.begin(), e.weapons.end(),
                                     [](const std::string& w) { return w != "aircraft" && w != "drone" && w != "missile"; }),
                      e.weapons.end());
    }
  }
  // "unknown" (projectiles, munitions) only when nothing more specific is named.
  if (e.weapons.size() > 1) e.weapons.erase(std::remove(e.weapons.begin(), e.weapons.end(), "unknown"), e.weapons.end());
  std::sort(e.weapons.begin(), e.weapons.end());
  e.weapons.erase(std::unique(e.weapons.begin(), e.weapons.end()), e.weapons.end());
  const std::optional<Date> published = view.article.article.published;
  const std::optional<Date> reference = published ? published : main_date(view, state);
  if (e.date && reference) {
    const Date last = e.date_max.value_or(*e.date);
    if (last.days_since_epoch() < reference->days_since_epoch() - 3) e.role = EventRole::kBackground;
  }
  e.confidence = std::clamp(e.confidence + (e.sentences.size() > 1 ? 0.05 : 0.0), 0.05, 0.98);
}

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
      const bool shares = std::any_of(state.events[i].sentences.begin(), state.events[i].sentences.end(), [&](size_t s) {
        return std::find(state.events[j].sentences.begin(), state.events[j].sentences.end(), s) != state.events[j].sentences.end();
      });
      if (shares) verdicts[i] = ScopeVerdict::kInScope;
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

// Confidence from what went wrong on the dev gold (salvo eval's calibration table): recalled
// incidents told in one sentence are often mis-dated or mis-typed; a vaguer place beside a
// site-level incident of the same kind and day is often that incident again.
void calibrate(std::vector<Event>& events) {
  for (Event& e : events) {
    if (e.role == EventRole::kBackground && e.sentences.size() == 1) e.confidence -= 0.2;
    const int rank = place_rank(e.precision);
    if (rank == 2 || rank == 3) {
      for (const Event& other : events) {
        if (&other != &e && other.type == e.type && other.date == e.date && place_rank(other.precision) == 4 &&
            other.country == e.country) {
          e.confidence -= 0.15;
          break;
        }
      }
    }
    e.confidence = std::clamp(e.confidence, 0.05, 0.98);
  }
}

// Running tallies: "74 attacks since 17 October: 36 in Iraq, 38 in Syria", "45 US personnel
// injured", "targeted at least 41 times since October 17".
void find_tallies(const ArticleView& view, std::vector<Tally>& out) {
  for (size_t s = 0; s < view.article.sentences.size(); ++s) {
    if (!view.sentence(s).english) continue;
    const SentenceMentions& m = view.by_sentence[s];
    if (m.numbers.empty()) continue;  // a tally is a number
    const Sentence& sent = view.sentence(s);
    const std::string_view lowered = view.lowered_sentence(s);
    const bool cumulative = lowered.find("since") != std::string::npos || lowered.find("total") != std::string::npos ||
                            lowered.find("so far") != std::string::npos || lowered.find("as of") != std::string::npos ||
                            lowered.find("there had been") != std::string::npos || lowered.find("series of") != std::string::npos ||
                            lowered.find("beginning in") != std::string::npos || lowered.find("have been") != std::string::npos ||
                            lowered.find("have suffered") != std::string::npos || lowered.find("recorded") != std::string::npos ||
                            lowered.find("updated") != std::string::npos || lowered.find("had been") != std::string::npos ||
                            lowered.find("sustained") != std::string::npos;
    if (!cumulative) continue;
    std::string since;
    std::optional<Date> as_of;
    for (const TimeExpression* t : m.times) {
      if (t->is_since && t->value) {
        since = t->precision == TimePrecision::kMonth ? t->value->iso().substr(0, 7) : t->value->iso();
      }
      const Nearby before = words_before(view.lowered, t->begin, sent.begin, 2);
      if (before.size() >= 2 && before[0] == "of" && before[1] == "as" && t->value) as_of = t->value;
    }
    // "Beginning in October": the start of the count, a month.
    for (const TimeExpression* t : m.times) {
      const Nearby before = words_before(view.lowered, t->begin, sent.begin, 2);
      if (since.empty() && !before.empty() && (before[0] == "beginning" || (before[0] == "in" && before.size() > 1 && before[1] == "beginning")) && t->value) {
        since = t->value->iso().substr(0, 7);
      }
    }
    bool attack_tally = false;
    for (const NumberMention* n : m.numbers) {
      if (n->ordinal || n->vague) continue;
      const Nearby after = words_after(view.lowered, n->end, sent.end, 8);
      const Nearby before = words_before(view.lowered, n->begin, sent.begin, 4);
      Tally t;
      t.count = n->value;
      t.qualifier = n->qualifier;
      t.since = since;
      t.as_of = as_of;
      t.sentence = s;
      bool found = false;
      // "36 attacks", "40 drone or missile attacks", "41 times", "the total number of attacks to 74"
      for (size_t k = 0; k < after.size() && k < 4; ++k) {
        if (after[k] == "attacks" || (after[k] == "times" && k == 0)) {
          found = true;
          break;
        }
        if (after[k] == "," || after[k] == "in" || k >= 3) break;
      }
      if (!found && !before.empty() && before[0] == "to" && lowered.find("attacks") != std::string::npos &&
          lowered.find("total") != std::string::npos) {
        found = true;
      }
      if (found && n->value >= 3) {
        t.what = TallyWhat::kAttacks;
        attack_tally = true;
        // "36 attacks in Iraq"
        for (const PlaceMention* p : m.places) {
          if (p->begin > n->end && p->begin - n->end < 24 && view.place(p->place).kind == PlaceKind::kCountry) {
            const std::string between = lower_ascii(view.text(n->end, p->begin));
            if (between.find(" in ") != std::string::npos && between.find(',') == std::string::npos) t.country = view.place(p->place).country;
            break;
          }
        }
        out.push_back(t);
        continue;
      }
      // "45 US personnel", "56 U.S. service members have suffered wounds", "45 reported injuries"
      bool injured = false, killed = false;
      for (size_t k = 0; k < after.size(); ++k) {
        if (after[k].rfind("injur", 0) == 0 || after[k].rfind("wound", 0) == 0) injured = true;
        if (after[k] == "killed" || after[k] == "deaths" || after[k] == "died") killed = true;
      }
      if (!before.empty() && (before[0] == "injuring" || before[0] == "wounding")) injured = true;
      if (!after.empty() && (after[0] == "troops" || after[0] == "personnel" || after[0] == "members") && !injured) {
        const Nearby further = words_after(view.lowered, n->end, sent.end, 6);
        for (std::string_view w : further) injured |= w.rfind("injur", 0) == 0 || w.rfind("wound", 0) == 0;
      }
      // Only counts of US and coalition people: not "1,400 reported deaths" of another war.
      bool people = false;
      static const std::set<std::string, std::less<>> kPeople = {"troops", "personnel", "members", "servicemembers", "soldiers",
                                                    "americans", "service", "us", "u.s"};
      for (std::string_view w : after) people |= kPeople.count(w) > 0;
      for (std::string_view w : before) people |= kPeople.count(w) > 0;
      // "Three US soldiers have been killed and more than 100 wounded": the people may be
      // named once for both counts.
      for (std::string_view word : {"soldiers", "troops", "personnel", "service members", "servicemembers", "americans"}) {
        people |= lowered.find(word) != std::string::npos;
      }
      // "Three US soldiers have been killed … since October": a count since a date, however small.
      const bool since_count = !since.empty() && (lowered.find("have been") != std::string::npos);
      // "… including at least 20 traumatic brain injuries": a part of the count before, no tally.
      bool part = false;
      for (std::string_view w : before) part |= w == "including" || w == "among";
      if ((injured || killed) && people && !part && (n->value >= 10 || since_count)) {
        t.what = injured ? TallyWhat::kInjured : TallyWhat::kKilled;
        out.push_back(t);
      }
    }
    // "with 36 in Iraq and 38 in Syria": the per-country parts of an attack tally.
    if (attack_tally) {
      for (const NumberMention* n : m.numbers) {
        const std::string after_text = lower_ascii(view.text(n->end, std::min(sent.end, n->end + 12)));
        if (after_text.rfind(" in ", 0) != 0) continue;
        for (const PlaceMention* p : m.places) {
          if (p->begin == n->end + 4 && view.place(p->place).kind == PlaceKind::kCountry) {
            bool duplicate = false;
            for (const Tally& existing : out) duplicate |= existing.sentence == s && existing.count == n->value;
            if (duplicate) {
              for (Tally& existing : out) {
                if (existing.sentence == s && existing.count == n->value) existing.country = view.place(p->place).country;
              }
              continue;
            }
            Tally t;
            t.what = TallyWhat::kAttacks;
            t.count = n->value;
            t.qualifier = n->qualifier;
            t.country = view.place(p->place).country;
            t.since = since;
            t.as_of = as_of;
            t.sentence = s;
            out.push_back(t);
          }
        }
      }
    }
  }
}
}  // namespace

}  // namespace extract

Extraction extract_events(const AnalyzedArticle& article, const ArticleMentions& mentions, const Recognizer& recognizer) {
  using namespace extract;
  const ArticleView view(article, mentions, recognizer);
  ArticleState state;
  Extraction result;
  find_tallies(view, result.tallies);
  for (const Tally& t : result.tallies) state.tally_sentences.insert(t.sentence);
  for (size_t s = 0; s < article.sentences.size(); ++s) {
    if (article.sentences[s].english) read_sentence(view, state, s);
  }
  apply_article_claims(view, state);
  apply_pending_casualties(view, state);
  merge_events(state);
  share_sentence_actors(state);
  for (Event& e : state.events) finish(view, state, e);
  calibrate(state.events);
  keep_in_scope(view, state, result.not_events);
  result.events = std::move(state.events);
  for (Tally& t : result.tallies) {
    if (!t.as_of) t.as_of = article.article.published ? article.article.published : main_date(view, state);
  }
  return result;
}

}  // namespace salvo
