// The cue words of data/lexicon/cues.tsv: short lists of lower-case words and phrases the
// extractor's rules look for beside mentions (who reports rather than acts, what landed, what
// speaks of a trend). The words are data; the rules that read them are in extract/.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "salvo/base/result.h"

namespace salvo {

enum class CueKind {
  kReportingWord,     // "said", "officials", "statement" after an actor: the actor reports
  kReportingVerb,     // "said", "confirmed" beside a time: it dates the report, not the incident
  kPassiveAuxiliary,  // "was", "were", "been" before a trigger: the passive voice
  kImpact,            // "hit", "slammed into", "a blast": an attack word of something that landed
  kPluralIncident,    // "attacks", "air raids": incidents in the plural, a trend unless counted
  kRelationalTime,    // "after", "earlier", "since": an incident placed before or after another
  kTrend,             // "a series of", "a spate of" (found anywhere): the sentence tells a trend
  kResponse,          // "retaliat", "in response" (found anywhere, as parts of words): a response
  kEveryIncident,     // "both", "all of them" (whole words): every incident told, not one
  kDescribedByActor,  // "embassy", "troops" right after an actor's name: the actor only describes
  kReferringSubject,  // "they", "the group", "the militants": a subject that refers back
  kFacilityWord,      // "facilities", "depots" after a number after a strike word: strikes counted
  kSiteWord,          // "sites", "bases" in "two sites in …": incidents counted at a place
  kPeopleWord,        // "troops", "personnel", "americans" beside a count: US and coalition people
  kSponsorLink,       // "backed", "linked" after a state's name: "Iran-backed …" names whom it backs
  kGroupNoun,         // "militia", "fighters", "group": the noun a sponsored group's phrase ends in
};
inline constexpr size_t kCueKindCount = 16;
const char* to_string(CueKind kind);  // as cues.tsv writes it: "reporting_word" …

class Cues {
 public:
  // Reads cues.tsv (id, kind, phrases): known kinds, unique ids, lower-case phrases each once per
  // kind, and every kind given; errors name the file and line.
  static Result<Cues> load(const std::filesystem::path& file);

  // Whether `word` (lower case) is one of the cues of `kind`.
  bool has(CueKind kind, std::string_view word) const;
  const std::vector<std::string>& of(CueKind kind) const { return lists_[static_cast<size_t>(kind)]; }

 private:
  std::array<std::vector<std::string>, kCueKindCount> lists_;
};

}  // namespace salvo
