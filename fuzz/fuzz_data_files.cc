// The data file loaders: the input replaces one of Salvo's data files (the first byte chooses
// which) in a copy of data/, and the lexicon and gazetteer are loaded from it. A bad file must be
// an error naming it, never a crash. The TSV reader is fuzzed on its own as well.
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "fuzz_support.h"
#include "salvo/base/data_dir.h"
#include "salvo/base/tsv.h"
#include "salvo/gazetteer/gazetteer.h"
#include "salvo/lexicon/lexicon.h"

using namespace salvo;
using namespace salvo::fuzz;
namespace fs = std::filesystem;

namespace {

const char* const kFiles[] = {"lexicon/actors.csv",     "lexicon/targets.tsv",      "lexicon/weapons.tsv",
                              "lexicon/triggers.tsv",   "gazetteer/countries.tsv",  "gazetteer/admin1.tsv",
                              "gazetteer/places.tsv",   "gazetteer/supplement.tsv", "gazetteer/regions.tsv",
                              "gazetteer/extra_aliases.tsv", "installations.csv",     "lexicon/cues.tsv"};

// A private copy of data/ in memory-backed /dev/shm (else the temp folder): written once.
const fs::path& data_copy() {
  static const fs::path copy = [] {
    const fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    const fs::path dir = base / ("salvo-fuzz-data-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::copy(data_dir(), dir, fs::copy_options::recursive);
    return dir;
  }();
  return copy;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const std::string_view content = as_text(data + 1, size - 1);
  // The TSV reader alone, with a header taken from the content's own first line.
  const size_t first_line = content.find('\n');
  const std::vector<std::string> header = split_list(content.substr(0, first_line), '\t');
  if (auto tsv = parse_tsv(content, "fuzz.tsv", header)) {
    for (const TsvRow& row : tsv->rows) SALVO_FUZZ_CHECK(row.fields.size() == header.size());
  } else {
    SALVO_FUZZ_CHECK(tsv.error().message.rfind("fuzz.tsv", 0) == 0);
  }

  const fs::path& dir = data_copy();
  const char* file = kFiles[data[0] % std::size(kFiles)];
  const fs::path target = dir / file;
  const std::string original = [&] {
    std::ifstream in(target, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  std::ofstream(target, std::ios::binary | std::ios::trunc).write(content.data(), static_cast<std::streamsize>(content.size()));
  const auto lexicon = Lexicon::load(dir / "lexicon");
  const auto gazetteer = Gazetteer::load(dir);
  std::ofstream(target, std::ios::binary | std::ios::trunc).write(original.data(), static_cast<std::streamsize>(original.size()));
  if (!lexicon) SALVO_FUZZ_CHECK(!lexicon.error().message.empty());
  if (!gazetteer) SALVO_FUZZ_CHECK(!gazetteer.error().message.empty());
  return 0;
}
