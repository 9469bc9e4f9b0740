#pragma once
// The random numbers behind the Gibbs sampler: xoshiro256**
// (model/xoshiro256.h) with the uniform and normal draws the samplers in
// random_variates.h build on. Reproducible across platforms, which std::
// distributions are not (their algorithms are implementation-defined).
//
// Not thread-safe: give each thread (each chain) its own RandomSource.

#include <bit>
#include <cmath>
#include <cstdint>

#include "model/xoshiro256.h"

namespace uncounted::estimate {

class RandomSource {
 public:
  // STREAM separates independent streams from one seed (one per chain).
  explicit RandomSource(std::uint64_t seed, std::uint64_t stream = 0);

  std::uint64_t next() { return words_.next(); }

  // Four more xoshiro256** generators, stepped together, for draws that
  // use many random bytes at once: a vector unit steps the four in the time
  // the main generator takes for one word. State word W of lane L is
  // s[W][L]; step_lanes() is the reference step, which vector code must
  // match word for word.
  struct alignas(32) Lanes {
    std::uint64_t s[4][4];
  };
  Lanes& lanes() { return lanes_; }
  // One step of every lane; lane L's output into OUT[L].
  void step_lanes(std::uint64_t out[4]);

  // A standard normal from one lane word, by the same ziggurat as normal()
  // with its signed uniform taken from the word's top 52 bits (the layer
  // from its low 7): exact in the same sense. Vector code computes the
  // common case itself from ziggurat_edges() and calls this for the rest.
  double lane_normal(std::uint64_t word) {
    const unsigned layer = static_cast<unsigned>(word & 127u);
    const double x = lane_signed_uniform(word) * kZigX[layer];
    if (std::abs(x) < kZigX[layer + 1]) return x;
    return normal_slow(layer, x);
  }
  // Uniform on [-1, 1) from the top 52 bits of WORD: 2^52 + those bits as a
  // double, less 2^52 + 2^51, scaled (all exact).
  static double lane_signed_uniform(std::uint64_t word) {
    return (std::bit_cast<double>(0x4330000000000000ULL | word >> 12) - 0x1.8p52) * 0x1.0p-51;
  }
  // Uniform on (0, 1) from the top 52 bits of WORD: 1 + those bits / 2^52,
  // less 1, plus 2^-53 (all exact).
  static double lane_uniform(std::uint64_t word) {
    return (std::bit_cast<double>(0x3ff0000000000000ULL | word >> 12) - 1) + 0x1.0p-53;
  }
  // The ziggurat's layer edges x_0 > x_1 > ... > x_128 = 0.
  static const double* ziggurat_edges() { return kZigX; }

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
  Lanes lanes_;
};

}  // namespace uncounted::estimate
