#pragma once
// Estimation results as the command line prints them: the `estimates` JSON
// document of spec/cli.md (with extra fields: every model's figures, Chao's
// bound, warnings, skipped strata), or a readable table for a terminal.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "estimate/population_estimate.h"

namespace uncounted::estimate {

nlohmann::ordered_json estimates_to_json(const std::vector<StratumEstimate>& estimates,
                                         const EstimateOptions& options);

std::string estimates_to_text(const std::vector<StratumEstimate>& estimates,
                              const EstimateOptions& options);

}  // namespace uncounted::estimate
