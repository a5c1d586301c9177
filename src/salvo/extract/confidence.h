// Confidence adjustments made once all of an article's incidents are known.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "salvo/extract/article_state.h"
#include "salvo/extract/sentence_view.h"

namespace salvo::extract {

// Confidence from what went wrong on the dev gold (salvo eval's calibration table).
void calibrate(std::vector<Event>& events);

}  // namespace salvo::extract
