#include "model/civil_date.h"

#include <gtest/gtest.h>

#include "model/fuzzy_date.h"

namespace uncounted {
namespace {

TEST(CivilDate, DayCountRoundTripsOverFourCenturies) {
  for (std::int64_t days = to_days({1800, 1, 1}); days <= to_days({2200, 12, 31}); ++days) {
    const CivilDate d = from_days(days);
    ASSERT_TRUE(is_valid(d));
    ASSERT_EQ(to_days(d), days);
  }
}

TEST(CivilDate, KnownDays) {
  EXPECT_EQ(to_days({1970, 1, 1}), 0);
  EXPECT_EQ(to_days({2000, 3, 1}), 11017);
  EXPECT_EQ(to_days({1912, 4, 15}), -21080);
  EXPECT_EQ(to_iso({2009, 3, 14}), "2009-03-14");
}

TEST(CivilDate, LeapYears) {
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_EQ(days_in_month(2008, 2), 29);
  EXPECT_FALSE(is_valid({2009, 2, 29}));
}

TEST(FuzzyDate, OverlapAndGap) {
  FuzzyDate spring{{2009, 3, 1}, {2009, 5, 31}, DatePrecision::kSeason};
  FuzzyDate march{{2009, 3, 1}, {2009, 3, 31}, DatePrecision::kMonth};
  FuzzyDate july{{2009, 7, 1}, {2009, 7, 31}, DatePrecision::kMonth};
  EXPECT_TRUE(overlaps(spring, march));
  EXPECT_FALSE(overlaps(spring, july));
  EXPECT_EQ(gap_days(spring, july), 31);
  EXPECT_EQ(gap_days(july, spring), 31);
  EXPECT_EQ(spring.middle_year(), 2009);
}

}  // namespace
}  // namespace uncounted
