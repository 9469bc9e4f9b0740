// The warning when a stratum's lists documented under half of its estimate:
// it names the counts, fires on the estimate the user reads (LCMCR's, else
// the log-linear model's), and not where most people were documented.

#include <gtest/gtest.h>

#include "estimate/population_estimate.h"
#include "reference_tables.h"

namespace uncounted::estimate {
namespace {

StratumEstimate with_lcmcr(std::int64_t observed, double median) {
  StratumEstimate e;
  e.observed = observed;
  e.lcmcr.emplace();
  e.lcmcr->median = median;
  return e;
}

TEST(MoreUnseenThanSeen, FiresUnderHalfDocumented) {
  const auto w = more_unseen_than_seen(with_lcmcr(4400, 10500));
  ASSERT_TRUE(w.has_value());
  EXPECT_NE(w->find("documented 4400 of an estimated 10500 (42%)"), std::string::npos) << *w;
  EXPECT_NE(w->find("hard to reach for every organization"), std::string::npos) << *w;
  EXPECT_FALSE(more_unseen_than_seen(with_lcmcr(6000, 10000)).has_value());
  EXPECT_FALSE(more_unseen_than_seen(with_lcmcr(5000, 10000)).has_value());  // exactly half
  EXPECT_TRUE(more_unseen_than_seen(with_lcmcr(4999, 10000)).has_value());
}

TEST(MoreUnseenThanSeen, ReadsTheLoglinearModelWithoutLcmcr) {
  StratumEstimate e;
  e.observed = 100;
  e.loglinear.emplace();
  e.loglinear->hierarchical.resize(1);
  e.loglinear->hierarchical[0].N = 400;
  e.loglinear->selected = 0;
  const auto w = more_unseen_than_seen(e);
  ASSERT_TRUE(w.has_value());
  EXPECT_NE(w->find("100 of an estimated 400 (25%)"), std::string::npos) << *w;
  StratumEstimate nothing;
  nothing.observed = 100;
  EXPECT_FALSE(more_unseen_than_seen(nothing).has_value());  // no estimate, no share
}

// Kosovo: 4,400 documented of about 10,500 estimated by every method.
TEST(MoreUnseenThanSeen, KosovoSaysIt) {
  const CaptureTable t = testing::load_mse_table("kosovo_4list.csv");
  EstimateOptions options;
  options.method = Method::kLoglinear;
  const auto e = estimate_population(t, options);
  ASSERT_EQ(e.size(), 1u);
  bool said = false;
  for (const std::string& w : e[0].warnings)
    said = said || w.find("more people are unseen than seen") != std::string::npos;
  EXPECT_TRUE(said);
}

}  // namespace
}  // namespace uncounted::estimate
