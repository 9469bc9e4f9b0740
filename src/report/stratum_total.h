#pragma once
// What the estimates table concludes beyond the figures: whether LCMCR's
// interval can be judged at all (its chains mixed) and whether it covers
// the true total; and the total across strata, without the strata that are
// artefacts of the records (a blank or unreadable place) or that were not
// estimated.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "report/charts.h"
#include "report/report_data.h"

namespace uncounted::report {

// Whether LCMCR's chains mixed (split R-hat <= 1.01): otherwise its
// interval is not yet the posterior's and no verdict can rest on it.
bool lcmcr_mixed(const estimate::StratumEstimate& e);

enum class Coverage { kCovered, kMissed, kNotJudged, kUnknown };
// Whether ROW's LCMCR interval holds the true total: kNotJudged when its
// chains have not mixed, kUnknown without truth or LCMCR.
Coverage lcmcr_coverage(const StratumRow& row);

// Whether a method's point estimate lies below Chao's lower bound.
bool below_chao(const estimate::StratumEstimate& e, double point);

struct StrataTotal {
  std::size_t strata = 0;             // strata summed: estimated, not artefacts
  std::int64_t documented = 0;        // their documented people
  std::optional<Interval> lcmcr;      // the posterior of the sum, from the strata's draws
  bool lcmcr_mixed = true;            // every summed stratum's chains mixed
  std::optional<double> loglinear;    // sum of the selected models' points, when all have one
  std::optional<std::int64_t> truth;  // when every summed stratum has one
  // Strata left out, by name, and the people documented in them.
  std::vector<std::string> artefacts, not_estimated;
  std::int64_t artefact_documented = 0, not_estimated_documented = 0;
};

// The total over DATA's strata, or nullopt with fewer than two strata.
// LCMCR's total is the posterior of the sum: the strata are estimated
// independently, so adding their draws one by one (each stratum's draws
// thinned evenly to the shortest) gives draws of the total.
std::optional<StrataTotal> total_across_strata(const ReportData& data);

}  // namespace uncounted::report
