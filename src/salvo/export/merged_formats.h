// Merged events (spec/output.md merged form) in the formats analysts' tools read: a terminal
// table, GeoJSON for QGIS and kepler.gl, and a readable account of one event with its sources and
// conflicts. Salvo's CSV is in event_fields.h, ACLED's in acled_format.h.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace salvo {

std::string merged_table(const std::vector<nlohmann::ordered_json>& events);

// RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes doubled; CRLF line ends.
std::string csv_field(const std::string& value);

// A FeatureCollection: one Point feature per event with coordinates (lon, lat; a region or a
// country at its map point), a null geometry for an event with no place; properties are the
// exported event's fields (event_fields.h), named and encoded as in every other format.
nlohmann::ordered_json geojson(const std::vector<nlohmann::ordered_json>& events);

// `salvo show`: the event's fields, then each source with its evidence sentences, then conflicts.
std::string event_account(const nlohmann::ordered_json& event);

}  // namespace salvo
