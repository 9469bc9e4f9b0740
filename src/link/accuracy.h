#pragma once
// Accuracy against ground truth: pairwise precision, recall and F1 of the
// links and of the clusters, B-cubed precision and recall of the clusters,
// and a threshold sweep of the links. Records with no truth value count as
// their own entity. Under link_only, pairs inside one source are not pairs.

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string_view>
#include <vector>

#include "link/predict.h"
#include "link/settings.h"

namespace uncounted::link {

struct Confusion {
  std::uint64_t true_positives = 0;
  std::uint64_t false_positives = 0;
  std::uint64_t false_negatives = 0;
  double precision() const;
  double recall() const;
  double f1() const;
};

struct SweepPoint {
  double threshold = 0;
  Confusion links;
};

// One bin of the calibration table: scored pairs whose predicted match
// probability lies in [low, high), how many, their mean prediction and the
// share that are true matches.
struct CalibrationBin {
  double low = 0, high = 0;
  std::uint64_t pairs = 0;
  double predicted = 0;
  double observed = 0;
};

struct Accuracy {
  std::uint64_t true_pairs = 0;
  std::size_t true_entities = 0;
  std::size_t predicted_entities = 0;
  Confusion links;     // scored pairs at or above the threshold
  Confusion clusters;  // all pairs inside predicted clusters
  double bcubed_precision = 0;
  double bcubed_recall = 0;
  double bcubed_f1() const;
  std::vector<SweepPoint> sweep;
  // Probabilities you can trust: bins 0-0.1-0.3-0.5-0.7-0.9-0.99-1, and the
  // calibration error (mean |predicted - observed| over the scored pairs,
  // by bin).
  std::vector<CalibrationBin> calibration;
  double calibration_error = 0;
};

// TRUTH and SOURCE per record; ENTITY per record (predicted clusters);
// PAIRS the scored pairs (for links and the sweep; may be empty).
Accuracy measure_accuracy(const std::vector<std::string_view>& truth,
                          const std::vector<std::uint32_t>& source, LinkType link_type,
                          const std::vector<std::uint32_t>& entity,
                          const std::vector<ScoredPair>& pairs, double threshold);

nlohmann::json to_json(const Accuracy& accuracy);

}  // namespace uncounted::link
