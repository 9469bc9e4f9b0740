// Quantiles as R's type 7, and diagnostics that tell mixed from stuck chains.

#include "estimate/mcmc_summary.h"

#include <gtest/gtest.h>

#include "estimate/random_source.h"

namespace uncounted::estimate {
namespace {

TEST(McmcSummary, QuantileIsRType7) {
  // R: quantile(c(1, 2, 4, 8, 16), c(0.025, 0.5, 0.975)) = 1.1, 4, 15.2
  const std::vector<double> x = {1, 2, 4, 8, 16};
  EXPECT_DOUBLE_EQ(quantile_sorted(x, 0.5), 4);
  EXPECT_NEAR(quantile_sorted(x, 0.025), 1.1, 1e-12);
  EXPECT_NEAR(quantile_sorted(x, 0.975), 15.2, 1e-12);
}

TEST(McmcSummary, IndependentDrawsHaveFullEssAndRhatNearOne) {
  RandomSource rng(5);
  std::vector<std::vector<double>> chains(4, std::vector<double>(5000));
  for (auto& c : chains)
    for (double& x : c) x = rng.normal();
  EXPECT_NEAR(split_rhat(chains), 1.0, 0.01);
  EXPECT_GT(effective_sample_size(chains), 15000);
}

TEST(McmcSummary, AutocorrelatedDrawsHaveSmallEss) {
  RandomSource rng(6);
  std::vector<std::vector<double>> chains(2, std::vector<double>(20000));
  for (auto& c : chains) {
    double x = 0;
    for (double& v : c) v = x = 0.99 * x + rng.normal();
  }
  // AR(1) with phi 0.99: ESS about n (1 - phi) / (1 + phi), i.e. 201 here.
  const double ess = effective_sample_size(chains);
  EXPECT_GT(ess, 100);
  EXPECT_LT(ess, 400);
}

TEST(McmcSummary, ChainsStuckApartHaveLargeRhat) {
  RandomSource rng(7);
  std::vector<std::vector<double>> chains(2, std::vector<double>(1000));
  for (std::size_t c = 0; c < 2; ++c)
    for (double& v : chains[c]) v = rng.normal() + 5.0 * static_cast<double>(c);
  EXPECT_GT(split_rhat(chains), 1.5);
}

}  // namespace
}  // namespace uncounted::estimate
