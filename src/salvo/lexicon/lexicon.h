// The term lexicons of data/lexicon/: actors, targets and weapons, each term with its aliases.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "salvo/base/result.h"
#include "salvo/lexicon/cues.h"
#include "salvo/lexicon/side.h"

namespace salvo {

enum class TermCategory { kActor, kTarget, kWeapon, kTrigger };
const char* to_string(TermCategory category);

struct Term {
  TermCategory category = TermCategory::kActor;
  std::string id;
  std::string name;  // canonical name (for weapons: the id)
  std::string kind;  // actor/target kind, the weapon class, or the trigger kind
  // Triggers of strength "weak" ("launched", "hit", "a blast"): they report an incident only
  // beside a weapon the sentence names.
  bool weak = false;
  // Actors: the side of the domain they are on (actors.csv `side`), and whether their attacks
  // are "strikes" (`strikes`: the US, the coalition and the states that strike militias).
  Side side = Side::kUnknown;
  bool strikes = false;
};

struct TermAlias {
  size_t term = 0;          // index into Lexicon::terms()
  std::string text;         // as written in the file
  bool exact_case = false;  // "=IS": matches only these exact bytes
};

class Lexicon {
 public:
  // Loads actors.csv, targets.tsv, weapons.tsv, triggers.tsv and cues.tsv from `directory`
  // (data/lexicon), validating each (errors name the file and line).
  static Result<Lexicon> load(const std::filesystem::path& directory);

  const std::vector<Term>& terms() const { return terms_; }
  const std::vector<TermAlias>& aliases() const { return aliases_; }
  const Cues& cues() const { return cues_; }

 private:
  std::vector<Term> terms_;
  std::vector<TermAlias> aliases_;
  Cues cues_;
};

}  // namespace salvo
