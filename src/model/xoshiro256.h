#pragma once
// xoshiro256** (Blackman and Vigna, 2018), the generator behind every random
// draw in uncounted: the LCMCR sampler's RandomSource and the simulator's
// RandomStream wrap it with their own distributions. Small, fast and the
// same on every platform, which the standard library's engines and
// distributions are not guaranteed to be. splitmix64 turns a seed into the
// four state words, so that nearby seeds give unrelated streams.
//
// Not thread-safe: one generator per thread.

#include <cstdint>

namespace uncounted {

// One splitmix64 step: advances X and returns the next word.
inline std::uint64_t splitmix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class Xoshiro256 {
 public:
  // The state is the next four splitmix64 words after X.
  explicit Xoshiro256(std::uint64_t x) {
    for (auto& word : s_) word = splitmix64(x);
  }

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

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

}  // namespace uncounted
