#pragma once
// Helpers shared by the estimate tests: read a reference table from
// /work/shared/data/mse and compare figures to a number of significant digits.

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <string>

#include "estimate/capture_table.h"

namespace uncounted::estimate::testing {

inline CaptureTable load_mse_table(const std::string& file) {
  const std::string path = std::string(UNCOUNTED_SHARED_DIR) + "/data/mse/" + file;
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  return read_capture_table(in, file);
}

// True when ACTUAL equals EXPECTED to DIGITS significant digits, i.e. they
// differ by at most half a unit in the last kept digit of EXPECTED.
inline ::testing::AssertionResult same_digits(double actual, double expected, int digits = 4) {
  const double magnitude = std::floor(std::log10(std::abs(expected)));
  const double half_unit = 0.5 * std::pow(10.0, magnitude - (digits - 1));
  if (std::abs(actual - expected) <= half_unit) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << actual << " differs from " << expected << " beyond " << digits << " significant digits";
}

}  // namespace uncounted::estimate::testing
