// The recognizers, in one pass per article: every mention of a place, an actor, a target, a
// weapon, a number or a time, with its normalised value and its offsets.
//
// Places and lexicon terms are found together: the article's clean text is folded once
// (lexicon/fold.h) and scanned once by a matcher compiled at load time from every alias of
// every term and place. Numbers and times are scanned per English sentence.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "salvo/base/result.h"
#include "salvo/gazetteer/gazetteer.h"
#include "salvo/lexicon/lexicon.h"
#include "salvo/lexicon/phrase_matcher.h"
#include "salvo/pipeline/analyze.h"
#include "salvo/recognize/mentions.h"

namespace salvo {

class Recognizer {
 public:
  // Loads data/lexicon/ and the gazetteer from `data_dir` and compiles the matcher.
  static Result<Recognizer> load(const std::filesystem::path& data_dir);

  ArticleMentions recognize(const AnalyzedArticle& article) const;

  const Lexicon& lexicon() const { return lexicon_; }
  const Gazetteer& gazetteer() const { return gazetteer_; }
  size_t phrase_count() const { return matcher_.size(); }

 private:
  // What one folded phrase may stand for.
  // Small and without strings: the targets of every match are read, from all over the array.
  struct PhraseTarget {
    uint32_t index = 0;       // term index or place index
    uint32_t exact_case = 0;  // when not 0, the source text must be exactly exact_cases_[exact_case - 1]
    bool is_place = false;
    bool needs_capital = false;  // proper names: "Hit" the town, not "hit" the verb
    bool base_word = false;  // not a mention: a word that makes its sentence speak of a base or an attack
    bool cue_word = false;   // not a mention: a word that may start a date or a count (time_tokens::cue_words)
    TermCategory category = TermCategory::kActor;  // the term's, copied here: read for every match
  };

  // What resolution reads of each place, for every candidate of every place name: kept apart
  // from the Place, whose strings and vectors spread these few bytes over several cache lines.
  struct PlaceFacts {
    PlaceKind kind = PlaceKind::kTown;
    uint16_t country = 0;     // the two letters of Place::country, 0 when it has none
    bool in_domain = false;   // in Iraq, Syria or Jordan
    double population_score = 0;  // the score population adds
  };

  Recognizer() = default;

  // The targets of phrase `p`: one flat array rather than a vector per phrase, so that the
  // targets of a match are one lookup away.
  std::span<const PhraseTarget> targets_of(uint32_t p) const {
    return {targets_.data() + first_target_[p], targets_.data() + first_target_[p + 1]};
  }

  Lexicon lexicon_;
  Gazetteer gazetteer_;
  std::vector<std::string> phrases_;
  std::vector<PhraseTarget> targets_;    // every phrase's targets, phrase after phrase
  std::vector<std::string> exact_cases_;  // the exact spellings PhraseTarget::exact_case names
  std::vector<uint32_t> first_target_;   // per phrase, its first in targets_; then targets_.size()
  std::vector<PlaceFacts> place_facts_;  // per place of the gazetteer
  PhraseMatcher matcher_;
  // The generic actor of groups named by their sponsor ("Iran-backed Shia militia group").
  std::optional<size_t> sponsored_group_;
};

}  // namespace salvo
