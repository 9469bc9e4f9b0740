// Pooling estimates over plausible linkages: pooled draws from a fixed set
// of linkages must be exactly their mixture, and one linkage (or the same
// linkage M times) must give the interval it gives alone.

#include "estimate/linkage_pooling.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "estimate/mcmc_summary.h"
#include "model/error.h"
#include "reference_tables.h"

namespace uncounted::estimate {
namespace {

using testing::load_mse_table;

EstimateOptions quick_options() {
  EstimateOptions o;
  o.method = Method::kAll;
  o.lcmcr.iterations = 4000;
  o.lcmcr.burn_in = 1000;
  o.lcmcr.chains = 2;
  o.lcmcr.thinning = 10;
  return o;
}

// Kosovo, and Kosovo as another linkage would have it: 40 people seen by
// two lists counted as two people seen by one each, 25 joined the other way.
std::vector<CaptureTable> two_linkages() {
  CaptureTable a = load_mse_table("kosovo_4list.csv");
  CaptureTable b = a;
  std::vector<std::int64_t>& c = b.strata[0].counts;
  c[0b0011] -= 40, c[0b0001] += 40, c[0b0010] += 40;
  c[0b0100] -= 25, c[0b1000] -= 25, c[0b1100] += 25;
  return {a, b};
}

TEST(LinkagePooling, TheSameLinkageTwiceGivesItsOwnInterval) {
  const EstimateOptions o = quick_options();
  const CaptureTable t = load_mse_table("kosovo_4list.csv");
  const std::vector<StratumEstimate> one = estimate_population(t, o);
  const std::vector<StratumEstimate> pooled = pool_over_linkages({one, one}, o);
  ASSERT_EQ(pooled.size(), 1u);
  const StratumEstimate& p = pooled[0];
  const ModelFit& alone = one[0].loglinear->hierarchical[*one[0].loglinear->selected];
  const ModelFit& both = p.loglinear->hierarchical[*p.loglinear->selected];
  EXPECT_NEAR(both.N, alone.N, 1e-6 * alone.N);
  EXPECT_NEAR(*both.lower, *alone.lower, 1e-6 * alone.N);
  EXPECT_NEAR(*both.upper, *alone.upper, 1e-6 * alone.N);
  EXPECT_EQ(p.dga->median, one[0].dga->median);
  EXPECT_EQ(p.dga->lower, one[0].dga->lower);
  EXPECT_EQ(p.dga->upper, one[0].dga->upper);
  // Each draw twice: the same order statistics, up to type-7 interpolation.
  EXPECT_NEAR(p.lcmcr->median, one[0].lcmcr->median, 1e-3 * one[0].lcmcr->median);
  EXPECT_NEAR(p.lcmcr->lower, one[0].lcmcr->lower, 1e-3 * one[0].lcmcr->median);
  EXPECT_NEAR(p.lcmcr->upper, one[0].lcmcr->upper, 1e-3 * one[0].lcmcr->median);
  ASSERT_TRUE(p.linkage.has_value());
  EXPECT_EQ(p.linkage->draws, 2);
  EXPECT_EQ(p.linkage->loglinear, 0);
  EXPECT_EQ(p.linkage->dga, 0);
  EXPECT_LT(p.linkage->lcmcr, 1e-3);
}

TEST(LinkagePooling, PooledDgaIsTheMixtureOfThePosteriors) {
  const EstimateOptions o = quick_options();
  std::vector<std::vector<StratumEstimate>> runs;
  for (const CaptureTable& t : two_linkages()) runs.push_back(estimate_population(t, o));
  ASSERT_NE(runs[0][0].dga->median, runs[1][0].dga->median);
  const StratumEstimate p = pool_over_linkages(runs, o)[0];

  // The mixture, computed apart: P(N) averaged over the two posteriors.
  std::map<std::int64_t, double> mixture;
  for (const auto& run : runs) {
    const DgaResult& r = *run[0].dga;
    for (std::size_t k = 0; k < r.posterior.size(); ++k)
      mixture[r.observed + std::llround(r.missing_values[k])] += r.posterior[k] / 2;
  }
  auto quantile = [&](double q) {
    double cdf = 0;
    for (const auto& [n, mass] : mixture)
      if ((cdf += mass) >= q) return static_cast<double>(n);
    return static_cast<double>(mixture.rbegin()->first);
  };
  EXPECT_EQ(p.dga->lower, quantile(0.025));
  EXPECT_EQ(p.dga->median, quantile(0.5));
  EXPECT_EQ(p.dga->upper, quantile(0.975));
  // Between the two linkages' medians, wider than either interval.
  EXPECT_GE(p.dga->median, std::min(runs[0][0].dga->median, runs[1][0].dga->median));
  EXPECT_LE(p.dga->median, std::max(runs[0][0].dga->median, runs[1][0].dga->median));
  EXPECT_GT(p.linkage->dga, 0);
  EXPECT_LT(p.linkage->dga, 1);
}

// Linkages repeat one warning with their own figures: the pooled estimate
// says it once, with the first linkage's figures; different warnings stay.
TEST(LinkagePooling, AWarningThatDiffersOnlyInItsFiguresIsSaidOnce) {
  const EstimateOptions o = quick_options();
  std::vector<std::vector<StratumEstimate>> runs;
  for (const CaptureTable& t : two_linkages()) runs.push_back(estimate_population(t, o));
  runs[0][0].dga->warnings = {"the graph has posterior probability 0.99: do not use it",
                              "a warning of the first linkage only"};
  runs[1][0].dga->warnings = {"the graph has posterior probability 1.00: do not use it",
                              "the graph has posterior probability 12,345.5: do not use it"};
  const StratumEstimate p = pool_over_linkages(runs, o)[0];
  EXPECT_EQ(p.dga->warnings,
            (std::vector<std::string>{"the graph has posterior probability 0.99: do not use it",
                                      "a warning of the first linkage only"}));
}

TEST(LinkagePooling, PooledLcmcrIsEveryLinkagesDrawsTogether) {
  const EstimateOptions o = quick_options();
  std::vector<std::vector<StratumEstimate>> runs;
  for (const CaptureTable& t : two_linkages()) runs.push_back(estimate_population(t, o));
  const StratumEstimate p = pool_over_linkages(runs, o)[0];
  std::vector<double> all;
  for (const auto& run : runs)
    for (const auto& chain : run[0].lcmcr->draws) all.insert(all.end(), chain.begin(), chain.end());
  std::sort(all.begin(), all.end());
  EXPECT_EQ(p.lcmcr->median, quantile_sorted(all, 0.5));
  EXPECT_EQ(p.lcmcr->lower, quantile_sorted(all, 0.025));
  EXPECT_EQ(p.lcmcr->upper, quantile_sorted(all, 0.975));
  EXPECT_EQ(p.lcmcr->draws.size(), 4u);  // 2 linkages x 2 chains
}

// Each linkage runs its share of the sweeps: a run's ESS under 400 is no
// warning of the pooled estimate, whose ESS is the runs' sum; a pooled sum
// still under 400 is.
TEST(LinkagePooling, LowEssIsJudgedOnThePooledDraws) {
  const EstimateOptions o = quick_options();
  std::vector<std::vector<StratumEstimate>> runs;
  for (const CaptureTable& t : two_linkages()) runs.push_back(estimate_population(t, o));
  const std::string low = std::string("lcmcr: ") + kLowEssWarning;
  auto mark = [&](double ess) {
    for (auto& run : runs) {
      run[0].lcmcr->ess = ess;
      run[0].lcmcr->warnings = {kLowEssWarning};
      run[0].warnings.push_back(low);
    }
  };
  auto says = [](const std::vector<std::string>& w, const std::string& text) {
    return std::find(w.begin(), w.end(), text) != w.end();
  };
  mark(300);  // 600 pooled
  StratumEstimate p = pool_over_linkages(runs, o)[0];
  EXPECT_DOUBLE_EQ(p.lcmcr->ess, 600);
  EXPECT_FALSE(says(p.warnings, low));
  EXPECT_FALSE(says(p.lcmcr->warnings, kLowEssWarning));
  for (auto& run : runs) run[0].warnings.pop_back();
  mark(150);  // 300 pooled
  p = pool_over_linkages(runs, o)[0];
  EXPECT_TRUE(says(p.warnings, low));
  EXPECT_TRUE(says(p.lcmcr->warnings, kLowEssWarning));
}

TEST(LinkagePooling, WidthShareIsNotKnownWhenTheRunsHaveNotMixed) {
  // Runs stopped at the time cap with chains that disagree: each run's
  // interval holds the disagreement, as wide as the pool's or wider, and
  // 1 - mean width / pooled width read 0% on 200,000 people. The share is
  // then not known (null in JSON), and the estimate says why.
  const EstimateOptions o = quick_options();
  std::vector<std::vector<StratumEstimate>> runs;
  for (const CaptureTable& t : two_linkages()) runs.push_back(estimate_population(t, o));
  auto says = [](const std::vector<std::string>& w, const std::string& text) {
    return std::find(w.begin(), w.end(), text) != w.end();
  };
  const std::string unknown = std::string("lcmcr: ") + kWidthShareUnknownWarning;
  auto stop = [&](const char* how, double rhat) {
    for (auto& run : runs) {
      run[0].lcmcr->stopped = how;
      run[0].lcmcr->rhat = rhat;
    }
    return pool_over_linkages(runs, o)[0];
  };
  for (auto& run : runs) {
    run[0].lcmcr->warnings.push_back(
        "stopped at the time cap of 6 s before split R-hat <= 1.01 and ESS >= 100 (165000 "
        "sweeps per chain)");
    run[0].warnings.push_back("lcmcr: " + run[0].lcmcr->warnings.back());
  }
  StratumEstimate p = stop("time cap", 1.3);
  // The runs' time cap is said as the linkages' share of --max-seconds.
  const std::string shared =
      "stopped at the time cap of 6 s per linkage (2 linkages share --max-seconds) before split "
      "R-hat <= 1.01 and ESS >= 100 (165000 sweeps per chain)";
  EXPECT_TRUE(says(p.lcmcr->warnings, shared));
  EXPECT_TRUE(says(p.warnings, "lcmcr: " + shared));
  ASSERT_TRUE(p.linkage);
  EXPECT_TRUE(std::isnan(p.linkage->lcmcr));
  EXPECT_TRUE(says(p.warnings, unknown));
  EXPECT_TRUE(says(p.lcmcr->warnings, kWidthShareUnknownWarning));
  EXPECT_TRUE(std::isfinite(p.linkage->loglinear)) << "the other methods keep theirs";
  // Stopped at the cap but mixed enough (R-hat 1.05), or converged: known.
  for (const auto& [how, rhat] : {std::pair{"time cap", 1.05}, std::pair{"converged", 1.005}}) {
    p = stop(how, rhat);
    EXPECT_TRUE(std::isfinite(p.linkage->lcmcr)) << how;
    EXPECT_GE(p.linkage->lcmcr, 0) << how;
    EXPECT_FALSE(says(p.warnings, unknown)) << how;
  }
}

TEST(LinkagePooling, LoglinearMixtureQuantilesInvertItsCdf) {
  // One triple: the mixture is that two-piece log-normal, so its quantiles
  // at the interval's tails are the triple's bounds.
  const std::vector<IntervalTriple> one = {{800, 1000, 1500}};
  EXPECT_NEAR(mixture_quantile(one, 0.95, 0.025), 800, 1e-6);
  EXPECT_NEAR(mixture_quantile(one, 0.95, 0.5), 1000, 1e-6);
  EXPECT_NEAR(mixture_quantile(one, 0.95, 0.975), 1500, 1e-6);
  // Two far apart: the median lies between them, and the tails are those
  // of the outer halves (each half holds 1/2 of the mass).
  const std::vector<IntervalTriple> two = {{800, 1000, 1500}, {4000, 5000, 6000}};
  const double median = mixture_quantile(two, 0.95, 0.5);
  EXPECT_GT(median, 1500);
  EXPECT_LT(median, 4000);
  EXPECT_NEAR(mixture_quantile(two, 0.95, 0.0125), 800, 1);
  EXPECT_NEAR(mixture_quantile(two, 0.95, 0.9875), 6000, 1);
  // An open upper bound makes the upper quantile open.
  const std::vector<IntervalTriple> open = {{800, 1000, 1e300 * 1e300}};
  EXPECT_TRUE(std::isinf(mixture_quantile(open, 0.95, 0.975)));
}

TEST(LinkagePooling, DifferentStrataAreRefused) {
  const EstimateOptions o = quick_options();
  CaptureTable a = load_mse_table("kosovo_4list.csv");
  std::vector<StratumEstimate> one = estimate_population(a, o);
  std::vector<StratumEstimate> other = one;
  other[0].stratum = {{"event_place", "kwanliso-15"}};
  EXPECT_THROW(pool_over_linkages({one, other}, o), Error);
}

}  // namespace
}  // namespace uncounted::estimate
