#pragma once
// A scored pair (i, j) with match weight WEIGHT and the probability that
// weight gives, for tests of clustering that need no model.

#include <cstdint>

#include "link/predict.h"

namespace uncounted::link::testing {

inline ScoredPair link(std::uint32_t i, std::uint32_t j, float weight) {
  return {i, j, 0, weight, static_cast<float>(probability_from_weight(weight))};
}

}  // namespace uncounted::link::testing
