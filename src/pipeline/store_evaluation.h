#pragma once
// Accuracy of the store's current linkage against a ground-truth column
// (`true_id` of simulated data, or any extra column): pairwise precision,
// recall and F1 of links and of clusters, B-cubed, and a threshold sweep,
// measured by link/accuracy.h on the persons and scored pairs that
// `uncounted link` stored.

#include <string>

#include "link/accuracy.h"
#include "store/store.h"

namespace uncounted::pipeline {

struct StoreEvaluation {
  link::Accuracy accuracy;
  double threshold = 0.5;
  std::size_t records = 0;
  std::size_t records_without_truth = 0;  // left out of the measure
};

// Throws invalid_input when the store has no linkage or no record carries
// the truth column.
StoreEvaluation evaluate_store(store::Store& store, const std::string& truth_column);

}  // namespace uncounted::pipeline
