#include "link/review.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace uncounted::link {

std::vector<ReviewItem> review_queue(const std::vector<ScoredPair>& pairs, const Clusters& clusters,
                                     const std::vector<PairDecision>& decisions,
                                     const ClusteringSettings& settings) {
  std::unordered_set<std::uint64_t> decided;
  auto key = [](std::uint32_t a, std::uint32_t b) {
    return (static_cast<std::uint64_t>(std::min(a, b)) << 32) | std::max(a, b);
  };
  for (const PairDecision& d : decisions) decided.insert(key(d.i, d.j));
  std::vector<ReviewItem> out;
  for (const ScoredPair& p : pairs) {
    if (p.match_probability < settings.review_low || p.match_probability >= settings.review_high) {
      continue;
    }
    if (decided.count(key(p.i, p.j))) continue;
    const bool same = clusters.entity[p.i] == clusters.entity[p.j];
    out.push_back({ReviewItem::Kind::kPair, p.i, p.j, clusters.entity[p.i], p.match_probability,
                   same ? "uncertain pair, linked" : "uncertain pair, not linked"});
  }
  std::stable_sort(out.begin(), out.end(), [](const ReviewItem& a, const ReviewItem& b) {
    return std::abs(a.match_probability - 0.5) < std::abs(b.match_probability - 0.5);
  });
  for (const FlaggedCluster& f : clusters.flagged) {
    out.push_back({ReviewItem::Kind::kCluster, 0, 0, f.entity, f.weakest_probability, f.reason});
  }
  return out;
}

}  // namespace uncounted::link
