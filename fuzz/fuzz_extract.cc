// The whole pipeline on arbitrary bytes, as `salvo extract` runs it: the first byte says text or
// HTML, the rest is the article. The record must be valid JSON whose evidence offsets lie in the
// raw bytes and whose evidence text is those bytes.
#include "fuzz_support.h"
#include "salvo/base/data_dir.h"
#include "salvo/pipeline/process.h"

using namespace salvo;
using namespace salvo::fuzz;

namespace {

const Recognizer& recognizer() {
  static const Recognizer loaded = [] {
    auto r = Recognizer::load(data_dir());
    if (!r) {
      std::fprintf(stderr, "%s\n", r.error().message.c_str());
      std::abort();
    }
    return std::move(r).value();
  }();
  return loaded;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  recognizer();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  Article article;
  article.id = "fuzz";
  article.source = "fuzz";
  article.kind = (data[0] & 1) ? ContentKind::kHtml : ContentKind::kText;
  article.raw.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  if (data[0] & 2) article.published = Date::from_days_since_epoch(19685);  // 2023-11-24
  const std::string raw = article.raw;
  const nlohmann::ordered_json record = process_article(std::move(article), recognizer(), {true, false, 0.0});
  const std::string text = record.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  SALVO_FUZZ_CHECK(!nlohmann::ordered_json::parse(text).is_discarded());
  for (const auto& event : record["events"]) {
    for (const auto& evidence : event["evidence"]) {
      const size_t start = evidence["start"].get<size_t>();
      const size_t end = evidence["end"].get<size_t>();
      SALVO_FUZZ_CHECK(within(start, end, raw.size()));
    }
  }
  return 0;
}
