#include "salvo/lexicon/cues.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "salvo/base/tsv.h"

namespace salvo {

namespace {

constexpr std::array<CueKind, kCueKindCount> kAllKinds = {
    CueKind::kReportingWord, CueKind::kReportingVerb,     CueKind::kPassiveAuxiliary,  CueKind::kImpact,
    CueKind::kPluralIncident, CueKind::kRelationalTime,   CueKind::kTrend,             CueKind::kResponse,
    CueKind::kEveryIncident,  CueKind::kDescribedByActor, CueKind::kReferringSubject,  CueKind::kFacilityWord,
    CueKind::kSiteWord,       CueKind::kPeopleWord,       CueKind::kSponsorLink,       CueKind::kGroupNoun};

}  // namespace

const char* to_string(CueKind kind) {
  switch (kind) {
    case CueKind::kReportingWord: return "reporting_word";
    case CueKind::kReportingVerb: return "reporting_verb";
    case CueKind::kPassiveAuxiliary: return "passive_auxiliary";
    case CueKind::kImpact: return "impact";
    case CueKind::kPluralIncident: return "plural_incident";
    case CueKind::kRelationalTime: return "relational_time";
    case CueKind::kTrend: return "trend";
    case CueKind::kResponse: return "response";
    case CueKind::kEveryIncident: return "every_incident";
    case CueKind::kDescribedByActor: return "described_by_actor";
    case CueKind::kReferringSubject: return "referring_subject";
    case CueKind::kFacilityWord: return "facility_word";
    case CueKind::kSiteWord: return "site_word";
    case CueKind::kPeopleWord: return "people_word";
    case CueKind::kSponsorLink: return "sponsor_link";
    case CueKind::kGroupNoun: return "group_noun";
  }
  return "reporting_word";
}

Result<Cues> Cues::load(const std::filesystem::path& file) {
  auto tsv = read_tsv(file, {"id", "kind", "phrases"});
  if (!tsv) return tsv.error();
  Cues cues;
  std::set<std::string> ids;
  for (const TsvRow& row : tsv->rows) {
    const std::string where = tsv->where(row);
    const std::string& id = row.fields[0];
    const std::string& kind_name = row.fields[1];
    if (id.empty()) return Error{where + ": empty id"};
    if (!ids.insert(id).second) return Error{fmt::format("{}: duplicate id \"{}\"", where, id)};
    const auto kind = std::find_if(kAllKinds.begin(), kAllKinds.end(), [&](CueKind k) { return kind_name == to_string(k); });
    if (kind == kAllKinds.end()) {
      std::string allowed;
      for (CueKind k : kAllKinds) allowed += (allowed.empty() ? "" : ", ") + std::string(to_string(k));
      return Error{fmt::format("{}: unknown cue kind \"{}\" (one of {})", where, kind_name, allowed)};
    }
    std::vector<std::string>& list = cues.lists_[static_cast<size_t>(*kind)];
    const std::vector<std::string> phrases = split_list(row.fields[2]);
    if (phrases.empty()) return Error{where + ": no phrases"};
    for (const std::string& phrase : phrases) {
      if (std::any_of(phrase.begin(), phrase.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
        return Error{fmt::format("{}: phrase \"{}\" is not in lower case (the text it is compared with is)", where, phrase)};
      }
      if (std::find(list.begin(), list.end(), phrase) != list.end()) {
        return Error{fmt::format("{}: phrase \"{}\" is already a cue of kind {}", where, phrase, kind_name)};
      }
      list.push_back(phrase);
    }
  }
  for (CueKind k : kAllKinds) {
    if (cues.of(k).empty()) return Error{fmt::format("{}: no cues of kind {}", tsv->path, to_string(k))};
  }
  return cues;
}

bool Cues::has(CueKind kind, std::string_view word) const {
  const std::vector<std::string>& list = of(kind);
  return std::find(list.begin(), list.end(), word) != list.end();
}

}  // namespace salvo
