#include "salvo/gazetteer/gazetteer.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <iterator>
#include <limits>
#include <tuple>
#include <unordered_set>

#include "salvo/base/csv.h"

namespace salvo {

namespace fs = std::filesystem;

std::string_view to_string(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kCountry: return "country";
    case PlaceKind::kAdmin1: return "admin1";
    case PlaceKind::kRegion: return "region";
    case PlaceKind::kTown: return "town";
    case PlaceKind::kSite: return "site";
  }
  return "unknown";
}

double haversine_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kEarthRadiusKm = 6371.0088;
  constexpr double kRadians = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * kRadians;
  const double dlon = (lon2 - lon1) * kRadians;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRadians) * std::cos(lat2 * kRadians) * std::sin(dlon / 2) *
                       std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

std::optional<double> distance_km(const Place& a, const Place& b) {
  if (!a.lat || !a.lon || !b.lat || !b.lon) return std::nullopt;
  return haversine_km(*a.lat, *a.lon, *b.lat, *b.lon);
}

const Place* Gazetteer::find(std::string_view id) const {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &places_[it->second];
}

std::vector<const Place*> Gazetteer::named(std::string_view name) const {
  std::vector<size_t> hits;
  const auto [first, last] = by_name_.equal_range(name);
  for (auto it = first; it != last; ++it) hits.push_back(it->second);
  std::sort(hits.begin(), hits.end());
  hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
  std::vector<const Place*> out;
  out.reserve(hits.size());
  for (size_t i : hits) out.push_back(&places_[i]);
  return out;
}

const Place* Gazetteer::admin1_named(std::string_view country, std::string_view name) const {
  for (const Place& p : places_) {
    if (p.kind == PlaceKind::kAdmin1 && p.country == country && p.name == name) return &p;
  }
  return nullptr;
}

const Place* Gazetteer::admin1_of(double lat, double lon, std::string_view country) const {
  const Place* best = nullptr;
  double best_km = std::numeric_limits<double>::infinity();
  for (size_t i : anchors_) {
    const Place& town = places_[i];
    if (town.country != country) continue;
    const double km = haversine_km(lat, lon, *town.lat, *town.lon);
    if (km < best_km) {
      best_km = km;
      best = &town;
    }
  }
  return best ? find("admin1:" + best->admin1_code) : nullptr;
}

namespace {

// One data line of a table: its 1-based line number in the file and its fields.
struct Row {
  size_t line = 0;
  std::vector<std::string> fields;
};

struct Table {
  std::string path;
  std::vector<Row> rows;
};

Error error_at(const std::string& path, size_t line, const std::string& what) {
  return Error{path + ":" + std::to_string(line) + ": " + what};
}

std::string join(const std::vector<std::string_view>& parts, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

Result<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path.string() + ": cannot open file"};
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Error{path.string() + ": read error"};
  return bytes;
}

// Common checks on a split row: the column count, and no stray spaces at either end of a field
// (hand edits leave them, and "Erbil " would silently never match).
std::optional<Error> check_row(const std::string& path, const Row& row,
                               const std::vector<std::string_view>& columns) {
  if (row.fields.size() != columns.size()) {
    return error_at(path, row.line,
                    "expected " + std::to_string(columns.size()) + " columns (" +
                        join(columns, ", ") + "), found " + std::to_string(row.fields.size()));
  }
  for (size_t i = 0; i < row.fields.size(); ++i) {
    const std::string& f = row.fields[i];
    if (!f.empty() && (f.front() == ' ' || f.back() == ' ')) {
      return error_at(path, row.line,
                      std::string(columns[i]) + " '" + f + "' has leading or trailing spaces");
    }
  }
  return std::nullopt;
}

// A tab-separated table: '#' comment lines, then a header line naming `columns`, then rows.
Result<Table> read_tsv_table(const fs::path& file, const std::vector<std::string_view>& columns) {
  Table table{file.string(), {}};
  Result<std::string> bytes = read_file(file);
  if (!bytes) return bytes.error();
  const std::string& text = *bytes;
  bool header_seen = false;
  size_t line_no = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (!header_seen) {
      const std::string expected = join(columns, "\t");
      if (line != expected) {
        return error_at(table.path, line_no,
                        "header should name the columns " + join(columns, ", ") +
                            " (tab-separated), found '" + std::string(line) + "'");
      }
      header_seen = true;
      continue;
    }
    Row row{line_no, {}};
    for (size_t from = 0;;) {
      const size_t tab = line.find('\t', from);
      row.fields.emplace_back(line.substr(from, tab == std::string_view::npos ? line.npos : tab - from));
      if (tab == std::string_view::npos) break;
      from = tab + 1;
    }
    if (auto problem = check_row(table.path, row, columns)) return *problem;
    table.rows.push_back(std::move(row));
  }
  if (!header_seen) return Error{table.path + ": no header line (expected " + join(columns, ", ") + ")"};
  return table;
}

// The curated installations table is CSV (base/csv.h): it is edited in spreadsheets and its
// notes contain commas. The same checks on its rows as on the TSV tables'.
Result<Table> read_csv_table(const fs::path& file, const std::vector<std::string_view>& columns) {
  Table table{file.string(), {}};
  Result<std::string> bytes = read_file(file);
  if (!bytes) return bytes.error();
  Result<TsvFile> csv = parse_csv(*bytes, table.path, std::vector<std::string>(columns.begin(), columns.end()));
  if (!csv) return csv.error();
  for (TsvRow& record : csv->rows) {
    Row row{record.line, std::move(record.fields)};
    if (auto problem = check_row(table.path, row, columns)) return *problem;
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::optional<double> parse_double(std::string_view s) {
  double value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::optional<long> parse_count(std::string_view s) {
  long value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || value < 0) return std::nullopt;
  return value;
}

void add_alias(Place& place, std::string alias) {
  // Curated lists often repeat the name among "all names"; that is harmless, so it is skipped.
  if (alias.empty() || alias == place.name) return;
  if (std::find(place.aliases.begin(), place.aliases.end(), alias) != place.aliases.end()) return;
  place.aliases.push_back(std::move(alias));
}

}  // namespace

// Builds a Gazetteer file by file, stopping at the first problem.
class GazetteerLoader {
 public:
  explicit GazetteerLoader(fs::path data_dir) : dir_(std::move(data_dir)) {}

  Result<Gazetteer> run() {
    const fs::path gazetteer = dir_ / "gazetteer";
    for (auto step : {&GazetteerLoader::load_countries, &GazetteerLoader::load_admin1,
                      &GazetteerLoader::load_places, &GazetteerLoader::load_supplement,
                      &GazetteerLoader::load_installations, &GazetteerLoader::load_regions,
                      &GazetteerLoader::load_extra_aliases}) {
      if (auto problem = (this->*step)()) return *problem;
    }
    index();
    return std::move(g_);
  }

 private:
  using Status = std::optional<Error>;

  Status load_countries() {
    Result<Table> t = read_tsv_table(dir_ / "gazetteer" / "countries.tsv", {"code", "name", "arabic", "aliases"});
    if (!t) return t.error();
    for (Row& row : t->rows) {
      const std::string& code = row.fields[0];
      if (code.size() != 2 || !std::isupper(static_cast<unsigned char>(code[0])) ||
          !std::isupper(static_cast<unsigned char>(code[1]))) {
        return error_at(t->path, row.line, "country code '" + code + "' is not two capital letters");
      }
      Place p;
      p.id = "country:" + code;
      p.kind = PlaceKind::kCountry;
      p.name = row.fields[1];
      p.country = code;
      p.precision = "country";
      if (auto problem = aliases(*t, row, row.fields[3], p)) return problem;
      add_alias(p, row.fields[2]);
      if (auto problem = add(std::move(p), *t, row)) return problem;
      countries_.insert(code);
    }
    return std::nullopt;
  }

  Status load_admin1() {
    Result<Table> t = read_tsv_table(dir_ / "gazetteer" / "admin1.tsv",
                               {"code", "iso", "name", "geonames_name", "arabic", "lat", "lon",
                                "capital_geonameid", "aliases"});
    if (!t) return t.error();
    for (Row& row : t->rows) {
      const std::string& code = row.fields[0];
      const size_t dot = code.find('.');
      if (dot != 2 || dot + 1 == code.size()) {
        return error_at(t->path, row.line, "admin1 code '" + code + "' is not of the form CC.XX");
      }
      Place p;
      p.id = "admin1:" + code;
      p.kind = PlaceKind::kAdmin1;
      p.country = code.substr(0, 2);
      if (auto problem = known_country(*t, row, p.country)) return problem;
      p.name = row.fields[2];
      p.admin1 = p.name;
      p.admin1_code = code;
      p.precision = "admin1";
      if (auto problem = coordinates(*t, row, row.fields[5], row.fields[6], false, p)) return problem;
      if (!row.fields[7].empty() && !parse_count(row.fields[7])) {
        return error_at(t->path, row.line, "capital_geonameid '" + row.fields[7] + "' is not a number");
      }
      if (auto problem = aliases(*t, row, row.fields[8], p)) return problem;
      add_alias(p, row.fields[3]);
      add_alias(p, row.fields[4]);
      if (auto problem = add(std::move(p), *t, row)) return problem;
    }
    return std::nullopt;
  }

  Status load_places() {
    Result<Table> t = read_tsv_table(dir_ / "gazetteer" / "places.tsv",
                               {"geonameid", "name", "geonames_name", "country", "admin1_code",
                                "admin1_name", "lat", "lon", "feature_code", "population", "aliases"});
    if (!t) return t.error();
    for (Row& row : t->rows) {
      const std::vector<std::string>& f = row.fields;
      const std::optional<long> geonameid = parse_count(f[0]);
      if (!geonameid || *geonameid == 0) {
        return error_at(t->path, row.line, "geonameid '" + f[0] + "' is not a positive number");
      }
      Place p;
      p.id = "geonames:" + f[0];
      p.kind = PlaceKind::kTown;
      p.name = f[1];
      p.country = f[3];
      if (auto problem = known_country(*t, row, p.country)) return problem;
      if (!f[4].empty()) {
        const Place* admin1 = g_.find("admin1:" + f[4]);
        if (!admin1 || admin1->country != p.country) {
          return error_at(t->path, row.line, "admin1_code '" + f[4] + "' is not in admin1.tsv for " + p.country);
        }
        if (admin1->name != f[5]) {
          return error_at(t->path, row.line, "admin1_name '" + f[5] + "' does not match admin1.tsv ('" +
                                                 admin1->name + "' for " + f[4] + ")");
        }
        p.admin1_code = f[4];
        p.admin1 = admin1->name;
      } else if (!f[5].empty()) {
        return error_at(t->path, row.line, "admin1_name '" + f[5] + "' without an admin1_code");
      }
      if (auto problem = coordinates(*t, row, f[6], f[7], true, p)) return problem;
      if (f[8].empty()) return error_at(t->path, row.line, "empty feature_code");
      p.feature_code = f[8];
      const std::optional<long> population = parse_count(f[9]);
      if (!population) return error_at(t->path, row.line, "population '" + f[9] + "' is not a whole number");
      p.population = *population;
      p.precision = "town";
      if (auto problem = aliases(*t, row, f[10], p)) return problem;
      add_alias(p, f[2]);
      if (auto problem = add(std::move(p), *t, row)) return problem;
    }
    return std::nullopt;
  }

  Status load_supplement() {
    Result<Table> t = read_tsv_table(dir_ / "gazetteer" / "supplement.tsv",
                               {"id", "kind", "name", "country", "admin1", "lat", "lon", "precision",
                                "aliases", "source"});
    if (!t) return t.error();
    for (Row& row : t->rows) {
      const std::vector<std::string>& f = row.fields;
      Place p;
      p.id = "supplement:" + f[0];
      if (f[1] == "town") {
        p.kind = PlaceKind::kTown;
      } else if (f[1] == "site") {
        p.kind = PlaceKind::kSite;
      } else {
        return error_at(t->path, row.line, "kind '" + f[1] + "' is not town or site");
      }
      if (auto problem = curated(*t, row, f[0], f[2], f[3], f[4], f[5], f[6], f[7], f[8], p)) return problem;
      if (f[9].empty()) return error_at(t->path, row.line, "empty source: every supplement row cites one");
      if (auto problem = add(std::move(p), *t, row)) return problem;
    }
    return std::nullopt;
  }

  Status load_installations() {
    Result<Table> t = read_csv_table(dir_ / "installations.csv",
                               {"id", "name", "aliases", "country", "admin1", "lat", "lon",
                                "coord_precision", "notes", "source_url"});
    if (!t) return t.error();
    for (Row& row : t->rows) {
      const std::vector<std::string>& f = row.fields;
      Place p;
      p.id = "site:" + f[0];
      p.kind = PlaceKind::kSite;
      if (auto problem = curated(*t, row, f[0], f[1], f[3], f[4], f[5], f[6], f[7], f[2], p)) return problem;
      if (auto problem = add(std::move(p), *t, row)) return problem;
    }
    return std::nullopt;
  }

  Status load_regions() {
    Result<Table> t = read_tsv_table(dir_ / "gazetteer" / "regions.tsv",
                               {"id", "name", "country", "admin1", "lat", "lon", "aliases", "note"});
    if (!t) return t.error();
    for (Row& row : t->rows) {
      const std::vector<std::string>& f = row.fields;
      if (f[0].empty()) return error_at(t->path, row.line, "empty id");
      Place p;
      p.id = "region:" + f[0];
      p.kind = PlaceKind::kRegion;
      p.name = f[1];
      p.country = f[2];
      p.precision = "region";
      // A border region belongs to two countries; it has neither country nor admin1.
      if (!p.country.empty()) {
        if (auto problem = known_country(*t, row, p.country)) return problem;
      } else if (!f[3].empty()) {
        return error_at(t->path, row.line, "admin1 '" + f[3] + "' without a country");
      }
      if (auto problem = known_admin1(*t, row, p.country, f[3], p)) return problem;
      if (auto problem = coordinates(*t, row, f[4], f[5], false, p)) return problem;
      if (auto problem = aliases(*t, row, f[6], p)) return problem;
      if (auto problem = add(std::move(p), *t, row)) return problem;
    }
    return std::nullopt;
  }

  // Corrections applied to the places loaded so far. Each must still be needed: adding an alias
  // that is already there, or dropping one that is not, is reported so the file stays honest.
  Status load_extra_aliases() {
    Result<Table> t = read_tsv_table(dir_ / "gazetteer" / "extra_aliases.tsv", {"id", "use", "value", "why"});
    if (!t) return t.error();
    for (Row& row : t->rows) {
      const std::vector<std::string>& f = row.fields;
      const auto it = g_.by_id_.find(f[0]);
      if (it == g_.by_id_.end()) return error_at(t->path, row.line, "unknown place id '" + f[0] + "'");
      Place& p = g_.places_[it->second];
      const std::string& value = f[2];
      if (value.empty()) return error_at(t->path, row.line, "empty value");
      if (value.find('|') != std::string::npos) {
        return error_at(t->path, row.line, "value '" + value + "' contains '|': one alias a line");
      }
      auto existing = std::find(p.aliases.begin(), p.aliases.end(), value);
      const bool present = existing != p.aliases.end() || value == p.name;
      if (f[1] == "alias") {
        if (present) return error_at(t->path, row.line, "'" + value + "' is already a name of " + p.id);
        p.aliases.push_back(value);
      } else if (f[1] == "name") {
        if (value == p.name) return error_at(t->path, row.line, "'" + value + "' is already the name of " + p.id);
        if (existing != p.aliases.end()) p.aliases.erase(existing);
        p.aliases.push_back(std::move(p.name));
        p.name = value;
      } else if (f[1] == "drop") {
        if (existing == p.aliases.end()) {
          return error_at(t->path, row.line, "'" + value + "' is not an alias of " + p.id + ": nothing to drop");
        }
        p.aliases.erase(existing);
      } else {
        return error_at(t->path, row.line, "use '" + f[1] + "' is not alias, name or drop");
      }
    }
    return std::nullopt;
  }

  // The columns supplement.tsv and installations.csv share.
  Status curated(const Table& t, const Row& row, const std::string& key, const std::string& name,
                 const std::string& country, const std::string& admin1, const std::string& lat,
                 const std::string& lon, const std::string& precision, const std::string& alias_list,
                 Place& p) {
    if (key.empty()) return error_at(t.path, row.line, "empty id");
    p.name = name;
    p.country = country;
    if (auto problem = known_country(t, row, country)) return problem;
    if (auto problem = known_admin1(t, row, country, admin1, p)) return problem;
    if (auto problem = coordinates(t, row, lat, lon, true, p)) return problem;
    if (precision != "site" && precision != "town" && precision != "approx") {
      return error_at(t.path, row.line, "precision '" + precision + "' is not site, town or approx");
    }
    p.precision = precision;
    return aliases(t, row, alias_list, p);
  }

  Status known_country(const Table& t, const Row& row, const std::string& code) {
    if (countries_.count(code)) return std::nullopt;
    return error_at(t.path, row.line, "unknown country code '" + code + "' (not in countries.tsv)");
  }

  Status known_admin1(const Table& t, const Row& row, const std::string& country,
                      const std::string& name, Place& p) {
    if (name.empty()) return std::nullopt;
    const Place* admin1 = g_.admin1_named(country, name);
    if (!admin1) {
      return error_at(t.path, row.line, "unknown admin1 '" + name + "' for " + country +
                                            " (use the name column of admin1.tsv)");
    }
    p.admin1 = admin1->name;
    return std::nullopt;
  }

  Status coordinates(const Table& t, const Row& row, const std::string& lat_text,
                     const std::string& lon_text, bool required, Place& p) {
    if (lat_text.empty() && lon_text.empty() && !required) return std::nullopt;
    const std::optional<double> lat = parse_double(lat_text);
    const std::optional<double> lon = parse_double(lon_text);
    if (!lat) return error_at(t.path, row.line, "lat '" + lat_text + "' is not a number");
    if (!lon) return error_at(t.path, row.line, "lon '" + lon_text + "' is not a number");
    if (*lat < -90 || *lat > 90) return error_at(t.path, row.line, "lat " + lat_text + " is outside -90..90");
    if (*lon < -180 || *lon > 180) return error_at(t.path, row.line, "lon " + lon_text + " is outside -180..180");
    p.lat = lat;
    p.lon = lon;
    return std::nullopt;
  }

  Status aliases(const Table& t, const Row& row, const std::string& list, Place& p) {
    if (list.empty()) return std::nullopt;
    for (size_t from = 0;;) {
      const size_t bar = list.find('|', from);
      std::string alias = list.substr(from, bar == std::string::npos ? std::string::npos : bar - from);
      if (alias.empty()) return error_at(t.path, row.line, "empty alias in '" + list + "'");
      add_alias(p, std::move(alias));
      if (bar == std::string::npos) break;
      from = bar + 1;
    }
    return std::nullopt;
  }

  Status add(Place p, const Table& t, const Row& row) {
    if (p.name.empty()) return error_at(t.path, row.line, "empty name");
    std::string origin = t.path + ":" + std::to_string(row.line);
    const auto [it, inserted] = origins_.emplace(p.id, origin);
    if (!inserted) return error_at(t.path, row.line, "duplicate id '" + p.id + "' (first at " + it->second + ")");
    g_.by_id_.emplace(p.id, g_.places_.size());
    g_.places_.push_back(std::move(p));
    return std::nullopt;
  }

  void index() {
    std::unordered_map<std::string, std::tuple<double, double, int>> admin1_sums;  // country -> lat, lon, n
    for (size_t i = 0; i < g_.places_.size(); ++i) {
      const Place& p = g_.places_[i];
      g_.by_name_.emplace(p.name, i);
      for (const std::string& alias : p.aliases) g_.by_name_.emplace(alias, i);
      if (p.kind == PlaceKind::kTown && p.lat && p.lon && !p.admin1_code.empty()) g_.anchors_.push_back(i);
      if (p.kind == PlaceKind::kAdmin1 && p.lat && p.lon) {
        auto& [lat, lon, n] = admin1_sums[p.country];
        lat += *p.lat, lon += *p.lon, ++n;
      }
    }
    for (const auto& [country, sum] : admin1_sums) {
      const auto& [lat, lon, n] = sum;
      g_.country_points_.emplace(country, std::make_pair(lat / n, lon / n));
    }
  }

  fs::path dir_;
  Gazetteer g_;
  std::unordered_set<std::string> countries_;
  std::unordered_map<std::string, std::string> origins_;  // id -> "path:line" of its definition
};

Result<Gazetteer> Gazetteer::load(const fs::path& data_dir) { return GazetteerLoader(data_dir).run(); }

std::optional<std::pair<double, double>> Gazetteer::map_point(const Place& place) const {
  if (place.lat && place.lon) return std::make_pair(*place.lat, *place.lon);
  if (place.kind == PlaceKind::kRegion && !place.admin1.empty()) {
    if (const Place* division = admin1_named(place.country, place.admin1); division && division->lat && division->lon) {
      return std::make_pair(*division->lat, *division->lon);
    }
  }
  if (place.kind == PlaceKind::kRegion || place.kind == PlaceKind::kCountry) {
    if (const auto it = country_points_.find(place.country); it != country_points_.end()) return it->second;
  }
  return std::nullopt;
}

}  // namespace salvo
