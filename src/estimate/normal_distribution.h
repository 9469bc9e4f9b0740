#pragma once
// The standard normal distribution where the estimators need it: its CDF,
// and z with P(|Z| <= z) = level for two-sided intervals (by bisection on
// erfc, exact to double precision; a few microseconds, never in a loop).

#include <cmath>

namespace uncounted::estimate {

inline double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

inline double normal_quantile_two_sided(double level) {
  double lo = 0, hi = 40;
  for (int i = 0; i < 200; ++i) {
    const double mid = (lo + hi) / 2;
    (std::erfc(mid / std::sqrt(2.0)) > 1 - level ? lo : hi) = mid;
  }
  return (lo + hi) / 2;
}

}  // namespace uncounted::estimate
