// Merged events (spec/output.md merged form) in the formats analysts' tools read: a terminal
// table, CSV with ACLED's column names, GeoJSON for QGIS and kepler.gl, and a readable account of
// one event with its sources and conflicts.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace salvo {

// ISO alpha-2 → country name ("IQ" → "Iraq"); may return the code itself when unknown.
using CountryNames = std::function<std::string(const std::string&)>;

std::string merged_table(const std::vector<nlohmann::ordered_json>& events);

// RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes doubled; CRLF line ends.
std::string csv_field(const std::string& value);

// ACLED's columns where one exists (event_id_cnty, event_date, year, time_precision,
// disorder_type, event_type, sub_event_type, actor1, actor2, country, iso, admin1, location,
// latitude, longitude, geo_precision, source, notes, fatalities), then Salvo's own (date_max,
// injured, weapons, actor_status, count, role, confidence, sources, conflicts).
std::string acled_csv_header();
std::string acled_csv_row(const nlohmann::ordered_json& event, const CountryNames& names);

// A FeatureCollection: one Point feature per event with coordinates (lon, lat), a null geometry
// for events placed only at a country or region; properties are the event's fields.
nlohmann::ordered_json geojson(const std::vector<nlohmann::ordered_json>& events);

// `salvo show`: the event's fields, then each source with its evidence sentences, then conflicts.
std::string event_account(const nlohmann::ordered_json& event);

}  // namespace salvo
