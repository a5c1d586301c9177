// Sentence and token splitting (ICU plus the news-English corrections) and the cut of long
// sentences: spans in order, within the text, and pieces within their limit.
#include "fuzz_support.h"
#include "salvo/markup/decode.h"
#include "salvo/pipeline/analyze.h"
#include "salvo/text/sentences.h"

using namespace salvo;
using namespace salvo::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The splitters are given valid UTF-8 by the pipeline (decode_utf8 comes first): so here too.
  const MappedText decoded = decode_utf8(as_text(data, size), 0, size);
  const std::string_view text = decoded.view();
  size_t previous_end = 0;
  for (const Span& s : split_sentences(text)) {
    SALVO_FUZZ_CHECK(within(s.begin, s.end, text.size()));
    SALVO_FUZZ_CHECK(s.begin >= previous_end);
    previous_end = s.end;
    for (const Span& piece : cut_long_span(text, s, 64)) {
      SALVO_FUZZ_CHECK(within(piece.begin, piece.end, text.size()));
      SALVO_FUZZ_CHECK(piece.begin >= s.begin && piece.end <= s.end);
      SALVO_FUZZ_CHECK(piece.end - piece.begin <= 64);
    }
    const std::string_view sentence = text.substr(s.begin, s.end - s.begin);
    for (const Span& t : split_tokens(sentence)) SALVO_FUZZ_CHECK(within(t.begin, t.end, sentence.size()));
  }
  return 0;
}
