#pragma once
// The linkage model and its outcome as charts, as Splink draws them: each
// comparison level's match weight (log2 m/u) and its m and u
// probabilities, and how many records each linked person holds (the
// cluster-size distribution). The match-weight histogram is in charts.h.

#include <string>

#include "report/report_data.h"

namespace uncounted::report {

// Match weight per comparison level (a bar left or right of 0) beside its
// m and u; the prior on top. Empty when the model is unknown.
std::string model_chart(const LinkageSummary& linkage);

// Persons by their number of records (1, 2, ..., 10+). Empty without persons.
std::string cluster_size_chart(const LinkageSummary& linkage);

}  // namespace uncounted::report
