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

// The vector code that the draws with one (binomials of up to a few hundred
// trials, gamma_variates, a split's last few items) use: by default the
// best the machine has (AVX2, or SSE2 on any x86-64; none elsewhere). The
// draws are the same whichever runs; tests choose less to check that.
// Returns the unit in effect: WANTED or the machine's best if that is less.
// Not thread-safe: call it before any draws.
enum class VectorUnit { none, sse2, avx2 };
VectorUnit use_vector_unit(VectorUnit wanted);

// Gamma(shape, 1); SHAPE > 0.
double gamma_variate(RandomSource& rng, double shape);

// Independent Gamma(SHAPES[i], 1) variates into OUT[i] (same size); every
// shape >= 1. Marsaglia and Tsang's method four at a time in vector lanes
// where the machine has AVX2; the draws are the same without.
void gamma_variates(RandomSource& rng, std::span<const double> shapes, std::span<double> out);

// log of a Gamma(shape, 1) variate, accurate even when the variate itself
// would underflow (tiny shapes).
double log_gamma_variate(RandomSource& rng, double shape);

// Beta(a, b) returned as (log x, log(1 - x)), accurate at both ends.
struct LogBeta {
  double log_x;
  double log_1mx;
};
LogBeta log_beta_variate(RandomSource& rng, double a, double b);

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

// The weight left at each step of that order: LEFT[r] = the sum of
// WEIGHTS[ORDER[t]] over t >= r (LEFT has the size of WEIGHTS).
void weights_left(std::span<const double> weights, std::span<const std::uint16_t> order,
                  std::span<double> left);

// The same split with the weights left computed beforehand (by
// weights_left): a caller with many splits computes them all first, when
// nothing waits on them, instead of each at the start of its split.
void multinomial_variate(RandomSource& rng, std::int64_t n, std::span<const double> weights,
                         std::span<const std::uint16_t> order, std::span<const double> rest,
                         std::span<std::int64_t> out);

}  // namespace uncounted::estimate
