// What the Google Benchmarks share: the loaded recognizer and the articles they run on.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "salvo/base/data_dir.h"
#include "salvo/ingest/reader.h"
#include "salvo/recognize/recognizer.h"

namespace salvo::bench {

// Loaded once per benchmark binary; exits with 3 (data files unusable) when it cannot load.
inline const Recognizer& recognizer() {
  static const Recognizer instance = [] {
    auto loaded = Recognizer::load(data_dir());
    if (!loaded) {
      std::fprintf(stderr, "%s\n", loaded.error().message.c_str());
      std::exit(3);
    }
    return std::move(loaded).value();
  }();
  return instance;
}

// The bundled seed articles, and the dev articles of ../shared/dev when `with_dev` and present.
inline std::vector<Article> read_bench_articles(bool with_dev) {
  std::vector<std::string> paths = {std::string(SALVO_SOURCE_DIR) + "/examples/seeds"};
  const std::string dev = std::string(SALVO_SOURCE_DIR) + "/../shared/dev";
  if (with_dev && std::filesystem::is_directory(dev)) paths.push_back(dev);
  std::vector<Article> out;
  read_articles(paths, {}, [&](Article&& a) { out.push_back(std::move(a)); },
                [](const InputProblem& p) { std::fprintf(stderr, "%s: %s\n", p.where.c_str(), p.message.c_str()); });
  return out;
}

}  // namespace salvo::bench
