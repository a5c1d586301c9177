#include "salvo/lexicon/phrase_matcher.h"

#include <fmt/format.h>
#include <hs/hs.h>

namespace salvo {

void PhraseMatcher::DatabaseDeleter::operator()(hs_database* db) const { hs_free_database(db); }

Result<PhraseMatcher> PhraseMatcher::compile(const std::vector<std::string>& phrases) {
  PhraseMatcher matcher;
  matcher.lengths_.reserve(phrases.size());
  // Each phrase is compiled with a space on either side and the text scanned with one on either
  // end, so that only whole-word occurrences match: fewer candidates for the engine to confirm.
  std::vector<std::string> padded;
  padded.reserve(phrases.size());
  std::vector<const char*> expressions;
  std::vector<size_t> lengths;
  std::vector<unsigned> flags;
  std::vector<unsigned> ids;
  for (size_t i = 0; i < phrases.size(); ++i) {
    matcher.lengths_.push_back(static_cast<uint32_t>(phrases[i].size()));
    if (phrases[i].empty()) continue;
    padded.push_back(" " + phrases[i] + " ");
    expressions.push_back(padded.back().data());
    lengths.push_back(padded.back().size());
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
  const std::vector<uint32_t>* lengths;
  std::vector<PhraseMatch>* out;
};

int on_match(unsigned int id, unsigned long long /*from*/, unsigned long long to, unsigned int /*flags*/,
             void* context) {
  auto* scan = static_cast<ScanContext*>(context);
  // `to` is one past the closing space in the padded text; the phrase ends just before that
  // space, which is `to - 2` in the unpadded text.
  const auto end = static_cast<uint32_t>(to - 2);
  const uint32_t begin = end - (*scan->lengths)[id];
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
  thread_local std::string padded;
  padded.assign(1, ' ');
  padded.append(folded);
  padded.push_back(' ');
  ScanContext context{&lengths_, &out};
  const size_t first = out.size();
  if (hs_scan(database_.get(), padded.data(), static_cast<unsigned>(padded.size()), 0, holder.scratch, on_match,
              &context) == HS_INVALID) {
    // A new database at a freed one's address: size the scratch for it and scan again.
    out.resize(first);
    if (hs_alloc_scratch(database_.get(), &holder.scratch) != HS_SUCCESS) return;
    hs_scan(database_.get(), padded.data(), static_cast<unsigned>(padded.size()), 0, holder.scratch, on_match, &context);
  }
}

}  // namespace salvo
