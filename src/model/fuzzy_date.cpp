#include "model/fuzzy_date.h"

#include <algorithm>

namespace uncounted {

std::string_view to_string(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kSeason:
      return "season";
    case DatePrecision::kYear:
      return "year";
    case DatePrecision::kYears:
      return "years";
    case DatePrecision::kDecade:
      return "decade";
  }
  return "day";
}

int FuzzyDate::middle_year() const { return from_days((earliest_days() + latest_days()) / 2).year; }

bool overlaps(const FuzzyDate& a, const FuzzyDate& b) { return gap_days(a, b) == 0; }

std::int64_t gap_days(const FuzzyDate& a, const FuzzyDate& b) {
  const std::int64_t lo = std::max(a.earliest_days(), b.earliest_days());
  const std::int64_t hi = std::min(a.latest_days(), b.latest_days());
  return lo <= hi ? 0 : lo - hi;
}

}  // namespace uncounted
