// Table-driven extraction tests: a short news text in, the key fields of its events and tallies
// out (spec/output.md), compared by a matcher that prints expected against actual on failure.
#pragma once

#include <gtest/gtest.h>

#include "../support/shared_recognizer.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "salvo/base/data_dir.h"
#include "salvo/base/date.h"
#include "salvo/ingest/article.h"
#include "salvo/pipeline/process.h"
#include "salvo/recognize/recognizer.h"

namespace salvo::testing {

// Every field is a JSON value written as text: nullptr = not checked, "null" = must be null.
// `location` is a case-insensitive substring of the event's location; `weapons` is the sorted
// classes joined by commas ("drone,rocket"). `count` is always checked.
struct ExpectedEvent {
  const char* type = nullptr;
  const char* date = nullptr;
  const char* date_max = nullptr;
  const char* country = nullptr;
  const char* location = nullptr;
  int count = 1;
  const char* weapons = nullptr;
  const char* actor = nullptr;
  const char* actor_status = nullptr;
  const char* killed = nullptr;
  const char* injured = nullptr;
  const char* role = nullptr;
};

struct ExpectedTally {
  const char* what = nullptr;
  long count = 0;
  const char* qualifier = nullptr;
  const char* country = nullptr;
  const char* since = nullptr;
  const char* as_of = nullptr;
};

struct ExtractionCase {
  const char* name;
  const char* published;  // YYYY-MM-DD, or nullptr for an article with no publication date
  const char* text;
  std::vector<ExpectedEvent> events;
  // Checked only when given: most cases are about events.
  std::optional<std::vector<ExpectedTally>> tallies = std::nullopt;
};

// GoogleTest names a failing case by this, not by a byte dump.
inline void PrintTo(const ExtractionCase& c, std::ostream* os) { *os << c.name; }

using testing::shared_recognizer;

inline nlohmann::ordered_json extract_case(const ExtractionCase& c) {
  Article article;
  article.id = c.name;
  article.source = std::string("test:") + c.name;
  article.kind = ContentKind::kText;
  article.raw = c.text;
  if (c.published) {
    article.published = parse_iso_date_prefix(c.published);
    article.published_from = PublishedFrom::kHeader;
  }
  return process_article(std::move(article), shared_recognizer(), {});
}

// A JSON scalar as the tables write it: strings bare, null as "null".
inline std::string scalar_text(const nlohmann::ordered_json& v) {
  if (v.is_null()) return "null";
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

inline std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

inline std::string weapons_text(const nlohmann::ordered_json& weapons) {
  std::vector<std::string> list;
  for (const auto& w : weapons) list.push_back(w.get<std::string>());
  std::sort(list.begin(), list.end());
  std::string out;
  for (const std::string& w : list) out += (out.empty() ? "" : ",") + w;
  return out;
}

inline std::string sorted_weapons(const char* spec) {
  std::vector<std::string> list;
  std::string item;
  for (const char* p = spec;; ++p) {
    if (*p == ',' || *p == '\0') {
      if (!item.empty()) list.push_back(item);
      item.clear();
      if (*p == '\0') break;
    } else {
      item.push_back(*p);
    }
  }
  std::sort(list.begin(), list.end());
  std::string out;
  for (const std::string& w : list) out += (out.empty() ? "" : ",") + w;
  return out;
}

inline bool field_matches(const char* expected, const nlohmann::ordered_json& actual) {
  return !expected || scalar_text(actual) == expected;
}

inline bool event_matches(const ExpectedEvent& x, const nlohmann::ordered_json& e) {
  if (x.location) {
    if (x.location == std::string("null")) {
      if (!e["location"].is_null()) return false;
    } else {
      // The expected words name the place either way: as the gazetteer's name or as the article wrote it.
      auto holds = [&](const char* key) {
        return e.contains(key) && e[key].is_string() &&
               lower(e[key].get<std::string>()).find(lower(x.location)) != std::string::npos;
      };
      if (!holds("location") && !holds("location_text")) return false;
    }
  }
  if (x.weapons && weapons_text(e["weapons"]) != sorted_weapons(x.weapons)) return false;
  return field_matches(x.type, e["type"]) && field_matches(x.date, e["date"]) && field_matches(x.date_max, e["date_max"]) &&
         field_matches(x.country, e["country"]) && e["count"].get<int>() == x.count && field_matches(x.actor, e["actor"]) &&
         field_matches(x.actor_status, e["actor_status"]) && field_matches(x.killed, e["killed"]) &&
         field_matches(x.injured, e["injured"]) && field_matches(x.role, e["role"]);
}

inline bool tally_matches(const ExpectedTally& x, const nlohmann::ordered_json& t) {
  return field_matches(x.what, t["what"]) && t["count"].get<long>() == x.count && field_matches(x.qualifier, t["qualifier"]) &&
         field_matches(x.country, t["country"]) && field_matches(x.since, t["since"]) && field_matches(x.as_of, t["as_of"]);
}

// One line per event, in the order of the expectation fields; "*" for a field not checked.
inline std::string describe(const ExpectedEvent& x) {
  auto f = [](const char* v) { return std::string(v ? v : "*"); };
  return f(x.type) + " date=" + f(x.date) + (x.date_max ? std::string("..") + x.date_max : "") + " " + f(x.country) +
         " loc~'" + f(x.location) + "' x" + std::to_string(x.count) + " [" + f(x.weapons) + "] actor=" + f(x.actor) +
         " (" + f(x.actor_status) + ") killed=" + f(x.killed) + " injured=" + f(x.injured) + " role=" + f(x.role);
}

inline std::string describe(const nlohmann::ordered_json& e) {
  return scalar_text(e["type"]) + " date=" + scalar_text(e["date"]) +
         (e["date_max"].is_null() ? "" : ".." + scalar_text(e["date_max"])) + " " + scalar_text(e["country"]) + " loc='" +
         scalar_text(e["location"]) + "'" +
         (e.contains("location_text") && e["location_text"] != e["location"] ? " ('" + scalar_text(e["location_text"]) + "')" : "") +
         " x" + e["count"].dump() + " [" + weapons_text(e["weapons"]) +
         "] actor=" + scalar_text(e["actor"]) + " (" + scalar_text(e["actor_status"]) + ") killed=" + scalar_text(e["killed"]) +
         " injured=" + scalar_text(e["injured"]) + " role=" + scalar_text(e["role"]);
}

inline std::string describe(const ExpectedTally& x) {
  auto f = [](const char* v) { return std::string(v ? v : "*"); };
  return f(x.what) + " " + std::to_string(x.count) + " " + f(x.qualifier) + " country=" + f(x.country) +
         " since=" + f(x.since) + " as_of=" + f(x.as_of);
}

inline std::string describe_tally(const nlohmann::ordered_json& t) {
  return scalar_text(t["what"]) + " " + t["count"].dump() + " " + scalar_text(t["qualifier"]) +
         " country=" + scalar_text(t["country"]) + " since=" + scalar_text(t["since"]) + " as_of=" + scalar_text(t["as_of"]);
}

// Each expectation takes the first unused actual item it matches; all must be used, none left.
template <typename Expected, typename Match>
bool match_all(const std::vector<Expected>& expected, const nlohmann::ordered_json& actual, Match match) {
  std::vector<bool> used(actual.size(), false);
  for (const Expected& x : expected) {
    bool found = false;
    for (size_t i = 0; i < actual.size() && !found; ++i) {
      if (!used[i] && match(x, actual[i])) used[i] = found = true;
    }
    if (!found) return false;
  }
  return std::all_of(used.begin(), used.end(), [](bool u) { return u; });
}

inline ::testing::AssertionResult extraction_matches(const ExtractionCase& c, const nlohmann::ordered_json& record) {
  const auto& events = record["events"];
  const auto& tallies = record["tallies"];
  const bool events_ok = match_all(c.events, events, event_matches);
  const bool tallies_ok = !c.tallies || match_all(*c.tallies, tallies, tally_matches);
  if (events_ok && tallies_ok) return ::testing::AssertionSuccess();
  std::string out = std::string("\ntext: ") + c.text + "\npublished: " + (c.published ? c.published : "none") + "\n";
  out += "expected events (" + std::to_string(c.events.size()) + "):\n";
  for (const auto& x : c.events) out += "  " + describe(x) + "\n";
  out += "actual events (" + std::to_string(events.size()) + "):\n";
  for (const auto& e : events) out += "  " + describe(e) + "\n";
  if (c.tallies) {
    out += "expected tallies (" + std::to_string(c.tallies->size()) + "):\n";
    for (const auto& x : *c.tallies) out += "  " + describe(x) + "\n";
    out += "actual tallies (" + std::to_string(tallies.size()) + "):\n";
    for (const auto& t : tallies) out += "  " + describe_tally(t) + "\n";
  }
  return ::testing::AssertionFailure() << out;
}

}  // namespace salvo::testing
