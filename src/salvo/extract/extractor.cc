#include "salvo/extract/extractor.h"
#include "salvo/base/ascii.h"
#include "salvo/base/nearby_words.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>

#include "salvo/extract/casualties.h"
#include "salvo/extract/scope.h"

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

namespace {

constexpr size_t kNoPlace = static_cast<size_t>(-1);

// The mentions of one sentence, by kind.
struct SentenceMentions {
  std::vector<const TermMention*> actors, targets, weapons, triggers;
  std::vector<const PlaceMention*> places;
  std::vector<const TimeExpression*> times;
  std::vector<const NumberMention*> numbers;
};

// Up to `count` lower-case words of `text` ending before `pos`, nearest first; stops at `floor`.
// Up to kNearbyWords words of `text` before `pos`, nearest first, not before `floor`; ",", ";" and
// ":" count as words (they end a clause). Views of `text`: give the lower-cased article
// (Extractor::lowered_) for words to compare, the clean text for words as written.
constexpr size_t kNearbyWords = 8;
using Nearby = NearbyWords<kNearbyWords>;

Nearby words_before(std::string_view text, size_t pos, size_t floor, size_t count) {
  Nearby words;
  size_t end = pos;
  while (words.size() < count && end > floor) {
    while (end > floor && !is_ascii_alnum(text[end - 1])) {
      if (text[end - 1] == ',' || text[end - 1] == ';' || text[end - 1] == ':') {
        words.push_back(text.substr(end - 1, 1));
        if (words.size() == count) return words;
      }
      --end;
    }
    size_t begin = end;
    while (begin > floor && (is_ascii_alnum(text[begin - 1]) || text[begin - 1] == '\'' ||
                             text[begin - 1] == '-')) {
      --begin;
    }
    if (begin == end) break;
    words.push_back(text.substr(begin, end - begin));
    end = begin;
  }
  return words;
}

// Up to `count` words of `text` after `pos`, not past `ceiling`; as words_before.
Nearby words_after(std::string_view text, size_t pos, size_t ceiling, size_t count) {
  Nearby words;
  size_t begin = pos;
  while (words.size() < count && begin < ceiling) {
    while (begin < ceiling && !is_ascii_alnum(text[begin])) {
      if (text[begin] == ',' || text[begin] == ';' || text[begin] == ':') {
        words.push_back(text.substr(begin, 1));
        if (words.size() == count) return words;
      }
      ++begin;
    }
    size_t end = begin;
    while (end < ceiling && (is_ascii_alnum(text[end]) || text[end] == '\'' || text[end] == '-')) ++end;
    if (begin == end) break;
    words.push_back(text.substr(begin, end - begin));
    begin = end;
  }
  return words;
}

template <size_t N>
bool one_of(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

constexpr std::array<std::string_view, 18> kReportingWords = {
    "said", "says", "told", "official", "officials", "statement", "spokesman", "spokesperson", "source",
    "sources", "announced", "confirmed", "reported", "stated", "added", "noted", "media", "spokeswoman"};
constexpr std::array<std::string_view, 13> kReportingVerbs = {"said", "says", "told", "announced", "confirmed", "reported",
                                                              "stated", "added", "noted", "warned", "revealed", "claimed",
                                                              "explained"};
constexpr std::array<std::string_view, 8> kPassiveAuxiliaries = {"was", "were", "been", "being", "is", "are", "got", "be"};
// Words of an attack that land: with them a sentence reports an attack even when something was
// also intercepted.
constexpr std::array<std::string_view, 17> kImpactWords = {"hit", "hits", "slammed", "slammed into", "landed", "impacted",
                                                           "exploded", "explosion", "blast", "struck by", "touched down",
                                                           "detonated", "rained down", "landing", "crashed", "crashed into",
                                                           "crashes into"};
// Plural nouns of incidents: alone (without a count) they speak of a trend, not an incident.
constexpr std::array<std::string_view, 12> kPluralIncidentNouns = {
    "attacks", "strikes", "airstrikes", "air strikes", "assaults", "raids", "incidents", "rocket attacks",
    "drone attacks", "missile attacks", "air raids", "targets"};
// Words that place an incident before or after another, so that it does not share its day.
constexpr std::array<std::string_view, 10> kRelationalTimeWords = {"after", "before", "earlier", "ago", "previous",
                                                                   "prior", "later", "since", "anniversary", "following"};
// Forces whose attacks are "strikes" in this domain: they strike militias, militias attack them.
// So are all the actors of kind "coalition" (the US-led coalition and its members' forces): "Two
// Italian soldiers were wounded in a drone attack" names the attacked, not the attacker.
// CENTCOM and the named US units are rows of their own in data/lexicon/actors.csv.
constexpr std::array<std::string_view, 7> kStrikeActors = {"us-forces", "us-centcom", "us-military-units", "jordan-armed-forces",
                                                           "israel",    "turkey",     "russia"};

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

class Extractor {
 public:
  Extractor(const AnalyzedArticle& article, const ArticleMentions& mentions, const Recognizer& recognizer)
      : article_(article), recognizer_(recognizer), clean_(article.clean.text.view()), lowered_(lower_ascii(clean_)) {
    by_sentence_.resize(article.sentences.size());
    for (const TermMention& m : mentions.terms) {
      SentenceMentions& s = by_sentence_[m.sentence];
      switch (term(m).category) {
        case TermCategory::kActor: s.actors.push_back(&m); break;
        case TermCategory::kTarget: s.targets.push_back(&m); break;
        case TermCategory::kWeapon: s.weapons.push_back(&m); break;
        case TermCategory::kTrigger: s.triggers.push_back(&m); break;
      }
    }
    for (const PlaceMention& m : mentions.places) by_sentence_[m.sentence].places.push_back(&m);
    for (const TimeInSentence& t : mentions.times) by_sentence_[t.sentence].times.push_back(&t.time);
    for (const NumberInSentence& n : mentions.numbers) by_sentence_[n.sentence].numbers.push_back(&n.number);
  }

  Extraction run() {
    Extraction result;
    find_tallies(result.tallies);
    for (const Tally& t : result.tallies) tally_sentences_.insert(t.sentence);
    for (size_t s = 0; s < article_.sentences.size(); ++s) {
      if (article_.sentences[s].english) read_sentence(s);
    }
    apply_article_claims();
    apply_pending_casualties();
    merge_events();
    share_sentence_actors();
    apply_article_perpetrator();
    for (Event& e : events_) finish(e);
    calibrate(events_);
    keep_in_scope(result.not_events);
    result.events = std::move(events_);
    for (Tally& t : result.tallies) {
      if (!t.as_of) t.as_of = article_.article.published ? article_.article.published : main_date();
    }
    return result;
  }

 private:
  const Term& term(const TermMention& m) const { return recognizer_.lexicon().terms()[m.term]; }
  const Place& place(size_t index) const { return recognizer_.gazetteer().places()[index]; }
  const Sentence& sentence(size_t s) const { return article_.sentences[s]; }
  std::string_view text(size_t begin, size_t end) const { return clean_.substr(begin, end - begin); }
  std::string_view lowered_sentence(size_t s) const {
    const Sentence& sent = sentence(s);
    return std::string_view(lowered_).substr(sent.begin, sent.end - sent.begin);
  }

  bool has_trigger(size_t s, std::string_view kind) const {
    for (const TermMention* t : by_sentence_[s].triggers) {
      if (term(*t).kind == kind) return true;
    }
    return false;
  }

  // Whether the actor mention is who reports rather than who acts: "a US military official said",
  // "US Central Command said", "according to the Pentagon".
  // "The Islamic Resistance in Iraq said it targeted …", "The US military said it struck …":
  // the one who says so is the one who did it.
  bool says_it_did(size_t s, const TermMention& actor) const {
    const Nearby after = words_after(lowered_, actor.end, sentence(s).end, 3);
    return after.size() >= 2 && (after[0] == "said" || after[0] == "says" || after[0] == "announced") &&
           (after[1] == "it" || after[1] == "they" || (after[1] == "that" && after.size() > 2 && (after[2] == "it" || after[2] == "they")));
  }

  bool is_reporter(size_t s, const TermMention& actor) const {
    if (says_it_did(s, actor)) return false;
    const Sentence& sent = sentence(s);
    for (std::string_view w : words_after(lowered_, actor.end, sent.end, 3)) {
      if (one_of(kReportingWords, w)) return true;
      if (w == "," || w == ";") break;
    }
    const Nearby before = words_before(lowered_, actor.begin, sent.begin, 2);
    if (before.size() >= 2 && before[0] == "to" && before[1] == "according") return true;
    return is_modifier(s, actor);
  }

  // "a U.S.-led coalition contractor", "the US embassy", "US troops' base": the actor's name
  // describes someone else, who is no actor.
  bool is_modifier(size_t s, const TermMention& actor) const {
    static const std::set<std::string, std::less<>> kDescribed = {
        "contractor", "contractors", "embassy", "consulate", "base", "bases", "troops", "forces", "personnel",
        "soldiers", "soldier", "convoy", "convoys", "advisers", "advisors", "service", "servicemembers", "members",
        "facility", "facilities", "outpost", "diplomats", "positions", "military", "compound", "official", "officials"};
    const Nearby after = words_after(lowered_, actor.end, sentence(s).end, 1);
    return !after.empty() && kDescribed.count(after[0]) > 0 && term(actor).category == TermCategory::kActor &&
           clean_.substr(actor.end, 1) != ",";
  }

  // "U.S. Central Command forces conducted strikes", "US military aircraft struck": the actor's
  // name describes its own forces, which act (is_modifier takes them for someone else).
  bool names_its_forces(size_t s, const TermMention& actor) const {
    const Nearby after = words_after(lowered_, actor.end, sentence(s).end, 1);
    if (after.empty()) return false;
    // Not where the attacked stand: "a drone targeting the US-led coalition forces".
    const Nearby before = words_before(lowered_, actor.begin, sentence(s).begin, 3);
    for (std::string_view w : before) {
      if (w == "targeting" || w == "targeted" || w == "on" || w == "against" || w == "at" || w == "attacked") return false;
    }
    for (std::string_view w : {"forces", "troops", "military", "aircraft", "jets", "warplanes", "fighters"}) {
      if (after[0] == w) return true;
    }
    return false;
  }

  // "had not fired", "never landed": a trigger that says nothing happened.
  bool is_negated(size_t s, const TermMention& trigger) const {
    for (std::string_view w : words_before(lowered_, trigger.begin, sentence(s).begin, 2)) {
      if (w == "not" || w == "never" || w == "didn't" || w == "no" || w == "without") return true;
    }
    return false;
  }

  bool is_generic(const TermMention& actor) const { return term(actor).kind == "generic"; }
  bool is_strike_actor(const TermMention& actor) const {
    const Term& t = term(actor);
    return t.kind == "coalition" || one_of(kStrikeActors, t.id);
  }

  static bool is_verb_form(std::string_view surface) {
    return surface.size() > 3 && (surface.compare(surface.size() - 2, 2, "ed") == 0 ||
                                  surface.compare(surface.size() - 3, 3, "ing") == 0 || surface == "hit" || surface == "hits");
  }

  void set_actor(Event& e, const TermMention& actor, ActorStatus status) const {
    e.actor_mention = &actor;
    // A named group by its canonical name; a description ("Iran-backed groups", "pro-Iranian
    // militias") as the source words it: it names no one entity, and a canonical wording would
    // put words in the source's mouth.
    e.actor = is_generic(actor) ? std::string(text(actor.begin, actor.end)) : term(actor).name;
    e.actor_status = status;
    e.actor_generic = is_generic(actor);
  }

  // "The military strikes landed at the Ain al-Assad airbase as well as near the US Consulate in
  // Erbil": one subject for both places. An incident with no actor takes the one actor the other
  // incidents of a sentence it was told in agree on (learnt there or elsewhere); with two actors
  // among them, or a strike beside an attack, nothing is guessed.
  void share_sentence_actors() {
    for (Event& e : events_) {
      if (!e.actor.empty()) continue;
      const Event* source = nullptr;
      bool agreed = true;
      for (const Event& other : events_) {
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
  bool may_take_actor(const Event& e, const TermMention& actor) const {
    return e.actor.empty() || e.actor_status == ActorStatus::kReported || (e.actor_generic && !is_generic(actor));
  }

  bool is_passive_trigger(size_t s, const TermMention& trigger) const {
    const std::string surface = lower_ascii(text(trigger.begin, trigger.end));
    if (surface.rfind("came under", 0) == 0 || surface == "under attack" || surface == "struck by") return true;
    const Nearby before = words_before(lowered_, trigger.begin, sentence(s).begin, 2);
    for (std::string_view w : before) {
      if (one_of(kPassiveAuxiliaries, w)) return true;
    }
    return false;
  }

  // The first attack/strike/interception trigger of the sentence, if any. Weak words ("launched",
  // "hit", "a blast") count only when the sentence names a weapon.
  const TermMention* main_trigger(size_t s) const {
    const bool weapon = !by_sentence_[s].weapons.empty();
    for (const TermMention* t : by_sentence_[s].triggers) {
      const Term& tr = term(*t);
      if (tr.kind != "attack" && tr.kind != "strike" && tr.kind != "interception") continue;
      if ((is_weak(tr) && !weapon) || is_negated(s, *t)) continue;
      return t;
    }
    return nullptr;
  }

  static bool is_weak(const Term& trigger) {
    return trigger.id.size() > 5 && trigger.id.compare(trigger.id.size() - 5, 5, "-weak") == 0;
  }

  // "The attack was thwarted", "this attack", "it": the sentence speaks of one incident already told.
  bool refers_back(size_t s, const TermMention* trigger, const Casualties& casualties) const {
    if (!trigger) return casualties.any();
    const std::string surface = lower_ascii(text(trigger->begin, trigger->end));
    // Plural: a trend, not the incident ("While these assaults resulted in injuries, …") —
    // unless definite: "The strikes killed three Iraqi army soldiers" tells of the strikes told.
    if (is_plural_noun(surface) || (!surface.empty() && surface.back() == 's' && surface.find(' ') == std::string::npos)) {
      const Nearby before = words_before(lowered_, trigger->begin, sentence(s).begin, 1);
      return !before.empty() && before[0] == "the";
    }
    if (casualties.any()) return true;
    const Nearby before = words_before(lowered_, trigger->begin, sentence(s).begin, 3);
    for (std::string_view w : before) {
      if (w == "the" || w == "this" || w == "that" || w == "was" || w == "were" || w == "it" || w == "both") return true;
    }
    return false;
  }

  // Whether the sentence speaks of incidents by the many: a plural incident noun with a word
  // that makes them a trend ("most of these attacks", "such strikes", "repeated rocket attacks").
  bool tells_of_a_trend(size_t s) const {
    for (const TermMention* t : by_sentence_[s].triggers) {
      if (!is_plural_noun(lower_ascii(text(t->begin, t->end)))) continue;
      for (std::string_view w : words_before(lowered_, t->begin, sentence(s).begin, 3)) {
        // ("these attacks" alone names incidents told: "Those strikes followed two attacks".)
        for (std::string_view many : {"such", "most", "majority", "many", "frequent", "repeated", "recurring", "regular", "dozens",
                                      "hundreds"}) {
          if (w == many) return true;
        }
      }
    }
    return false;
  }

  // "the strikes", "the military strikes": a noun made definite, naming incidents told.
  bool definite(size_t s, const TermMention& noun) const {
    const Nearby before = words_before(lowered_, noun.begin, sentence(s).begin, 2);
    return (!before.empty() && before[0] == "the") || (before.size() > 1 && before[1] == "the");
  }

  // "Both drones were shot down", "In both cases the drone was downed", "all of them": the
  // sentence speaks of every incident told with the one it refers back to, not of that one alone.
  bool speaks_of_all(size_t s) const {
    const std::string_view lowered = lowered_sentence(s);
    for (std::string_view w : {"both", "all of them", "all the drones", "all drones", "each of", "either"}) {
      const size_t at = lowered.find(w);
      if (at == std::string_view::npos) continue;
      const bool starts = at == 0 || !is_ascii_alnum(lowered[at - 1]);
      const bool ends = at + w.size() >= lowered.size() || !is_ascii_alnum(lowered[at + w.size()]);
      if (starts && ends) return true;
    }
    return false;
  }

  // Who can claim an attack: not US or coalition forces, whose "claims" are statements about
  // attacks on them ("The coalition claims that all recent attacks hit convoys of Iraqi forces").
  bool may_claim(const TermMention& actor) const { return side_of(term(actor)) != Side::kUsCoalition; }

  struct ActorChoice {
    const TermMention* mention = nullptr;
    ActorStatus status = ActorStatus::kNone;
  };

  // Who did it, and how we know: a claim, an accusation, or the text stating it.
  ActorChoice choose_actor(size_t s, const TermMention* trigger) const {
    const SentenceMentions& m = by_sentence_[s];
    const Sentence& sent = sentence(s);
    for (const TermMention* t : m.triggers) {
      const std::string& kind = term(*t).kind;
      if (kind == "claim") {
        // "… the drone strike that was claimed by X": the actor the passive names.
        for (const TermMention* a : m.actors) {
          if (a->begin < t->end || a->begin - t->end > 40 || !may_claim(*a)) continue;
          const Nearby between = words_after(lowered_, t->end, a->begin, 3);
          if (!between.empty() && between[0] == "by" && !is_reporter(s, *a)) return {a, ActorStatus::kClaimed};
        }
        // "X, an umbrella group of Iran-backed factions, claimed …": the sentence's subject, the
        // first named actor before the claim word (a generic "militias" only if none is named).
        const TermMention* best = nullptr;
        for (const TermMention* a : m.actors) {
          if (a->end > t->begin || is_reporter(s, *a) || !may_claim(*a)) continue;
          if (!best || (is_generic(*best) && !is_generic(*a))) best = a;
        }
        if (best) return {best, ActorStatus::kClaimed};
      } else if (kind == "accuse") {
        // "accused X of firing", "blamed X for": the first actor after the word.
        for (const TermMention* a : m.actors) {
          if (a->begin >= t->end && a->begin - t->end < 40) return {a, ActorStatus::kAccused};
        }
        // "X was blamed": the actor before.
        for (auto it = m.actors.rbegin(); it != m.actors.rend(); ++it) {
          if ((*it)->end <= t->begin && is_passive_trigger(s, *t)) return {*it, ActorStatus::kAccused};
        }
      }
    }
    if (!trigger) return {};
    const bool passive = is_passive_trigger(s, *trigger);
    if (passive) {
      // "were attacked by X"
      for (const TermMention* a : m.actors) {
        if (a->begin >= trigger->end && words_after(lowered_, trigger->end, a->begin, 5).size() <= 3) {
          const Nearby before = words_before(lowered_, a->begin, sent.begin, 1);
          if (!before.empty() && before[0] == "by" && !is_reporter(s, *a)) return {a, ActorStatus::kReported};
        }
      }
      return {};
    }
    // "X said it targeted …": a militia saying so claims it; a state force reports its own act.
    for (const TermMention* a : m.actors) {
      if (a->end <= trigger->begin && says_it_did(s, *a)) {
        return {a, is_strike_actor(*a) ? ActorStatus::kReported : ActorStatus::kClaimed};
      }
    }
    // Active voice: the nearest actor before the trigger that is not a reporter, a named one
    // rather than a generic "militias" when both are there.
    const TermMention* best = nullptr;
    for (const TermMention* a : m.actors) {
      if (a->end > trigger->begin || is_reporter(s, *a)) continue;
      if (!best || !is_generic(*a) || is_generic(*best)) best = a;
    }
    if (best) return {best, ActorStatus::kReported};
    return {};
  }

  // "they also targeted …", "the resistance fighters also targeted …", "The military strikes
  // landed …": a subject that refers back takes the actor last named, and how it is known.
  ActorChoice actor_referred_to(size_t s, const TermMention& trigger) const {
    static const std::set<std::string, std::less<>> kReferring = {"they", "the group", "the resistance", "the militants", "the fighters",
                                                     "the militia", "its fighters", "the faction", "the strikes", "the attacks",
                                                     "the attackers", "the military strikes"};
    const Nearby before = words_before(lowered_, trigger.begin, sentence(s).begin, 4);
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
    for (auto it = pending_claims_.rbegin(); it != pending_claims_.rend(); ++it) return it->second;
    for (auto it = events_.rbegin(); it != events_.rend(); ++it) {
      if (!it->actor.empty() && !it->actor_generic && it->actor_mention) return {it->actor_mention, it->actor_status};
    }
    return {};
  }

  // Places that say where this sentence's incidents happened: not an actor's name ("Islamic
  // Resistance in Iraq"), not an origin ("from northern Iraq"), not a qualifier of another place
  // ("Erbil airport in northern Iraq"), and nothing vaguer than the most specific place named.
  std::vector<const PlaceMention*> event_places(size_t s) const {
    const SentenceMentions& m = by_sentence_[s];
    const Sentence& sent = sentence(s);
    std::vector<const PlaceMention*> places;
    for (const PlaceMention* p : m.places) {
      const Place& pl = place(p->place);
      if (!in_domain_country(pl.country)) continue;
      bool inside_name = false;
      for (const TermMention* a : m.actors) inside_name |= p->begin >= a->begin && p->end <= a->end && a->end - a->begin > p->end - p->begin;
      for (const TermMention* t : m.targets) inside_name |= p->begin >= t->begin && p->end <= t->end && t->end - t->begin > p->end - p->begin;
      if (inside_name) continue;
      if (p->end < clean_.size() && clean_[p->end] == '-') continue;  // "Iraq-based", "Syria-Iraq border"
      // A dateline names where the report was filed: "BAGHDAD (AP) —", "ERBIL (Kurdistan 24) –",
      // "ERBIL, Iraq (Reuters) -": every place before its agency or dash.
      if (p->begin < dateline_end(s)) continue;
      const Nearby before = words_before(lowered_, p->begin, sent.begin, 2);
      if (!before.empty() && (before[0] == "from" || (before[0] == "the" && before.size() > 1 && before[1] == "from"))) continue;
      // A place name with a number after it is a media outlet ("Deir Ezzor 24", "Kurdistan 24"),
      // unless the gazetteer knows the whole as a site ("Tower 22").
      if (p->precision != PlacePrecision::kSite && p->end + 1 < sent.end && clean_[p->end] == ' ' &&
          std::isdigit(static_cast<unsigned char>(clean_[p->end + 1]))) {
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
        std::string between = lower_ascii(text(prev->end, places[i]->begin));
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
            place(prev->place).country == place(places[i]->place).country) {
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
  size_t dateline_end(size_t s) const {
    const Sentence& sent = sentence(s);
    const std::string_view head = text(sent.begin, std::min(sent.end, sent.begin + 60));
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
  bool is_reporting_time(size_t s, const TimeExpression& t) const {
    const Sentence& sent = sentence(s);
    Nearby before = words_before(lowered_, t.begin, sent.begin, 2);
    if (!before.empty() && before[0] == "on") before.drop_first();
    if (!before.empty() && one_of(kReportingVerbs, before[0])) return true;
    const Nearby after = words_after(lowered_, t.end, sent.end, 1);
    return !after.empty() && one_of(kReportingVerbs, after[0]);
  }

  // The sentence's time expression for an incident near `anchor_pos`, resolved; nullptr if none.
  std::optional<TimeExpression> sentence_date(size_t s, size_t anchor_pos) const {
    const TimeExpression* best = nullptr;
    size_t best_distance = static_cast<size_t>(-1);
    for (const TimeExpression* t : by_sentence_[s].times) {
      if (t->is_since || t->anniversary || is_reporting_time(s, *t)) continue;
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
      const std::optional<Date> anchor = latest_event_date();
      if (anchor) resolve_with_anchor(resolved, *anchor);
    }
    return resolved;
  }

  std::optional<Date> latest_event_date() const {
    for (auto it = events_.rbegin(); it != events_.rend(); ++it) {
      if (it->date) return it->date;
    }
    return std::nullopt;
  }

  // The article's main date: the first incident date named, else the publication date.
  std::optional<Date> main_date() const {
    for (const Event& e : events_) {
      if (e.date && e.role == EventRole::kMain) return e.date;
    }
    return article_.article.published;
  }

  std::vector<std::string> weapon_classes(size_t s) const {
    std::set<std::string> classes;
    for (const TermMention* w : by_sentence_[s].weapons) classes.insert(term(*w).kind);
    return {classes.begin(), classes.end()};
  }

  bool sentence_has_impact(size_t s) const {
    for (const TermMention* t : by_sentence_[s].triggers) {
      if (term(*t).kind == "attack" && one_of(kImpactWords, lower_ascii(text(t->begin, t->end)))) return true;
    }
    return false;
  }

  // The incident trigger nearest a place (before it preferred): what happened there.
  const TermMention* trigger_near(size_t s, size_t pos) const {
    const TermMention* best = nullptr;
    size_t best_distance = static_cast<size_t>(-1);
    const bool weapon = !by_sentence_[s].weapons.empty();
    for (const TermMention* t : by_sentence_[s].triggers) {
      const Term& tr = term(*t);
      if (tr.kind != "attack" && tr.kind != "strike" && tr.kind != "interception") continue;
      if ((is_weak(tr) && !weapon) || is_negated(s, *t)) continue;
      size_t distance = t->end <= pos ? pos - t->end : 2 * (t->begin - pos);
      // "… strikes against targets in Syria, in response to attacks against American forces": the
      // incident answered is told of elsewhere, not at this place.
      if (t->begin > pos && answers_for(s, *t)) distance *= 4;
      if (distance < best_distance) best = t, best_distance = distance;
    }
    return best;
  }

  // Whether a trigger names the incident another answers: "in response to attacks", "in
  // retaliation for the strike".
  bool answers_for(size_t s, const TermMention& trigger) const {
    const Nearby before = words_before(lowered_, trigger.begin, sentence(s).begin, 4);
    for (size_t k = 0; k + 1 < before.size(); ++k) {
      if ((before[k] == "to" && before[k + 1] == "response") || (before[k] == "for" && before[k + 1] == "retaliation")) return true;
    }
    return false;
  }

  // Whether the sentence tells of US or allied forces striking: "US airstrikes", "F-15s struck a
  // facility", "The U.S. targeted five facilities" — and not of a strike on US forces.
  // A US or allied force named as acting in the sentence (not reporting, not describing).
  const TermMention* strike_actor_in(size_t s) const {
    for (const TermMention* a : by_sentence_[s].actors) {
      if (!is_strike_actor(*a) || (is_reporter(s, *a) && !names_its_forces(s, *a))) continue;
      // The force must come before what it did: in "rockets struck near where U.S. forces are
      // based" the US forces are where the rockets fell.
      for (const TermMention* t : by_sentence_[s].triggers) {
        const std::string& kind = term(*t).kind;
        if ((kind == "strike" || kind == "attack") && a->end <= t->begin && t->begin - a->end < 80 && !is_negated(s, *t)) {
          return a;
        }
        // "a U.S. drone strike": the force named with its strike.
        if (kind == "strike" && t->begin >= a->begin && t->end <= a->end) return a;
      }
    }
    return nullptr;
  }

  // Whether the article names US or allied forces striking anywhere (computed once).
  bool article_names_striker() const {
    if (!article_names_striker_) {
      bool found = false;
      for (size_t s = 0; s < by_sentence_.size() && !found; ++s) found = strike_actor_in(s) != nullptr;
      article_names_striker_ = found;
    }
    return *article_names_striker_;
  }

  bool tells_of_strike(size_t s, const ActorChoice& actor) const {
    const SentenceMentions& m = by_sentence_[s];
    const bool strike_actor = (actor.mention && is_strike_actor(*actor.mention) &&
                               actor.status == ActorStatus::kReported) ||
                              strike_actor_in(s) != nullptr;
    bool aircraft = false;
    for (const TermMention* w : m.weapons) aircraft |= term(*w).kind == "aircraft";
    for (const TermMention* t : m.triggers) {
      const std::string& kind = term(*t).kind;
      const std::string surface = lower_ascii(text(t->begin, t->end));
      if (kind == "strike") {
        const bool air_word = surface.find("air") != std::string::npos || surface.find("raid") != std::string::npos ||
                              surface.find("retaliat") != std::string::npos || surface.find("self-def") != std::string::npos;
        // "Austin said the strikes were conducted against a training facility": in an article
        // that names US or allied forces striking, "the strikes" are theirs.
        if (!(strike_actor || aircraft || air_word || (article_names_striker() && definite(s, *t)))) continue;
        bool us_target = false;
        for (const TermMention* target : m.targets) {
          const std::string& target_kind = term(*target).kind;
          us_target |= target->begin > t->end && target->begin - t->end < 40 &&
                       (target_kind == "us" || target_kind == "coalition" || target_kind == "us_coalition" ||
                        target_kind == "advisers");
        }
        if (strike_actor || !us_target) return true;
      } else if (kind == "attack" && strike_actor && !is_passive_trigger(s, *t)) {
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
  std::vector<std::string> weapons_near(size_t s, const PlaceMention& place,
                                        const std::vector<const PlaceMention*>& places) const {
    std::set<std::string> classes;
    for (const TermMention* w : by_sentence_[s].weapons) {
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
      if (nearest == &place) classes.insert(term(*w).kind);
    }
    // A place with no weapon of its own, joined by "and" to the place before it, shares that
    // place's ("two drone attacks … on troops at Green Village and al-Shaddadi"); else the
    // sentence's ("drones hit Erbil and Harir").
    if (classes.empty()) {
      for (size_t k = 1; k < places.size(); ++k) {
        if (places[k] != &place) continue;
        const std::string between = lower_ascii(text(places[k - 1]->end, place.begin));
        if (between == " and " || between == ", " || between == " and the ") return weapons_near(s, *places[k - 1], places);
      }
      return weapon_classes(s);
    }
    return {classes.begin(), classes.end()};
  }

  EventType event_type(size_t s, const ActorChoice& actor, const TermMention* trigger) const {
    if (tells_of_strike(s, actor)) {
      // "… after the group targeted the Ain al-Asad base, to which the US responded with
      // airstrikes near Qaim": the place nearest an attack word was attacked, not struck.
      // "an airstrike targeting facilities … east of Syria": the place of a verb describing the
      // strike is struck; a place by an attack noun ("following a drone attack … in Jordan") is not.
      bool strike_before = false;
      const bool near_is_noun = trigger && term(*trigger).kind == "attack" && !is_verb_form(lower_ascii(text(trigger->begin, trigger->end)));
      for (const TermMention* t : by_sentence_[s].triggers) {
        // "… a retaliatory strike by an AC-130 that was in the air when the Iranian-backed fighters
        // fired missiles at Al-Asad": a group that attacks US forces, acting between the strike and
        // this place's word, did what happened here.
        const bool attacker_between = trigger && std::any_of(by_sentence_[s].actors.begin(), by_sentence_[s].actors.end(),
                                                             [&](const TermMention* a) {
                                                               return a->begin >= t->end && a->end <= trigger->begin &&
                                                                      (side_of(term(*a)) == Side::kMilitia || is_generic(*a));
                                                             });
        strike_before |= term(*t).kind == "strike" && trigger && t->end <= trigger->begin && !near_is_noun && !attacker_between;
      }
      const bool strike_near = !trigger || term(*trigger).kind == "strike" || strike_before ||
                               (!near_is_noun && actor.mention && is_strike_actor(*actor.mention) &&
                                actor.mention->end <= trigger->begin);
      if (strike_near) return EventType::kStrike;
    }
    // The place's own trigger decides: "Two drones were shot down near Al-Tanf, while rockets hit
    // Green Village" is an interception and an attack.
    // With one place, anything that landed makes it an attack ("intercepted a drone over Ain
    // al-Asad air base, but a second drone hit the base").
    if (trigger && term(*trigger).kind == "interception") {
      return several_places_ || !sentence_has_impact(s) ? EventType::kInterception : EventType::kAttack;
    }
    // "A drone targeting the coalition near Erbil airport was shot down": at one place, an attack
    // told as stopped, with nothing said to land, was intercepted.
    if (!several_places_ && !sentence_has_impact(s)) {
      for (const TermMention* t : by_sentence_[s].triggers) {
        if (term(*t).kind == "interception" && !is_negated(s, *t)) return EventType::kInterception;
      }
    }
    return EventType::kAttack;
  }

  // An attack told first becomes an interception when the text then says it was stopped — for
  // drones and missiles, which air defences stop; rockets that were "shot down" still hit.
  static bool may_become_interception(const Event& e) {
    if (e.type != EventType::kAttack || e.impact) return false;
    for (const std::string& w : e.weapons) {
      if (w != "drone" && w != "missile") return false;
    }
    return !e.weapons.empty();
  }

  // "attacks", "retaliatory strikes", "air raids": incidents in the plural.
  static bool is_plural_noun(std::string_view surface) {
    if (one_of(kPluralIncidentNouns, surface)) return true;
    const size_t space = surface.rfind(' ');
    const std::string_view last = space == std::string_view::npos ? surface : surface.substr(space + 1);
    return space != std::string_view::npos && last.size() > 3 && last.back() == 's' && last != "was";
  }

  // Whether the sentence reports an incident rather than a trend: some trigger is not a bare
  // plural ("attacks on US troops have surged"), or the plural is counted ("two attacks").
  bool reports_incident(size_t s) const {
    const bool weapon = !by_sentence_[s].weapons.empty();
    // Words of a trend: "this pattern of rocket and drone assaults", "a series of attacks".
    const std::string_view lowered = lowered_sentence(s);
    for (std::string_view cue : {"pattern of", "series of", "occasional", "repeated", "numerous", "wave of",
                                 "string of", "spate of", "surge in", "uptick in"}) {
      if (lowered.find(cue) != std::string::npos) return false;
    }
    for (const TermMention* t : by_sentence_[s].triggers) {
      const Term& tr = term(*t);
      if (tr.kind != "attack" && tr.kind != "strike" && tr.kind != "interception") continue;
      if (is_weak(tr) && !weapon) continue;
      if (!is_plural_noun(lower_ascii(text(t->begin, t->end)))) return true;
      // "The military strikes landed at …": definite plurals are incidents already in view.
      const Nearby before = words_before(lowered_, t->begin, sentence(s).begin, 2);
      for (std::string_view w : before) {
        if (w == "the" || w == "these" || w == "those") return true;
      }
      for (const NumberMention* n : by_sentence_[s].numbers) {
        if (n->end <= t->begin && t->begin - n->end < 24 && !n->ordinal && !n->vague) return true;
      }
      // "The US responded with airstrikes near Al-Qaim", "ordered airstrikes … on Thursday": a
      // force's strikes are an incident when they answer one or have a day ("protection against
      // Russian airstrikes" has neither).
      if (tr.kind == "strike" && tells_of_strike(s, choose_actor(s, t)) && (is_response(s) || has_day(s))) return true;
    }
    return false;
  }

  bool has_day(size_t s) const {
    for (const TimeExpression* t : by_sentence_[s].times) {
      if (!t->is_since && !t->anniversary &&
          (t->kind == TimeKind::kWeekday || t->kind == TimeKind::kDate || t->kind == TimeKind::kRelativeDay)) {
        return true;
      }
    }
    return false;
  }

  bool only_definite_references(size_t s) const {
    bool any = false;
    const bool weapon = !by_sentence_[s].weapons.empty();
    for (const TermMention* t : by_sentence_[s].triggers) {
      const Term& tr = term(*t);
      if (tr.kind != "attack" && tr.kind != "strike" && tr.kind != "interception") continue;
      if (is_weak(tr) && !weapon) continue;
      const std::string surface = lower_ascii(text(t->begin, t->end));
      const bool noun = surface == "attack" || surface == "strike" || surface == "incident" || surface == "assault" ||
                        surface == "rocket attack" || surface == "drone attack";
      const Nearby before = words_before(lowered_, t->begin, sentence(s).begin, 1);
      const bool definite = !before.empty() && (before[0] == "the" || before[0] == "this" || before[0] == "that");
      if (!(noun && definite)) return false;
      any = true;
    }
    return any && by_sentence_[s].weapons.empty();
  }

  bool has_relational_time_word(size_t s) const {
    const std::string_view lowered = lowered_sentence(s);
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

  bool is_response(size_t s) const {
    const std::string_view lowered = lowered_sentence(s);
    return lowered.find("retaliat") != std::string::npos || lowered.find("in response") != std::string::npos ||
           lowered.find("responded") != std::string::npos || lowered.find("respond to") != std::string::npos ||
           lowered.find("responding") != std::string::npos;
  }

  // The day of an incident whose sentence names none: the incident just told, when this sentence
  // follows it closely and does not place itself before or after something else.
  // The day the lede gives for the news: its first resolved day, even one the report is dated
  // by ("The United States on Wednesday announced that three … were injured").
  std::optional<Date> lede_date() const {
    // Without a publication date the first full date may be a photo caption's: no guess then.
    // With one, a day long before it is a caption's or a recalled incident's, not the lede's.
    constexpr int kRecalledDays = 30;
    const std::optional<Date> published = article_.article.published;
    if (!published) return std::nullopt;
    for (size_t s = 0; s < article_.sentences.size() && s < 3; ++s) {
      for (const TimeExpression* t : by_sentence_[s].times) {
        if (t->value && t->value->days_since_epoch() < published->days_since_epoch() - kRecalledDays) continue;
        if (t->value && !t->is_since && !t->anniversary && names_a_day(*t) && t->precision == TimePrecision::kDay) return t->value;
      }
    }
    return std::nullopt;
  }

  // "The 2020 U.S. drone strike": a year of its own and no day. When the article names exactly
  // one day of that year ("the anniversary of the 2020 killing" in the lede, a "Jan. 3, 2020"
  // elsewhere), that is the day; with none or several, no guess.
  std::optional<Date> day_in_written_year(size_t s) const {
    std::optional<int> year;
    for (const TimeExpression* t : by_sentence_[s].times) {
      if (t->kind == TimeKind::kYear && t->year && !t->is_since && !t->future) {
        year = t->year;
        break;
      }
    }
    if (!year) return std::nullopt;
    std::optional<Date> found;
    for (const SentenceMentions& other : by_sentence_) {
      for (const TimeExpression* t : other.times) {
        if (t->is_since || !t->value || t->precision != TimePrecision::kDay || t->value->year != *year) continue;
        if (found && *found != *t->value) return std::nullopt;
        found = t->value;
      }
    }
    return found;
  }

  std::optional<Date> inherited_date(size_t s) const {
    if (has_relational_time_word(s)) return std::nullopt;
    // The first incidents of an article with no day of their own happened on the lede's day.
    if (events_.empty()) return lede_date();
    // "The 2020 U.S. drone strike": a year of its own, so not the day of the incident before.
    for (const TimeExpression* t : by_sentence_[s].times) {
      if (t->kind == TimeKind::kYear || t->kind == TimeKind::kMonth || t->year) return std::nullopt;
    }
    const Event& last = events_.back();
    if (s - last.sentences.back() > 3) return std::nullopt;
    // An incident recalled from long before (a photo caption's "October 18, 2016", a background
    // paragraph) lends its day to no incident told after it without a day: that one is the news.
    constexpr int kRecalledDays = 30;  // as lede_date's
    const std::optional<Date> published = article_.article.published;
    if (last.date && published && last.date->days_since_epoch() < published->days_since_epoch() - kRecalledDays) {
      return lede_date();
    }
    return last.date;
  }

  // The word telling of the strike itself: a strike word, else the verb the striker acts with.
  const TermMention& strike_trigger(size_t s, const TermMention* fallback) const {
    for (const TermMention* t : by_sentence_[s].triggers) {
      if (term(*t).kind == "strike" && !is_negated(s, *t)) return *t;
    }
    return *fallback;
  }

  // "strike two facilities", "targeted five … weapon storage facilities": how many strikes.
  int facility_count(size_t s, const TermMention& trigger) const {
    static const std::set<std::string, std::less<>> kFacilityWords = {"facilities", "sites", "targets", "positions", "depots",
                                                         "locations", "bases", "warehouses", "compounds"};
    // "two strikes against nine targets in two locations": the places struck are the incidents
    // (one event = one place on one day), however many targets each held.
    for (const NumberMention* n : by_sentence_[s].numbers) {
      if (n->begin < trigger.end || n->ordinal || n->vague || n->value < 2 || n->value > 20) continue;
      const Nearby after = words_after(lowered_, n->end, sentence(s).end, 2);
      const bool places = !after.empty() && (after[0] == "locations" || after[0] == "sites" || after[0] == "places" ||
                                             (after.size() > 1 && after[1] == "locations"));
      const Nearby before = words_before(lowered_, n->begin, sentence(s).begin, 1);
      if (places && !before.empty() && (before[0] == "in" || before[0] == "at")) return static_cast<int>(n->value);
    }
    for (const NumberMention* n : by_sentence_[s].numbers) {
      if (n->begin < trigger.end || n->begin - trigger.end > 16 || n->ordinal || n->vague || n->value < 2 || n->value > 20) continue;
      for (std::string_view w : words_after(lowered_, n->end, sentence(s).end, 7)) {
        if (kFacilityWords.count(w)) return static_cast<int>(n->value);
      }
    }
    return 1;
  }

  std::string target_text(size_t s, const ActorChoice& actor) const {
    for (const TermMention* t : by_sentence_[s].targets) {
      if (actor.mention && t->begin == actor.mention->begin) continue;
      if (term(*t).kind == "local_force" || term(*t).kind == "civilian") continue;
      return std::string(text(t->begin, t->end));
    }
    return "";
  }

  // "two sites in northeastern Syria": the number before a word for sites, just before the place.
  int site_count(size_t s, const PlaceMention& p) const {
    const Nearby before = words_before(lowered_, p.begin, sentence(s).begin, 3);
    if (before.size() < 3 || before[0] != "in") return 1;
    static const std::set<std::string, std::less<>> kSiteWords = {"sites", "locations", "bases", "positions", "places", "facilities"};
    if (!kSiteWords.count(before[1])) return 1;
    for (const NumberMention* n : by_sentence_[s].numbers) {
      if (lower_ascii(text(n->begin, n->end)) == before[2] && n->value > 1 && n->value < 10 && !n->ordinal) {
        return static_cast<int>(n->value);
      }
    }
    return 1;
  }

  void fill_place(Event& e, const PlaceMention& p) const {
    const Place& pl = place(p.place);
    e.place = p.place;
    e.precision = p.precision;
    e.country = pl.country;
    e.admin1 = pl.admin1;
    // The place as the article writes it: analysts cite "Al-Nasr camp", not the gazetteer's
    // "Camp Victory / Victory Base (Camp al-Nasr)"; the canonical place is kept in `place`.
    e.location = without_quotes(p.precision == PlacePrecision::kRegion ? p.label : std::string(text(p.begin, p.end)));
    // "the Iraqi capital" names Baghdad without writing it: the name, not the description.
    if (lower_ascii(e.location).ends_with(" capital")) e.location = pl.name;
    // "the province of al-Diwaniyah": a governorate named with its kind before it is written as
    // analysts write it, "al-Diwaniyah province" (the kind after it is in the mention already).
    if (pl.kind == PlaceKind::kAdmin1 && p.relation.empty()) {
      const Nearby before = words_before(lowered_, p.begin, sentence(p.sentence).begin, 2);
      const bool kind_before = before.size() == 2 && before[0] == "of" &&
                               (before[1] == "province" || before[1] == "governorate");
      if (kind_before) e.location += " province";
    }
    // "the Jordanian desert on the Syrian border": the border narrows an area down.
    if (p.precision == PlacePrecision::kRegion) e.location += border_after(p);
    if (p.precision != PlacePrecision::kRegion && p.precision != PlacePrecision::kCountry && pl.lat) {
      e.lat = pl.lat;
      e.lon = pl.lon;
    }
    if (p.precision == PlacePrecision::kRegion && p.relation.empty() && pl.kind != PlaceKind::kRegion) e.admin1.clear();
    if (p.precision == PlacePrecision::kCountry) e.admin1.clear();
    if (place_rank(p.precision) > 2) return;
    if (const auto site = site_named_after_kind(p)) {
      const Place& named = place(site->place);
      e.place = site->place;
      e.precision = PlacePrecision::kSite;
      e.admin1 = named.admin1;
      e.location = site->name;
      e.lat = named.lat;
      e.lon = named.lon;
    } else if (const size_t start = generic_site_before(p); start != std::string_view::npos) {
      e.location = std::string(text(start, p.end));  // "a base in Syria" says more than "Syria"
    }
  }

  // " on the Syrian border", " near the border with Iraq" right after a place; "" if none.
  std::string border_after(const PlaceMention& p) const {
    const Sentence& sent = sentence(p.sentence);
    const Nearby after = words_after(clean_, p.end, sent.end, 5);
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
    return text(p.end, std::min(sent.end, p.end + phrase.size())) == phrase ? phrase : "";
  }

  // "the US military struck dozens of targets in Syria and Iraq": a multitude across whole
  // countries is a campaign, too vague to be incidents at places on days.
  bool is_campaign(size_t s, const std::vector<const PlaceMention*>& places) const {
    std::set<std::string> countries;
    for (const PlaceMention* p : places) {
      if (place_rank(p->precision) > 1) return false;
      countries.insert(place(p->place).country);
    }
    if (countries.size() < 2) return false;
    for (const NumberMention* n : by_sentence_[s].numbers) {
      if (n->vague) return true;
    }
    return false;
  }

  struct NamedSite {
    size_t place;
    std::string name;  // as the gazetteer writes it: "Mission Support Site Euphrates"
  };

  // "a mission support site in Euphrates, Syria": a site the text names by its kind and then its
  // name, split by a preposition; the gazetteer knows it whole. Only a site of the country or
  // province the sentence places it in.
  std::optional<NamedSite> site_named_after_kind(const PlaceMention& p) const {
    const Place& within = place(p.place);
    for (const TermMention* t : by_sentence_[p.sentence].targets) {
      if (term(*t).kind != "base" || t->end > p.begin) continue;
      std::string kind(text(t->begin, t->end));
      bool word_start = true;
      for (char& c : kind) {  // "mission support site" → "Mission Support Site"
        if (word_start) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        word_start = c == ' ';
      }
      Nearby after = words_after(clean_, t->end, p.begin, 4);
      if (after.empty() || (after[0] != "in" && after[0] != "at" && after[0] != "called" && after[0] != "dubbed")) continue;
      after.drop_first();
      // The name: the capitalised words that follow, longest first.
      size_t capitalised = 0;
      while (capitalised < after.size() && std::isupper(static_cast<unsigned char>(after[capitalised][0]))) ++capitalised;
      for (size_t n = capitalised; n > 0; --n) {
        std::string name = kind;
        for (size_t k = 0; k < n; ++k) (name += ' ') += after[k];
        for (const Place* candidate : recognizer_.gazetteer().named(name)) {
          if (candidate->kind != PlaceKind::kSite || candidate->country != within.country) continue;
          if (within.kind == PlaceKind::kAdmin1 && candidate->admin1 != within.admin1) continue;
          return NamedSite{static_cast<size_t>(candidate - recognizer_.gazetteer().places().data()), name};
        }
      }
    }
    return std::nullopt;
  }

  // Where "a base in" starts when the text names a base only by its kind just before the place:
  // "towards a base in Syria", "a military base in western Iraq"; npos otherwise.
  size_t generic_site_before(const PlaceMention& p) const {
    for (const TermMention* t : by_sentence_[p.sentence].targets) {
      if (term(*t).kind != "base" || t->end > p.begin || text(t->end, p.begin) != " in ") continue;
      if (!lower_ascii(text(t->begin, t->end)).ends_with("base")) continue;  // not "a facility in": a strike's mark
      for (std::string_view article : {std::string_view("a "), std::string_view("an ")}) {
        const size_t start = t->begin - std::min(t->begin, article.size());
        const bool word_start = start == 0 || !is_ascii_alnum(clean_[start - 1]);
        if (text(start, t->begin) == article && word_start) return start;
      }
    }
    return std::string_view::npos;
  }

  // Sentences about one incident give partial counts ("two Americans killed", "three coalition
  // personnel killed"); the largest is the most complete.
  void apply_casualties(Event& e, const Casualties& c) const {
    if (c.killed && (!e.killed || *c.killed > *e.killed)) e.killed = c.killed;
    if (c.injured && (!e.injured || *c.injured > *e.injured)) e.injured = c.injured;
  }

  // "have been attacked 15 times since March": repeated incidents counted over a stretch, at one
  // base or many, are no incident of their own (a tally when they span a country).
  bool counts_repeated_incidents(size_t s) const {
    bool since = false;
    for (const TimeExpression* t : by_sentence_[s].times) since |= t->is_since;
    if (!since) return false;
    for (const NumberMention* n : by_sentence_[s].numbers) {
      if (n->ordinal || n->value < 2) continue;
      const Nearby after = words_after(lowered_, n->end, sentence(s).end, 1);
      if (!after.empty() && after[0] == "times") return true;
    }
    return false;
  }

  // Days listed together, joined by commas or "and" ("on Oct. 26, Oct. 8, Oct. 13"): each an
  // incident's day. Empty unless two or more are listed so.
  std::vector<const TimeExpression*> listed_days(size_t s) const {
    std::vector<const TimeExpression*> run;
    const auto& times = by_sentence_[s].times;
    for (const TimeExpression* t : times) {
      if (t->kind != TimeKind::kDate || t->is_since || t->anniversary) continue;
      if (!run.empty()) {
        const std::string between = lower_ascii(text(run.back()->end, t->begin));
        const bool joined = between == ", " || between == " and " || between == ", and " || between == "," ;
        if (!joined) {
          if (run.size() > 1) break;
          run.clear();
        }
      }
      run.push_back(t);
    }
    if (run.size() < 2) run.clear();
    return run;
  }

  // A timeline's date heading: a sentence that is a day and nothing more ("10 June", "NOV. 2",
  // "In 10 days: 8 June"). Its day, resolved, or nothing.
  std::optional<Date> date_heading(size_t s) const {
    constexpr size_t kLeadInBytes = 16;  // "In 10 days:" before the day
    const SentenceMentions& m = by_sentence_[s];
    if (m.times.size() != 1 || !m.triggers.empty() || !m.places.empty()) return std::nullopt;
    const TimeExpression& t = *m.times.front();
    if (!t.value || t.precision != TimePrecision::kDay || t.kind != TimeKind::kDate) return std::nullopt;
    const Sentence& sent = sentence(s);
    std::string_view before = text(sent.begin, t.begin), after = text(t.end, sent.end);
    while (!after.empty() && (after.back() == ' ' || after.back() == '.' || after.back() == ':')) after.remove_suffix(1);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    const bool lead_in = before.empty() || (before.size() <= kLeadInBytes && before.back() == ':');
    if (!after.empty() || !lead_in) return std::nullopt;
    return t.value;
  }

  // The day of the timeline entry a sentence belongs to: the date heading of the paragraph just
  // before its own ("13 June" / "Two rockets fell in Taji base").
  std::optional<Date> heading_date(size_t s) const {
    const size_t paragraph = sentence(s).paragraph;
    for (size_t k = s; k > 0; --k) {
      const size_t before = k - 1;
      if (sentence(before).paragraph == paragraph) continue;
      if (sentence(before).paragraph + 1 != paragraph) return std::nullopt;
      return date_heading(before);
    }
    return std::nullopt;
  }

  void read_sentence(size_t s) {
    if (counts_repeated_incidents(s)) return;
    const SentenceMentions& m = by_sentence_[s];
    const TermMention* trigger = main_trigger(s);
    const bool claim = has_trigger(s, "claim");
    const bool accuse = has_trigger(s, "accuse");
    const Casualties casualties = find_casualties(article_.sentence_text(sentence(s)), lowered_sentence(s));
    const std::vector<const PlaceMention*> places = event_places(s);
    const bool tally_sentence = tally_sentences_.count(s) > 0;

    if (!trigger && m.weapons.empty()) {
      // No incident words: the sentence may still tell the casualties of an incident told — the
      // one at the place it names ("There were no casualties reported in Erbil"), else the one
      // just before.
      if (!casualties.any() || tally_sentence) return;
      if (!places.empty()) {
        // The incident at that place may be told only later in the article: settle at the end.
        pending_casualties_.push_back({s, casualties, places});
        return;
      }
      if (events_.empty()) return;
      if (places.empty() && s - events_.back().sentences.back() <= 6) {
        // "There were no casualties in either attack": every incident of that day.
        const std::string_view lowered = lowered_sentence(s);
        const bool all = lowered.find("either") != std::string::npos || lowered.find("both") != std::string::npos ||
                         lowered.find("neither") != std::string::npos || lowered.find("any of the") != std::string::npos;
        // "… drone attacks on Green Village and al-Shaddadi. There were no casualties.": none is
        // said of every incident the last telling named, not of the last place alone (a count of
        // the hurt stays with the incident just told).
        const bool none = casualties.killed.value_or(1) == 0 || casualties.injured.value_or(1) == 0;
        const size_t told_in = events_.back().sentences.front();
        for (Event& e : events_) {
          const bool same_telling = none && std::find(e.sentences.begin(), e.sentences.end(), told_in) != e.sentences.end() &&
                                    e.date == events_.back().date;
          if (&e != &events_.back() && !(all && e.date == events_.back().date) && !same_telling) continue;
          apply_casualties(e, casualties);
          e.sentences.push_back(s);
        }
      }
      return;
    }
    ActorChoice actor = choose_actor(s, trigger);
    if (!actor.mention && trigger) actor = actor_referred_to(s, *trigger);

    if (places.empty()) {
      if (tally_sentence) return;
      // A claim or accusation about incidents already told: "… claimed attacks on those locations".
      // "The majority of these attacks have been attributed to …" speaks of a trend: only claims
      // and accusations about "the attack(s)" just told count.
      if ((claim || accuse) && actor.mention && may_claim(*actor.mention)) {
        if (accuse && trigger && is_plural_noun(lower_ascii(text(trigger->begin, trigger->end)))) return;
        pending_claims_.push_back({s, actor});
        // A claim that also gives the toll tells the incident again: "… were killed and 20
        // wounded in the drone strike on Sunday that was claimed by …".
        if (!casualties.any()) return;
      }
      const std::optional<TimeExpression> own_date = sentence_date(s, trigger ? trigger->begin : sentence(s).begin);
      // With no place to be near, the strike word (if any) says what happened.
      EventType type = event_type(s, actor, trigger ? &strike_trigger(s, trigger) : nullptr);
      // "The strikes killed …" after a strike was told: those strikes.
      if (trigger && term(strike_trigger(s, trigger)).kind == "strike") {
        for (const Event& e : events_) {
          if (e.type == EventType::kStrike) type = EventType::kStrike;
        }
      }
      // The latest incident this one may be: "the attack" refers back to it; an attack and the
      // interception of its drones are one incident.
      Event* previous = nullptr;
      for (auto it = events_.rbegin(); it != events_.rend(); ++it) {
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
      if (previous && same_day && refers_back(s, trigger, casualties)) {
        previous->sentences.push_back(s);
        if (own_short && (!previous->date || previous->date_inherited)) {
          previous->date = own_date->value;  // "in the drone strike on Sunday": its own day at last
          previous->date_max = own_date->value_max != own_date->value ? own_date->value_max : std::nullopt;
          previous->date_inherited = false;
        }
        apply_casualties(*previous, casualties);
        // "There were no casualties in either attack": every incident of that day.
        const std::string_view lowered = lowered_sentence(s);
        if (lowered.find("either") != std::string::npos || lowered.find("both") != std::string::npos) {
          for (Event& e : events_) {
            if (&e != previous && e.date == previous->date) apply_casualties(e, casualties);
          }
        }
        // Weapons named when the incident is told again complete it only if it had none: the
        // sentence may also name another incident's ("the C-RAM fired at mortars").
        if (previous->weapons.empty()) previous->weapons = weapon_classes(s);
        previous->impact |= sentence_has_impact(s);
        if (has_trigger(s, "interception") && may_become_interception(*previous)) {
          previous->type = EventType::kInterception;  // "The attack was thwarted before reaching its target"
        }
        if (has_trigger(s, "interception") && speaks_of_all(s) && !previous->sentences.empty()) {
          // "… drone attacks on Green Village and al-Shaddadi. Both drones were shot down": every
          // drone incident told in that sentence, on that day.
          const size_t told_in = previous->sentences.front();
          for (Event& e : events_) {
            const bool same_telling = std::find(e.sentences.begin(), e.sentences.end(), told_in) != e.sentences.end();
            if (&e == previous || !same_telling || e.date != previous->date || !may_become_interception(e)) continue;
            e.type = EventType::kInterception;
            e.sentences.push_back(s);
          }
        }
        if (actor.mention && previous->actor.empty() && !is_strike_actor(*actor.mention)) {
          set_actor(*previous, *actor.mention, actor.status);
        }
        return;
      }
      if (add_incident_without_place(s, trigger, actor, own_date, casualties, type)) return;
      // A strike or an interception with no place of its own that answers the incident just told
      // ("The coalition responded … by targeting the launch sites with air strikes"): same country
      // and day.
      if (events_.empty() || type == EventType::kAttack || !trigger || is_weak(term(*trigger))) return;
      if (!(own_date && own_date->value) && !is_response(s)) return;
      if (!reports_incident(s)) return;
      const Event& last = events_.back();
      if (!same_day || last.type == type) return;
      Event e;
      e.type = type;
      e.country = last.country;
      e.admin1 = last.admin1;
      e.date = own_date && own_date->value ? own_date->value : latest_event_date();
      if (own_date && own_date->value_max && own_date->value_max != own_date->value) e.date_max = own_date->value_max;
      e.weapons = weapon_classes(s);
      if (actor.mention) set_actor(e, *actor.mention, actor.status);
      e.target = target_text(s, actor);
      apply_casualties(e, casualties);
      if (type == EventType::kStrike) e.count = facility_count(s, strike_trigger(s, trigger));
      e.sentences.push_back(s);
      e.confidence = 0.6;  // right on every seed and dev case so far (salvo eval calibration)
      events_.push_back(std::move(e));
      return;
    }
    if (tally_sentence) {
      bool specific = false;
      for (const PlaceMention* p : places) specific |= place_rank(p->precision) >= 3;
      if (!specific) return;
    }
    if (!trigger || !reports_incident(s)) return;
    // "found the vehicle used in the attack": a sentence whose only incident is "the attack"
    // speaks of one already told, wherever else it goes.
    if (only_definite_references(s) && !events_.empty()) {
      Event& previous = events_.back();
      previous.sentences.push_back(s);
      apply_casualties(previous, casualties);
      // "… claimed the attack as 'against the US occupation base in the Al-Omar oil field'": the
      // incident told again, placed more precisely than before.
      for (const PlaceMention* p : places) {
        Event here;
        fill_place(here, *p);
        if (place_rank(here.precision) > place_rank(previous.precision) && same_incident(previous, here)) {
          fill_place(previous, *p);
          break;
        }
      }
      return;
    }
    if (is_campaign(s, places)) return;
    const size_t events_before = events_.size();
    several_places_ = places.size() > 1;
    for (const PlaceMention* p : places) {
      Event e;
      const std::optional<TimeExpression> date = sentence_date(s, p->begin);
      // A day the text names counts as the sentence's own even when it cannot be resolved (no
      // publication date): "on Wednesday" is then null, not the day of another incident.
      const bool own_day = date.has_value();
      if (date && date->value) {
        e.date = date->value;
        if (date->value_max && date->value_max != date->value) e.date_max = date->value_max;
        e.confidence += 0.15;
      } else if (const std::optional<Date> day = heading_date(s)) {
        e.date = day;  // a timeline's entry
      } else if (const std::optional<Date> day = day_in_written_year(s)) {
        e.date = day;
      } else {
        e.date = inherited_date(s);
        e.date_inherited = e.date.has_value();
      }
      // A whole country with no day of its own is a trend ("a surge in attacks … in Iraq and
      // Syria"), not an incident — unless it answers the incident just told.
      // (The rank is the place's as filled: "a mission support site in Euphrates, Syria" is a site.)
      fill_place(e, *p);
      const int rank_here = place_rank(e.precision);
      if (rank_here <= 1 && !own_day && !(is_response(s) && e.date)) continue;
      const TermMention* near = trigger_near(s, p->begin);
      // The place of a trend: "the nearly daily attacks on American forces in Iraq and Syria".
      // (US "airstrikes in eastern Syria" are the incident, "attacks on American forces in Iraq" a trend.)
      // At a named base too, when no day says which: "The majority of these assaults have focused
      // on the Conoco gas plant and the al-Shaddadi base".
      // ("The military strikes landed at the Ain al-Assad airbase": the strikes told, definite.)
      if (near && is_plural_noun(lower_ascii(text(near->begin, near->end))) && (rank_here <= 2 || (!own_day && !definite(s, *near))) &&
          !(term(*near).kind == "strike" && tells_of_strike(s, actor))) {
        bool counted = false;
        for (const NumberMention* n : by_sentence_[s].numbers) {
          counted |= n->end <= near->begin && near->begin - n->end < 24 && !n->ordinal && !n->vague;
        }
        if (!counted) continue;
      }
      // "Most of these attacks have targeted Al-Tanf and Green Village": incidents counted over a
      // stretch of time, whatever verb follows.
      if (!own_day && tells_of_a_trend(s)) continue;
      // "The attack comes days after the group targeted …": an incident recalled with no day is
      // too vague to count as one.
      if (!own_day && !e.date && has_relational_time_word(s) && !events_.empty()) continue;
      e.type = event_type(s, actor, near ? near : trigger);
      e.impact = several_places_ && near ? one_of(kImpactWords, lower_ascii(text(near->begin, near->end))) : sentence_has_impact(s);
      e.weapons = places.size() > 1 ? weapons_near(s, *p, places) : weapon_classes(s);
      if (e.type == EventType::kStrike && !(actor.mention && is_strike_actor(*actor.mention))) {
        if (const TermMention* striker = strike_actor_in(s)) set_actor(e, *striker, ActorStatus::kReported);
      } else if (actor.mention && !(e.type == EventType::kAttack && is_strike_actor(*actor.mention))) {
        set_actor(e, *actor.mention, actor.status);
      }
      e.target = target_text(s, actor);
      apply_casualties(e, casualties);
      e.count = e.type == EventType::kStrike ? facility_count(s, strike_trigger(s, near ? near : trigger)) : site_count(s, *p);
      e.sentences.push_back(s);
      e.confidence += 0.15;
      if (!e.weapons.empty()) e.confidence += 0.05;
      e.confidence += rank_here >= 3 ? 0.15 : rank_here == 2 ? 0.05 : -0.15;
      // "… has retaliated three times, on Oct. 26, Oct. 8, Oct. 13 in Deir ez-Zor": one incident
      // per day listed. Days that resolve make one record each; days that do not (no publication
      // date) one record that counts them.
      const std::vector<const TimeExpression*> days = listed_days(s);
      if (days.size() > 1) {
        const bool resolved = std::all_of(days.begin(), days.end(), [](const TimeExpression* t) { return t->value.has_value(); });
        if (resolved) {
          for (const TimeExpression* day : days) {
            if (day->value == e.date) continue;
            Event copy = e;
            copy.date = day->value;
            copy.date_max.reset();
            events_.push_back(std::move(copy));
          }
        } else {
          e.count = static_cast<int>(days.size());
        }
      }
      events_.push_back(std::move(e));
    }
    add_unnamed_counted(s, events_before, actor);
    several_places_ = false;
  }

  // The domain country the article places its incidents in: the country of most places named
  // in English sentences outside datelines, named at least twice as often as any other ("a
  // coalition in Iraq and Syria" beside six places in Syria); "" when no country leads so.
  std::string article_country() const {
    std::map<std::string, int> named;
    for (size_t s = 0; s < by_sentence_.size(); ++s) {
      if (!sentence(s).english) continue;
      for (const PlaceMention* p : by_sentence_[s].places) {
        const std::string& c = place(p->place).country;
        if (in_domain_country(c) && p->begin >= dateline_end(s)) ++named[c];
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

  // "US Central Command forces conducted strikes on Tuesday targeting a militia's weapons
  // storage", "two separate attacks … on Sunday against U.S. forces": an incident told with its
  // own day and a word of attack or strike, but no place. It happened in the article's country
  // (one, or no guess), at no place the text says. Not a trend, not the incident told before (the
  // caller has tried that), not a claim about incidents told.
  bool add_incident_without_place(size_t s, const TermMention* trigger, const ActorChoice& actor,
                                  const std::optional<TimeExpression>& own_date, const Casualties& casualties, EventType type) {
    if (!own_date || !own_date->value || own_date->precision != TimePrecision::kDay) return false;
    if (tells_of_a_trend(s) || has_relational_time_word(s) || has_trigger(s, "claim")) return false;
    // The incident's word: the first strong word of attack or strike that does not name again an
    // incident told before ("That Feb. 25 strike", "Those strikes followed two separate attacks").
    trigger = nullptr;
    for (const TermMention* t : by_sentence_[s].triggers) {
      const Term& tr = term(*t);
      if ((tr.kind != "attack" && tr.kind != "strike") || is_weak(tr) || is_negated(s, *t)) continue;
      bool named_again = false;
      for (std::string_view w : words_before(lowered_, t->begin, sentence(s).begin, 3)) {
        named_again |= w == "that" || w == "this" || w == "the" || w == "those" || w == "these";
      }
      if (named_again) continue;
      trigger = t;
      break;
    }
    if (!trigger) return false;
    type = event_type(s, actor, trigger);
    const std::string surface = lower_ascii(text(trigger->begin, trigger->end));
    const int counted = counted_before(s, *trigger);
    if (is_plural_noun(surface) && type != EventType::kStrike && counted < 2) return false;
    if (type == EventType::kAttack && side_of_sentence_patient(s) != Side::kUsCoalition) return false;
    const std::string country = article_country();
    if (country.empty()) return false;
    Event e;
    e.type = type;
    e.country = country;
    e.date = own_date->value;
    if (own_date->value_max && own_date->value_max != own_date->value) e.date_max = own_date->value_max;
    e.weapons = weapon_classes(s);
    if (actor.mention && !(type == EventType::kAttack && is_strike_actor(*actor.mention))) set_actor(e, *actor.mention, actor.status);
    e.target = target_text(s, actor);
    apply_casualties(e, casualties);
    e.count = type == EventType::kStrike ? facility_count(s, strike_trigger(s, trigger)) : std::max(counted, 1);
    e.sentences.push_back(s);
    e.confidence = 0.55;  // no place of its own: the country is the article's
    events_.push_back(std::move(e));
    return true;
  }

  // "two separate attacks": how many incidents a noun counts (0 when it counts none).
  int counted_before(size_t s, const TermMention& noun) const {
    for (const NumberMention* n : by_sentence_[s].numbers) {
      if (n->ordinal || n->vague || n->end > noun.begin || noun.begin - n->end > 12) continue;
      if (n->value >= 2 && n->value <= 10) return static_cast<int>(n->value);
    }
    return 0;
  }

  // Whether the sentence names US or coalition forces, facilities or people as attacked.
  Side side_of_sentence_patient(size_t s) const {
    for (const TermMention* t : by_sentence_[s].targets) {
      if (side_of_target(term(*t)) == Side::kUsCoalition) return Side::kUsCoalition;
    }
    return Side::kUnknown;
  }

  // "Two separate attacks were reported on bases in Iraq on Thursday, with an explosion at the
  // Harir airbase": a counted group names fewer places than it counts; the rest happened
  // somewhere in the country named.
  void add_unnamed_counted(size_t s, size_t events_before, const ActorChoice& actor) {
    long counted = 0;
    for (const TermMention* t : by_sentence_[s].triggers) {
      if (term(*t).kind != "attack" || !is_plural_noun(lower_ascii(text(t->begin, t->end)))) continue;
      for (const NumberMention* n : by_sentence_[s].numbers) {
        if (n->end <= t->begin && t->begin - n->end < 24 && !n->ordinal && !n->vague && n->value >= 2 && n->value <= 5) {
          counted = n->value;
        }
      }
    }
    const long told = static_cast<long>(events_.size() - events_before);
    if (counted <= told || told == 0) return;
    const PlaceMention* country = nullptr;
    for (const PlaceMention* p : by_sentence_[s].places) {
      if (p->precision == PlacePrecision::kCountry && place(p->place).country == events_.back().country) country = p;
    }
    if (!country) return;
    Event e = events_.back();
    fill_place(e, *country);
    e.lat.reset();
    e.lon.reset();
    e.count = static_cast<int>(counted - told);
    e.weapons.clear();
    e.killed.reset();
    e.injured.reset();
    e.confidence = 0.5;
    if (actor.mention && e.actor.empty()) set_actor(e, *actor.mention, actor.status);
    events_.push_back(std::move(e));
  }

  struct PendingCasualties {
    size_t sentence;
    Casualties casualties;
    std::vector<const PlaceMention*> places;
  };

  // Casualties told of a place in a sentence with no incident words ("one US service member at
  // Mission Support Site Conoco received minor injury treatment"): the incident at that place.
  void apply_pending_casualties() {
    for (const PendingCasualties& pending : pending_casualties_) {
      bool applied = false;
      for (const PlaceMention* p : pending.places) {
        for (Event& e : events_) {
          if (e.place == kNoPlace) continue;
          const bool same_place = e.place == p->place ||
                                  (e.precision == PlacePrecision::kTown && place(p->place).name == place(e.place).name);
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
  void apply_article_claims() {
    for (const auto& [s, actor] : pending_claims_) {
      bool applied = false;
      for (Event& e : events_) {
        if (e.sentences.front() > s && actor.status == ActorStatus::kAccused) continue;
        if (e.type != EventType::kAttack && e.type != EventType::kInterception) continue;
        if (actor.status == ActorStatus::kAccused) {
          // An accusation speaks of the incident just told.
          continue;
        }
        if (may_take_actor(e, *actor.mention)) {
          set_actor(e, *actor.mention, ActorStatus::kClaimed);
          e.sentences.push_back(s);
          applied = true;
        }
      }
      if (actor.status == ActorStatus::kAccused) {
        for (auto it = events_.rbegin(); it != events_.rend(); ++it) {
          if (it->sentences.front() < s && (it->type == EventType::kAttack || it->type == EventType::kInterception)) {
            if (may_take_actor(*it, *actor.mention)) {
              set_actor(*it, *actor.mention, ActorStatus::kAccused);
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

  // "Iran-backed groups have attacked US forces at least 50 times … On Sunday, rockets hit …": an
  // article names who attacks once and then tells the incidents. An attack told with no actor of
  // its own takes the perpetrator the article names acting nearest before it (after it when none
  // is before), with how the article knows it. Only the groups that attack US forces or a generic
  // name for them: a state or an outside force named acting is left to the incident's own text.
  void apply_article_perpetrator() {
    std::vector<std::pair<size_t, ActorChoice>> named;
    for (size_t s = 0; s < article_.sentences.size(); ++s) {
      if (!sentence(s).english) continue;
      ActorChoice choice = choose_actor(s, main_trigger(s));
      // "came under attack at least four more times by Iran-backed groups": the agent of a
      // passive further from its verb than choose_actor looks.
      if (!choice.mention && has_trigger(s, "attack")) {
        for (const TermMention* a : by_sentence_[s].actors) {
          const Nearby before = words_before(lowered_, a->begin, sentence(s).begin, 1);
          if (before.empty() || before[0] != "by" || is_reporter(s, *a)) continue;
          choice = {a, has_trigger(s, "accuse") ? ActorStatus::kAccused : ActorStatus::kReported};
          break;
        }
      }
      if (!choice.mention || choice.status == ActorStatus::kNone) continue;
      const Term& actor = term(*choice.mention);
      if (side_of(actor) != Side::kMilitia && actor.kind != "generic") continue;
      named.emplace_back(s, choice);
    }
    if (named.empty()) return;
    for (Event& e : events_) {
      if (!e.actor.empty() || e.type == EventType::kStrike || e.sentences.empty()) continue;
      const size_t first = e.sentences.front();
      const std::pair<size_t, ActorChoice>* best = nullptr;
      for (const auto& candidate : named) {
        if (candidate.first <= first) best = &candidate;
      }
      if (!best) best = &named.front();
      set_actor(e, *best->second.mention, best->second.status);
    }
  }

  static bool dates_compatible(const Event& a, const Event& b) {
    // A borrowed day is a guess: the day the incident is told with may correct it.
    if (!a.date || !b.date || a.date_inherited || b.date_inherited) return true;
    const Date a_max = a.date_max.value_or(*a.date), b_max = b.date_max.value_or(*b.date);
    return *a.date <= b_max && *b.date <= a_max;
  }

  // Whether b (vaguer or equal) may be the same incident as a.
  bool same_incident(const Event& a, const Event& b) const {
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
  static void merge_sentences(std::vector<size_t>& keep, bool keep_in_order, const std::vector<size_t>& gone,
                              bool gone_in_order) {
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

  void merge_into(Event& keep, bool keep_merged, Event& gone, bool gone_merged) const {
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
  void spread_summary_zeroes() {
    for (const Event& summary : events_) {
      if (place_rank(summary.precision) > 1 || !summary.date) continue;
      for (Event& e : events_) {
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
  void merge_events() {
    spread_summary_zeroes();
    const size_t n = events_.size();
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
        if (same_incident(events_[a], events_[i])) return a;
      }
      return n;
    };
    for (size_t i = first_live(); i < n;) {
      size_t j = next[i];
      while (j < n && !same_incident(events_[i], events_[j])) j = next[j];
      if (j == n) {
        i = next[i];
        continue;
      }
      // Two places of the same precision stay apart; a vaguer one joins the specific one.
      merge_into(events_[i], merged[i], events_[j], merged[j]);
      merged[i] = true;
      remove(j);
      for (size_t a = first_match_before(i); a < n; a = first_match_before(i)) {
        merge_into(events_[a], merged[a], events_[i], merged[i]);
        merged[a] = true;
        remove(i);
        i = a;
      }
    }
    std::vector<Event> kept;
    kept.reserve(n);
    for (size_t k = 0; k < n; ++k) {
      if (!gone[k]) kept.push_back(std::move(events_[k]));
    }
    events_ = std::move(kept);
  }

  // A strike with no named actor, in a sentence about the US ("President Joe Biden ordered the
  // military to carry out airstrikes"), is a US strike: in this domain the others name themselves.
  void default_strike_actor(Event& e) const {
    if (e.type != EventType::kStrike || !e.actor.empty() || e.sentences.empty()) return;
    const std::string_view lowered = lowered_sentence(e.sentences.front());
    for (std::string_view cue : {"u.s.", "us ", "american", "biden", "trump", "pentagon", "centcom", "washington",
                                 "the military", "department of defense", "austin"}) {
      if (lowered.find(cue) != std::string::npos) {
        e.actor = "US forces";
        e.actor_status = ActorStatus::kReported;
        return;
      }
    }
  }

  void finish(Event& e) const {
    default_strike_actor(e);
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
    const std::optional<Date> published = article_.article.published;
    const std::optional<Date> reference = published ? published : main_date();
    if (e.date && reference) {
      const Date last = e.date_max.value_or(*e.date);
      if (last.days_since_epoch() < reference->days_since_epoch() - 3) e.role = EventRole::kBackground;
    }
    e.confidence = std::clamp(e.confidence + (e.sentences.size() > 1 ? 0.05 : 0.0), 0.05, 0.98);
  }

  // Which side of the domain an actor is on (scope.h), from its lexicon kind.
  Side side_of(const Term& actor) const {
    if (actor.kind == "coalition" || actor.id.rfind("us-", 0) == 0) return Side::kUsCoalition;
    if (actor.kind == "militia" || actor.kind == "umbrella" || actor.kind == "facade" || actor.kind == "tribal") {
      return Side::kMilitia;
    }
    if (actor.kind == "generic") return Side::kUnknown;
    if (actor.id == "iran" || actor.id == "irgc" || actor.id == "irgc-quds-force") return Side::kIranianState;
    return Side::kOther;
  }

  static Side side_of_target(const Term& target) {
    const std::string& k = target.kind;
    if (k == "us" || k == "coalition" || k == "us_coalition" || k == "advisers" || k == "diplomatic" || k == "contractors") {
      return Side::kUsCoalition;
    }
    if (k == "local_force" || k == "other_force") return Side::kOther;
    return Side::kUnknown;  // a base, a convoy, civilians: whose, the rest of the text says
  }

  // Whether a force the article names acting is outside the domain, and none of the groups that
  // attack US forces is named at all (Participants::only_others_act).
  bool only_others_act() const {
    bool others = false;
    for (size_t s = 0; s < by_sentence_.size(); ++s) {
      for (const TermMention* a : by_sentence_[s].actors) {
        const Side side = side_of(term(*a));
        if (side == Side::kMilitia) return false;
        if (side != Side::kOther || is_reporter(s, *a)) continue;
        for (const TermMention* t : by_sentence_[s].triggers) {
          const std::string& kind = term(*t).kind;
          others |= (kind == "attack" || kind == "strike" || kind == "claim") && a->end <= t->begin && t->begin - a->end < 80;
        }
      }
    }
    return others;
  }

  // Whether the article names US or coalition forces, facilities or people anywhere.
  bool article_names_us() const {
    for (const SentenceMentions& m : by_sentence_) {
      for (const TermMention* t : m.targets) {
        if (side_of_target(term(*t)) == Side::kUsCoalition) return true;
      }
      for (const TermMention* a : m.actors) {
        if (side_of(term(*a)) == Side::kUsCoalition) return true;
      }
    }
    return false;
  }

  // Whether a target mention stands where what is attacked stands: right after an incident word
  // ("ambushed Iraqi soldiers", "an attack on the Peshmerga", "rockets targeting a Turkish base"),
  // not where the hurt are counted ("four Iraqi soldiers were wounded in the attack").
  bool is_object(size_t s, const TermMention& target) const {
    constexpr size_t kObjectMaxBytes = 40;
    // "… inside the air base and four Iraqi soldiers were wounded": the subject of a clause of
    // its own, the hurt.
    const Nearby after = words_after(lowered_, target.end, sentence(s).end, 1);
    if (!after.empty() && (after[0] == "were" || after[0] == "was")) return false;
    for (const TermMention* t : by_sentence_[s].triggers) {
      const std::string& kind = term(*t).kind;
      if ((kind == "attack" || kind == "strike") && t->end <= target.begin && target.begin - t->end <= kObjectMaxBytes) {
        return true;
      }
    }
    const Nearby before = words_before(lowered_, target.begin, sentence(s).begin, 3);
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
  Participants participants_of(const Event& e, bool names_us, bool others_act) const {
    Participants p;
    p.article_names_us = names_us;
    p.only_others_act = others_act;
    p.at_us_site = e.precision == PlacePrecision::kSite && e.place != kNoPlace &&
                   place(e.place).kind == PlaceKind::kSite;
    if (p.at_us_site) {
      p.site_only_near = true;
      for (size_t s : e.sentences) {
        for (const PlaceMention* m : by_sentence_[s].places) {
          if (m->place != e.place || m->relation == "near") continue;
          const Nearby before = words_before(lowered_, m->begin, sentence(s).begin, 2);
          const bool near = before.size() == 2 && before[0] == "the" && before[1] == "near";
          if (!near) p.site_only_near = false;
        }
      }
    }
    for (size_t s : e.sentences) {
      for (const TermMention* t : by_sentence_[s].targets) {
        const Side side = side_of_target(term(*t));
        if (side == Side::kUsCoalition) {
          const Nearby before = words_before(lowered_, t->begin, sentence(s).begin, 2);
          const bool landmark = !before.empty() && (before[0] == "near" || (before[0] == "the" && before.size() > 1 && before[1] == "near"));
          if (landmark) continue;
        }
        if (side == Side::kUsCoalition) p.patient = side;
        if (side == Side::kOther && p.patient == Side::kUnknown && is_object(s, *t)) p.patient = side;
      }
    }
    // A force outside the domain named where the attacked stand ("an operation to attack Islamic
    // State militants"), not as the one who did it ("an attack by Islamic State militants").
    for (size_t s : e.sentences) {
      if (p.patient != Side::kUnknown) break;
      for (const TermMention* a : by_sentence_[s].actors) {
        if (side_of(term(*a)) != Side::kOther || !is_object(s, *a)) continue;
        const Nearby before = words_before(lowered_, a->begin, sentence(s).begin, 1);
        if (!before.empty() && before[0] == "by") continue;
        p.patient = Side::kOther;
      }
    }
    if (e.actor_mention) p.agent = side_of(term(*e.actor_mention));
    if (e.type == EventType::kInterception || p.agent != Side::kUnknown) return p;
    for (size_t s : e.sentences) {
      for (const TermMention* a : by_sentence_[s].actors) {
        if (is_reporter(s, *a)) continue;
        const Side side = side_of(term(*a));
        if (side == Side::kUnknown) continue;
        for (const TermMention* t : by_sentence_[s].triggers) {
          const std::string& kind = term(*t).kind;
          const bool acts = (kind == "attack" || kind == "strike") && a->end <= t->begin && t->begin - a->end < 80;
          if (acts && (p.agent == Side::kUnknown || side == Side::kUsCoalition)) p.agent = side;
        }
      }
    }
    return p;
  }

  // Out-of-scope incidents leave the events for the list of what was left out, with the reason.
  void keep_in_scope(std::vector<NotEvent>& left_out) {
    const bool names_us = article_names_us();
    const bool others_act = only_others_act();
    std::vector<ScopeVerdict> verdicts;
    std::vector<Participants> participants;
    for (const Event& e : events_) {
      participants.push_back(participants_of(e, names_us, others_act));
      verdicts.push_back(judge_scope(e.type, participants.back()));
    }
    // "The IRGC fired missiles at the al-Asad airbase and Erbil": a place with no patient of its
    // own, told in one sentence with an attack on a US site or on US forces, shares that target.
    for (size_t i = 0; i < events_.size(); ++i) {
      if (verdicts[i] != ScopeVerdict::kAttackByOtherForce && verdicts[i] != ScopeVerdict::kNoUsParty) continue;
      if (participants[i].patient != Side::kUnknown) continue;
      for (size_t j = 0; j < events_.size(); ++j) {
        const bool us_attack = events_[j].type != EventType::kStrike && verdicts[j] == ScopeVerdict::kInScope &&
                               (participants[j].at_us_site || participants[j].patient == Side::kUsCoalition);
        if (j == i || !us_attack) continue;
        const bool shares = std::any_of(events_[i].sentences.begin(), events_[i].sentences.end(), [&](size_t s) {
          return std::find(events_[j].sentences.begin(), events_[j].sentences.end(), s) != events_[j].sentences.end();
        });
        if (shares) verdicts[i] = ScopeVerdict::kInScope;
      }
    }
    std::vector<Event> kept;
    for (size_t i = 0; i < events_.size(); ++i) {
      Event& e = events_[i];
      const ScopeVerdict verdict = verdicts[i];
      if (verdict == ScopeVerdict::kInScope) {
        kept.push_back(std::move(e));
      } else {
        left_out.push_back({std::move(e), std::string(describe(verdict))});
      }
    }
    events_ = std::move(kept);
  }

  // Confidence from what went wrong on the dev gold (salvo eval's calibration table): recalled
  // incidents told in one sentence are often mis-dated or mis-typed; a vaguer place beside a
  // site-level incident of the same kind and day is often that incident again.
  void calibrate(std::vector<Event>& events) const {
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
  // Whether a sentence with a count of attacks counts attacks on US or coalition forces over a
  // country or more: it has a word of attack ("This news has been read 70 times" has none; "the US
  // has retaliated three times" counts strikes), and a count for one base alone is no tally ("forces
  // at Shaddadi had been attacked 22 times": tallies have no place).
  bool counts_attacks_on_us(size_t s) const {
    if (!has_trigger(s, "attack") && !has_trigger(s, "strike")) return false;
    // "the US has retaliated three times": US strikes counted (US forces "have been attacked"
    // stand before a word of attack in the passive, not of a strike).
    for (const TermMention* a : by_sentence_[s].actors) {
      if (!is_strike_actor(*a) || is_reporter(s, *a)) continue;
      for (const TermMention* t : by_sentence_[s].triggers) {
        if (term(*t).kind == "strike" && a->end <= t->begin && t->begin - a->end < 40) return false;
      }
    }
    bool wide = false, one_place = false;
    for (const PlaceMention* p : by_sentence_[s].places) {
      if (p->begin < dateline_end(s)) continue;
      const int rank = place_rank(p->precision);
      wide |= rank <= 2;
      one_place |= rank >= 3;
    }
    return wide || !one_place;
  }

  // A tally told twice (headline and body, lede and quote) is one; the telling that gives the
  // window completes the other. A count of one country alone is that country's ("US bases in
  // Syria have been subjected to 135 attacks").
  void settle_tallies(std::vector<Tally>& tallies) const {
    for (Tally& t : tallies) {
      if (!t.country.empty() || t.what != TallyWhat::kAttacks) continue;
      std::set<std::string> countries;
      bool parts = false;
      // The country where the attacked are, named before the count; one named after it places
      // something else ("attacked four times since Sunday's strikes in Syria").
      for (const PlaceMention* p : by_sentence_[t.sentence].places) {
        if (p->begin < dateline_end(t.sentence) || p->begin > t.count_begin) continue;
        if (in_domain_country(place(p->place).country)) countries.insert(place(p->place).country);
      }
      for (const Tally& other : tallies) parts |= &other != &t && other.sentence == t.sentence && !other.country.empty();
      if (countries.size() == 1 && !parts) t.country = *countries.begin();
    }
    std::vector<Tally> kept;
    for (Tally& t : tallies) {
      auto same = std::find_if(kept.begin(), kept.end(), [&](const Tally& k) {
        return k.what == t.what && k.count == t.count && k.country == t.country && k.qualifier == t.qualifier;
      });
      if (same == kept.end()) {
        kept.push_back(std::move(t));
        continue;
      }
      if (same->since.empty()) same->since = t.since;
      if (!same->as_of) same->as_of = t.as_of;
    }
    tallies = std::move(kept);
  }

  void find_tallies(std::vector<Tally>& out) const {
    find_tallies_told(out);
    settle_tallies(out);
  }

  void find_tallies_told(std::vector<Tally>& out) const {
    for (size_t s = 0; s < article_.sentences.size(); ++s) {
      if (!sentence(s).english) continue;
      const SentenceMentions& m = by_sentence_[s];
      if (m.numbers.empty()) continue;  // a tally is a number
      const Sentence& sent = sentence(s);
      const std::string_view lowered = lowered_sentence(s);
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
        const Nearby before = words_before(lowered_, t->begin, sent.begin, 2);
        if (before.size() >= 2 && before[0] == "of" && before[1] == "as" && t->value) as_of = t->value;
      }
      // "between Oct. 17-Nov. 13", "between October 17 and November 13": the window counted.
      for (size_t k = 0; k < m.times.size(); ++k) {
        const TimeExpression* t = m.times[k];
        const Nearby before = words_before(lowered_, t->begin, sent.begin, 1);
        if (!since.empty() || before.empty() || before[0] != "between" || !t->value) continue;
        since = t->value->iso();
        if (t->value_max && t->value_max != t->value) {
          as_of = t->value_max;
        } else if (k + 1 < m.times.size() && m.times[k + 1]->value && m.times[k + 1]->begin - t->end <= 5) {
          as_of = m.times[k + 1]->value;
        }
      }
      // "Beginning in October": the start of the count, a month.
      for (const TimeExpression* t : m.times) {
        const Nearby before = words_before(lowered_, t->begin, sent.begin, 2);
        if (since.empty() && !before.empty() && (before[0] == "beginning" || (before[0] == "in" && before.size() > 1 && before[1] == "beginning")) && t->value) {
          since = t->value->iso().substr(0, 7);
        }
      }
      bool attack_tally = false;
      for (const NumberMention* n : m.numbers) {
        if (n->ordinal || n->vague) continue;
        const Nearby after = words_after(lowered_, n->end, sent.end, 8);
        const Nearby before = words_before(lowered_, n->begin, sent.begin, 4);
        Tally t;
        t.count = n->value;
        t.qualifier = n->qualifier;
        t.since = since;
        t.as_of = as_of;
        t.sentence = s;
        t.count_begin = n->begin;
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
        if (found && n->value >= 3 && counts_attacks_on_us(s)) {
          t.what = TallyWhat::kAttacks;
          attack_tally = true;
          // "36 attacks in Iraq"
          for (const PlaceMention* p : m.places) {
            if (p->begin > n->end && p->begin - n->end < 24 && place(p->place).kind == PlaceKind::kCountry) {
              const std::string between = lower_ascii(text(n->end, p->begin));
              if (between.find(" in ") != std::string::npos && between.find(',') == std::string::npos) t.country = place(p->place).country;
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
          const Nearby further = words_after(lowered_, n->end, sent.end, 6);
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
          const std::string after_text = lower_ascii(text(n->end, std::min(sent.end, n->end + 12)));
          if (after_text.rfind(" in ", 0) != 0) continue;
          for (const PlaceMention* p : m.places) {
            if (p->begin == n->end + 4 && place(p->place).kind == PlaceKind::kCountry) {
              bool duplicate = false;
              for (const Tally& existing : out) duplicate |= existing.sentence == s && existing.count == n->value;
              if (duplicate) {
                for (Tally& existing : out) {
                  if (existing.sentence == s && existing.count == n->value) existing.country = place(p->place).country;
                }
                continue;
              }
              Tally t;
              t.what = TallyWhat::kAttacks;
              t.count = n->value;
              t.qualifier = n->qualifier;
              t.country = place(p->place).country;
              t.since = since;
              t.as_of = as_of;
              t.sentence = s;
              t.count_begin = n->begin;
              out.push_back(t);
            }
          }
        }
      }
    }
  }

  const AnalyzedArticle& article_;
  const Recognizer& recognizer_;
  std::string_view clean_;
  const std::string lowered_;  // clean_ in lower case, once per article: sentences are searched for words
  std::vector<SentenceMentions> by_sentence_;
  std::set<size_t> tally_sentences_;
  std::vector<Event> events_;
  std::vector<std::pair<size_t, ActorChoice>> pending_claims_;
  std::vector<PendingCasualties> pending_casualties_;
  bool several_places_ = false;  // while reading a sentence that names several incident places
  mutable std::optional<bool> article_names_striker_;
};

}  // namespace

Extraction extract_events(const AnalyzedArticle& article, const ArticleMentions& mentions, const Recognizer& recognizer) {
  return Extractor(article, mentions, recognizer).run();
}

}  // namespace salvo
