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
#include "pipeline/store_estimation.h"

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

struct LinkageSummary {
  bool linked = false;  // false: no linkage run yet; the rest is empty
  std::int64_t records = 0, persons = 0, pairs = 0, links = 0, review_queue = 0;
  double threshold = 0.5;  // match probability at which pairs are linked
  // Match weights of the scored candidate pairs, and whether each is at or
  // above the threshold.
  std::vector<std::pair<double, bool>> weights;
};

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
  std::string truth_note;  // where the truth came from
};

}  // namespace uncounted::report
