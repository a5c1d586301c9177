// JSONL input: one article object a line; malformed lines are problems, never crashes.
#include "fuzz_support.h"
#include "salvo/ingest/reader.h"

using namespace salvo;
using namespace salvo::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  size_t articles = 0;
  size_t problems = 0;
  const size_t returned = read_jsonl_articles("fuzz.jsonl", as_text(data, size), ReadOptions{}, [&](Article&& article) {
    ++articles;
    SALVO_FUZZ_CHECK(!article.id.empty());
    SALVO_FUZZ_CHECK(article.body_offset <= article.raw.size());
  }, [&](const InputProblem& problem) {
    ++problems;
    SALVO_FUZZ_CHECK(!problem.where.empty() && !problem.message.empty());
  });
  SALVO_FUZZ_CHECK(returned == problems);
  return 0;
}
