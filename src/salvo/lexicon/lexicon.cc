#include "salvo/lexicon/lexicon.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <set>

#include "salvo/base/csv.h"
#include "salvo/base/tsv.h"
#include "salvo/lexicon/fold.h"

namespace salvo {

const char* to_string(TermCategory category) {
  switch (category) {
    case TermCategory::kActor: return "actor";
    case TermCategory::kTarget: return "target";
    case TermCategory::kWeapon: return "weapon";
    case TermCategory::kTrigger: return "trigger";
  }
  return "actor";
}

namespace {

// A facade is a militia's brand for claiming attacks ("Ashab al-Kahf"); tribal forces are armed
// clans (Deir ez-Zor's Arab tribal forces). To the extractor both are named perpetrators, as a
// militia or an umbrella is: only "generic" is told apart (a named actor beats "militias").
constexpr std::array<std::string_view, 10> kActorKinds = {"umbrella", "militia", "facade", "tribal", "state",
                                                          "coalition", "jihadist", "kurdish", "iraqi_state", "generic"};
constexpr std::array<std::string_view, 11> kTargetKinds = {"us", "coalition", "us_coalition", "advisers", "diplomatic",
                                                           "contractors", "base", "convoy", "local_force", "other_force",
                                                           "civilian"};
constexpr std::array<std::string_view, 6> kTriggerKinds = {"attack", "strike", "interception", "claim", "accuse", "report"};
constexpr std::array<std::string_view, 8> kWeaponClasses = {"rocket", "drone", "missile", "mortar",
                                                            "ied", "small_arms", "aircraft", "unknown"};

template <size_t N>
bool one_of(const std::array<std::string_view, N>& allowed, std::string_view value) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

template <size_t N>
std::string allowed_list(const std::array<std::string_view, N>& allowed) {
  return fmt::format("{}", fmt::join(allowed, ", "));
}

}  // namespace

Result<Lexicon> Lexicon::load(const std::filesystem::path& directory) {
  Lexicon lexicon;
  struct Source {
    const char* file;
    TermCategory category;
  };
  for (const Source& source : {Source{"actors.csv", TermCategory::kActor}, Source{"targets.tsv", TermCategory::kTarget},
                               Source{"weapons.tsv", TermCategory::kWeapon}, Source{"triggers.tsv", TermCategory::kTrigger}}) {
    // Weapons and triggers have no display name: id, class or kind, aliases.
    const bool weapons = source.category == TermCategory::kWeapon || source.category == TermCategory::kTrigger;
    // The actors are the curated table of shared/data (CSV, as edited there): each row carries
    // its notes and the source it cites, which the loader requires and otherwise leaves alone.
    const bool actors = source.category == TermCategory::kActor;
    const std::vector<std::string> header =
        source.category == TermCategory::kWeapon    ? std::vector<std::string>{"id", "class", "aliases"}
        : source.category == TermCategory::kTrigger ? std::vector<std::string>{"id", "kind", "strength", "aliases"}
        : actors ? std::vector<std::string>{"id", "name", "kind", "aliases", "notes", "source_url", "side", "strikes"}
                 : std::vector<std::string>{"id", "name", "kind", "aliases"};
    auto file = actors ? read_csv(directory / source.file, header) : read_tsv(directory / source.file, header);
    if (!file) return file.error();
    std::set<std::string> ids;
    for (const TsvRow& row : file->rows) {
      const std::string where = file->where(row);
      Term term;
      term.category = source.category;
      term.id = row.fields[0];
      term.name = weapons ? row.fields[0] : row.fields[1];
      term.kind = weapons ? row.fields[1] : row.fields[2];
      const std::string& aliases = row.fields[source.category == TermCategory::kWeapon ? 2 : 3];
      if (term.id.empty()) return Error{where + ": empty id"};
      if (term.name.empty()) return Error{where + ": empty name"};
      if (!ids.insert(term.id).second) return Error{fmt::format("{}: duplicate id \"{}\"", where, term.id)};
      if (actors && !one_of(kActorKinds, term.kind)) {
        return Error{fmt::format("{}: unknown actor kind \"{}\" (one of {})", where, term.kind, allowed_list(kActorKinds))};
      }
      if (actors && row.fields[5].empty()) return Error{where + ": empty source_url: every actor row cites its source"};
      if (actors) {
        const std::optional<Side> side = parse_side(row.fields[6]);
        if (!side) {
          return Error{fmt::format("{}: unknown side \"{}\" (one of {})", where, row.fields[6], side_names())};
        }
        term.side = *side;
        const std::string& strikes = row.fields[7];
        if (strikes != "yes" && strikes != "no") {
          return Error{fmt::format("{}: strikes must be yes or no, not \"{}\"", where, strikes)};
        }
        term.strikes = strikes == "yes";
      }
      if (source.category == TermCategory::kTarget && !one_of(kTargetKinds, term.kind)) {
        return Error{fmt::format("{}: unknown target kind \"{}\" (one of {})", where, term.kind, allowed_list(kTargetKinds))};
      }
      if (source.category == TermCategory::kTrigger && !one_of(kTriggerKinds, term.kind)) {
        return Error{fmt::format("{}: unknown trigger kind \"{}\" (one of {})", where, term.kind, allowed_list(kTriggerKinds))};
      }
      if (source.category == TermCategory::kTrigger) {
        const std::string& strength = row.fields[2];
        if (strength != "strong" && strength != "weak") {
          return Error{fmt::format("{}: unknown trigger strength \"{}\" (strong or weak)", where, strength)};
        }
        term.weak = strength == "weak";
      }
      if (source.category == TermCategory::kWeapon && !one_of(kWeaponClasses, term.kind)) {
        return Error{fmt::format("{}: unknown weapon class \"{}\" (one of {})", where, term.kind, allowed_list(kWeaponClasses))};
      }
      const size_t index = lexicon.terms_.size();
      lexicon.terms_.push_back(term);
      std::vector<std::string> names = split_list(aliases);
      if (!weapons) names.insert(names.begin(), term.name);
      if (names.empty()) return Error{where + ": no aliases"};
      for (std::string& name : names) {
        TermAlias alias{index, std::move(name), false};
        if (!alias.text.empty() && alias.text.front() == '=') {
          alias.text.erase(0, 1);
          alias.exact_case = true;
        }
        if (fold_name(alias.text).empty()) {
          return Error{fmt::format("{}: alias \"{}\" has no letters or digits", where, alias.text)};
        }
        lexicon.aliases_.push_back(std::move(alias));
      }
    }
  }
  auto cues = Cues::load(directory / "cues.tsv");
  if (!cues) return cues.error();
  lexicon.cues_ = std::move(cues).value();
  return lexicon;
}

}  // namespace salvo
