#pragma once
// The report's charts as inline SVG: records per source, the UpSet-style
// overlap of persons between sources, the distribution of match weights
// with the threshold, and a dot-and-whisker chart of the estimates per
// stratum beside the documented count (and the true total, when known).
// Each returns an <svg> element; labels are bilingual where space allows.

#include <string>

#include "report/report_data.h"

namespace uncounted::report {

std::string records_chart(const ReportData& data);
// At most MAX_BARS intersections, largest first.
std::string upset_chart(const ReportData& data, std::size_t max_bars = 16);
std::string weight_histogram(const LinkageSummary& linkage);
std::string estimates_chart(const ReportData& data);

// The figures the estimates chart draws for one stratum and method.
struct Interval {
  double point = 0, lower = 0, upper = 0;
  bool open_upper = false;  // the profile likelihood gave no upper bound
};
std::optional<Interval> lcmcr_interval(const estimate::StratumEstimate& e);
std::optional<Interval> loglinear_interval(const estimate::StratumEstimate& e);
// "kwanliso-15" for a one-column stratum, "col=value, ..." otherwise.
std::string stratum_label(const estimate::StratumEstimate& e);

}  // namespace uncounted::report
