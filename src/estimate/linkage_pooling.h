#pragma once
// Estimates pooled over plausible linkages: the propagation of record-
// linkage uncertainty into the population size (Sadinle 2018, "Bayesian
// propagation of record linkage uncertainty into population size
// estimation of human rights violations", Annals of Applied Statistics
// 12(2)), as a mixture. The same strata, estimated on M linkages drawn
// from the scored pairs (pipeline/linkage_draws.h), become one estimate
// whose interval holds the linkage's uncertainty as well as the
// estimator's. Every linkage weighs the same:
//   - LCMCR: the retained draws of all linkages together (each run keeps
//     as many), so the quantiles are those of the mixture;
//   - dga: the mean of the linkages' exact posteriors of N;
//   - log-linear: the mean of each linkage's sampling distribution of N,
//     taken as log-normal on each side of its estimate with the spread of
//     its interval (a two-piece log-normal through lower, N and upper),
//     for the selected model and the BIC-weighted average alike.
// Each method's share of the width that comes from the linkage is
// 1 - (mean interval width over the linkages) / (pooled width), in [0, 1]:
// 0 when every linkage gives the same interval. LCMCR's share is not known
// (NaN, with kWidthShareUnknownWarning) when the linkages' runs stopped at
// the time cap unmixed: each run's own interval then holds its chains'
// disagreement, which hides the linkage's (on 200,000 people it read 0%).
//
//   std::vector<std::vector<StratumEstimate>> runs;   // one per linkage
//   auto pooled = pool_over_linkages(runs, options);  // same strata, in order
//
// Thread-safety: pure functions.

#include <vector>

#include "estimate/population_estimate.h"

namespace uncounted::estimate {

// Split R-hat over this (Gelman and Rubin's older rule, looser than the
// 1.01 the runs aim for) at the time cap: the runs' chains disagree so much
// that each run's interval is as wide as their disagreement.
inline constexpr double kUnmixedRhat = 1.1;
inline constexpr const char* kWidthShareUnknownWarning =
    "the share of the interval's width that comes from the linkage is not known: the linkages' "
    "runs stopped before their chains mixed, and their own spread hides the linkage's";

// Pools PER_LINKAGE (M >= 1 runs of estimate_population over tables of the
// same strata in the same order) into one estimate per stratum, with
// `linkage` set. A stratum skipped on some linkages is pooled over the
// others (and says so); skipped on all, it stays skipped. Throws
// invalid_input when the runs do not have the same strata.
std::vector<StratumEstimate> pool_over_linkages(
    const std::vector<std::vector<StratumEstimate>>& per_linkage, const EstimateOptions& options);

// The P-quantile of the equal mixture of two-piece log-normal
// distributions, one per (lower, median, upper) triple at interval LEVEL.
// A non-finite upper makes that distribution's upper half unbounded; the
// result is infinite when the mixture never reaches P.
struct IntervalTriple {
  double lower = 0, median = 0, upper = 0;
};
double mixture_quantile(const std::vector<IntervalTriple>& triples, double level, double p);

}  // namespace uncounted::estimate
