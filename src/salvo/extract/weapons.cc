#include "salvo/extract/weapons.h"

#include <set>

#include "salvo/base/ascii.h"

namespace salvo::extract {

std::vector<std::string> weapon_classes(const ArticleView& view, size_t s) {
  std::set<std::string> classes;
  for (const TermMention* w : view.by_sentence[s].weapons) classes.insert(view.term(*w).kind);
  return {classes.begin(), classes.end()};
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
  // A place with no weapon of its own, joined by "and" to the place before it, shares that
  // place's ("two drone attacks … on troops at Green Village and al-Shaddadi"); else the
  // sentence's ("drones hit Erbil and Harir").
  if (classes.empty()) {
    for (size_t k = 1; k < places.size(); ++k) {
      if (places[k] != &place) continue;
      const std::string between = lower_ascii(view.text(places[k - 1]->end, place.begin));
      if (between == " and " || between == ", " || between == " and the ") return weapons_near(view, s, *places[k - 1], places);
    }
    return weapon_classes(view, s);
  }
  return {classes.begin(), classes.end()};
}

}  // namespace salvo::extract
