// A readable table of events (and tallies) for a terminal, built from per-article records so it
// shows exactly what the JSON says.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace salvo {

std::string event_table_header();
// One line per event of the record, then one per tally; nothing for an article without either.
std::string event_table_rows(const nlohmann::ordered_json& record);

}  // namespace salvo
