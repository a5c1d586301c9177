// The filters of `salvo events` / `salvo tallies` and of `GET /api/events`, `/api/stats`,
// `/api/events.geojson` and `/api/tallies`, from the words a user typed: one validation for the
// command line and the API, with a message naming the field that is wrong.
#pragma once

#include <string>

#include "salvo/base/result.h"
#include "salvo/gazetteer/gazetteer.h"
#include "salvo/store/store.h"

namespace salvo {

// Each field as given ("" = not given). Type, weapon and country take several values, comma-separated
// ("attack,strike"); a country is a code or a name, ASCII case aside ("IQ", "iq", "Iraq", "syria").
struct EventFilterText {
  std::string country, since, until, type, weapon, actor;
  std::string text;            // words all of which the evidence or a source's title holds
  std::string admin1;          // a first-level division's name ("Anbar", "deir ez-zor")
  std::string place;           // a place id ("installation:ain-al-asad")
  std::string role;            // "main" or "background"
  std::string min_sources;     // a whole number, 1 or more
  std::string located;         // "true" (with coordinates) or "false" (without)
  std::string bbox;            // "WEST,SOUTH,EAST,NORTH" in degrees
  std::string min_confidence;  // 0–1
  std::string limit;           // a page of at most this many events (1–10000)
  std::string cursor;          // where the previous page ended (EventPage::next_cursor)
  std::string sort;            // "date" (oldest first, the default) or "-date"
};

struct TallyFilterText {
  std::string country, since, until;
};

// The message of an error names the field as `field_name` spells it ("--bbox" on the command
// line, "bbox" in a URL query). Country names are read from the gazetteer's countries (their
// names and aliases): the one table of them.
using FieldName = std::string (*)(const char* field);
Result<EventFilter> parse_event_filter(const EventFilterText& text, FieldName field_name, const Gazetteer& countries);
Result<TallyFilter> parse_tally_filter(const TallyFilterText& text, FieldName field_name, const Gazetteer& countries);

}  // namespace salvo
