// The reader of simple markup against the HTML parser: whenever it reads an input (rather than
// leave it to the parser), its text and every segment of its offset map are the parser's.
#include "fuzz_support.h"
#include "salvo/markup/decode.h"
#include "salvo/markup/dom.h"
#include "salvo/markup/simple_markup.h"

using namespace salvo;
using namespace salvo::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const MappedText input = decode_utf8(as_text(data, size), 0, size);
  const std::optional<MappedText> simple = read_simple_markup(input);
  if (!simple) return 0;
  const MappedText parsed = parse_markup_text(input);
  SALVO_FUZZ_CHECK(simple->text() == parsed.text());
  SALVO_FUZZ_CHECK(simple->segments().size() == parsed.segments().size());
  for (size_t k = 0; k < parsed.segments().size(); ++k) {
    const MappedText::Segment& a = simple->segments()[k];
    const MappedText::Segment& b = parsed.segments()[k];
    SALVO_FUZZ_CHECK(a.text_begin == b.text_begin && a.raw_begin == b.raw_begin && a.raw_end == b.raw_end &&
                     a.copied == b.copied);
  }
  return 0;
}
