#pragma once
// Log-linear multiple systems estimation for 2 to 8 lists: the hierarchical
// model search (every model when there are at most a few thousand,
// otherwise a stepwise search by BIC), Rcapture's closed-population models
// beside them, selection by BIC, BIC-weighted model averaging, and profile-
// likelihood intervals.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "estimate/hierarchical_model.h"
#include "estimate/loglinear_model.h"

namespace uncounted::estimate {

struct LoglinearOptions {
  double interval = 0.95;
  // Search every hierarchical model when there are at most this many;
  // otherwise search stepwise.
  std::size_t exhaustive_limit = 7000;
  // Profile intervals for the closed models and for this many of the best
  // hierarchical models by BIC (all of them when there are at most
  // profile_all_below).
  std::size_t profiled_models = 25;
  std::size_t profile_all_below = 150;
  HeterogeneityColumn heterogeneity = HeterogeneityColumn::kNone;
  bool closed_models = true;  // also fit Rcapture's closedp models
  // Threads for the models' fits and profiles; 0 = every core. The figures
  // do not depend on it.
  int threads = 0;
};

struct AveragedEstimate {
  double N = 0, se = 0, lower = 0, upper = 0;
  std::size_t models = 0;  // models with weight above 0.001
};

struct LoglinearResult {
  std::int64_t observed = 0;
  std::string search;                   // "exhaustive" or "stepwise"
  std::vector<ModelFit> hierarchical;   // sorted by BIC, best first
  std::vector<ModelFit> closed;         // Rcapture's closedp models, in its order
  std::optional<std::size_t> selected;  // index into hierarchical: best usable BIC
  std::optional<AveragedEstimate> averaged;
  std::vector<std::string> warnings;
};

// Fits the models to COUNTS (2^t entries, counts[0] ignored) for the lists
// named LISTS (used in model names). Throws invalid_input when no estimate
// is possible (see why_not_estimable).
LoglinearResult fit_loglinear(const std::vector<std::int64_t>& counts,
                              const std::vector<std::string>& lists,
                              const LoglinearOptions& options = {});

}  // namespace uncounted::estimate
