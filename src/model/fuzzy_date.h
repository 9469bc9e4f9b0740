#pragma once
// A date as a witness gives it: "spring 2009", "Juche 98", "late 1990s".
// Held as the interval of days the text allows (nothing narrower) and the
// precision the text had. Parsing lives in src/dates/; this is the value.

#include <cstdint>
#include <optional>
#include <string_view>

#include "model/civil_date.h"

namespace uncounted {

enum class DatePrecision { kDay, kMonth, kSeason, kYear, kYears, kDecade };

// "day", "month", "season", "year", "years", "decade" (the JSON names).
std::string_view to_string(DatePrecision precision);

struct FuzzyDate {
  CivilDate earliest;
  CivilDate latest;  // inclusive
  DatePrecision precision = DatePrecision::kDay;

  std::int64_t earliest_days() const { return to_days(earliest); }
  std::int64_t latest_days() const { return to_days(latest); }
  // The middle year of the interval (for strata by year).
  int middle_year() const;

  friend bool operator==(const FuzzyDate&, const FuzzyDate&) = default;
};

// Whether two intervals share at least one day.
bool overlaps(const FuzzyDate& a, const FuzzyDate& b);
// Days between the intervals: 0 when they overlap.
std::int64_t gap_days(const FuzzyDate& a, const FuzzyDate& b);

}  // namespace uncounted
