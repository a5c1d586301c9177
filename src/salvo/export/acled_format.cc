#include "salvo/export/acled_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "salvo/base/ascii.h"
#include "salvo/base/date.h"
#include "salvo/base/tsv.h"
#include "salvo/export/merged_formats.h"
#include "salvo/gazetteer/gazetteer.h"
#include "salvo/lexicon/fold.h"

namespace salvo {
namespace {

using Json = nlohmann::ordered_json;

std::string text_of(const Json& event, const char* key) {
  const auto it = event.find(key);
  if (it == event.end() || it->is_null()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

// ACLED's inter codes (Codebook, "Actor types"): 1 state forces, 2 rebel groups, 3 political
// militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces
// (among them a state's forces acting outside their country).
enum Inter { kStateForces = 1, kRebelGroup = 2, kPoliticalMilitia = 3, kIdentityMilitia = 4, kExternalForces = 8 };

// The state whose forces an actor kind is, for telling home forces (1) from foreign ones (8).
std::string home_country(const Term& actor) {
  if (actor.side == Side::kUsCoalition) return actor.id.rfind("us-", 0) == 0 ? "US" : "";
  if (actor.side == Side::kIranianState) return "IR";
  if (actor.kind == "iraqi_state") return "IQ";
  if (actor.id.rfind("jordan", 0) == 0) return "JO";
  return "";
}

int inter_of(const Term* actor, const std::string& country) {
  if (!actor) return kPoliticalMilitia;  // an unidentified armed group
  const std::string& kind = actor->kind;
  if (kind == "state" || kind == "iraqi_state" || kind == "coalition") {
    return !country.empty() && home_country(*actor) == country ? kStateForces : kExternalForces;
  }
  if (kind == "jihadist" || kind == "kurdish") return actor->id == "peshmerga" || actor->id == "krg-counter-terrorism" ? kStateForces : kRebelGroup;
  if (kind == "tribal") return kIdentityMilitia;
  return kPoliticalMilitia;  // militia, facade, umbrella, generic
}

// ACLED's time_precision: 1 the day is known, 2 a day within a week, 3 within a month. A range
// is written at its middle day, as ACLED dates an event known only to a period.
std::pair<std::string, int> acled_date(const Json& event) {
  const std::string first = text_of(event, "date");
  const std::string last = text_of(event, "date_max");
  if (last.empty() || last == first) return {first, 1};
  const std::optional<Date> a = parse_iso_date_prefix(first);
  const std::optional<Date> b = parse_iso_date_prefix(last);
  if (!a || !b) return {first, 3};
  const int days = b->days_since_epoch() - a->days_since_epoch();
  return {Date::from_days_since_epoch(a->days_since_epoch() + days / 2).iso(), days <= 6 ? 2 : 3};
}

struct EventType {
  const char* disorder;
  const char* event;
  const char* sub_event;
};

// ACLED's event and sub-event types for Salvo's types and weapon classes (Codebook, "Event
// types"): a launch stopped in the air is a strategic development (disrupted weapons use); what
// flies is an air/drone strike, what is fired from the ground shelling/artillery/missile attack,
// a roadside bomb a remote explosive; gunfire an armed clash.
EventType event_type_of(const Json& event) {
  const std::string type = text_of(event, "type");
  if (type == "interception") return {"Strategic developments", "Strategic developments", "Disrupted weapons use"};
  std::vector<std::string> weapons;
  if (event.contains("weapons") && event["weapons"].is_array()) {
    for (const Json& w : event["weapons"]) weapons.push_back(w.is_string() ? w.get<std::string>() : "");
  }
  const auto has = [&](const char* w) { return std::find(weapons.begin(), weapons.end(), w) != weapons.end(); };
  if (type == "strike" || has("drone") || has("aircraft")) return {"Political violence", "Explosions/Remote violence", "Air/drone strike"};
  if (has("rocket") || has("missile") || has("mortar")) {
    return {"Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"};
  }
  if (has("ied")) return {"Political violence", "Explosions/Remote violence", "Remote explosive/landmine/IED"};
  if (has("small_arms")) return {"Political violence", "Battles", "Armed clash"};
  // A weapon the text does not name: most attacks on these bases are indirect fire.
  return {"Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"};
}

// ACLED's name for an armed group it cannot name: "Unidentified Armed Group (Iraq)".
std::string unidentified(const AcledTables::Country* country) {
  return country ? fmt::format("Unidentified Armed Group ({})", country->name) : "Unidentified Armed Group";
}

std::string stable_number(const std::string& event_id) {
  // The event id's first ten hex digits as a decimal: stable across runs (the id is), unique
  // among a store's events with odds of a clash below 1 in 10,000 at 10,000 events.
  const std::string hex = event_id.rfind("ev_", 0) == 0 ? event_id.substr(3, 10) : event_id.substr(0, 10);
  unsigned long long n = 0;
  for (char c : hex) {
    const int digit = is_ascii_digit(c) ? c - '0' : (to_lower_ascii(c) >= 'a' && to_lower_ascii(c) <= 'f') ? to_lower_ascii(c) - 'a' + 10 : -1;
    if (digit < 0) break;
    n = n * 16 + static_cast<unsigned>(digit);
  }
  return std::to_string(n);
}

// The newest publication day among the sources, as Unix time at its midnight (UTC): the
// moment Salvo could first hold the event as it is.
std::string timestamp_of(const Json& event) {
  std::string newest;
  if (event.contains("sources") && event["sources"].is_array()) {
    for (const Json& s : event["sources"]) newest = std::max(newest, text_of(s, "published").substr(0, 10));
  }
  const std::optional<Date> day = parse_iso_date_prefix(newest);
  return day ? std::to_string(static_cast<long long>(day->days_since_epoch()) * 86400) : "";
}

std::vector<std::string> outlets_of(const Json& event) {
  std::vector<std::string> outlets;
  if (!event.contains("sources") || !event["sources"].is_array()) return outlets;
  for (const Json& s : event["sources"]) {
    const std::string outlet = text_of(s, "outlet");
    if (!outlet.empty() && std::find(outlets.begin(), outlets.end(), outlet) == outlets.end()) outlets.push_back(outlet);
  }
  return outlets;
}

// ACLED's notes: what happened, in the sources' words, then what Salvo knows it does not know.
std::string notes_of(const Json& event) {
  std::string notes;
  if (event.contains("sources") && event["sources"].is_array() && !event["sources"].empty()) {
    const Json& first = event["sources"][0];
    if (first.contains("evidence") && first["evidence"].is_array() && !first["evidence"].empty()) {
      notes = text_of(first["evidence"][0], "text");
    }
  }
  if (event.value("killed", Json()).is_null()) notes += (notes.empty() ? "" : " ") + std::string("[Fatalities not reported.]");
  const std::string actor_status = text_of(event, "actor_status");
  if (!actor_status.empty()) notes += fmt::format(" [Actor {}.]", actor_status);
  if (text_of(event, "role") == "background") notes += " [Recalled in a later report.]";
  notes += fmt::format(" [Salvo {}]", text_of(event, "id"));
  return notes;
}

}  // namespace

const std::vector<std::string>& acled_columns() {
  static const std::vector<std::string> columns = {
      "event_id_cnty", "event_date",     "year",           "time_precision", "disorder_type",      "event_type",
      "sub_event_type", "actor1",        "assoc_actor_1",  "inter1",         "actor2",             "assoc_actor_2",
      "inter2",        "interaction",    "civilian_targeting", "iso",        "region",             "country",
      "admin1",        "admin2",         "admin3",         "location",       "latitude",           "longitude",
      "geo_precision", "source",         "source_scale",   "notes",          "fatalities",         "tags",
      "timestamp"};
  return columns;
}

Result<AcledTables> AcledTables::load(const std::filesystem::path& data_dir) {
  AcledTables tables;
  Result<Gazetteer> gazetteer = Gazetteer::load(data_dir);
  if (!gazetteer) return gazetteer.error();
  {
    Result<TsvFile> file = read_tsv(data_dir / "export" / "acled_countries.tsv", {"code", "iso3", "iso_numeric", "acled_region"});
    if (!file) return file.error();
    for (const TsvRow& row : file->rows) {
      const std::string& code = row.fields[0];
      const Place* place = gazetteer->find("country:" + code);
      if (!place) return Error{file->where(row) + ": country " + code + " is not in data/gazetteer/countries.tsv"};
      const std::string& iso3 = row.fields[1];
      if (iso3.size() != 3 || !std::all_of(iso3.begin(), iso3.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
        return Error{file->where(row) + ": iso3 '" + iso3 + "' is not three capital letters"};
      }
      const std::string& numeric = row.fields[2];
      if (numeric.empty() || numeric.size() > 3 || !std::all_of(numeric.begin(), numeric.end(), is_ascii_digit)) {
        return Error{file->where(row) + ": iso_numeric '" + numeric + "' is not an ISO 3166-1 numeric code (1-3 digits)"};
      }
      if (row.fields[3].empty()) return Error{file->where(row) + ": no acled_region"};
      if (!tables.countries_.emplace(code, Country{place->name, iso3, std::stoi(numeric), row.fields[3]}).second) {
        return Error{file->where(row) + ": country " + code + " given twice"};
      }
    }
  }
  {
    Result<TsvFile> file = read_tsv(data_dir / "export" / "acled_admin1.tsv", {"country", "admin1", "acled_admin1"});
    if (!file) return file.error();
    std::set<std::pair<std::string, std::string>> known;
    for (const Place& p : gazetteer->places()) {
      if (p.kind == PlaceKind::kAdmin1) known.emplace(p.country, p.name);
    }
    for (const TsvRow& row : file->rows) {
      if (!known.count({row.fields[0], row.fields[1]})) {
        return Error{file->where(row) + ": " + row.fields[0] + " has no province '" + row.fields[1] +
                     "' in data/gazetteer/admin1.tsv (use its name column)"};
      }
      if (row.fields[2].empty()) return Error{file->where(row) + ": no acled_admin1"};
      if (!tables.admin1_.emplace(std::make_pair(row.fields[0], row.fields[1]), row.fields[2]).second) {
        return Error{file->where(row) + ": province given twice"};
      }
    }
  }
  {
    Result<TsvFile> file = read_tsv(data_dir / "export" / "outlet_scales.tsv", {"outlet", "scale"});
    if (!file) return file.error();
    static const std::array<std::string_view, 4> kScales = {"Subnational", "National", "Regional", "International"};
    for (const TsvRow& row : file->rows) {
      if (std::find(kScales.begin(), kScales.end(), row.fields[1]) == kScales.end()) {
        return Error{file->where(row) + ": scale '" + row.fields[1] + "' is not Subnational, National, Regional or International"};
      }
      if (!tables.scales_.emplace(lower_ascii(row.fields[0]), row.fields[1]).second) {
        return Error{file->where(row) + ": outlet '" + row.fields[0] + "' given twice"};
      }
    }
  }
  Result<Lexicon> lexicon = Lexicon::load(data_dir / "lexicon");
  if (!lexicon) return lexicon.error();
  for (const Term& term : lexicon->terms()) {
    if (term.category != TermCategory::kActor) continue;
    tables.actor_by_name_.emplace(fold_name(term.name), tables.actors_.size());
    tables.actors_.push_back(term);
  }
  for (const TermAlias& alias : lexicon->aliases()) {
    const Term& term = lexicon->terms()[alias.term];
    if (term.category != TermCategory::kActor) continue;
    const auto at = tables.actor_by_name_.find(fold_name(term.name));
    if (at != tables.actor_by_name_.end()) tables.actor_by_name_.emplace(fold_name(alias.text), at->second);
  }
  return tables;
}

const AcledTables::Country* AcledTables::country(const std::string& alpha2) const {
  const auto it = countries_.find(alpha2);
  return it == countries_.end() ? nullptr : &it->second;
}

std::string AcledTables::admin1(const std::string& alpha2, const std::string& admin1) const {
  const auto it = admin1_.find({alpha2, admin1});
  return it == admin1_.end() ? admin1 : it->second;
}

std::string AcledTables::source_scale(const std::vector<std::string>& outlets) const {
  static const std::array<std::string_view, 4> kOrder = {"Subnational", "National", "Regional", "International"};
  std::set<std::string> scales;
  for (const std::string& outlet : outlets) {
    if (const auto it = scales_.find(lower_ascii(outlet)); it != scales_.end()) scales.insert(it->second);
  }
  std::string out;
  for (std::string_view scale : kOrder) {
    if (scales.count(std::string(scale))) out += (out.empty() ? "" : "-") + std::string(scale);
  }
  return out;
}

const Term* AcledTables::actor(const std::string& words) const {
  if (words.empty()) return nullptr;
  const auto it = actor_by_name_.find(fold_name(words));
  return it == actor_by_name_.end() ? nullptr : &actors_[it->second];
}

std::optional<AcledRow> acled_row(const Json& event, const AcledTables& tables) {
  const auto [date, time_precision] = acled_date(event);
  if (date.empty()) return std::nullopt;
  const std::string alpha2 = text_of(event, "country");
  const AcledTables::Country* country = tables.country(alpha2);
  const EventType type = event_type_of(event);

  // actor1 is who acted; actor2 whom it acted on. Attacks and interceptions in this domain are
  // on US and coalition forces (spec/annotation.md, Scope): actor2 is the force the target names,
  // else the coalition. A strike's actor2 is the group struck, when the target names one.
  const std::string actor_words = text_of(event, "actor");
  const Term* actor1 = tables.actor(actor_words);
  const Term* target = tables.actor(text_of(event, "target"));
  std::string actor1_name = actor1 ? actor1->name : !actor_words.empty() ? actor_words : unidentified(country);
  std::string actor2_name;
  const Term* actor2 = nullptr;
  if (text_of(event, "type") == "strike") {
    actor2 = target && target->side != Side::kUsCoalition ? target : nullptr;
    actor2_name = actor2 ? actor2->name : unidentified(country);
  } else {
    actor2 = target && target->side == Side::kUsCoalition ? target : tables.actor("US-led coalition");
    actor2_name = actor2 ? actor2->name : "US-led coalition";
  }
  int inter1 = inter_of(actor1, alpha2);
  if (!actor1 && text_of(event, "type") == "strike") inter1 = kExternalForces;  // strikes are states'
  const int inter2 = inter_of(actor2, alpha2);
  const int low = std::min(inter1, inter2), high = std::max(inter1, inter2);

  // ACLED geo_precision: 1 the place itself (a town, a base), 2 near it or a part of a region,
  // 3 a province or larger.
  const std::string precision = text_of(event, "place_precision");
  const int geo_precision = precision == "site" || precision == "town" ? 1 : precision == "approx" ? 2 : 3;
  std::string location = text_of(event, "location");
  if (location.empty() || precision == "country") location = country ? country->name : alpha2;
  const Json killed = event.value("killed", Json());
  const std::vector<std::string> outlets = outlets_of(event);
  std::string source;
  for (const std::string& outlet : outlets) source += (source.empty() ? "" : "; ") + outlet;

  AcledRow row;
  row.values = {
      country ? country->iso3 + stable_number(text_of(event, "id")) : alpha2 + stable_number(text_of(event, "id")),
      date,
      date.substr(0, 4),
      std::to_string(time_precision),
      type.disorder,
      type.event,
      type.sub_event,
      actor1_name,
      "",
      std::to_string(inter1),
      actor2_name,
      "",
      std::to_string(inter2),
      std::to_string(low * 10 + high),
      "",
      country ? std::to_string(country->iso_numeric) : "",
      country ? country->region : "",
      country ? country->name : alpha2,
      tables.admin1(alpha2, text_of(event, "admin1")),
      "",
      "",
      location,
      text_of(event, "lat"),
      text_of(event, "lon"),
      std::to_string(geo_precision),
      source,
      tables.source_scale(outlets),
      notes_of(event),
      killed.is_number_integer() ? std::to_string(killed.get<long long>()) : "0",
      "",
      timestamp_of(event),
  };
  return row;
}

std::string acled_csv(const std::vector<Json>& events, const AcledTables& tables, size_t& undated) {
  std::string out;
  for (const std::string& column : acled_columns()) out += (out.empty() ? "" : ",") + column;
  out += "\r\n";
  undated = 0;
  for (const Json& event : events) {
    const std::optional<AcledRow> row = acled_row(event, tables);
    if (!row) {
      ++undated;
      continue;
    }
    for (size_t i = 0; i < row->values.size(); ++i) out += (i ? "," : "") + csv_field(row->values[i]);
    out += "\r\n";
  }
  return out;
}

}  // namespace salvo
