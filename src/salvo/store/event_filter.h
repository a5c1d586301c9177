// The filters of `salvo events` and of `GET /api/events`, from the words a user typed: one
// validation for both, with a message naming the field that is wrong.
#pragma once

#include <string>

#include "salvo/base/result.h"
#include "salvo/store/store.h"

namespace salvo {

// Each field as given ("" = not given).
struct EventFilterText {
  std::string country, since, until, type, weapon, actor;
  std::string bbox;            // "WEST,SOUTH,EAST,NORTH" in degrees
  std::string min_confidence;  // 0–1
  std::string limit;           // a page of at most this many events (1–10000)
  std::string cursor;          // where the previous page ended (EventPage::next_cursor)
  std::string sort;            // "date" (oldest first, the default) or "-date"
};

// The message of an error names the field as `field_name` spells it ("--bbox" on the command
// line, "bbox" in a URL query).
Result<EventFilter> parse_event_filter(const EventFilterText& text, std::string (*field_name)(const char* field));

}  // namespace salvo
