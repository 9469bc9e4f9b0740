// Distances between fuzzy dates, as linkage compares birth years and event
// dates.

#include "dates/date_distance.h"

#include <gtest/gtest.h>

#include "dates/fuzzy_date_parser.h"

namespace uncounted::dates {
namespace {

TEST(DateDistance, YearDistanceIsZeroWhenYearsOverlap) {
  EXPECT_EQ(year_distance(parse_fuzzy_date("1962"), parse_fuzzy_date("c. 1963")), 0);
  EXPECT_EQ(year_distance(parse_fuzzy_date("1962"), parse_fuzzy_date("1960s")), 0);
  EXPECT_EQ(year_distance(parse_fuzzy_date("1962"), parse_fuzzy_date("Juche 51")), 0);
}

TEST(DateDistance, YearDistanceCountsYearsBetweenNearerEnds) {
  EXPECT_EQ(year_distance(parse_fuzzy_date("1962"), parse_fuzzy_date("1965")), 3);
  EXPECT_EQ(year_distance(parse_fuzzy_date("1965"), parse_fuzzy_date("1962")), 3);
  EXPECT_EQ(year_distance(parse_fuzzy_date("1960-1962"), parse_fuzzy_date("late 1960s")), 4);
  // Winter 2009 reaches into 2010.
  EXPECT_EQ(year_distance(parse_fuzzy_date("winter 2009"), parse_fuzzy_date("2010")), 0);
}

TEST(DateDistance, GapDaysAndOverlapFromTheModel) {
  const FuzzyDate march = parse_fuzzy_date("March 2009");
  EXPECT_EQ(gap_days(march, parse_fuzzy_date("2009-04-01")), 1);
  EXPECT_EQ(gap_days(march, parse_fuzzy_date("2009-04-11")), 11);
  EXPECT_EQ(gap_days(march, parse_fuzzy_date("spring 2009")), 0);
  EXPECT_FALSE(overlaps(march, parse_fuzzy_date("2009-04-01")));
}

}  // namespace
}  // namespace uncounted::dates
