// The places Salvo can put an event at: countries, first-level divisions, named regions, towns and
// military sites, loaded from data/gazetteer/*.tsv and data/installations.csv (see data/README.md).
//
// Every file is validated on load; the first problem is returned as an Error "path:line: what".
// Lookups here are exact (ids, exact name bytes, coordinates). Folding news spellings onto these
// names ("Deir-ez-Zor" ~ "Deir ez Zor", "al-" articles, diacritics) is the text matcher's job.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "salvo/base/result.h"

namespace salvo {

enum class PlaceKind { kCountry, kAdmin1, kRegion, kTown, kSite };

// "country", "admin1", "region", "town", "site".
std::string_view to_string(PlaceKind kind);

struct Place {
  // Namespaced so the sources cannot collide: "country:IQ", "admin1:IQ.01", "region:eastern-syria",
  // "geonames:98182", "supplement:taji", "site:ain-al-asad".
  std::string id;
  PlaceKind kind = PlaceKind::kTown;
  std::string name;     // display name, the spelling news uses ("Erbil", "Al-Shaddadi")
  std::string country;  // ISO 3166-1 alpha-2; empty only for a region shared by two countries
  // Canonical English admin1 name, the GeoNames spelling the gold files use ("Anbar", "Deir ez-Zor",
  // "Al-Hasakah", "Rif-dimashq"); an admin1 place carries its own name; empty when unknown.
  std::string admin1;
  std::optional<double> lat, lon;
  long population = 0;               // GeoNames population; 0 when unknown
  std::vector<std::string> aliases;  // other names, Latin and Arabic script; never contains `name`
  // How exact the point is. Sites and supplement rows: "site" | "town" | "approx" (from the curated
  // tables); otherwise the kind: "country" | "admin1" | "region" | "town".
  std::string precision;
  std::string admin1_code;   // GeoNames admin1 code ("IQ.01") for admin1 and GeoNames towns
  std::string feature_code;  // GeoNames feature code ("PPL", "PPLA2", "PPLC") for GeoNames towns
};

// Great-circle distance on a sphere of radius 6371.0088 km (the mean Earth radius).
double haversine_km(double lat1, double lon1, double lat2, double lon2);

// Distance between two places, or nothing when either lacks coordinates.
std::optional<double> distance_km(const Place& a, const Place& b);

class Gazetteer {
 public:
  // Loads `data_dir`/gazetteer/{countries,admin1,places,supplement,regions,extra_aliases}.tsv and
  // `data_dir`/installations.csv. Pass salvo::data_dir() (base/data_dir.h) for the installed data.
  static Result<Gazetteer> load(const std::filesystem::path& data_dir);

  // Every place, in load order: countries, admin1, GeoNames towns, supplement, sites, regions.
  const std::vector<Place>& places() const { return places_; }

  // The place with this id, or nullptr.
  const Place* find(std::string_view id) const;

  // Places whose name or one of whose aliases is exactly `name` (same bytes), in load order.
  std::vector<const Place*> named(std::string_view name) const;

  // The admin1 of `country` whose canonical name is `name` ("IQ", "Anbar"), or nullptr.
  const Place* admin1_named(std::string_view country, std::string_view name) const;

  // The admin1 a point lies in, approximated by the admin1 of the nearest GeoNames town of
  // `country`: no package ships admin1 polygons. Any populated place, not only admin seats: the
  // nearest seat to Balad Air Base is Al Khalis (Diyala), while the nearest town, Ad Dujayl, gives
  // the right Salah ad Din; with all towns every installation's curated admin1 comes out.
  // nullptr when the country has no GeoNames towns (or is not loaded).
  const Place* admin1_of(double lat, double lon, std::string_view country) const;

  // The point a map shows for a place, as ACLED places an event known only to a province or a
  // country at its centroid: the place's own point; for a region without one, its admin1's point,
  // else its country's; for a country, the mean of its first-level divisions' points (no package
  // ships country polygons to take a true centroid from). Nothing when none of these is known.
  // Never a point to measure distances from: how coarse it is is the place's kind.
  std::optional<std::pair<double, double>> map_point(const Place& place) const;

 private:
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Index = std::unordered_map<std::string, size_t, StringHash, std::equal_to<>>;
  using MultiIndex = std::unordered_multimap<std::string, size_t, StringHash, std::equal_to<>>;

  friend class GazetteerLoader;

  std::vector<Place> places_;
  Index by_id_;
  MultiIndex by_name_;
  std::vector<size_t> anchors_;  // GeoNames towns with coordinates and a known admin1
  std::unordered_map<std::string, std::pair<double, double>> country_points_;  // by ISO code (map_point)
};

}  // namespace salvo
