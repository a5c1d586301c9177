// The English gate in front of CLD2: it may call a paragraph English only where CLD2 would, and
// every paragraph it declines still goes to CLD2.
#include "salvo/clean/language.h"

#include <gtest/gtest.h>

#include <string>

namespace salvo {
namespace {

struct GateCase {
  const char* name;
  const char* text;
  bool plainly_english;
  const char* language;  // what detect_language answers, gate or not
};

const GateCase kCases[] = {
    {"news paragraph", "The Islamic Resistance in Iraq said it had targeted the Ain al-Asad air base in Anbar "
     "with drones on Wednesday, and a US official said there were no injuries.", true, "en"},
    {"curly quotes and dashes are English punctuation", "\xE2\x80\x9CWe have seen an uptick in attacks,\xE2\x80\x9D "
     "the Pentagon spokesman said \xE2\x80\x94 the third statement of the week from the department.", true, "en"},
    {"name-dense English with one function word in ten",
     "Kataib Hezbollah, Harakat al-Nujaba and Kataib Sayyid al-Shuhada fired rockets at the Conoco field, Green Village "
     "and Rumalyn Landing Zone near Deir Ezzor, Hasakah and Shaddadi, officials said.", true, "en"},
    {"short English is left to CLD2", "Rockets hit the base.", false, "en"},
    {"French", "Les forces am\xC3\xA9ricaines ont \xC3\xA9t\xC3\xA9 vis\xC3\xA9""es par des drones pr\xC3\xA8s de la base "
     "d'Ain al-Asad, dans l'ouest de l'Irak, selon un responsable de la coalition internationale.", false, "fr"},
    {"Spanish", "Las fuerzas estadounidenses fueron atacadas con cohetes cerca de la base de Ain al Asad, en el oeste "
     "de Irak, seg\xC3\xBAn un portavoz de la coalici\xC3\xB3n internacional que lucha contra el grupo.", false, "es"},
    {"German", "Die amerikanischen Truppen wurden in der Nacht mit Raketen und Drohnen angegriffen, teilte ein "
     "Sprecher der internationalen Koalition am Mittwoch in Bagdad mit, es gab keine Verletzten.", false, "de"},
    {"Dutch with English-looking words", "Het Amerikaanse leger zei dat de aanval op de basis in Syri\xC3\xAB "
     "werd uitgevoerd door milities, en dat er is niemand gewond was geraakt bij die aanval.", false, "nl"},
    {"Arabic", "\xD8\xA3\xD8\xB9\xD9\x84\xD9\x86\xD8\xAA \xD8\xA7\xD9\x84\xD9\x85\xD9\x82\xD8\xA7\xD9\x88\xD9\x85\xD8\xA9 "
     "\xD8\xA7\xD9\x84\xD8\xA5\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85\xD9\x8A\xD8\xA9 \xD9\x81\xD9\x8A \xD8\xA7\xD9\x84\xD8\xB9"
     "\xD8\xB1\xD8\xA7\xD9\x82 \xD8\xA7\xD8\xB3\xD8\xAA\xD9\x87\xD8\xAF\xD8\xA7\xD9\x81 \xD9\x82\xD8\xA7\xD8\xB9\xD8\xAF"
     "\xD8\xA9 \xD8\xB9\xD9\x8A\xD9\x86 \xD8\xA7\xD9\x84\xD8\xA3\xD8\xB3\xD8\xAF \xD8\xA8\xD8\xA7\xD9\x84\xD8\xB7\xD8\xA7"
     "\xD8\xA6\xD8\xB1\xD8\xA7\xD8\xAA \xD8\xA7\xD9\x84\xD9\x85\xD8\xB3\xD9\x8A\xD8\xB1\xD8\xA9", false, "ar"},
};

class Gate : public ::testing::TestWithParam<GateCase> {};

TEST_P(Gate, AgreesWithCld2) {
  const GateCase& c = GetParam();
  EXPECT_EQ(is_plainly_english(c.text), c.plainly_english) << c.text;
  EXPECT_EQ(detect_language(c.text).code, c.language) << c.text;
  // Wherever the gate answers, CLD2 alone answers the same.
  if (c.plainly_english) {
    EXPECT_EQ(detect_language_cld2(c.text).code, "en") << c.text;
  }
}

INSTANTIATE_TEST_SUITE_P(Paragraphs, Gate, ::testing::ValuesIn(kCases), [](const auto& info) {
  std::string name;
  for (const char* p = info.param.name; *p; ++p) name += std::isalnum(static_cast<unsigned char>(*p)) ? *p : '_';
  return name;
});

}  // namespace
}  // namespace salvo
