// Merged events as ACLED's data are written (ACLED Codebook, the 31 columns of an ACLED export,
// in their order), so that scripts written for ACLED read Salvo's events unchanged. Salvo's own
// fields are in event_fields.h; this is the other contract.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "salvo/base/result.h"
#include "salvo/lexicon/lexicon.h"

namespace salvo {

// ACLED's columns, in the codebook's order.
const std::vector<std::string>& acled_columns();

// What ACLED writes that Salvo's events do not hold: data/export/{acled_countries,acled_admin1,
// outlet_scales}.tsv, and the actors of data/lexicon (their names and kinds give actor1/actor2
// and the inter codes).
class AcledTables {
 public:
  // Validates each file (errors name the file and line).
  static Result<AcledTables> load(const std::filesystem::path& data_dir);

  struct Country {
    std::string name;  // the gazetteer's ("Iraq")
    std::string iso3;
    int iso_numeric = 0;
    std::string region;
  };
  const Country* country(const std::string& alpha2) const;
  std::string admin1(const std::string& alpha2, const std::string& admin1) const;
  // ACLED's source_scale of the outlets named ("National-International"); "" when none is known.
  std::string source_scale(const std::vector<std::string>& outlets) const;
  // The actor term an event's actor or target words name, if any.
  const Term* actor(const std::string& words) const;

 private:
  std::map<std::string, Country> countries_;
  std::map<std::pair<std::string, std::string>, std::string> admin1_;
  std::map<std::string, std::string> scales_;  // lower-cased outlet → scale
  std::vector<Term> actors_;
  std::map<std::string, size_t> actor_by_name_;  // fold_name(alias) → index into actors_
};

// One ACLED row of an event, or nothing for an undated event (ACLED has no undated events).
struct AcledRow {
  std::vector<std::string> values;  // acled_columns() order
};
std::optional<AcledRow> acled_row(const nlohmann::ordered_json& event, const AcledTables& tables);

// The header and rows as CSV (RFC 4180, CRLF); `undated` counts the events left out.
std::string acled_csv(const std::vector<nlohmann::ordered_json>& events, const AcledTables& tables, size_t& undated);

}  // namespace salvo
