// A readable table of events (and tallies) for a terminal, built from per-article records so it
// shows exactly what the JSON says.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace salvo {

// The header, its first column named `first_column` ("article", "event").
std::string event_table_header(const std::string& first_column = "article", size_t first_width = 20);
// One event (per-article or merged form) as a line of the table.
std::string event_table_row(const std::string& first_column, const nlohmann::ordered_json& event, size_t first_width = 20);
// One line per event of the record, then one per tally; nothing for an article without either.
std::string event_table_rows(const nlohmann::ordered_json& record);

}  // namespace salvo
