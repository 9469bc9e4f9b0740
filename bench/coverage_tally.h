#pragma once
// What the coverage benchmarks share: each method's interval of one
// stratum's estimate, and a tally of how often intervals held the truth,
// their median width and median error (relative to the truth).

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "estimate/population_estimate.h"

namespace uncounted::bench {

struct Interval {
  double N = NAN, lower = NAN, upper = NAN;
};

// The methods' intervals of estimate E, by method name.
inline std::map<std::string, Interval> intervals(const estimate::StratumEstimate& e) {
  std::map<std::string, Interval> out;
  if (e.loglinear && e.loglinear->selected) {
    const auto& f = e.loglinear->hierarchical[*e.loglinear->selected];
    out["loglinear"] = {f.N, f.lower.value_or(NAN), f.upper.value_or(INFINITY)};
  }
  // The BIC-weighted average of the models: its interval holds the
  // uncertainty of which model is right, the selected model's does not.
  if (e.loglinear && e.loglinear->averaged) {
    const auto& a = *e.loglinear->averaged;
    out["loglinear (BIC-averaged)"] = {a.N, a.lower, a.upper};
  }
  if (e.lcmcr) out["lcmcr"] = {e.lcmcr->median, e.lcmcr->lower, e.lcmcr->upper};
  if (e.dga) out["dga"] = {e.dga->median, e.dga->lower, e.dga->upper};
  return out;
}

struct Tally {
  int runs = 0, covered = 0;
  std::vector<double> widths, errors;
  void add(const Interval& i, double truth) {
    ++runs;
    if (i.lower <= truth && truth <= i.upper) ++covered;
    widths.push_back((i.upper - i.lower) / truth);
    errors.push_back((i.N - truth) / truth);
  }
  static double median(std::vector<double> v) {
    if (v.empty()) return NAN;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  }
};

}  // namespace uncounted::bench
