#pragma once
// The sensitivity chart: for each stratum, the estimate of each method
// (a line) and its 95% interval (a band) against the linkage threshold,
// with the true total when the store holds simulated lists. Where the
// lines and bands part, the conclusion depends on a choice the analyst
// made; the report and the web dashboard say so in words as well
// (pipeline::sensitivity_warnings).

#include <string>

#include "report/report_data.h"

namespace uncounted::report {

// An <svg> with one panel per stratum (at most MAX_PANELS, the strata with
// the most documented people), or an empty string when there is nothing to
// draw.
std::string sensitivity_chart(const ReportData& data, std::size_t max_panels = 8);

}  // namespace uncounted::report
