// One Recognizer for all tests of a binary: loading the data and compiling the matcher takes
// about 150 ms, so it is done once.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>

#include "salvo/base/data_dir.h"
#include "salvo/recognize/recognizer.h"

namespace salvo::testing {

inline const Recognizer& shared_recognizer() {
  static const Recognizer instance = [] {
    auto loaded = Recognizer::load(data_dir());
    if (!loaded) {
      ADD_FAILURE() << loaded.error().message;
      std::abort();
    }
    return std::move(loaded).value();
  }();
  return instance;
}

}  // namespace salvo::testing
