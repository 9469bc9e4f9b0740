#pragma once
// Summaries and convergence diagnostics of MCMC draws: quantiles (R's type
// 7, so figures compare with quantile() in R), split R-hat and the
// multi-chain effective sample size of Stan (Vehtari et al. 2021 without
// the rank normalisation: Geyer's initial monotone sequence on the
// combined autocorrelation).

#include <vector>

namespace uncounted::estimate {

// The P-quantile of SORTED (ascending), by linear interpolation (type 7).
double quantile_sorted(const std::vector<double>& sorted, double p);

// Split R-hat: each chain cut in halves, then the classic potential scale
// reduction. 1 means the chains agree; above ~1.01 they have not mixed.
double split_rhat(const std::vector<std::vector<double>>& chains);

// Effective sample size of all the draws together (chains of equal length).
double effective_sample_size(const std::vector<std::vector<double>>& chains);

}  // namespace uncounted::estimate
