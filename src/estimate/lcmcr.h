#pragma once
// Bayesian latent-class capture-recapture (LCMCR): the Dirichlet-process
// mixture of product-Bernoulli classes of Manrique-Vallier (2016), truncated
// at K classes, with the data-augmentation Gibbs sampler of the R package
// LCMCR 0.4.14 (the sweep order of REFERENCE.md §4.1):
//   1. split each occupied cell's count over the classes (multinomial);
//   2. lambda_jk ~ Beta(1 + ones, 1 + zeros), counting the augmented units;
//   3. stick-breaking weights V_k ~ Beta(1 + n_k, alpha + sum_{l>k} n_l);
//   4. p0 = sum_k nu_k prod_j (1 - lambda_jk);
//   5. n0 ~ NegBin(n, 1 - p0) (prior on N proportional to 1/N), redrawn
//      while n0 > 20 n;
//   6. the n0 unobserved units spread over the classes (multinomial);
//   7. alpha ~ Gamma(a + K - 1, b - log nu_K).
// Chains run in parallel threads; each chain's stream depends only on the
// seed and the chain's index, so a run is reproducible on any machine.

#include <cstdint>
#include <string>
#include <vector>

namespace uncounted::estimate {

// Limits on a run's options, beyond which run_lcmcr refuses (usage_error):
// more sweeps than anyone can wait for (10^12 is weeks at 300,000 a second),
// and more retained draws than memory should hold (8 bytes each, twice).
inline constexpr std::int64_t kMostSweeps = 1'000'000'000'000;
inline constexpr int kMostChains = 256;
inline constexpr int kMostClasses = 1000;
inline constexpr std::int64_t kMostRetainedDraws = 50'000'000;

struct LcmcrOptions {
  int classes = 10;           // K, the truncation of the stick-breaking prior
  double alpha_shape = 0.25;  // a of Gamma(a, b) on the concentration
  double alpha_rate = 0.25;   // b
  int warmup = 500;           // sweeps before burn-in with alpha held fixed (as LCMCR)
  std::int64_t burn_in = 10000;
  std::int64_t iterations = 100000;  // sweeps after burn-in, per chain
  int thinning = 10;                 // keep every thinning-th sweep
  int chains = 4;
  std::uint64_t seed = 1;
  double interval = 0.95;
  int threads = 0;  // 0: one per chain, up to the hardware's cores
  // With max_seconds > 0 the chains go on, a block of `iterations` sweeps
  // at a time, until split R-hat <= target_rhat and the effective sample
  // size >= target_ess, or until another block would pass max_seconds
  // (wall clock, the whole run); 0: one block, as LCMCR does.
  double max_seconds = 0;
  double target_rhat = 1.01;
  double target_ess = 1000;
};

// Under this effective sample size a run's interval is imprecise, and the
// result says so (kLowEssWarning). Estimates pooled over linkages judge
// the pooled draws, whose ESS is the sum of the runs' (linkage_pooling.h).
inline constexpr double kLeastEss = 400;
inline constexpr const char* kLowEssWarning =
    "effective sample size below 400: the interval is imprecise; run longer or with more chains";

struct LcmcrResult {
  std::int64_t observed = 0;
  // Posterior of N = observed + n0, pooled over chains.
  double median = 0, lower = 0, upper = 0, mean = 0, sd = 0;
  double rhat = 0;                         // split R-hat over chains (Gelman et al. 2013)
  double ess = 0;                          // effective sample size of the pooled draws
  std::vector<std::vector<double>> draws;  // per chain, the retained N
  double seconds = 0;                      // wall clock of the whole run
  double sweeps_per_second_per_chain = 0;  // mean over chains, wall clock
  double sweeps_per_cpu_second = 0;        // mean over chains, per CPU second of the chain's thread
  std::int64_t iterations_run = 0;         // sweeps per chain after burn-in, all blocks
  // With max_seconds: "converged" or "time cap"; empty for one block.
  std::string stopped;
  std::vector<std::string> warnings;
};

// Runs the sampler on COUNTS (2^J entries, counts[0] ignored) for J lists.
// Throws invalid_input when no estimate is possible (see why_not_estimable)
// and usage_error for meaningless options.
LcmcrResult run_lcmcr(const std::vector<std::int64_t>& counts, int lists,
                      const LcmcrOptions& options = {});

// Sets RESULT's median, interval bounds (type-7 quantiles at INTERVAL),
// mean and sd from DRAWS of N.
void summarize_posterior(std::vector<double> draws, double interval, LcmcrResult& result);

// Describes the model as the JSON "model" field does: "K=10, a=0.25, b=0.25".
std::string describe(const LcmcrOptions& options);

}  // namespace uncounted::estimate
