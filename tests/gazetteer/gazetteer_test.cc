#include "salvo/gazetteer/gazetteer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "../support/shared_data.h"
#include "../support/temp_dir.h"
#include "salvo/base/csv.h"
#include "salvo/base/data_dir.h"

namespace salvo {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

bool has_alias(const Place& place, std::string_view alias) {
  return std::find(place.aliases.begin(), place.aliases.end(), alias) != place.aliases.end();
}

bool contains_id(const std::vector<const Place*>& places, std::string_view id) {
  return std::any_of(places.begin(), places.end(), [&](const Place* p) { return p->id == id; });
}

// The real data is loaded once: every test below reads it.
class RealGazetteer : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Gazetteer> loaded = Gazetteer::load(data_dir());
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    gazetteer_ = new Gazetteer(std::move(loaded).value());
  }
  static void TearDownTestSuite() {
    delete gazetteer_;
    gazetteer_ = nullptr;
  }
  const Gazetteer& g() const { return *gazetteer_; }
  const Place& place(std::string_view id) const {
    const Place* p = gazetteer_->find(id);
    EXPECT_NE(p, nullptr) << id;
    static const Place kMissing;
    return p ? *p : kMissing;
  }

  static Gazetteer* gazetteer_;
};
Gazetteer* RealGazetteer::gazetteer_ = nullptr;

TEST_F(RealGazetteer, EveryInstallationIsASiteWithCoordinatesAndTheAdmin1OfItsNearestTown) {
  Result<TsvFile> csv = read_csv(data_dir() / "installations.csv",
                                 {"id", "name", "aliases", "country", "admin1", "lat", "lon", "coord_precision", "notes", "source_url"});
  ASSERT_TRUE(csv.ok()) << csv.error().message;
  ASSERT_FALSE(csv->rows.empty());
  for (const TsvRow& row : csv->rows) {
    const std::string id = "site:" + row.fields[0];
    const Place& site = place(id);
    EXPECT_EQ(site.kind, PlaceKind::kSite) << id;
    EXPECT_EQ(site.precision, row.fields[7]) << id;
    ASSERT_TRUE(site.lat && site.lon) << id;
    EXPECT_FALSE(site.admin1.empty()) << id;
    // The nearest GeoNames town gives every row's curated admin1 (Balad is the case a nearest-seat
    // rule gets wrong: Al Khalis, Diyala, is the closest seat).
    const Place* admin1 = g().admin1_of(*site.lat, *site.lon, site.country);
    ASSERT_NE(admin1, nullptr) << id;
    EXPECT_EQ(admin1->name, site.admin1) << id;
  }
  // Every row of the file is one site, and every "site:" place comes from a row.
  const auto sites = std::count_if(g().places().begin(), g().places().end(),
                                   [](const Place& p) { return p.id.rfind("site:", 0) == 0; });
  EXPECT_EQ(static_cast<size_t>(sites), csv->rows.size());
}

TEST_F(RealGazetteer, ErbilIsACityAGovernorateAndAnAirport) {
  const std::vector<const Place*> erbil = g().named("Erbil");
  EXPECT_TRUE(contains_id(erbil, "geonames:95446"));
  EXPECT_TRUE(contains_id(erbil, "admin1:IQ.11"));
  EXPECT_EQ(place("geonames:95446").kind, PlaceKind::kTown);
  EXPECT_EQ(place("admin1:IQ.11").kind, PlaceKind::kAdmin1);
  EXPECT_TRUE(contains_id(g().named("Erbil International Airport"), "site:erbil-air-base"));
  EXPECT_TRUE(contains_id(g().named("Irbil"), "geonames:95446"));
  EXPECT_TRUE(contains_id(g().named("Irbil"), "admin1:IQ.11"));

  const Place& city = place("geonames:95446");
  const Place& airport = place("site:erbil-air-base");
  EXPECT_EQ(city.admin1, "Erbil");
  EXPECT_EQ(airport.admin1, "Erbil");
  EXPECT_EQ(airport.precision, "site");
  const std::optional<double> km = distance_km(city, airport);
  ASSERT_TRUE(km.has_value());
  EXPECT_GT(*km, 3.0);
  EXPECT_LT(*km, 10.0);
}

// A point to draw a coarse place at: its own when it has one, a region's province, a country's
// provinces' mean (so a country whose provinces the gazetteer does not hold has none: the tables
// carry provinces for the countries of the theatre only).
TEST_F(RealGazetteer, EveryCountryAndRegionHasAMapPointInsideItsCountry) {
  const std::optional<std::pair<double, double>> iraq = g().map_point(place("country:IQ"));
  ASSERT_TRUE(iraq.has_value());
  EXPECT_GT(iraq->first, 29.1);
  EXPECT_LT(iraq->first, 37.4);
  EXPECT_GT(iraq->second, 38.8);
  EXPECT_LT(iraq->second, 48.6);
  const Place& site = place("site:ain-al-asad");
  const std::optional<std::pair<double, double>> own = g().map_point(site);
  ASSERT_TRUE(own.has_value());
  EXPECT_EQ(own->first, *site.lat);
  EXPECT_EQ(own->second, *site.lon);
  std::set<std::string> with_provinces;
  for (const Place& p : g().places())
    if (p.kind == PlaceKind::kAdmin1) with_provinces.insert(p.country);
  for (const char* theatre : {"IQ", "SY", "JO"}) EXPECT_TRUE(with_provinces.count(theatre)) << theatre;
  for (const Place& p : g().places()) {
    if (p.kind != PlaceKind::kCountry && p.kind != PlaceKind::kRegion) continue;
    if (!with_provinces.count(p.country)) continue;
    EXPECT_TRUE(g().map_point(p).has_value()) << p.id;
  }
}

TEST_F(RealGazetteer, ArabicAliases) {
  EXPECT_TRUE(has_alias(place("geonames:98182"), "بغداد"));
  EXPECT_TRUE(has_alias(place("admin1:IQ.07"), "بغداد"));
  EXPECT_TRUE(has_alias(place("geonames:95446"), "أربيل"));
  EXPECT_TRUE(has_alias(place("admin1:IQ.11"), "أربيل"));
  EXPECT_TRUE(has_alias(place("country:IQ"), "العراق"));
  EXPECT_TRUE(has_alias(place("site:al-tanf"), "التنف"));
}

// The admin1 field is compared for equality by the scorer, so the canonical names must be the
// gold files' spellings.
TEST_F(RealGazetteer, Admin1NamesAreTheGoldSpellings) {
  const std::vector<std::pair<std::string, std::string>> spellings = {
      {"IQ", "Anbar"},   {"IQ", "Erbil"},        {"IQ", "Baghdad"},      {"IQ", "Nineveh"},
      {"IQ", "Kirkuk"},  {"IQ", "Salah ad Din"}, {"SY", "Deir ez-Zor"},  {"SY", "Al-Hasakah"},
      {"SY", "Rif-dimashq"}, {"JO", "Mafraq"},   {"JO", "Zarqa"}};
  for (const auto& [country, name] : spellings) {
    EXPECT_NE(g().admin1_named(country, name), nullptr) << country << " " << name;
  }
  EXPECT_EQ(place("geonames:173811").admin1, "Al-Hasakah");
  EXPECT_EQ(place("geonames:170794").admin1, "Deir ez-Zor");
}

TEST_F(RealGazetteer, GoldAdmin1AndPointsAgree) {
  const auto gold = testing::shared_data("gold");
  if (!gold) GTEST_SKIP() << testing::lacks_shared_data("gold");
  int checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(*gold)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    const nlohmann::json doc = nlohmann::json::parse(in);
    for (const nlohmann::json& event : doc["events"]) {
      if (!event["admin1"].is_string() || !event["country"].is_string()) continue;
      const std::string country = event["country"];
      const std::string admin1 = event["admin1"];
      EXPECT_NE(g().admin1_named(country, admin1), nullptr) << entry.path() << ": " << admin1;
      if (event["lat"].is_number() && event["lon"].is_number()) {
        const Place* nearest = g().admin1_of(event["lat"].get<double>(), event["lon"].get<double>(), country);
        ASSERT_NE(nearest, nullptr);
        EXPECT_EQ(nearest->name, admin1) << entry.path() << ": " << event["location"];
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 0);
}

TEST_F(RealGazetteer, SupplementRegionsAndCorrections) {
  EXPECT_TRUE(contains_id(g().named("Taji"), "supplement:taji"));
  EXPECT_TRUE(contains_id(g().named("Rmelan"), "supplement:rmelan"));
  EXPECT_EQ(place("supplement:abu-hajar-airfield").kind, PlaceKind::kSite);

  const Place& northeast = place("region:northeastern-syria");
  EXPECT_EQ(northeast.kind, PlaceKind::kRegion);
  EXPECT_EQ(northeast.country, "SY");
  EXPECT_FALSE(northeast.lat.has_value());
  EXPECT_EQ(place("region:deir-ezzor-region").admin1, "Deir ez-Zor");

  // extra_aliases.tsv: a display name news uses, the GeoNames forms kept as aliases.
  const Place& shaddadi = place("geonames:172837");
  EXPECT_EQ(shaddadi.name, "Al-Shaddadi");
  EXPECT_TRUE(has_alias(shaddadi, "Ash Shaddadah"));
  EXPECT_TRUE(has_alias(shaddadi, "Ash Shaddādah"));
  EXPECT_TRUE(has_alias(place("admin1:IQ.15"), "Ninewa"));
  EXPECT_FALSE(has_alias(place("geonames:94824"), "Nainawa"));
  EXPECT_TRUE(contains_id(g().named("Deir Ezzor"), "admin1:SY.07"));
  EXPECT_TRUE(contains_id(g().named("U.S."), "country:US"));
}

TEST_F(RealGazetteer, Admin1OfUsesTheCountryGiven) {
  // Al-Tanf: the nearest town is in Rif Dimashq, not Homs (shared/data/GAZETTEER.md).
  EXPECT_EQ(g().admin1_of(33.50583, 38.61778, "SY")->name, "Rif-dimashq");
  // Al-Qaim sits on the border: asked for Iraq it is Anbar, whatever Syrian town is nearer.
  EXPECT_EQ(g().admin1_of(34.39251, 40.98945, "IQ")->name, "Anbar");
  EXPECT_EQ(g().admin1_of(34.39251, 40.98945, "XX"), nullptr);
}

TEST(Haversine, KnownDistances) {
  EXPECT_DOUBLE_EQ(haversine_km(33.3, 44.4, 33.3, 44.4), 0.0);
  EXPECT_NEAR(haversine_km(0, 0, 0, 1), 111.195, 0.01);  // one degree on the equator
  EXPECT_NEAR(haversine_km(33.34058, 44.40088, 36.18333, 44.01193), 318.0, 3.0);  // Baghdad-Erbil
  Place a, b;
  a.lat = 1;
  a.lon = 2;
  EXPECT_FALSE(distance_km(a, b).has_value());
}

// ---- validation on small files ------------------------------------------------------------------

// A minimal valid data folder; each test replaces one file with a broken version.
class BadData : public ::testing::Test {
 protected:
  BadData() {
    files_["gazetteer/countries.tsv"] =
        "# test\ncode\tname\tarabic\taliases\nIQ\tIraq\tالعراق\t\nSY\tSyria\tسوريا\t\n";
    files_["gazetteer/admin1.tsv"] =
        "code\tiso\tname\tgeonames_name\tarabic\tlat\tlon\tcapital_geonameid\taliases\n"
        "IQ.01\tIQ-AN\tAnbar\tAnbar\tالأنبار\t33.42\t43.31\t98717\tAl Anbar\n"
        "SY.07\tSY-DY\tDeir ez-Zor\tDeir ez-Zor\t\t\t\t\t\n";
    files_["gazetteer/places.tsv"] =
        "# generated\n# by a test\n"
        "geonameid\tname\tgeonames_name\tcountry\tadmin1_code\tadmin1_name\tlat\tlon\tfeature_code\tpopulation\taliases\n"
        "98717\tRamadi\tRamadi\tIQ\tIQ.01\tAnbar\t33.42056\t43.30778\tPPLA\t223500\tAr Ramadi|الرمادي\n";
    files_["gazetteer/supplement.tsv"] =
        "id\tkind\tname\tcountry\tadmin1\tlat\tlon\tprecision\taliases\tsource\n"
        "taji\ttown\tTaji\tIQ\t\t33.5\t44.2\ttown\tAl-Taji\thttps://example.org\n";
    files_["installations.csv"] =
        "id,name,aliases,country,admin1,lat,lon,coord_precision,notes,source_url\n"
        "ain-al-asad,Ain al-Asad Air Base,Al Asad|عين الأسد,IQ,Anbar,33.78,42.44,site,\"notes, with a comma\",u\n";
    files_["gazetteer/regions.tsv"] =
        "id\tname\tcountry\tadmin1\tlat\tlon\taliases\tnote\n"
        "eastern-syria\teastern Syria\tSY\t\t\t\teast Syria\t\n";
    files_["gazetteer/extra_aliases.tsv"] =
        "id\tuse\tvalue\twhy\ngeonames:98717\talias\tRamadi city\ttest\n";
  }

  Result<Gazetteer> load() {
    for (const auto& [name, bytes] : files_) dir_.write(name, bytes);
    return Gazetteer::load(dir_.path());
  }
  std::string path(std::string_view name) const { return dir_.file(name); }
  // Loads and returns the error message ("" when loading succeeded).
  std::string error() {
    Result<Gazetteer> g = load();
    return g.ok() ? "" : g.error().message;
  }

  TempDir dir_;
  std::map<std::string, std::string> files_;
};

TEST_F(BadData, TheMinimalFolderLoads) {
  Result<Gazetteer> g = load();
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_EQ(g->places().size(), 8u);
  const Place* ramadi = g->find("geonames:98717");
  ASSERT_NE(ramadi, nullptr);
  EXPECT_EQ(ramadi->admin1, "Anbar");
  EXPECT_TRUE(has_alias(*ramadi, "Ramadi city"));
  EXPECT_FALSE(has_alias(*ramadi, "Ramadi"));  // geonames_name equal to the name is not an alias
  const Place* base = g->find("site:ain-al-asad");
  ASSERT_NE(base, nullptr);
  EXPECT_TRUE(has_alias(*base, "عين الأسد"));
  EXPECT_EQ(g->admin1_of(33.78, 42.44, "IQ"), g->find("admin1:IQ.01"));
  EXPECT_FALSE(g->find("admin1:SY.07")->lat.has_value());
}

TEST_F(BadData, WrongColumnCount) {
  files_["gazetteer/places.tsv"] +=
      "98718\tHit\tHīt\tIQ\tIQ.01\tAnbar\t33.6\t42.8\tPPLA2\t31901\n";
  EXPECT_EQ(error(), path("gazetteer/places.tsv") +
                         ":5: expected 11 columns (geonameid, name, geonames_name, country, admin1_code, "
                         "admin1_name, lat, lon, feature_code, population, aliases), found 10");
}

TEST_F(BadData, BadNumber) {
  files_["gazetteer/places.tsv"] +=
      "98718\tHit\tHit\tIQ\tIQ.01\tAnbar\t33.6x\t42.8\tPPLA2\t31901\t\n";
  EXPECT_EQ(error(), path("gazetteer/places.tsv") + ":5: lat '33.6x' is not a number");
}

TEST_F(BadData, BadPopulation) {
  files_["gazetteer/places.tsv"] +=
      "98718\tHit\tHit\tIQ\tIQ.01\tAnbar\t33.6\t42.8\tPPLA2\tmany\t\n";
  EXPECT_EQ(error(), path("gazetteer/places.tsv") + ":5: population 'many' is not a whole number");
}

TEST_F(BadData, UnknownCountryCode) {
  files_["gazetteer/supplement.tsv"] += "x\ttown\tX\tXX\t\t1\t2\ttown\t\tsrc\n";
  EXPECT_EQ(error(), path("gazetteer/supplement.tsv") + ":3: unknown country code 'XX' (not in countries.tsv)");
}

TEST_F(BadData, UnknownAdmin1Name) {
  files_["installations.csv"] += "k1,K-1,,IQ,Kirkuk,35.5,44.3,site,,u\n";
  EXPECT_EQ(error(), path("installations.csv") +
                         ":3: unknown admin1 'Kirkuk' for IQ (use the name column of admin1.tsv)");
}

TEST_F(BadData, LatitudeOutOfRange) {
  files_["installations.csv"] += "k1,K-1,,IQ,Anbar,95.5,44.3,site,,u\n";
  EXPECT_EQ(error(), path("installations.csv") + ":3: lat 95.5 is outside -90..90");
}

TEST_F(BadData, LongitudeOutOfRangeAfterAQuotedMultilineField) {
  files_["installations.csv"] += "k1,K-1,,IQ,Anbar,35.5,44.3,site,\"two\nlines\",u\nk2,K-2,,IQ,Anbar,35.5,190,site,,u\n";
  EXPECT_EQ(error(), path("installations.csv") + ":5: lon 190 is outside -180..180");
}

TEST_F(BadData, EmptyName) {
  files_["gazetteer/regions.tsv"] += "western-iraq\t\tIQ\t\t\t\t\t\n";
  EXPECT_EQ(error(), path("gazetteer/regions.tsv") + ":3: empty name");
}

TEST_F(BadData, DuplicateId) {
  files_["gazetteer/places.tsv"] +=
      "98717\tAr Ramadi\tRamadi\tIQ\tIQ.01\tAnbar\t33.42\t43.31\tPPLA\t0\t\n";
  const std::string places = path("gazetteer/places.tsv");
  EXPECT_EQ(error(), places + ":5: duplicate id 'geonames:98717' (first at " + places + ":4)");
}

TEST_F(BadData, WrongHeader) {
  files_["gazetteer/countries.tsv"] = "# test\ncode\tname\taliases\nIQ\tIraq\t\n";
  EXPECT_EQ(error(), path("gazetteer/countries.tsv") +
                         ":2: header should name the columns code, name, arabic, aliases (tab-separated), "
                         "found 'code\tname\taliases'");
}

TEST_F(BadData, Admin1NameMustMatchTheAdmin1Table) {
  files_["gazetteer/places.tsv"] +=
      "98718\tHit\tHit\tIQ\tIQ.01\tAl Anbar\t33.6\t42.8\tPPLA2\t0\t\n";
  EXPECT_EQ(error(), path("gazetteer/places.tsv") +
                         ":5: admin1_name 'Al Anbar' does not match admin1.tsv ('Anbar' for IQ.01)");
}

TEST_F(BadData, StraySpacesAndEmptyAliases) {
  files_["gazetteer/regions.tsv"] += "north\tnorthern Iraq \tIQ\t\t\t\t\t\n";
  EXPECT_EQ(error(), path("gazetteer/regions.tsv") + ":3: name 'northern Iraq ' has leading or trailing spaces");
  files_["gazetteer/regions.tsv"] = "id\tname\tcountry\tadmin1\tlat\tlon\taliases\tnote\nn\tnorth\tIQ\t\t\t\ta||b\t\n";
  EXPECT_EQ(error(), path("gazetteer/regions.tsv") + ":2: empty alias in 'a||b'");
}

TEST_F(BadData, StaleCorrections) {
  files_["gazetteer/extra_aliases.tsv"] = "id\tuse\tvalue\twhy\ngeonames:1\talias\tX\tt\n";
  EXPECT_EQ(error(), path("gazetteer/extra_aliases.tsv") + ":2: unknown place id 'geonames:1'");
  files_["gazetteer/extra_aliases.tsv"] = "id\tuse\tvalue\twhy\ngeonames:98717\talias\tAr Ramadi\tt\n";
  EXPECT_EQ(error(), path("gazetteer/extra_aliases.tsv") + ":2: 'Ar Ramadi' is already a name of geonames:98717");
  files_["gazetteer/extra_aliases.tsv"] = "id\tuse\tvalue\twhy\n#\ngeonames:98717\tdrop\tRamadi town\tt\n";
  EXPECT_EQ(error(), path("gazetteer/extra_aliases.tsv") +
                         ":3: 'Ramadi town' is not an alias of geonames:98717: nothing to drop");
}

TEST_F(BadData, UnknownPrecision) {
  files_["installations.csv"] += "k1,K-1,,IQ,Anbar,35.5,44.3,exact,,u\n";
  EXPECT_EQ(error(), path("installations.csv") + ":3: precision 'exact' is not site, town or approx");
}

TEST_F(BadData, UnclosedQuote) {
  files_["installations.csv"] += "k1,K-1,,IQ,Anbar,35.5,44.3,site,\"open,u\n";
  EXPECT_EQ(error(), path("installations.csv") + ":3: quoted field is not closed");
}

TEST_F(BadData, MissingFile) {
  files_.erase("gazetteer/countries.tsv");
  EXPECT_EQ(error(), path("gazetteer/countries.tsv") + ": cannot open file");
}

}  // namespace
}  // namespace salvo
