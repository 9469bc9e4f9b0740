#include "dates/date_distance.h"

#include <algorithm>

namespace uncounted::dates {

int year_distance(const FuzzyDate& a, const FuzzyDate& b) {
  const int lo = std::max(a.earliest.year, b.earliest.year);
  const int hi = std::min(a.latest.year, b.latest.year);
  return lo <= hi ? 0 : lo - hi;
}

}  // namespace uncounted::dates
