#include "link/precision_threshold.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace uncounted::link {

double threshold_for_precision(const std::vector<ScoredPair>& pairs, double threshold,
                               double target) {
  if (target <= 0) return threshold;
  std::vector<float> linked;
  double sum = 0;
  for (const ScoredPair& p : pairs) {
    if (p.match_probability < threshold) continue;
    linked.push_back(p.match_probability);
    sum += p.match_probability;
  }
  if (linked.empty() || sum >= target * static_cast<double>(linked.size())) return threshold;
  // Best first: the mean of the k likeliest falls as k grows, so the
  // largest k whose mean reaches TARGET gives the lowest threshold.
  std::sort(linked.begin(), linked.end(), std::greater<float>());
  double top = 0;
  std::size_t k = 0;
  while (k < linked.size() && top + linked[k] >= target * static_cast<double>(k + 1)) {
    top += linked[k];
    ++k;
  }
  if (k == 0) return kMaxRaisedThreshold;
  // Rounded up: pairs tied with the k-th at its probability would pull the
  // mean under TARGET again, and 0.001 is finer than any probability means.
  const double raised = std::ceil(static_cast<double>(linked[k - 1]) * 1000 - 1e-9) / 1000;
  return std::clamp(raised, threshold, kMaxRaisedThreshold);
}

}  // namespace uncounted::link
