#pragma once
// How far apart two fuzzy dates are, for linkage comparisons. Whether two
// intervals overlap and the gap in days between them are model functions
// (overlaps, gap_days in model/fuzzy_date.h); this adds the coarser
// measure that birth years are compared with.

#include "model/fuzzy_date.h"

namespace uncounted::dates {

// Calendar years between the intervals: 0 when some year is in both
// (1962 vs c. 1963 -> 0), else the difference between the nearer ends'
// years (1962 vs 1965 -> 3). Symmetric. Thread-safe, no allocation.
int year_distance(const FuzzyDate& a, const FuzzyDate& b);

}  // namespace uncounted::dates
