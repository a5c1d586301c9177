// What the recognizers find in an article: plain values with offsets into the clean text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "salvo/recognize/numbers.h"
#include "salvo/time/time_expression.h"

namespace salvo {

// A mention of an actor, a target or a weapon (lexicon term).
struct TermMention {
  size_t sentence = 0;  // index into AnalyzedArticle::sentences
  size_t begin = 0;     // byte range in the clean text
  size_t end = 0;
  size_t term = 0;      // index into Lexicon::terms()
};

enum class PlacePrecision { kSite, kTown, kAdmin1, kRegion, kCountry };
const char* to_string(PlacePrecision precision);

// A mention of a place, resolved against the gazetteer and its context.
struct PlaceMention {
  size_t sentence = 0;
  size_t begin = 0;  // the whole phrase, modifiers included ("northeastern Syria", "west of Baghdad")
  size_t end = 0;
  size_t name_begin = 0;  // the place name itself ("Syria", "Baghdad")
  size_t name_end = 0;
  size_t place = 0;                 // index into Gazetteer::places(): the resolution chosen
  std::vector<size_t> candidates;   // every place the name could denote
  PlacePrecision precision = PlacePrecision::kTown;
  std::string relation;  // "" (at/in), "near", "north of", "northern" …
  std::string label;     // the location as an analyst writes it: "northeastern Syria", "Erbil International Airport"
};

struct NumberInSentence {
  size_t sentence = 0;
  NumberMention number;  // begin/end are clean-text offsets here
};

struct TimeInSentence {
  size_t sentence = 0;
  TimeExpression time;  // begin/end are clean-text offsets here
};

struct ArticleMentions {
  std::vector<TermMention> terms;
  std::vector<PlaceMention> places;
  std::vector<NumberInSentence> numbers;
  std::vector<TimeInSentence> times;
};

}  // namespace salvo
