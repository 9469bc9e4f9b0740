// Risk: a model-averaged estimate that does not reproduce dga 2.0.2's
// bma.cr. It is exact (no sampling), so every figure of
// ../shared/data/mse/REFERENCE.md section 1.7 must match: mean, quantiles
// and mode to 4 significant digits, the top graphs' posterior probabilities
// and conditional medians, including Kosovo's strong dependence on delta.

#include "estimate/dga.h"

#include <gtest/gtest.h>

#include <cmath>

#include "model/error.h"
#include "reference_tables.h"

namespace uncounted::estimate {
namespace {

using testing::load_mse_table;
using testing::same_digits;

struct Reference {
  const char* file;
  double delta;
  std::int64_t missing_from, missing_to;
  double mean, lower, median, upper, mode;
  const char* top_graph;
  double top_probability;
  double top_median;
};

DgaResult run(const std::vector<std::int64_t>& counts, int lists, double delta, std::int64_t from,
              std::int64_t to, std::vector<double> log_prior = {}) {
  DgaOptions o;
  o.delta = delta;
  o.missing_from = from;
  o.missing_to = to;
  o.log_prior = std::move(log_prior);
  return run_dga(counts, lists, o);
}

void expect_matches(const DgaResult& r, const Reference& ref) {
  EXPECT_TRUE(same_digits(r.mean, ref.mean, 4)) << ref.file << " delta " << ref.delta;
  EXPECT_EQ(r.lower, ref.lower) << ref.file;
  EXPECT_EQ(r.median, ref.median) << ref.file;
  EXPECT_EQ(r.upper, ref.upper) << ref.file;
  EXPECT_EQ(r.mode, ref.mode) << ref.file;
  ASSERT_FALSE(r.models.empty());
  EXPECT_EQ(r.models[0].label, ref.top_graph) << ref.file;
  EXPECT_NEAR(r.models[0].probability, ref.top_probability, 5e-5) << ref.file;
  EXPECT_EQ(r.models[0].median, ref.top_median) << ref.file;
}

TEST(Dga, EnumeratesEveryDecomposableGraph) {
  EXPECT_EQ(decomposable_graphs(3).size(), 8u);
  EXPECT_EQ(decomposable_graphs(4).size(), 61u);
  EXPECT_EQ(decomposable_graphs(5).size(), 822u);
}

TEST(Dga, ReproducesBmaCrOnTheReferenceTables) {
  // REFERENCE.md 1.7 (dga 2.0.2, prior on N proportional to 1/N).
  const Reference refs[] = {
      {"kosovo_4list.csv", 0.0625, 0, 60000, 12749.34, 9827, 12595, 16544, 12267, "[123][134]",
       0.9855, 12623},
      {"kosovo_4list.csv", 0.5, 0, 60000, 11013.65, 4481, 11319, 14484, 4400, "[123][134]", 0.8869,
       11516},
      {"kosovo_4list.csv", 1, 0, 60000, 4828.03, 4407, 4616, 6844, 4400, "[1234]", 0.9760, 4608},
      {"rcapture_hiv_4list.csv", 0.0625, 0, 100000, 11357.13, 9404, 11220, 14095, 10992,
       "[1][2][3][4]", 0.5387, 11004},
      {"rcapture_lesbian_4list.csv", 0.0625, 0, 100000, 5147.33, 4635, 5131, 5749, 5102,
       "[14][234]", 0.9907, 5130},
      {"rcapture_diabetes_4list.csv", 0.0625, 0, 100000, 2474.11, 2376, 2471, 2589, 2465,
       "[13][24][34]", 0.9874, 2470},
  };
  for (const Reference& ref : refs) {
    const CaptureTable t = load_mse_table(ref.file);
    ASSERT_EQ(t.lists.size(), 4u);
    expect_matches(run(t.strata[0].counts, 4, ref.delta, ref.missing_from, ref.missing_to), ref);
  }
}

TEST(Dga, ReproducesMadiganAndYorksFiveListExample) {
  // bma.cr's help example (array order: list 1 varies fastest, as here).
  const std::vector<std::int64_t> y{0,  27, 37, 19, 4, 4, 1, 1, 97, 22, 37, 25, 2, 1, 3, 5,
                                    83, 36, 34, 18, 3, 5, 0, 2, 30, 5,  23, 8,  0, 3, 0, 2};
  const DgaResult r = run(y, 5, 0.5, 1, 300);
  expect_matches(r, {"Madigan-York 5", 0.5, 1, 300, 617.82, 588, 616, 655, 614, "[12][13][24][45]",
                     0.2171, 627});
  EXPECT_EQ(r.models[1].label, "[12][13][45]");
  EXPECT_NEAR(r.models[1].probability, 0.1603, 5e-5);
}

TEST(Dga, ReproducesMadiganAndYorksThreeListExampleWithItsPrior) {
  // The help example's negative-binomial prior on N (a = 13.14, b = 55.17).
  const std::vector<std::int64_t> y{0, 60, 49, 4, 247, 112, 142, 12};
  std::int64_t n = 0;
  for (auto c : y) n += c;
  const double a = 13.14, b = 55.17;
  std::vector<double> prior;
  for (std::int64_t m = 1; m <= 300; ++m) {
    const double N = static_cast<double>(n + m);
    prior.push_back(N * std::log(b) - (N + a) * std::log(1 + b) + std::lgamma(N + a) -
                    std::lgamma(N + 1) - std::lgamma(a));
  }
  const DgaResult r = run(y, 3, 1, 1, 300, prior);
  EXPECT_TRUE(same_digits(r.mean, 733.45, 4));
  EXPECT_EQ(r.lower, 682);
  EXPECT_EQ(r.median, 731);
  EXPECT_EQ(r.upper, 797);
  EXPECT_EQ(r.mode, 728);
  EXPECT_EQ(r.models[0].label, "[12][3]");
  EXPECT_NEAR(r.models[0].probability, 0.3738, 5e-5);
  EXPECT_NEAR(r.models[1].probability, 0.3099, 5e-5);
  EXPECT_NEAR(r.models[2].probability, 0.2818, 5e-5);
}

TEST(Dga, ChoosesAGridThatHoldsThePosterior) {
  const CaptureTable t = load_mse_table("kosovo_4list.csv");
  const DgaResult r = run_dga(t.strata[0].counts, 4);
  EXPECT_EQ(r.delta, 0.0625);
  EXPECT_LT(r.mass_at_grid_end, 1e-9);
  EXPECT_EQ(r.median, 12595);  // the reference grid's answer, grid chosen here
}

// Beyond 10,000 people the automatic grid steps by n / 10,000: the
// quantiles keep 4 significant digits of the grid of every count.
TEST(Dga, ASteppedGridKeepsFourDigits) {
  CaptureTable t = load_mse_table("kosovo_4list.csv");
  for (auto& c : t.strata[0].counts) c *= 12;  // 52,800 people seen
  const DgaResult stepped = run_dga(t.strata[0].counts, 4);
  EXPECT_EQ(stepped.missing_step, 5);
  DgaOptions every;
  every.missing_from = 0;
  every.missing_to = stepped.missing_to;
  const DgaResult unit = run_dga(t.strata[0].counts, 4, every);
  EXPECT_EQ(unit.missing_step, 1);
  EXPECT_TRUE(same_digits(stepped.median, unit.median, 4)) << stepped.median << " " << unit.median;
  EXPECT_TRUE(same_digits(stepped.lower, unit.lower, 4)) << stepped.lower << " " << unit.lower;
  EXPECT_TRUE(same_digits(stepped.upper, unit.upper, 4)) << stepped.upper << " " << unit.upper;
  EXPECT_EQ(stepped.models.front().label, unit.models.front().label);
}

// With enough people every interaction is "significant" and the graph that
// joins every list wins; under it the unobserved count is not identified,
// and the answer (N = the people seen) must come with a warning.
TEST(Dga, WarnsWhenTheGraphOfEveryListWins) {
  CaptureTable t = load_mse_table("kosovo_4list.csv");
  const DgaResult kosovo = run_dga(t.strata[0].counts, 4);
  for (const auto& w : kosovo.warnings) EXPECT_EQ(w.find("joins every list"), std::string::npos);
  for (auto& c : t.strata[0].counts) c *= 100;
  const DgaResult r = run_dga(t.strata[0].counts, 4);
  EXPECT_EQ(r.models.front().label, "[1234]");
  bool warned = false;
  for (const auto& w : r.warnings)
    warned = warned || w.find("joins every list") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST(Dga, GivesTheSameAnswerOnOneCoreAsOnSeveral) {
  // The graphs are shared among threads in blocks whose sums are merged in
  // order: the figures must not depend on how many there are, and a run
  // must repeat itself exactly.
  const CaptureTable t = load_mse_table("kosovo_4list.csv");
  DgaOptions o;
  o.delta = 0.5;  // Kosovo's bimodal posterior: mass in two places
  o.missing_to = 60000;
  std::vector<DgaResult> runs;
  for (int threads : {1, 2, 3, 7}) {
    o.threads = threads;
    runs.push_back(run_dga(t.strata[0].counts, 4, o));
  }
  runs.push_back(run_dga(t.strata[0].counts, 4, o));
  for (std::size_t i = 1; i < runs.size(); ++i) {
    EXPECT_NEAR(runs[i].mean, runs[0].mean, 1e-9 * runs[0].mean) << i;
    EXPECT_EQ(runs[i].lower, runs[0].lower) << i;
    EXPECT_EQ(runs[i].median, runs[0].median) << i;
    EXPECT_EQ(runs[i].upper, runs[0].upper) << i;
    ASSERT_EQ(runs[i].models.size(), runs[0].models.size());
    for (std::size_t g = 0; g < runs[0].models.size(); ++g) {
      EXPECT_NEAR(runs[i].models[g].probability, runs[0].models[g].probability, 1e-12);
    }
  }
  EXPECT_EQ(runs[3].mean, runs[4].mean);  // the same threads: the same bits
  EXPECT_EQ(runs[3].posterior, runs[4].posterior);
}

TEST(Dga, RefusesListCountsItCannotAverage) {
  EXPECT_THROW(run_dga({0, 1, 2, 3}, 2), uncounted::Error);
  EXPECT_THROW(run_dga(std::vector<std::int64_t>(64, 1), 6), uncounted::Error);
}

}  // namespace
}  // namespace uncounted::estimate
