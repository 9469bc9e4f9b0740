#pragma once
// Estimation over the store: capture histories built from the linked
// persons (which sources recorded each person, for the chosen events), per
// stratum, then the estimators of src/estimate.
//
// Strata: `event_place` (resolved through the gazetteer to its stable id;
// unresolved text is its own stratum "unresolved"), `year` (the middle year
// of the fuzzy event date; "unknown" when absent), `sex`, `event`, `source`
// is not a stratum (sources are the lists).

#include <string>
#include <vector>

#include "estimate/capture_table.h"
#include "estimate/population_estimate.h"
#include "store/store.h"

namespace uncounted::pipeline {

struct StoreEstimateOptions {
  std::vector<std::string> lists;   // sources to use as lists; empty = all
  std::vector<std::string> events;  // event codes that count; empty = all
  std::vector<std::string> strata;  // event_place, year, sex, event
  estimate::EstimateOptions estimate;
};

// Throws invalid_input when the store has no linkage yet (run link first).
estimate::CaptureTable capture_table_from_store(store::Store& store,
                                                const StoreEstimateOptions& options);

std::vector<estimate::StratumEstimate> estimate_store(store::Store& store,
                                                      const StoreEstimateOptions& options);

}  // namespace uncounted::pipeline
