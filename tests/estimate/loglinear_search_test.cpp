// The hierarchical model search and profile intervals against Rcapture's
// closedpMS.t and closedpCI.t (REFERENCE.md §1.3, §1.4).

#include <gtest/gtest.h>

#include <algorithm>

#include "estimate/closed_population.h"
#include "estimate/loglinear.h"
#include "reference_tables.h"

namespace uncounted::estimate {
namespace {

using testing::load_mse_table;
using testing::same_digits;

const ModelFit& by_name(const std::vector<ModelFit>& fits, const std::string& name) {
  auto it =
      std::find_if(fits.begin(), fits.end(), [&](const ModelFit& f) { return f.name == name; });
  if (it == fits.end()) throw std::runtime_error("no model " + name);
  return *it;
}

TEST(HierarchicalModels, FourListsHave113) {
  EXPECT_EQ(enumerate_hierarchical_models(4, 3, 100000).size(), 113u);
  EXPECT_EQ(enumerate_hierarchical_models(5, 2, 100000).size(), 1024u);
  EXPECT_EQ(enumerate_hierarchical_models(3, 2, 100000).size(), 8u);
}

TEST(HierarchicalModels, NamesFollowRcaptureAndListCodes) {
  // [123,14,34]: 1=bit0 ... terms 12,13,23,123,14,34.
  const InteractionTerms terms = {0b0011, 0b0101, 0b0110, 0b1001, 0b1100, 0b0111};
  EXPECT_EQ(generator_name(4, terms), "[123,14,34]");
  EXPECT_EQ(generator_name({"A", "B", "C", "D"}, terms), "[ABC][AD][CD]");
  EXPECT_EQ(generator_name({"EXH", "ABA", "OSCE", "HRW"}, InteractionTerms{0b0011}),
            "[EXH,ABA][OSCE][HRW]");
}

TEST(LoglinearSearch, KosovoTopFiveByBicMatchClosedpMS) {
  const CaptureTable t = load_mse_table("kosovo_4list.csv");
  const LoglinearResult r = fit_loglinear(t.strata[0].counts, t.lists);
  EXPECT_EQ(r.search, "exhaustive");
  ASSERT_EQ(r.hierarchical.size(), 113u);
  struct Row {
    const char* name;
    double N, se, dev;
    int df;
    double aic, bic;
  };
  const Row top[] = {
      {"[123,14,34]", 10356.518957, 785.902224, 9.322670, 4, 132.746675, 203.029633},
      {"[123,134]", 12740.967742, 1600.713215, 1.017054, 3, 126.441059, 203.113377},
      {"[134,12,23]", 18393.306115, 1738.829613, 10.250319, 4, 133.674324, 203.957282},
      {"[123,14,24,34]", 9824.170102, 801.657924, 7.046569, 3, 132.470573, 209.142891},
      {"[134,12,23,24]", 19233.477886, 1921.885364, 8.095969, 3, 133.519973, 210.192291}};
  for (std::size_t i = 0; i < 5; ++i) {
    SCOPED_TRACE(top[i].name);
    const ModelFit& f = r.hierarchical[i];
    EXPECT_EQ(f.name, top[i].name);
    EXPECT_TRUE(same_digits(f.N, top[i].N, 6));
    EXPECT_TRUE(same_digits(f.se, top[i].se, 5));
    EXPECT_TRUE(same_digits(f.deviance, top[i].dev, 5));
    EXPECT_EQ(f.df, top[i].df);
    EXPECT_TRUE(same_digits(f.aic, top[i].aic, 6));
    EXPECT_TRUE(same_digits(f.bic, top[i].bic, 6));
  }
  ASSERT_TRUE(r.selected.has_value());
  // The table's columns are list1..list4 (EXH, ABA, OSCE, HRW).
  EXPECT_EQ(r.hierarchical[*r.selected].label, "[list1,list2,list3][list1,list4][list3,list4]");
  // Best AIC and the saturated-minus-4-way model.
  auto best_aic = std::min_element(r.hierarchical.begin(), r.hierarchical.end(),
                                   [](const auto& a, const auto& b) { return a.aic < b.aic; });
  EXPECT_EQ(best_aic->name, "[123,134]");
  const ModelFit& sat = by_name(r.hierarchical, "[123,124,134,234]");
  EXPECT_TRUE(same_digits(sat.N, 16941.88, 6));
  EXPECT_TRUE(same_digits(sat.se, 5937.58, 5));
  EXPECT_EQ(sat.df, 0);
  EXPECT_NEAR(sat.deviance, 0, 1e-6);
  ASSERT_TRUE(r.averaged.has_value());
  // The three best models are within 1 BIC unit, so all carry weight: the
  // average lies between their estimates (10357 and 18393).
  EXPECT_GT(r.averaged->N, 10356);
  EXPECT_LT(r.averaged->N, 18393);
  EXPECT_LT(r.averaged->lower, r.averaged->N);
  EXPECT_GT(r.averaged->upper, r.averaged->N);
}

TEST(LoglinearSearch, DarrochSearchMatchesClosedpMS) {
  LoglinearOptions o;
  o.heterogeneity = HeterogeneityColumn::kDarroch;
  o.closed_models = false;
  const CaptureTable k = load_mse_table("kosovo_4list.csv");
  const LoglinearResult r = fit_loglinear(k.strata[0].counts, k.lists, o);
  EXPECT_EQ(r.hierarchical.front().name, "[123,24] + Darroch");
  EXPECT_TRUE(same_digits(r.hierarchical.front().N, 9837.43, 6));
  EXPECT_TRUE(same_digits(r.hierarchical.front().bic, 208.917, 6));
  const CaptureTable l = load_mse_table("rcapture_lesbian_4list.csv");
  const LoglinearResult rl = fit_loglinear(l.strata[0].counts, l.lists, o);
  EXPECT_EQ(rl.hierarchical.front().name, "[12,13,14] + Darroch");
  EXPECT_TRUE(same_digits(rl.hierarchical.front().N, 7030.66, 6));
  EXPECT_TRUE(same_digits(rl.hierarchical.front().bic, 168.797, 6));
}

struct CiRow {
  const char* file;
  const char* model;  // closedp name or generator class
  bool darroch;
  double N, se, nhat, lower, upper;
};

class ProfileInterval : public ::testing::TestWithParam<CiRow> {};

TEST_P(ProfileInterval, MatchesClosedpCI) {
  const CiRow& row = GetParam();
  const CaptureTable t = load_mse_table(row.file);
  const int lists = static_cast<int>(t.lists.size());
  const std::string name = row.model;
  ModelFit f;
  if (name[0] == '[') {
    // Find the generator among all models.
    for (const auto& terms :
         enumerate_hierarchical_models(lists, max_interaction_order(lists), 1000))
      if (generator_name(lists, terms) == name)
        f = fit_model(hierarchical_model(
                          lists, terms,
                          row.darroch ? HeterogeneityColumn::kDarroch : HeterogeneityColumn::kNone),
                      t.strata[0].counts);
  } else {
    for (const auto& m : closed_population_models(lists))
      if (m.name == name) f = fit_model(m, t.strata[0].counts);
  }
  ASSERT_TRUE(f.N_multinomial.has_value()) << "model not found or not profiled";
  EXPECT_TRUE(same_digits(f.N, row.N, 6));
  EXPECT_TRUE(same_digits(f.se, row.se, 5));
  EXPECT_TRUE(same_digits(*f.N_multinomial, row.nhat, 5));
  EXPECT_TRUE(same_digits(*f.lower, row.lower, 5));
  ASSERT_TRUE(f.upper.has_value());
  EXPECT_TRUE(same_digits(*f.upper, row.upper, 5));
}

INSTANTIATE_TEST_SUITE_P(
    Reference, ProfileInterval,
    ::testing::Values(CiRow{"kosovo_4list.csv", "Mt", false, 7394.5867, 129.6254, 7392.9173,
                            7147.7489, 7656.1953},
                      CiRow{"kosovo_4list.csv", "[12,3,4]", false, 7435.3693, 147.3951, 7433.2513,
                            7156.1403, 7734.4224},
                      CiRow{"kosovo_4list.csv", "[12,13,14,23,24,34]", false, 14402.4890, 1050.9048,
                            14385.6167, 12523.2735, 16667.9278},
                      CiRow{"kosovo_4list.csv", "[123,14,34]", false, 10356.5190, 785.9022,
                            10334.4960, 8994.2567, 12110.4081},
                      CiRow{"kosovo_4list.csv", "Mth Darroch", false, 12797.3434, 814.8342,
                            12783.7453, 11323.1857, 14531.1634},
                      CiRow{"kosovo_4list.csv", "Mth Chao (LB)", false, 8591.1836, 213.5490,
                            8588.3970, 8188.7187, 9026.9178},
                      CiRow{"rcapture_hiv_4list.csv", "Mt", false, 11124.5785, 904.7520, 11117.0189,
                            9531.7355, 13114.1226},
                      CiRow{"rcapture_hiv_4list.csv", "[12,3,4]", false, 12318.4677, 1188.7215,
                            12308.0336, 10265.9935, 14992.3329},
                      CiRow{"rcapture_hiv_4list.csv", "[12,13,14,23,24,34]", false, 23443.5358,
                            9594.8794, 23269.7700, 10027.5540, 50046.2629},
                      CiRow{"rcapture_lesbian_4list.csv", "Mt", false, 3738.4685, 95.2463,
                            3736.7618, 3559.3590, 3933.2111},
                      CiRow{"rcapture_lesbian_4list.csv", "[12,3,4]", false, 3566.9865, 99.7883,
                            3564.7794, 3380.7640, 3772.6194},
                      CiRow{"rcapture_lesbian_4list.csv", "[12,13,14]", true, 7030.6607, 687.2069,
                            7015.5049, 5836.8029, 8558.7280},
                      CiRow{"rcapture_diabetes_4list.csv", "Mt", false, 2250.6008, 18.5946,
                            2249.7244, 2215.2373, 2288.1176},
                      CiRow{"rcapture_diabetes_4list.csv", "[12,3,4]", false, 2235.4125, 18.9624,
                            2234.4112, 2199.5704, 2273.8874},
                      CiRow{"rcapture_hare_6occ.csv", "Mt", false, 75.0662, 3.3523, 74.3379,
                            69.2878, 82.3957},
                      CiRow{"rcapture_hare_6occ.csv", "Mth Poisson2", false, 81.0793, 5.5736,
                            80.0783, 71.8217, 93.8467}));

}  // namespace
}  // namespace uncounted::estimate
