// Chao's lower bound by hand on the Kosovo table: f1 = 3218 (people on one
// list), f2 = 882, t = 4, so N = 4400 + (3/4) 3218^2 / 1764.

#include "estimate/chao_lower_bound.h"

#include <gtest/gtest.h>

#include "reference_tables.h"

namespace uncounted::estimate {
namespace {

TEST(ChaoLowerBound, KosovoByHand) {
  const CaptureTable t = testing::load_mse_table("kosovo_4list.csv");
  const ChaoBound b = chao_lower_bound(t.strata[0].counts);
  EXPECT_EQ(b.f1, 3218);
  EXPECT_EQ(b.f2, 882);
  EXPECT_NEAR(b.N, 4400 + 0.75 * 3218.0 * 3218.0 / (2 * 882.0), 1e-9);
  EXPECT_LT(b.lower, b.N);
  EXPECT_GT(b.upper, b.N);
  EXPECT_GT(b.lower, 4400);
}

TEST(ChaoLowerBound, NoDoublesUsesBiasCorrectedForm) {
  // Two lists: f1 = 30, f2 = 0 -> N = 31 + (1/2) 30 * 29 / 2.
  const ChaoBound b = chao_lower_bound({0, 10, 20, 1});
  EXPECT_EQ(b.f2, 1);
  const ChaoBound c = chao_lower_bound({0, 10, 20, 0});
  EXPECT_EQ(c.f2, 0);
  EXPECT_NEAR(c.N, 30 + 0.5 * 30 * 29 / 2.0, 1e-9);
}

}  // namespace
}  // namespace uncounted::estimate
