#pragma once
// The random numbers behind the Gibbs sampler: xoshiro256**
// (model/xoshiro256.h) with the uniform and normal draws the samplers in
// random_variates.h build on. Reproducible across platforms, which std::
// distributions are not (their algorithms are implementation-defined).
//
// Not thread-safe: give each thread (each chain) its own RandomSource.

#include <cmath>
#include <cstdint>

#include "model/xoshiro256.h"

namespace uncounted::estimate {

class RandomSource {
 public:
  // STREAM separates independent streams from one seed (one per chain).
  explicit RandomSource(std::uint64_t seed, std::uint64_t stream = 0);

  std::uint64_t next() { return words_.next(); }

  // Uniform on the open interval (0, 1): never exactly 0 or 1, so log(u)
  // and 1/u are always finite.
  double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }

  // Standard normal by Marsaglia and Tsang's ziggurat (2000) with 128
  // layers: one 64-bit word and a table look-up for about 98.8% of draws,
  // where the polar method needs a log and a square root per pair. Exact: the
  // rejection steps and the tail (Marsaglia 1964) make the output exactly
  // normal, up to the double rounding of the layer table.
  double normal() {
    const std::uint64_t r = next();
    const unsigned layer = static_cast<unsigned>(r & 127u);
    // Bits 11..63 as a signed uniform on [-1, 1); independent of the layer bits.
    const double x =
        static_cast<double>(static_cast<std::int64_t>(r) >> 11) * 0x1.0p-52 * kZigX[layer];
    if (std::abs(x) < kZigX[layer + 1]) return x;
    return normal_slow(layer, x);
  }

 private:
  struct Ziggurat;
  static const Ziggurat& ziggurat();
  static const double* const kZigX;  // layer edges x_0 > x_1 > ... > x_128 = 0
  double normal_slow(unsigned layer, double x);

  Xoshiro256 words_;
};

}  // namespace uncounted::estimate
