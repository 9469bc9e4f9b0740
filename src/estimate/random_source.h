#pragma once
// The random numbers behind the Gibbs sampler: xoshiro256** (Blackman and
// Vigna), seeded through splitmix64 so that nearby seeds give unrelated
// streams. Small, fast and reproducible across platforms, which std::
// distributions are not (their algorithms are implementation-defined).
//
// Not thread-safe: give each thread (each chain) its own RandomSource.

#include <cstdint>

namespace uncounted::estimate {

class RandomSource {
 public:
  // STREAM separates independent streams from one seed (one per chain).
  explicit RandomSource(std::uint64_t seed, std::uint64_t stream = 0);

  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // Uniform on the open interval (0, 1): never exactly 0 or 1, so log(u)
  // and 1/u are always finite.
  double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }

  // Standard normal (Marsaglia's polar method; the second value is kept).
  double normal();

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
  double spare_ = 0;
  bool has_spare_ = false;
};

}  // namespace uncounted::estimate
