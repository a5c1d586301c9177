#include "salvo/export/merged_formats.h"

#include "salvo/base/terminal_text.h"

#include <fmt/format.h>

#include <cstdlib>
#include <string_view>

#include "salvo/record/event_table.h"

namespace salvo {
namespace {

using Json = nlohmann::ordered_json;

std::string text_of(const Json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

// ACLED's sub-event types for the spec's weapon classes: shelling for what is fired from the
// ground, air/drone strikes for what flies, remote explosives for bombs, armed clash for guns.
std::string acled_sub_event_type(const Json& event) {
  const std::string type = text_of(event["type"]);
  std::vector<std::string> weapons;
  for (const Json& w : event["weapons"]) weapons.push_back(text_of(w));
  const auto has = [&](const char* w) { return std::find(weapons.begin(), weapons.end(), w) != weapons.end(); };
  if (type == "strike" || has("drone") || has("aircraft")) return "Air/drone strike";
  if (has("rocket") || has("missile") || has("mortar")) return "Shelling/artillery/missile attack";
  if (has("ied")) return "Remote explosive/landmine/IED";
  if (has("small_arms")) return "Armed clash";
  return "Shelling/artillery/missile attack";
}

// ACLED geo_precision: 1 the place itself, 2 near it or part of a region, 3 a province or larger.
int acled_geo_precision(const Json& event) {
  const std::string precision = text_of(event["place_precision"]);
  if (precision == "site" || precision == "town") return 1;
  if (precision == "region") return 2;
  return 3;
}

std::string sources_of(const Json& event) {
  std::string out;
  for (const Json& source : event["sources"]) out += (out.empty() ? "" : "; ") + text_of(source["article"]);
  return out;
}

// The first evidence sentence of the first source: ACLED's notes tell what happened.
std::string notes_of(const Json& event) {
  for (const Json& source : event["sources"]) {
    for (const Json& evidence : source["evidence"]) return text_of(evidence["text"]);
  }
  return "";
}

}  // namespace

std::string merged_table(const std::vector<Json>& events) {
  // The whole id (ev_ + 16 hex digits), to paste into `salvo show`, and how many sources.
  constexpr size_t kIdWidth = 24;
  std::string out = event_table_header("event (sources)", kIdWidth);
  for (const Json& e : events) {
    out += event_table_row(fmt::format("{} ({})", text_of(e["id"]), e["sources"].size()), e, kIdWidth);
  }
  return out;
}

namespace {

// Whether a spreadsheet would take the field for a formula (OWASP, "CSV Injection"): it starts
// with = + - @, a tab or a CR. A number ("-3.5", a longitude west of Greenwich) is a number.
bool reads_as_formula(const std::string& value) {
  if (value.empty() || std::string_view("=+-@\t\r").find(value[0]) == std::string_view::npos) return false;
  char* end = nullptr;
  std::strtod(value.c_str(), &end);
  return end != value.c_str() + value.size();
}

}  // namespace

std::string csv_field(const std::string& text) {
  // An article's title or sentence starting "=HYPERLINK(…)" must reach the analyst's spreadsheet as
  // text: OWASP's remedy, a leading apostrophe, and the field quoted.
  const bool formula = reads_as_formula(text);
  const std::string value = formula ? "'" + text : text;
  if (!formula && value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string acled_csv_header() {
  return "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,actor2,country,"
         "iso,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities,"
         "date_max,injured,weapons,actor_status,count,role,confidence,sources,conflicts\r\n";
}

std::string acled_csv_row(const Json& event, const CountryNames& names) {
  const std::string date = text_of(event["date"]);
  std::string weapons;
  for (const Json& w : event["weapons"]) weapons += (weapons.empty() ? "" : ";") + text_of(w);
  const std::string iso = text_of(event["country"]);
  // ACLED's time_precision: 1 the day is known, 2 the week, 3 the month.
  std::string time_precision;
  if (!date.empty()) {
    time_precision = "1";
    if (!event["date_max"].is_null()) time_precision = text_of(event["date_max"]).substr(0, 7) == date.substr(0, 7) ? "2" : "3";
  }
  const std::vector<std::string> fields = {
      text_of(event["id"]),
      date,
      date.empty() ? "" : date.substr(0, 4),
      time_precision,
      "Political violence",
      text_of(event["type"]) == "strike" || text_of(event["type"]) == "interception" || !weapons.empty()
          ? "Explosions/Remote violence"
          : "Battles",
      acled_sub_event_type(event),
      text_of(event["actor"]),
      text_of(event["target"]),
      iso.empty() ? "" : names(iso),
      iso,
      text_of(event["admin1"]),
      text_of(event["location"]),
      text_of(event["lat"]),
      text_of(event["lon"]),
      std::to_string(acled_geo_precision(event)),
      sources_of(event),
      notes_of(event),
      text_of(event["killed"]),
      text_of(event["date_max"]),
      text_of(event["injured"]),
      weapons,
      text_of(event["actor_status"]),
      text_of(event["count"]),
      text_of(event["role"]),
      text_of(event["confidence"]),
      std::to_string(event["sources"].size()),
      event["conflicts"].empty() ? "" : event["conflicts"].dump(),
  };
  std::string row;
  for (size_t i = 0; i < fields.size(); ++i) row += (i ? "," : "") + csv_field(fields[i]);
  return row + "\r\n";
}

Json geojson(const std::vector<Json>& events) {
  Json features = Json::array();
  for (const Json& e : events) {
    Json properties = Json::object();
    for (const auto& [key, value] : e.items()) {
      if (key == "sources" || key == "conflicts" || key == "lat" || key == "lon") continue;
      // Flat values only: QGIS and kepler.gl show strings and numbers as columns.
      properties[key] = value.is_array() || value.is_object() ? Json(value.dump()) : value;
    }
    properties["sources"] = sources_of(e);
    properties["source_count"] = e["sources"].size();
    properties["notes"] = notes_of(e);
    properties["conflicts"] = e["conflicts"].empty() ? Json() : Json(e["conflicts"].dump());
    const bool point = e["lat"].is_number() && e["lon"].is_number();
    features.push_back({{"type", "Feature"},
                        {"id", e["id"]},
                        {"geometry", point ? Json{{"type", "Point"}, {"coordinates", {e["lon"], e["lat"]}}} : Json()},
                        {"properties", std::move(properties)}});
  }
  return {{"type", "FeatureCollection"}, {"features", std::move(features)}};
}

std::string event_account(const Json& e) {
  // For a terminal: what the articles wrote, with its control characters escaped.
  const auto shown = [](const Json& v) { return terminal_text(text_of(v)); };
  std::string out = fmt::format("{}  {} {}", shown(e["id"]), shown(e["type"]), shown(e["date"]));
  if (!e["date_max"].is_null()) out += ".." + shown(e["date_max"]);
  out += "\n";
  const auto line = [&](const char* label, const std::string& value) {
    if (!value.empty()) out += fmt::format("  {:<14}{}\n", label, value);
  };
  std::string place = shown(e["location"]);
  if (!e["admin1"].is_null()) place += (place.empty() ? "" : ", ") + shown(e["admin1"]);
  if (!e["country"].is_null()) place += (place.empty() ? "" : ", ") + shown(e["country"]);
  if (e["lat"].is_number()) place += fmt::format("  ({:.4f}, {:.4f})", e["lat"].get<double>(), e["lon"].get<double>());
  if (!e["place_precision"].is_null()) place += " [" + shown(e["place_precision"]) + "]";
  line("place", place);
  std::string weapons;
  for (const Json& w : e["weapons"]) weapons += (weapons.empty() ? "" : ", ") + shown(w);
  line("weapons", weapons);
  std::string actor = shown(e["actor"]);
  if (!e["actor_status"].is_null()) actor += " (" + shown(e["actor_status"]) + ")";
  line("actor", actor);
  line("target", shown(e["target"]));
  line("killed", shown(e["killed"]));
  line("injured", shown(e["injured"]));
  line("count", e["count"] != 1 ? shown(e["count"]) : "");
  line("role", shown(e["role"]));
  line("confidence", shown(e["confidence"]));
  out += fmt::format("\n  {} source(s):\n", e["sources"].size());
  for (const Json& source : e["sources"]) {
    out += fmt::format("  - {}", shown(source["article"]));
    if (source.contains("published") && !source["published"].is_null()) out += ", published " + shown(source["published"]);
    if (source.contains("url") && !source["url"].is_null()) out += ", " + shown(source["url"]);
    else if (source.contains("source")) out += ", " + shown(source["source"]);
    out += "\n";
    for (const Json& evidence : source["evidence"]) {
      out += fmt::format("      [{}-{}] \"{}\"\n", shown(evidence["start"]), shown(evidence["end"]), shown(evidence["text"]));
    }
  }
  if (!e["conflicts"].empty()) {
    out += "\n  The sources disagree on:\n";
    for (const auto& [field, values] : e["conflicts"].items()) {
      out += fmt::format("  - {}:", terminal_text(field));
      for (const Json& v : values) {
        std::string who;
        for (const Json& s : v["sources"]) who += (who.empty() ? "" : ", ") + shown(s);
        out += fmt::format(" {} ({})", shown(v["value"]), who);
      }
      out += "\n";
    }
  }
  return out;
}

}  // namespace salvo
