#include "salvo/export/merged_formats.h"

#include "salvo/base/terminal_text.h"

#include <fmt/format.h>

#include <cstdlib>
#include <string_view>

#include "salvo/export/event_fields.h"
#include "salvo/record/event_table.h"

namespace salvo {
namespace {

using Json = nlohmann::ordered_json;

std::string text_of(const Json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
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

Json geojson(const std::vector<Json>& events) {
  Json features = Json::array();
  for (const Json& e : events) {
    // The properties are the exported event whole (docs/fields.md): lists stay arrays (GDAL reads
    // a list of strings as a StringList), sources and conflicts stay JSON.
    Json properties = exported_event(e);
    const bool point = e.contains("lat") && e.contains("lon") && e["lat"].is_number() && e["lon"].is_number();
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
    if (source.contains("outlet") && !source["outlet"].is_null()) out += ", " + shown(source["outlet"]);
    if (source.contains("published") && !source["published"].is_null()) out += ", published " + shown(source["published"]);
    if (source.contains("title") && !source["title"].is_null()) out += ", \"" + shown(source["title"]) + "\"";
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
