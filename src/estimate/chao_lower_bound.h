#pragma once
// Chao's (1987) lower bound for the population size under heterogeneous
// capture: N >= n + ((t-1)/t) f1^2 / (2 f2), where f_k is the number of
// people on exactly k of the t lists. It is a sanity figure printed beside
// every estimate: an estimate far below it is suspicious. With f2 = 0 the
// bias-corrected form n + ((t-1)/t) f1 (f1 - 1) / 2 is used. The interval is
// Chao's log-normal one on the unobserved count.

#include <cstdint>
#include <vector>

namespace uncounted::estimate {

struct ChaoBound {
  double N = 0;
  double lower = 0, upper = 0;  // Chao's log-normal interval
  std::int64_t f1 = 0, f2 = 0;
};

// COUNTS has 2^t entries (counts[0] ignored). INTERVAL is the level.
ChaoBound chao_lower_bound(const std::vector<std::int64_t>& counts, double interval = 0.95);

}  // namespace uncounted::estimate
