// The temporal tagger on one sentence: the first two bytes choose the publication date (or
// none), the rest is the sentence. Offsets within it, text equal to the span, ranges ordered.
#include "fuzz_support.h"
#include "salvo/time/time_expression.h"

using namespace salvo;
using namespace salvo::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  TimeContext context;
  const unsigned day_choice = data[0] | (data[1] << 8);
  // 0: no publication date; otherwise a day in 1995-2044, where news dates lie.
  if (day_choice != 0) context.publication = Date::from_days_since_epoch(9131 + static_cast<long>(day_choice % 18262));
  const std::string_view sentence = as_text(data + 2, size - 2);
  for (const TimeExpression& t : find_time_expressions(sentence, context)) {
    SALVO_FUZZ_CHECK(within(t.begin, t.end, sentence.size()));
    SALVO_FUZZ_CHECK(t.text == sentence.substr(t.begin, t.end - t.begin));
    if (t.value && t.value_max) SALVO_FUZZ_CHECK(t.value->days_since_epoch() <= t.value_max->days_since_epoch());
  }
  return 0;
}
