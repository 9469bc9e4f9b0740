#include "simulate/random_stream.h"

#include <cmath>
#include <numbers>

namespace uncounted::simulate {
RandomStream::RandomStream(std::uint64_t seed) : seed_(seed), words_(seed) {}

RandomStream RandomStream::fork(std::uint64_t label) const {
  std::uint64_t x = seed_ ^ (label * 0xd1342543de82ef95ULL + 0x2545f4914f6cdd1dULL);
  return RandomStream(splitmix64(x));
}

double RandomStream::uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

int RandomStream::between(int lo, int hi) {
  const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo + 1);
  return lo + static_cast<int>(next() % span);
}

double RandomStream::normal() {
  // 1 - uniform() is in (0, 1], so the log is finite.
  const double u1 = 1.0 - uniform();
  const double u2 = uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

std::size_t RandomStream::categorical(std::span<const double> weights) {
  double total = 0;
  for (double w : weights) total += w;
  double target = uniform() * total;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (target < weights[i]) return i;
    target -= weights[i];
  }
  // Rounding can leave target just above the last positive weight.
  for (std::size_t i = weights.size(); i-- > 0;)
    if (weights[i] > 0) return i;
  return 0;
}

}  // namespace uncounted::simulate
