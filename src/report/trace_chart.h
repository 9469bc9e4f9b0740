#pragma once
// LCMCR's sampler traces: for each stratum, the retained draws of the
// total N of every chain in order, one line a chain. Chains that wander
// apart or drift have not mixed, and the table's verdict says so too
// (stratum_total.h lcmcr_mixed).

#include <string>

#include "report/report_data.h"

namespace uncounted::report {

// One small panel per stratum with LCMCR draws (at most MAX_PANELS), two
// to a row; empty when no stratum has draws.
std::string trace_chart(const ReportData& data, std::size_t max_panels = 12);

}  // namespace uncounted::report
