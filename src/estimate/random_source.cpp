#include "estimate/random_source.h"

#include <cmath>

namespace uncounted::estimate {
namespace {

// The splitmix64 state for (SEED, STREAM): one step past their mix, so that
// seed and stream are decorrelated before the state is filled.
std::uint64_t mixed(std::uint64_t seed, std::uint64_t stream) {
  std::uint64_t x = seed ^ (stream * 0xd1b54a32d192ed03ULL);
  splitmix64(x);
  return x;
}

}  // namespace

RandomSource::RandomSource(std::uint64_t seed, std::uint64_t stream) : words_(mixed(seed, stream)) {
  // The lanes' states continue the splitmix64 sequence of a second mix, so
  // that they share nothing with the main generator's.
  std::uint64_t x = mixed(seed, stream) ^ 0x6c616e6573ULL;
  for (auto& word : lanes_.s)
    for (auto& lane : word) lane = splitmix64(x);
}

void RandomSource::step_lanes(std::uint64_t out[4]) {
  auto& s = lanes_.s;
  for (int l = 0; l < 4; ++l) {
    const std::uint64_t x = s[1][l] * 5;
    out[l] = ((x << 7) | (x >> 57)) * 9;
    const std::uint64_t t = s[1][l] << 17;
    s[2][l] ^= s[0][l];
    s[3][l] ^= s[1][l];
    s[1][l] ^= s[2][l];
    s[0][l] ^= s[3][l];
    s[2][l] ^= t;
    s[3][l] = (s[3][l] << 45) | (s[3][l] >> 19);
  }
}

// The ziggurat's layer edges for the unnormalised density f(x) = exp(-x^2 /
// 2) on x >= 0: 128 regions of equal area V, the base being the rectangle
// [0, R] x [0, f(R)] plus the tail beyond R (x_0 = V / f(R) is its width as a
// rectangle). R and V are Marsaglia and Tsang's constants for 128 layers.
struct RandomSource::Ziggurat {
  static constexpr double kR = 3.442619855899;
  static constexpr double kV = 9.91256303526217e-3;
  double x[129];
  double f[129];
  Ziggurat() {
    x[0] = kV / std::exp(-0.5 * kR * kR);
    x[1] = kR;
    for (int i = 1; i < 127; ++i)
      x[i + 1] = std::sqrt(-2 * std::log(kV / x[i] + std::exp(-0.5 * x[i] * x[i])));
    x[128] = 0;
    for (int i = 0; i < 129; ++i) f[i] = std::exp(-0.5 * x[i] * x[i]);
  }
};

const RandomSource::Ziggurat& RandomSource::ziggurat() {
  static const Ziggurat z;
  return z;
}

const double* const RandomSource::kZigX = ziggurat().x;

double RandomSource::normal_slow(unsigned layer, double x) {
  const auto& z = ziggurat();
  for (;;) {
    if (layer == 0) {
      // The tail beyond R (Marsaglia 1964): exact, by rejection from an
      // exponential.
      double a, b;
      do {
        a = -std::log(uniform()) / Ziggurat::kR;
        b = -std::log(uniform());
      } while (2 * b < a * a);
      return x < 0 ? -(Ziggurat::kR + a) : Ziggurat::kR + a;
    }
    // The wedge between layers: accept under the density.
    if (z.f[layer] + uniform() * (z.f[layer + 1] - z.f[layer]) < std::exp(-0.5 * x * x)) return x;
    const std::uint64_t r = next();
    layer = static_cast<unsigned>(r & 127u);
    x = static_cast<double>(static_cast<std::int64_t>(r) >> 11) * 0x1.0p-52 * z.x[layer];
    if (std::abs(x) < z.x[layer + 1]) return x;
  }
}

}  // namespace uncounted::estimate
