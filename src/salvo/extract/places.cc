#include "salvo/extract/places.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "salvo/base/ascii.h"
#include "salvo/extract/kinds.h"

namespace salvo::extract {

namespace {

struct NamedSite {
  size_t place;
  std::string name;  // as the gazetteer writes it: "Mission Support Site Euphrates"
};

std::string border_after(const ArticleView& view, const PlaceMention& p);
std::optional<NamedSite> site_named_after_kind(const ArticleView& view, const PlaceMention& p);
size_t generic_site_before(const ArticleView& view, const PlaceMention& p);

// "the \"Green Village\" base" is the Green Village base: quotation marks are not part of a name.
std::string without_quotes(std::string name) {
  for (std::string_view mark : {std::string_view("\""), std::string_view("\xE2\x80\x9C"), std::string_view("\xE2\x80\x9D")}) {
    for (size_t at; (at = name.find(mark)) != std::string::npos;) name.erase(at, mark.size());
  }
  return name;
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

}  // namespace

bool in_domain_country(std::string_view country) { return country == "IQ" || country == "SY" || country == "JO"; }

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

// "two sites in northeastern Syria": the number before a word for sites, just before the place.
int site_count(const ArticleView& view, size_t s, const PlaceMention& p) {
  const Nearby before = words_before(view.lowered, p.begin, view.sentence(s).begin, 3);
  if (before.size() < 3 || before[0] != "in") return 1;
  if (!view.cues().has(CueKind::kSiteWord, before[1])) return 1;
  for (const NumberMention* n : view.by_sentence[s].numbers) {
    if (lower_ascii(view.text(n->begin, n->end)) == before[2] && n->value > 1 && n->value < 10 && !n->ordinal) {
      return static_cast<int>(n->value);
    }
  }
  return 1;
}

namespace {

// The place `e.place` as outputs name it, and where a map puts it.
void name_resolved_place(const ArticleView& view, Event& e) {
  const Place& pl = view.place(e.place);
  e.place_id = pl.id;
  e.place_name = pl.name;
  const auto point = e.lat && e.lon ? std::make_optional(std::make_pair(*e.lat, *e.lon)) : view.recognizer.gazetteer().map_point(pl);
  e.map_lat = point ? std::optional(point->first) : std::nullopt;
  e.map_lon = point ? std::optional(point->second) : std::nullopt;
}

}  // namespace

void place_in_known_area(const ArticleView& view, Event& e) {
  if (e.place != static_cast<size_t>(-1) || !e.place_id.empty() || e.country.empty()) return;
  const Gazetteer& gazetteer = view.recognizer.gazetteer();
  const Place* area = e.admin1.empty() ? nullptr : gazetteer.admin1_named(e.country, e.admin1);
  if (!area) area = gazetteer.find("country:" + e.country);
  if (!area) return;
  const std::optional<std::pair<double, double>> point = gazetteer.map_point(*area);
  if (!point) return;
  e.place_id = area->id;
  e.precision = area->kind == PlaceKind::kAdmin1 ? PlacePrecision::kAdmin1 : PlacePrecision::kCountry;
  e.map_lat = point->first;
  e.map_lon = point->second;
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
  // "the province of al-Diwaniyah": a governorate named with its kind before it is written as
  // analysts write it, "al-Diwaniyah province" (the kind after it is in the mention already).
  if (pl.kind == PlaceKind::kAdmin1 && p.relation.empty()) {
    const Nearby before = words_before(view.lowered, p.begin, view.sentence(p.sentence).begin, 2);
    const bool kind_before = before.size() == 2 && before[0] == "of" && (before[1] == "province" || before[1] == "governorate");
    if (kind_before) e.location += " province";
  }
  // "the Jordanian desert on the Syrian border": the border narrows an area down.
  if (p.precision == PlacePrecision::kRegion) e.location += border_after(view, p);
  if (p.precision != PlacePrecision::kRegion && p.precision != PlacePrecision::kCountry && pl.lat) {
    e.lat = pl.lat;
    e.lon = pl.lon;
  }
  if (p.precision == PlacePrecision::kRegion && p.relation.empty() && pl.kind != PlaceKind::kRegion) e.admin1.clear();
  if (p.precision == PlacePrecision::kCountry) e.admin1.clear();
  if (place_rank(p.precision) > 2) return name_resolved_place(view, e);
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
  name_resolved_place(view, e);
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

}  // namespace salvo::extract
