// A .txt article: the optional " date YYYY-MM-DD" header, then reading, decoding, cleaning and
// sentence splitting (analyze_article). Offsets of every sentence must lie in the clean text and
// map back into the raw bytes.
#include "fuzz_support.h"
#include "salvo/ingest/reader.h"
#include "salvo/pipeline/analyze.h"

using namespace salvo;
using namespace salvo::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = as_text(data, size);
  size_t body = 0;
  if (parse_text_header(bytes, body)) SALVO_FUZZ_CHECK(body <= size);
  read_text_article("fuzz.txt", std::string(bytes), ReadOptions{}, [&](Article&& article) {
    const size_t raw_size = article.raw.size();
    const AnalyzedArticle analyzed = analyze_article(std::move(article));
    const size_t clean_size = analyzed.clean.text.view().size();
    for (const Sentence& s : analyzed.sentences) {
      SALVO_FUZZ_CHECK(within(s.begin, s.end, clean_size));
      SALVO_FUZZ_CHECK(within(s.raw.begin, s.raw.end, raw_size));
      SALVO_FUZZ_CHECK(s.end - s.begin <= Limits{}.max_sentence_bytes);
    }
  }, [](const InputProblem&) {});
  return 0;
}
