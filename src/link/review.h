#pragma once
// The review queue: what a human should look at. Pairs whose match
// probability is uncertain (in [review_low, review_high)) and that no human
// has decided yet, most uncertain first; and clusters the chaining guard
// flagged. Decisions taken on them come back as PairDecisions (cluster.h).

#include <cstdint>
#include <string>
#include <vector>

#include "link/cluster.h"
#include "link/predict.h"

namespace uncounted::link {

struct ReviewItem {
  enum class Kind { kPair, kCluster } kind = Kind::kPair;
  std::uint32_t i = 0;  // the pair (kPair)
  std::uint32_t j = 0;
  std::uint32_t entity = 0;  // the cluster (kCluster)
  double match_probability = 0;
  std::string reason;
};

std::vector<ReviewItem> review_queue(const std::vector<ScoredPair>& pairs, const Clusters& clusters,
                                     const std::vector<PairDecision>& decisions,
                                     const ClusteringSettings& settings);

}  // namespace uncounted::link
