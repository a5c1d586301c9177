// Finds every occurrence of many phrases in one pass over folded text (Vectorscan/Hyperscan
// literal matching: linear in the text, whatever the number of phrases).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "salvo/base/result.h"
#include "salvo/lexicon/fold.h"

struct hs_database;

namespace salvo {

struct PhraseMatch {
  uint32_t phrase = 0;  // index into the phrase list given to compile()
  uint32_t begin = 0;   // byte range in the folded text
  uint32_t end = 0;
};

class PhraseMatcher {
 public:
  // `phrases` must already be folded (fold_name); empty phrases are ignored.
  static Result<PhraseMatcher> compile(const std::vector<std::string>& phrases);

  // Whole-word occurrences (bounded by the text's ends or spaces), in order of end then begin.
  // Overlapping matches are all reported.
  void scan(std::string_view folded, std::vector<PhraseMatch>& out) const;

  size_t size() const { return lengths_.size(); }

 private:
  struct DatabaseDeleter {
    void operator()(hs_database* db) const;
  };
  std::unique_ptr<hs_database, DatabaseDeleter> database_;
  std::vector<uint32_t> lengths_;  // byte length of each phrase
};

}  // namespace salvo
