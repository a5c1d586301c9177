// Place recognition and resolution on real sentences (seeds and dev articles) and hard variants.
#include <gtest/gtest.h>

#include "../support/shared_recognizer.h"

#include "salvo/base/data_dir.h"
#include "salvo/ingest/reader.h"
#include "salvo/pipeline/analyze.h"
#include "salvo/recognize/recognizer.h"

namespace salvo {
namespace {

const Recognizer& recognizer() { return testing::shared_recognizer(); }

AnalyzedArticle analyze_text(const std::string& text) {
  Article article;
  article.id = "test";
  article.raw = text;
  article.published = Date{2023, 11, 24};
  return analyze_article(std::move(article));
}

struct PlaceCase {
  const char* name;
  const char* sentence;
  const char* surface;    // the phrase expected as a place mention ("" = no place at all)
  const char* label;      // the location label
  PlacePrecision precision;
  const char* country;
  const char* admin1;     // "" when none is expected
};

class Places : public ::testing::TestWithParam<PlaceCase> {};

TEST_P(Places, Resolve) {
  const PlaceCase& c = GetParam();
  const AnalyzedArticle article = analyze_text(c.sentence);
  const ArticleMentions mentions = recognizer().recognize(article);
  if (std::string(c.surface).empty()) {
    for (const PlaceMention& m : mentions.places) {
      ADD_FAILURE() << "unexpected place \"" << article.clean.text.view().substr(m.begin, m.end - m.begin) << "\"";
    }
    return;
  }
  const PlaceMention* found = nullptr;
  std::string seen;
  for (const PlaceMention& m : mentions.places) {
    const std::string_view surface = article.clean.text.view().substr(m.begin, m.end - m.begin);
    seen += " [" + std::string(surface) + "]";
    if (surface == c.surface) found = &m;
  }
  ASSERT_NE(found, nullptr) << "no place \"" << c.surface << "\"; found:" << seen;
  const Place& place = recognizer().gazetteer().places()[found->place];
  EXPECT_EQ(found->label, c.label);
  EXPECT_EQ(found->precision, c.precision) << to_string(found->precision);
  EXPECT_EQ(place.country, c.country);
  EXPECT_EQ(place.admin1, c.admin1);
}

using P = PlacePrecision;

INSTANTIATE_TEST_SUITE_P(
    News, Places,
    ::testing::Values(
        PlaceCase{"two_sites_ne_syria", "US and international forces were attacked at two sites in northeastern Syria with multiple rockets.",
                  "northeastern Syria", "northeastern Syria", P::kRegion, "SY", ""},
        PlaceCase{"garbled_ain_al_asad", "The Ain Al-Asad airbase west of Baghdad launched multiple one-way drones.",
                  "Ain Al-Asad airbase", "Ain al-Asad Air Base", P::kSite, "IQ", "Anbar"},
        PlaceCase{"west_of_baghdad", "The Ain Al-Asad airbase west of Baghdad launched multiple one-way drones.",
                  "west of Baghdad", "west of Baghdad", P::kRegion, "IQ", "Baghdad"},
        PlaceCase{"erbil_airport", "The Erbil airport base near Erbil airport in northern Iraq launched a drone.",
                  "Erbil airport", "Erbil International Airport (coalition air base)", P::kSite, "IQ", "Erbil"},
        PlaceCase{"northern_iraq", "Rockets were fired late Sunday from northern Iraq at a military base in Syria.",
                  "northern Iraq", "northern Iraq", P::kRegion, "IQ", ""},
        PlaceCase{"syria_country", "Rockets were fired late Sunday from northern Iraq at a military base in Syria.",
                  "Syria", "Syria", P::kCountry, "SY", ""},
        PlaceCase{"kharab_al_jir", "Several rockets had been fired from Iraqi territory at the Kharab al-Jir base.",
                  "Kharab al-Jir base", "Kharab al-Jir base", P::kSite, "SY", "Al-Hasakah"},
        PlaceCase{"al_nasr_camp", "On Tuesday night, rockets targeted the Al-Nasr camp near Baghdad International Airport.",
                  "Al-Nasr camp", "Camp Victory / Victory Base (Camp al-Nasr)", P::kSite, "IQ", "Baghdad"},
        PlaceCase{"baghdad_airport_full", "On Tuesday night, rockets targeted the Al-Nasr camp near Baghdad International Airport.",
                  "Baghdad International Airport", "Baghdad International Airport", P::kSite, "IQ", "Baghdad"},
        PlaceCase{"deir_ezzor_region", "Militias fired rockets towards a coalition base in the Deir Ezzor region of eastern Syria.",
                  "Deir Ezzor region", "Deir Ezzor region", P::kRegion, "SY", "Deir ez-Zor"},
        PlaceCase{"eastern_syria", "Militias fired rockets towards a coalition base in the Deir Ezzor region of eastern Syria.",
                  "eastern Syria", "eastern Syria", P::kRegion, "SY", ""},
        PlaceCase{"taji_base", "On Wednesday, 18 Katyusha rockets struck the Taji base, killing two Americans.",
                  "Taji base", "Camp Taji", P::kSite, "IQ", "Baghdad"},
        PlaceCase{"camp_taji", "An estimated 18 rockets slammed into Camp Taji, about 15 miles northwest of Baghdad.",
                  "Camp Taji", "Camp Taji", P::kSite, "IQ", "Baghdad"},
        PlaceCase{"northwest_of_baghdad", "An estimated 18 rockets slammed into Camp Taji, about 15 miles northwest of Baghdad.",
                  "northwest of Baghdad", "northwest of Baghdad", P::kRegion, "IQ", "Baghdad"},
        PlaceCase{"ain_al_assad", "The military strikes landed at the Ain al-Assad airbase in western Iraq.",
                  "Ain al-Assad airbase", "Ain al-Asad Air Base", P::kSite, "IQ", "Anbar"},
        PlaceCase{"western_iraq", "The military strikes landed at the Ain al-Assad airbase in western Iraq.",
                  "western Iraq", "western Iraq", P::kRegion, "IQ", ""},
        PlaceCase{"erbil_capital", "Missiles landed near the US Consulate in the Kurdistan Region capital of Erbil.",
                  "Erbil", "Erbil", P::kTown, "IQ", "Erbil"},
        PlaceCase{"al_asad_air_base", "Yesterday there was an attack against Al-Asad Air Base.",
                  "Al-Asad Air Base", "Ain al-Asad Air Base", P::kSite, "IQ", "Anbar"},
        PlaceCase{"bdsc", "Two armed drones were shot down at the Baghdad Diplomatic Support Center on Monday.",
                  "Baghdad Diplomatic Support Center", "Baghdad Diplomatic Support Center", P::kSite, "IQ", "Baghdad"},
        PlaceCase{"green_zone", "A volley of rockets on Monday targeted the Green Zone in the Iraqi capital.",
                  "Green Zone", "Green Zone (International Zone), Baghdad", P::kSite, "IQ", "Baghdad"},
        PlaceCase{"mss_green_village", "Additional rockets touched down close to Mission Support Site Green Village.",
                  "Mission Support Site Green Village", "Mission Support Site Green Village (al-Omar oil field base)", P::kSite, "SY", "Deir ez-Zor"},
        PlaceCase{"green_village_base", "The US airstrikes came in retaliation for an attack on the Green Village base.",
                  "Green Village base", "Mission Support Site Green Village (al-Omar oil field base)", P::kSite, "SY", "Deir ez-Zor"},
        PlaceCase{"mss_conoco", "One US service member was injured at Mission Support Site Conoco.",
                  "Mission Support Site Conoco", "Mission Support Site Conoco (MSS Euphrates)", P::kSite, "SY", "Deir ez-Zor"},
        PlaceCase{"koniko", "The resistance also targeted a US military base at the Koniko gas field.",
                  "Koniko gas field", "Mission Support Site Conoco (MSS Euphrates)", P::kSite, "SY", "Deir ez-Zor"},
        PlaceCase{"tanf_base", "A drone attack targeted US forces at the Tanf base on Friday.",
                  "Tanf base", "Al-Tanf Garrison", P::kSite, "SY", "Rif-dimashq"},
        PlaceCase{"at_tanf", "Drones were repelled by coalition forces near their At-Tanf base.",
                  "At-Tanf base", "Al-Tanf Garrison", P::kSite, "SY", "Rif-dimashq"},
        PlaceCase{"shaddadi", "The group said it attacked the US base in al-Shaddadi with drones.",
                  "al-Shaddadi", "Al-Shaddadi base", P::kSite, "SY", "Al-Hasakah"},
        PlaceCase{"harir", "Two attacks were reported on the Harir airbase, which hosts US forces.",
                  "Harir airbase", "Harir Air Base", P::kSite, "IQ", "Erbil"},
        PlaceCase{"irbil_airport", "The projectiles hit near the Irbil international airport.",
                  "Irbil international airport", "Erbil International Airport (coalition air base)", P::kSite, "IQ", "Erbil"},
        PlaceCase{"arbil_airport", "More than a dozen rockets targeted a military compound at Arbil airport.",
                  "Arbil airport", "Erbil International Airport (coalition air base)", P::kSite, "IQ", "Erbil"},
        PlaceCase{"baghdads_airport", "The 2020 U.S. drone strike at Baghdad\xE2\x80\x99s airport killed Gen. Qassim Soleimani.",
                  "Baghdad\xE2\x80\x99s airport", "Baghdad International Airport", P::kSite, "IQ", "Baghdad"},
        PlaceCase{"tower_22", "A drone struck Tower 22, a US outpost in Jordan.", "Tower 22", "Tower 22", P::kSite, "JO", "Mafraq"},
        PlaceCase{"jordan_country", "A significant incident in late January saw a drone attack in Jordan.",
                  "Jordan", "Jordan", P::kCountry, "JO", ""},
        PlaceCase{"nineveh_province", "Iraqi forces launched a search operation in the northern Nineveh province.",
                  "northern Nineveh province", "northern Nineveh province", P::kRegion, "IQ", "Nineveh"},
        PlaceCase{"south_of_baghdad", "U.S. forces struck the Kataeb Hezbollah armed group south of Baghdad the day before.",
                  "south of Baghdad", "south of Baghdad", P::kRegion, "IQ", "Baghdad"},
        PlaceCase{"samarra", "A roadside bomb targeted a convoy on the main road towards Samarra.",
                  "Samarra", "Samarra", P::kTown, "IQ", "Salah ad Din"},
        PlaceCase{"anbar", "The drones approached the base in Anbar on Monday.", "Anbar", "Anbar", P::kAdmin1, "IQ", "Anbar"},
        PlaceCase{"abu_kamal", "US jets struck a weapons depot near Abu Kamal on the border.",
                  "Abu Kamal", "Abu Kamal", P::kTown, "SY", "Deir ez-Zor"},
        PlaceCase{"albu_kamal", "Strikes hit facilities in Albu Kamal overnight.", "Albu Kamal", "Abu Kamal", P::kTown, "SY", "Deir ez-Zor"},
        PlaceCase{"mayadin", "Airstrikes hit a building in Mayadin.", "Mayadin", "Al Mayadin", P::kTown, "SY", "Deir ez-Zor"},
        PlaceCase{"irbil_town", "Rockets landed in Irbil on Monday night.", "Irbil", "Erbil", P::kTown, "IQ", "Erbil"},
        PlaceCase{"sulaimaniyah", "A drone hit an airport in Sulaimaniyah.", "Sulaimaniyah", "Sulaymaniyah", P::kTown, "IQ", "Sulaymaniyah"},
        PlaceCase{"union_iii", "Rockets hit near Union III in Baghdad.", "Union III", "Union III (FOB Union III)", P::kSite, "IQ", "Baghdad"},
        PlaceCase{"k1", "The rocket attack on K-1 Air Base killed a US contractor.", "K-1 Air Base", "K-1 Air Base (Kirkuk)", P::kSite, "IQ", "Kirkuk"},
        PlaceCase{"balad", "Rockets struck Balad Air Base, which hosts US contractors.", "Balad Air Base", "Balad Air Base", P::kSite, "IQ", "Salah ad Din"},
        PlaceCase{"hit_is_a_verb", "Rockets hit the base on Sunday.", "", "", P::kTown, "", ""},
        PlaceCase{"jordan_river_not_country_lower", "troops crossed the border at night.", "", "", P::kTown, "", ""}),
    [](const ::testing::TestParamInfo<PlaceCase>& info) { return info.param.name; });

TEST(Recognizer, FindsTermsWithOffsetsIntoTheRawArticle) {
  const std::string raw = " date 2023-11-24 Kataeb Hezbollah (KH) fired Katyusha rockets at US forces.";
  Article article;
  article.id = "t";
  article.raw = raw;
  size_t body = 0;
  article.published = parse_text_header(raw, body);
  article.body_offset = body;
  const AnalyzedArticle analyzed = analyze_article(std::move(article));
  const ArticleMentions mentions = recognizer().recognize(analyzed);
  std::vector<std::string> found;
  for (const TermMention& m : mentions.terms) {
    const Term& term = recognizer().lexicon().terms()[m.term];
    const RawSpan span = analyzed.clean.text.to_raw(m.begin, m.end);
    found.push_back(std::string(to_string(term.category)) + ":" + term.id + "=" + raw.substr(span.begin, span.end - span.begin));
  }
  EXPECT_EQ(found, (std::vector<std::string>{"actor:kataib-hezbollah=Kataeb Hezbollah", "actor:kataib-hezbollah=KH",
                                             "trigger:attack-weak=fired", "weapon:katyusha=Katyusha rockets", "actor:us-forces=US forces",
                                             "target:us-forces=US forces"}));
}

TEST(Recognizer, ExactCaseAliasesNeedTheirCase) {
  const AnalyzedArticle article = analyze_text("The IS claimed it. This is what it is.");
  const ArticleMentions mentions = recognizer().recognize(article);
  size_t islamic_state = 0;
  for (const TermMention& m : mentions.terms) {
    islamic_state += recognizer().lexicon().terms()[m.term].id == "islamic-state";
  }
  EXPECT_EQ(islamic_state, 1u);
}

TEST(Recognizer, NonEnglishParagraphsAreSkipped) {
  const AnalyzedArticle article = analyze_text(
      "Rockets hit Erbil.\n\n\xD8\xB3\xD9\x82\xD9\x88\xD8\xB7 \xD8\xB5\xD8\xA7\xD8\xB1\xD9\x88\xD8\xAE \xD8\xB9\xD9\x84\xD9\x89 "
      "\xD8\xA3\xD8\xB1\xD8\xA8\xD9\x8A\xD9\x84 \xD9\x88\xD8\xA8\xD8\xBA\xD8\xAF\xD8\xA7\xD8\xAF \xD8\xA7\xD9\x84\xD9\x8A\xD9\x88\xD9\x85");
  const ArticleMentions mentions = recognizer().recognize(article);
  ASSERT_EQ(mentions.places.size(), 1u);
  EXPECT_EQ(mentions.places[0].sentence, 0u);
}

}  // namespace
}  // namespace salvo
