#pragma once
// Matching a simulation's truth (truth.json of `uncounted simulate`) to the
// strata of the estimates, so the report can draw the true totals beside
// them.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "report/report_data.h"
#include "report/store_report_data.h"

namespace uncounted::report {

// Fills options.estimation's events and strata from the truth's
// `estimation` when they are empty (so that the estimates are about what
// the truth counts). Throws invalid_input for a truth document without
// `strata`.
void adopt_truth_estimation(ReportOptions& options);

// The true total of the stratum KEY in TRUTH, when the truth has it.
std::optional<TrueTotal> find_true_total(
    const nlohmann::json& truth, const std::vector<std::pair<std::string, std::string>>& key);

}  // namespace uncounted::report
