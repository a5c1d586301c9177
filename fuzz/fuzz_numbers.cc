// Numbers in digits and words ("three", "at least five", "2,500", "dozens"): offsets within the
// text, values not negative.
#include "fuzz_support.h"
#include "salvo/recognize/numbers.h"

using namespace salvo;
using namespace salvo::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = as_text(data, size);
  for (const NumberMention& n : find_numbers(text)) {
    SALVO_FUZZ_CHECK(within(n.begin, n.end, text.size()));
    SALVO_FUZZ_CHECK(n.value >= 0);
  }
  return 0;
}
