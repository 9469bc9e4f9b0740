#pragma once
// The report's estimates section: the chart and table per stratum with the
// total across strata, each verdict qualified by the warnings behind it
// (chains not mixed, an estimate below Chao's bound), the strata that are
// artefacts of the records set apart, then the sensitivity to the linkage
// threshold and LCMCR's sampler traces.

#include <string>

#include "report/report_data.h"

namespace uncounted::report {

std::string estimates_section(const ReportData& data);

}  // namespace uncounted::report
