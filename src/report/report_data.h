#pragma once
// What the HTML report shows, as plain values: gathered from a store (or
// built by a test), then rendered by html_report.h. Nothing here is
// identifying: counts, weights and estimates only.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "estimate/population_estimate.h"
#include "link/linker.h"
#include "pipeline/store_estimation.h"
#include "pipeline/store_evaluation.h"

namespace uncounted::report {

struct SourceSummary {
  std::string source;
  std::int64_t records = 0;
  std::int64_t persons = 0;  // distinct linked persons with a record in this source
};

// People recorded by exactly the sources of PATTERN (bit j = sources[j]).
struct Intersection {
  std::uint32_t pattern = 0;
  std::int64_t persons = 0;
};

// One level of a comparison of the trained linkage model: how often pairs
// of the same person (m) and of different persons (u) fall in it.
struct ComparisonLevelWeight {
  std::string label;  // "exact", "jaro_winkler >= 0.9", "else"
  double m = 0, u = 0;
  double weight() const;  // log2(m / u), the level's match weight in bits
};

struct ComparisonWeights {
  std::string name, column;
  std::vector<ComparisonLevelWeight> levels;
};

struct LinkageSummary {
  bool linked = false;  // false: no linkage run yet; the rest is empty
  std::int64_t records = 0, persons = 0, pairs = 0, links = 0, review_queue = 0;
  double threshold = 0.5;  // match probability at which pairs are linked
  // Match weights of the scored candidate pairs, and whether each is at or
  // above the threshold.
  std::vector<std::pair<double, bool>> weights;
  // The trained model (empty when the run's settings could not be read):
  // the prior in bits (log2 of the prior odds) and each comparison's levels.
  double prior_weight = 0;
  std::vector<ComparisonWeights> comparisons;
  // The reviewers' calibration of the run (link/reviewer_calibration.h):
  // a shift in bits added to every pair's weight, fitted on the decisions;
  // 0 decisions when it was not fitted.
  double calibration_shift = 0;
  std::int64_t calibration_decisions = 0;
  // The model's own estimate of its accuracy, without labels (`link
  // --json` "expected", link/linker.h ExpectedAccuracy); absent for a run
  // that did not record it.
  std::optional<link::ExpectedAccuracy> expected;
  // cluster_sizes[k]: persons with k records (index 0 unused).
  std::vector<std::int64_t> cluster_sizes;
  // The linkage measured against the simulation's true identities, when
  // the records carry them.
  std::optional<pipeline::StoreEvaluation> accuracy;
};

// The match weight (bits) at which a pair's match probability is P: the
// line the histogram draws, 0 for P = 0.5.
double weight_at_probability(double p);

// A true total from a simulation (simulate/simulation.h), for one stratum.
struct TrueTotal {
  std::int64_t total = 0;
  std::int64_t documented = 0;  // on at least one list, by true identity
};

struct StratumRow {
  estimate::StratumEstimate estimate;
  std::optional<TrueTotal> truth;
};

struct ReportData {
  std::string title = "uncounted";
  std::string generated;                    // date and time, UTC
  std::vector<std::string> events;          // the event codes that count
  std::vector<std::string> strata;          // stratum columns
  std::vector<SourceSummary> sources;       // in code order
  std::vector<Intersection> intersections;  // largest first
  LinkageSummary linkage;
  std::vector<StratumRow> estimates;
  // The estimates at other linkage thresholds, and where they part.
  std::vector<pipeline::SensitivityPoint> sensitivity;
  std::vector<pipeline::SensitivityWarning> sensitivity_warnings;
  std::string lcmcr_model, lcmcr_settings;  // "K=10, a=0.25, b=0.25"; iterations and chains
  bool has_truth = false;
  std::string truth_note;                    // where the truth came from
  std::optional<std::int64_t> truth_people;  // the simulation's whole hidden population
};

}  // namespace uncounted::report
