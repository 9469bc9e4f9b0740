#pragma once
// Gathers the report's data from a store: records per source, the overlap
// of linked persons between sources, the linkage run's weights and review
// queue, and the estimates per stratum (pipeline/store_estimation.h). With
// a simulation's truth (truth.json of `uncounted simulate`), the true totals
// are matched to the strata.

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>

#include "pipeline/store_estimation.h"
#include "report/report_data.h"
#include "store/store.h"

namespace uncounted::report {

struct ReportOptions {
  pipeline::StoreEstimateOptions estimation;
  std::optional<nlohmann::json> truth;  // truth.json of `uncounted simulate`
  // With a truth: the record column holding each record's true identity,
  // against which the linkage is measured (left out when no record has it).
  std::string truth_column = "true_id";
  std::string title = "uncounted";
  // Also estimate at the other linkage thresholds (the sensitivity chart).
  bool sensitivity = true;
  // Called between the stages (counts, linkage, estimates) with a label.
  std::function<void(const std::string&)> stage;
};

// Throws invalid_input when the store holds no record, and passes on the
// estimator's errors; strata that cannot be estimated are shown as such.
ReportData gather_report_data(store::Store& store, const ReportOptions& options);

}  // namespace uncounted::report
