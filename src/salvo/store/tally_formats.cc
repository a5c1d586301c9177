#include "salvo/store/tally_formats.h"

#include <fmt/format.h>

#include "salvo/base/terminal_text.h"
#include "salvo/export/merged_formats.h"

namespace salvo {
namespace {

using Json = nlohmann::ordered_json;

std::string text_of(const Json& object, const char* field) {
  const auto it = object.find(field);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string count_of(const Json& tally) {
  const auto it = tally.find("count");
  return it != tally.end() && it->is_number_integer() ? std::to_string(it->get<long>()) : "";
}

// The tally's day: its as_of, else its report's publication day.
std::string day_of(const StoredTally& stored) {
  const std::string as_of = text_of(stored.tally, "as_of");
  return !as_of.empty() ? as_of : stored.published.value_or("").substr(0, 10);
}

}  // namespace

Json tally_json(const StoredTally& stored, const Store::TallyHeld& held) {
  const Json holds = held.value ? Json(*held.value) : Json();
  return Json{{"article", stored.article},
              {"published", stored.published ? Json(*stored.published) : Json()},
              {"tally", stored.tally},
              {"salvo_holds", holds},
              {"salvo_window", held.since.empty() ? Json() : Json{{"since", held.since}, {"until", held.until}}},
              {"salvo_note", held.note.empty() ? Json() : Json(held.note)},
              {"salvo_events", text_of(stored.tally, "what") == "attacks" ? holds : Json()}};
}

std::string tally_csv_header() {
  return "day,what,qualifier,count,country,since,salvo_holds,window_since,window_until,salvo_note,article,published\r\n";
}

std::string tally_csv_row(const StoredTally& stored, const Store::TallyHeld& held) {
  const Json& t = stored.tally;
  const std::vector<std::string> fields = {day_of(stored),      text_of(t, "what"),  text_of(t, "qualifier"),
                                           count_of(t),         text_of(t, "country"), text_of(t, "since"),
                                           held.value ? std::to_string(*held.value) : "", held.since, held.until,
                                           held.note,           stored.article,      stored.published.value_or("")};
  std::string row;
  for (size_t i = 0; i < fields.size(); ++i) row += (i ? "," : "") + csv_field(fields[i]);
  return row + "\r\n";
}

std::string tally_table(const std::vector<HeldTally>& tallies) {
  std::string out = fmt::format("{:<10} {:<8} {:<10} {:<3} {:>7}  {:>12}  {}\n", "as_of", "what", "since", "cc", "count",
                                "salvo holds", "source");
  for (const auto& [stored, held] : tallies) {
    const Json& tally = stored.tally;
    const std::string qualifier = text_of(tally, "qualifier");
    const std::string sign = qualifier == "at_least" ? "≥" : qualifier == "about" ? "~" : "";
    const std::string count = count_of(tally);
    const double official = count.empty() ? 0.0 : std::stod(count);
    const std::string holds =
        held.value ? fmt::format("{} ({:.0f}%)", *held.value, official > 0 ? 100.0 * static_cast<double>(*held.value) / official : 0.0)
                   : "-";
    const std::string day = day_of(stored), since = text_of(tally, "since"), country = text_of(tally, "country");
    out += fmt::format("{:<10} {:<8} {:<10} {:<3} {:>7}  {:>12}  {}\n", day.empty() ? "-" : day, text_of(tally, "what"),
                       since.empty() ? "-" : since, country.empty() ? "all" : country, sign + count, holds,
                       terminal_text(stored.article));
  }
  return out;
}

}  // namespace salvo
