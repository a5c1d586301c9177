#include "salvo/export/event_fields.h"

#include <set>

#include "salvo/export/merged_formats.h"

namespace salvo {
namespace {

using Json = nlohmann::ordered_json;

}  // namespace

std::string_view to_string(FieldType type) {
  switch (type) {
    case FieldType::kText: return "text";
    case FieldType::kInteger: return "integer";
    case FieldType::kNumber: return "number";
    case FieldType::kDate: return "date";
    case FieldType::kTextList: return "list of text";
    case FieldType::kSources: return "list of sources";
    case FieldType::kConflicts: return "conflicts";
  }
  return "?";
}

const std::vector<EventField>& event_fields() {
  static const std::vector<EventField> fields = {
      {"id", FieldType::kText, false, "the event's id (ev_ and 16 hex digits), from its content: stable across runs"},
      {"type", FieldType::kText, false, "attack | strike | interception"},
      {"weapons", FieldType::kTextList, false, "weapon classes, sorted: rocket, missile, drone, mortar, ied, small_arms, aircraft, unknown"},
      {"date", FieldType::kDate, true, "the day (YYYY-MM-DD), or the first day of a range; null when undated"},
      {"date_max", FieldType::kDate, true, "the last day of a range; null for a single day"},
      {"country", FieldType::kText, true, "ISO 3166-1 alpha-2 code"},
      {"admin1", FieldType::kText, true, "province or governorate, in the gazetteer's one spelling"},
      {"location", FieldType::kText, true, "the resolved place's name (the gazetteer's), else the article's words"},
      {"location_text", FieldType::kText, true, "the place as the article wrote it"},
      {"place_id", FieldType::kText, true, "the place's stable id: site:…, geonames:…, admin1:…, region:…, country:…"},
      {"lat", FieldType::kNumber, true, "latitude (WGS 84); a region's or country's map point when place_precision says so"},
      {"lon", FieldType::kNumber, true, "longitude (WGS 84)"},
      {"place_precision", FieldType::kText, true, "site | town | approx | admin1 | region | country"},
      {"target", FieldType::kText, true, "what was attacked, as the text names it"},
      {"actor", FieldType::kText, true, "who attacked (or struck, or fired what was intercepted)"},
      {"actor_status", FieldType::kText, true, "claimed | accused | reported: how the actor is known"},
      {"killed", FieldType::kInteger, true, "people killed; 0 only when the text says none; null when not said"},
      {"injured", FieldType::kInteger, true, "people injured; 0 only when the text says none; null when not said"},
      {"count", FieldType::kInteger, false, "how many attacks the event stands for (\"two drone attacks\" is 2)"},
      {"role", FieldType::kText, true, "main | background (recalled from earlier)"},
      {"confidence", FieldType::kNumber, true, "0–1, the extraction's confidence"},
      {"source_count", FieldType::kInteger, false, "how many article mentions report it"},
      {"outlets", FieldType::kTextList, false, "the outlets of its sources, distinct, in source order"},
      {"sources", FieldType::kSources, false,
       "each source: article, event, url, title, outlet, published, evidence (start, end, text)"},
      {"conflicts", FieldType::kConflicts, false, "per field where sources disagree: each value with its sources"},
  };
  return fields;
}

Json exported_event(const Json& event) {
  Json out = Json::object();
  const Json* sources = event.contains("sources") && event["sources"].is_array() ? &event["sources"] : nullptr;
  for (const EventField& field : event_fields()) {
    const std::string name(field.name);
    if (name == "source_count") {
      out[name] = sources ? sources->size() : 0;
    } else if (name == "outlets") {
      Json outlets = Json::array();
      std::set<std::string> seen;
      if (sources) {
        for (const Json& s : *sources) {
          if (s.contains("outlet") && s["outlet"].is_string() && seen.insert(s["outlet"].get<std::string>()).second) {
            outlets.push_back(s["outlet"]);
          }
        }
      }
      out[name] = std::move(outlets);
    } else if (event.contains(name)) {
      out[name] = event[name];
    } else {
      out[name] = field.type == FieldType::kTextList || field.type == FieldType::kSources ? Json::array()
                  : field.type == FieldType::kConflicts                                    ? Json::object()
                                                                                           : Json();
    }
  }
  return out;
}

std::string event_csv_header() {
  std::string header;
  for (const EventField& field : event_fields()) header += (header.empty() ? "" : ",") + std::string(field.name);
  return header + "\r\n";
}

std::string event_csv_row(const Json& event) {
  const Json exported = exported_event(event);
  std::string row;
  bool first = true;
  for (const auto& [name, value] : exported.items()) {
    std::string text;
    if (value.is_string()) text = value.get<std::string>();
    else if (!value.is_null()) text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
    row += (first ? "" : ",") + csv_field(text);
    first = false;
  }
  return row + "\r\n";
}

}  // namespace salvo
