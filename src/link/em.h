#pragma once
// Expectation-maximisation for the Fellegi-Sunter model, run on the distinct
// comparison vectors with their counts (a few thousand patterns), never on
// the pairs themselves: cost per iteration is patterns x comparisons.
//
// The model: a pair is a match with probability lambda; given match status
// the comparisons are independent, each with its level distribution m
// (match) or u (non-match). Null levels (gamma 0) carry no information.

#include <cstdint>
#include <vector>

#include "link/comparison.h"

namespace uncounted::link {

struct EmPattern {
  std::uint64_t gamma = 0;  // comparison vector (4 bits per comparison)
  double count = 0;
};

struct EmOptions {
  int max_iterations = 100;
  double convergence = 1e-5;  // stop when no parameter moves more than this
  bool estimate_u = false;    // false: u stays as given (from random sampling)
  bool estimate_m = true;     // false: only lambda is estimated
  // Comparisons left out of the likelihood (e.g. the blocking rule fixes
  // them); empty: all active.
  std::vector<bool> active;
  // Comparisons whose m is estimated; the others keep the m they were
  // given (an anchored fit: the latent classes cannot drift away from what
  // the fixed comparisons say a match looks like). Empty: every active one.
  std::vector<bool> free_m;
};

struct EmResult {
  double lambda = 0;
  std::vector<std::vector<double>> m;  // per comparison, per level 1..L+1
  std::vector<std::vector<double>> u;
  int iterations = 0;
  bool converged = false;
  std::vector<double> lambda_history;  // lambda after each iteration
};

// Runs EM from the m and u of COMPARISONS (which must be set) and LAMBDA.
EmResult run_em(const std::vector<EmPattern>& patterns, const std::vector<Comparison>& comparisons,
                double lambda, const EmOptions& options);

// Starting m for a comparison with no estimate: most mass on the strongest
// level, falling by half per level.
std::vector<double> starting_m(const Comparison& comparison);
// Starting u: most mass on "else".
std::vector<double> starting_u(const Comparison& comparison);

// Posterior match probability of comparison vector GAMMA under M/U of
// COMPARISONS and prior LAMBDA (no term-frequency adjustment).
double match_probability(std::uint64_t gamma, const std::vector<Comparison>& comparisons,
                         double lambda);

}  // namespace uncounted::link
