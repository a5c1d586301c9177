// The data dictionary of a merged event (docs/fields.md): one name and one encoding per field in
// every format Salvo writes: JSONL, the API, CSV and GeoJSON. JSONL, the API and GeoJSON's
// properties hold each value as JSON (lists as arrays); CSV holds a string or number as its text,
// null as an empty field, and a list or an object as its JSON text. ACLED's own columns are
// another contract, written by acled_format.h.
#pragma once

#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace salvo {

// The JSON type of a field's value (null allowed where `nullable`).
enum class FieldType { kText, kInteger, kNumber, kDate, kTextList, kSources, kConflicts };
std::string_view to_string(FieldType type);

struct EventField {
  std::string_view name;
  FieldType type;
  bool nullable;
  std::string_view meaning;  // one line, as docs/fields.md gives it
};

// Every field of an exported event, in the order every format writes them.
const std::vector<EventField>& event_fields();

// A merged event (spec/output.md merged form, its sources cited by the store) as exported: the
// dictionary's fields in its order, with the fields derived from its sources (source_count,
// outlets); any field the dictionary does not name is left out.
nlohmann::ordered_json exported_event(const nlohmann::ordered_json& event);

// One CSV line of `exported_event(event)`'s values, and the header naming them; RFC 4180, CRLF.
std::string event_csv_header();
std::string event_csv_row(const nlohmann::ordered_json& event);

}  // namespace salvo
