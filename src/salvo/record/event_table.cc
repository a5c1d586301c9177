#include "salvo/record/event_table.h"

#include <fmt/format.h>

#include "salvo/base/terminal_text.h"

namespace salvo {
namespace {

std::string value_or_dash(const nlohmann::ordered_json& v) {
  if (v.is_null()) return "-";
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

// Cuts to `width` display columns, counting UTF-8 characters, with "…" when cut; what comes from
// an article is printed with its control characters escaped (base/terminal_text.h).
std::string fit(const std::string& text, size_t width) {
  const std::string s = terminal_text(text);
  size_t chars = 0, i = 0;
  while (i < s.size() && chars < width) {
    const auto c = static_cast<unsigned char>(s[i]);
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++chars;
  }
  if (i >= s.size()) return s + std::string(width - chars, ' ');
  // Leave room for the ellipsis.
  size_t cut = 0, kept = 0;
  while (cut < s.size() && kept + 1 < width) {
    const auto c = static_cast<unsigned char>(s[cut]);
    cut += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++kept;
  }
  return s.substr(0, cut) + "\xE2\x80\xA6";
}

}  // namespace

std::string event_table_header(const std::string& first_column, size_t first_width) {
  return fmt::format("{} {} {} {} {} {} {} {} {}\n", fit(first_column, first_width), fit("date", 10), fit("type", 12), fit("cc", 3),
                     fit("location", 30), fit("weapons", 13), fit("actor (how known)", 34), fit("killed/inj", 10), "conf");
}

std::string event_table_row(const std::string& first_column, const nlohmann::ordered_json& e, size_t first_width) {
  std::string weapons;
  for (const auto& w : e["weapons"]) weapons += (weapons.empty() ? "" : ",") + w.get<std::string>();
  std::string date = value_or_dash(e["date"]);
  if (!e["date_max"].is_null()) date += ".." + e["date_max"].get<std::string>().substr(5);
  std::string actor = value_or_dash(e["actor"]);
  if (!e["actor_status"].is_null()) actor += " (" + e["actor_status"].get<std::string>() + ")";
  std::string type = e["type"].get<std::string>();
  if (e["count"].get<int>() > 1) type += fmt::format(" ×{}", e["count"].get<int>());
  if (e["role"] == "background") type += "*";
  return fmt::format("{} {} {} {} {} {} {} {} {:.2f}\n", fit(first_column, first_width), fit(date, 10), fit(type, 12),
                     fit(value_or_dash(e["country"]), 3), fit(value_or_dash(e["location"]), 30), fit(weapons, 13),
                     fit(actor, 34), fit(value_or_dash(e["killed"]) + "/" + value_or_dash(e["injured"]), 10),
                     e["confidence"].get<double>());
}

std::string event_table_rows(const nlohmann::ordered_json& record) {
  std::string out;
  const std::string article = record["article"]["id"].get<std::string>();
  for (const auto& e : record["events"]) out += event_table_row(article, e);
  for (const auto& t : record["tallies"]) {
    const std::string what = fmt::format("{} {} {}{}", t["what"].get<std::string>(), t["qualifier"] == "at_least" ? "≥" : "=",
                                         t["count"].get<long>(), t["since"].is_null() ? "" : " since " + t["since"].get<std::string>());
    out += fmt::format("{} {} {} {} {}\n", fit(article, 20), fit(value_or_dash(t["as_of"]), 10), fit("tally", 12),
                       fit(t["country"].is_null() ? "all" : t["country"].get<std::string>(), 3), what);
  }
  return out;
}

}  // namespace salvo
