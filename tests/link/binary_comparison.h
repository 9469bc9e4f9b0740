#pragma once
// A comparison of two levels (exact, else) with the given m and u of the
// first, for tests whose generating model is known exactly.

#include <string>

#include "link/comparison.h"

namespace uncounted::link::testing {

inline Comparison binary(const std::string& name, double m, double u) {
  Comparison c;
  c.name = name;
  c.column = name;
  c.levels = {ComparisonLevel{LevelType::kExact, 0}};
  c.m = {m, 1 - m};
  c.u = {u, 1 - u};
  return c;
}

}  // namespace uncounted::link::testing
