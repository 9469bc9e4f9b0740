#pragma once
// The simulator's source of randomness: xoshiro256** (model/xoshiro256.h)
// with its own uniform, normal and categorical draws. The standard library's
// distributions are implementation-defined, so a scenario and a seed would
// give different lists on different compilers; these give the same lists
// everywhere.
//
// Not thread-safe: one stream per thread of work.

#include <cstdint>
#include <span>

#include "model/xoshiro256.h"

namespace uncounted::simulate {

class RandomStream {
 public:
  explicit RandomStream(std::uint64_t seed);

  // A stream whose sequence depends only on this stream's seed and LABEL,
  // so that adding draws to one part of the simulation does not change
  // another part's draws.
  RandomStream fork(std::uint64_t label) const;

  std::uint64_t next() { return words_.next(); }
  // Uniform in [0, 1).
  double uniform();
  // Uniform integer in [lo, hi] (inclusive). Requires lo <= hi.
  int between(int lo, int hi);
  bool bernoulli(double p) { return uniform() < p; }
  // Standard normal (Box-Muller, one value per call).
  double normal();
  // Index i with probability weights[i] / sum(weights). Requires a positive sum.
  std::size_t categorical(std::span<const double> weights);

 private:
  std::uint64_t seed_;
  Xoshiro256 words_;
};

}  // namespace uncounted::simulate
