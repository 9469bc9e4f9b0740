#pragma once
// Samplers for the distributions the LCMCR Gibbs sampler draws from. Each is
// an exact algorithm (no normal approximations), checked against the exact
// probabilities in tests/estimate/random_variates_test.cpp:
//   gamma: Marsaglia and Tsang (2000), with the U^(1/a) boost for shape < 1;
//   binomial: inversion for tiny means, up to 128 trials all decided at
//     once digit by digit (64 trials per random word), Hormann's BTRD (1993)
//     otherwise;
//   Poisson: inversion for small means, Hormann's PTRS (1993) otherwise;
//   negative binomial: a Poisson-gamma mixture;
//   multinomial: conditional binomials, the last few items as categorical
//     draws.

#include <cstdint>
#include <span>

#include "estimate/random_source.h"

namespace uncounted::estimate {

// Gamma(shape, 1); SHAPE > 0.
double gamma_variate(RandomSource& rng, double shape);

// log of a Gamma(shape, 1) variate, accurate even when the variate itself
// would underflow (tiny shapes).
double log_gamma_variate(RandomSource& rng, double shape);

// Beta(a, b) returned as (log x, log(1 - x)), accurate at both ends.
struct LogBeta {
  double log_x;
  double log_1mx;
};
LogBeta log_beta_variate(RandomSource& rng, double a, double b);

// Beta(1 + COUNT, B) for COUNT >= 0 and B >= 1, returned as x and 1 - x,
// both from the two gamma variates (no log): the stick-breaking weights.
// With these shapes neither can underflow (x > 1e-30 unless B > 1e25).
struct BetaPair {
  double x;
  double one_minus_x;
};
BetaPair stick_beta_variate(RandomSource& rng, std::int64_t count, double b);

// Beta(a, b) for A, B >= 1, returned as 1 - x and the odds x / (1 - x). Both
// come straight from the two gamma variates (1 - x = Y / (X + Y), odds = X /
// Y), so they are accurate at both ends and cost no log or exp, which is what
// the Gibbs sampler's product-form class weights need.
struct BetaOdds {
  double one_minus_x;
  double odds;
};
BetaOdds beta_odds_variate(RandomSource& rng, double a, double b);

// The same for Beta(1 + ONES, 1 + ZEROS), the posterior of a Bernoulli
// probability under a uniform prior; ONES, ZEROS >= 0. Faster: Beta(1, 1) is
// a uniform, and the gamma set-up for small integer shapes is tabulated.
BetaOdds beta_odds_count_variate(RandomSource& rng, std::int64_t ones, std::int64_t zeros);

// Binomial(n, p).
std::int64_t binomial_variate(RandomSource& rng, std::int64_t n, double p);

// Poisson(mean).
std::int64_t poisson_variate(RandomSource& rng, double mean);

// The number of failures before SIZE successes, success probability P
// (GSL's and R's parameterisation): mean SIZE (1 - P) / P.
std::int64_t negative_binomial_variate(RandomSource& rng, double size, double p);

// Splits N over the categories with weights WEIGHTS (non-negative, not all
// zero, need not sum to 1) into OUT (same size).
void multinomial_variate(RandomSource& rng, std::int64_t n, std::span<const double> weights,
                         std::span<std::int64_t> out);

// The same, visiting the categories in ORDER (a permutation of 0..K-1). The
// order does not change the distribution, only the speed: heaviest first
// lets the count left reach 0 after a few categories. A caller that splits
// many counts over the same categories sorts once and passes the order.
void multinomial_variate(RandomSource& rng, std::int64_t n, std::span<const double> weights,
                         std::span<const std::uint16_t> order, std::span<std::int64_t> out);

}  // namespace uncounted::estimate
