// A web page: markup reduction, the HTML parser, main-content extraction, page metadata, then
// cleaning and sentences. Every offset must map back into the page's bytes.
#include "fuzz_support.h"
#include "salvo/ingest/reader.h"
#include "salvo/pipeline/analyze.h"

using namespace salvo;
using namespace salvo::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  read_html_article("fuzz.html", std::string(as_text(data, size)), ReadOptions{}, [&](Article&& article) {
    const size_t raw_size = article.raw.size();
    const AnalyzedArticle analyzed = analyze_article(std::move(article));
    for (const Sentence& s : analyzed.sentences) {
      SALVO_FUZZ_CHECK(within(s.begin, s.end, analyzed.clean.text.view().size()));
      SALVO_FUZZ_CHECK(within(s.raw.begin, s.raw.end, raw_size));
    }
  }, [](const InputProblem&) {});
  return 0;
}
