#include "salvo/lexicon/phrase_matcher.h"

#include <fmt/format.h>
#include <hs/hs.h>

namespace salvo {

void PhraseMatcher::DatabaseDeleter::operator()(hs_database* db) const { hs_free_database(db); }

Result<PhraseMatcher> PhraseMatcher::compile(const std::vector<std::string>& phrases) {
  PhraseMatcher matcher;
  matcher.lengths_.reserve(phrases.size());
  std::vector<const char*> expressions;
  std::vector<size_t> lengths;
  std::vector<unsigned> flags;
  std::vector<unsigned> ids;
  for (size_t i = 0; i < phrases.size(); ++i) {
    matcher.lengths_.push_back(static_cast<uint32_t>(phrases[i].size()));
    if (phrases[i].empty()) continue;
    expressions.push_back(phrases[i].data());
    lengths.push_back(phrases[i].size());
    flags.push_back(0);
    ids.push_back(static_cast<unsigned>(i));
  }
  if (expressions.empty()) return matcher;
  hs_database_t* database = nullptr;
  hs_compile_error_t* error = nullptr;
  const hs_error_t status =
      hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(), lengths.data(),
                           static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK, nullptr, &database, &error);
  if (status != HS_SUCCESS) {
    std::string message = fmt::format("cannot compile {} phrases: {}", expressions.size(),
                                      error && error->message ? error->message : "unknown error");
    hs_free_compile_error(error);
    return Error{message};
  }
  matcher.database_.reset(database);
  return matcher;
}

namespace {

struct ScanContext {
  std::string_view text;
  const std::vector<uint32_t>* lengths;
  std::vector<PhraseMatch>* out;
};

int on_match(unsigned int id, unsigned long long /*from*/, unsigned long long to, unsigned int /*flags*/,
             void* context) {
  auto* scan = static_cast<ScanContext*>(context);
  const auto end = static_cast<uint32_t>(to);
  const uint32_t length = (*scan->lengths)[id];
  if (length > end) return 0;
  const uint32_t begin = end - length;
  // Whole words only: "hit" must not match inside "white".
  if (begin > 0 && scan->text[begin - 1] != ' ') return 0;
  if (end < scan->text.size() && scan->text[end] != ' ') return 0;
  scan->out->push_back({id, begin, end});
  return 0;
}

}  // namespace

void PhraseMatcher::scan(std::string_view folded, std::vector<PhraseMatch>& out) const {
  if (!database_ || folded.empty()) return;
  // One scratch space per thread, grown to fit every database it is used with.
  // hs_alloc_scratch is costly even when nothing needs to grow, so it runs only when this thread
  // meets a database it has not sized its scratch for.
  thread_local struct ScratchHolder {
    hs_scratch_t* scratch = nullptr;
    const hs_database_t* sized_for = nullptr;
    ~ScratchHolder() { hs_free_scratch(scratch); }
  } holder;
  if (holder.sized_for != database_.get()) {
    if (hs_alloc_scratch(database_.get(), &holder.scratch) != HS_SUCCESS) return;
    holder.sized_for = database_.get();
  }
  ScanContext context{folded, &lengths_, &out};
  if (hs_scan(database_.get(), folded.data(), static_cast<unsigned>(folded.size()), 0, holder.scratch, on_match,
              &context) == HS_INVALID) {
    // A new database at a freed one's address: size the scratch for it and scan again.
    out.clear();
    if (hs_alloc_scratch(database_.get(), &holder.scratch) != HS_SUCCESS) return;
    hs_scan(database_.get(), folded.data(), static_cast<unsigned>(folded.size()), 0, holder.scratch, on_match, &context);
  }
}

}  // namespace salvo
