// Risk: an EM that converges to the wrong answer. Checked against Splink's
// fixture with a known generating model (λ = 0.5, m = 0.7/0.9/0.95,
// u = 0.1/0.025/0.2) and the exact posterior of every pair.

#include "link/em.h"

#include <gtest/gtest.h>

#include <map>

#include "io/csv_file.h"
#include "link/candidate_pairs.h"

namespace uncounted::link {
namespace {

Comparison binary(const std::string& name) {
  Comparison c;
  c.name = name;
  c.column = name;
  c.levels = {ComparisonLevel{LevelType::kExact, 0}};
  c.m = starting_m(c);
  c.u = starting_u(c);
  return c;
}

struct FixtureRow {
  std::uint64_t gamma = 0;
  double posterior = 0;
};

std::vector<FixtureRow> read_fixture() {
  io::CsvFile csv(std::string(UNCOUNTED_SHARED_DIR) +
                  "/data/linkage/splink_tests/known_params_comparison_vectors.csv");
  std::vector<FixtureRow> rows;
  std::vector<std::string> f;
  const std::size_t posterior = *csv.column("true_match_probability_l");
  while (csv.next(f)) {
    FixtureRow row;
    for (int c = 0; c < 3; ++c) {
      // Splink: 1 = agree, 0 = disagree. Here: level 1 = agree, 2 = else.
      const int level = f[*csv.column("gamma_col_" + std::to_string(c + 1))] == "1" ? 1 : 2;
      row.gamma |= static_cast<std::uint64_t>(level) << (kGammaBits * c);
    }
    row.posterior = std::stod(f[posterior]);
    rows.push_back(row);
  }
  return rows;
}

TEST(Em, RecoversSplinkKnownParameters) {
  const std::vector<FixtureRow> rows = read_fixture();
  ASSERT_EQ(rows.size(), 4000u);
  std::map<std::uint64_t, double> counts;
  for (const FixtureRow& r : rows) counts[r.gamma] += 1;
  std::vector<EmPattern> patterns;
  for (const auto& [g, n] : counts) patterns.push_back({g, n});
  std::vector<Comparison> comparisons{binary("col_1"), binary("col_2"), binary("col_3")};

  EmOptions options;
  options.estimate_u = true;
  options.max_iterations = 200;
  options.convergence = 1e-5;
  const EmResult r = run_em(patterns, comparisons, 0.3, options);
  EXPECT_TRUE(r.converged);
  EXPECT_NEAR(r.lambda, 0.5, 0.005);  // ±1%
  const double m[] = {0.7, 0.9, 0.95}, u[] = {0.1, 0.025, 0.2};
  for (int c = 0; c < 3; ++c) {
    EXPECT_NEAR(r.m[c][0], m[c], 0.01) << "m of col_" << c + 1;
    EXPECT_NEAR(r.u[c][0], u[c], 0.01) << "u of col_" << c + 1;
    comparisons[c].m = r.m[c];
    comparisons[c].u = r.u[c];
  }
  for (const FixtureRow& row : rows) {
    const double p = match_probability(row.gamma, comparisons, r.lambda);
    ASSERT_NEAR(p, row.posterior, 0.01 * std::max(row.posterior, 0.01));
  }
}

TEST(Em, IteratesOnDistinctPatternsNotPairs) {
  // The same data as 4000 unit patterns and as 8 counted patterns must give
  // the same estimates.
  const std::vector<FixtureRow> rows = read_fixture();
  std::vector<EmPattern> unit, counted;
  std::map<std::uint64_t, double> counts;
  for (const FixtureRow& r : rows) {
    unit.push_back({r.gamma, 1});
    counts[r.gamma] += 1;
  }
  for (const auto& [g, n] : counts) counted.push_back({g, n});
  EXPECT_LE(counted.size(), 8u);
  std::vector<Comparison> comparisons{binary("a"), binary("b"), binary("c")};
  EmOptions options;
  options.estimate_u = true;
  const EmResult a = run_em(unit, comparisons, 0.3, options);
  const EmResult b = run_em(counted, comparisons, 0.3, options);
  EXPECT_NEAR(a.lambda, b.lambda, 1e-9);
  EXPECT_NEAR(a.m[0][0], b.m[0][0], 1e-9);
}

TEST(Em, ReportsNonConvergence) {
  const std::vector<FixtureRow> rows = read_fixture();
  std::map<std::uint64_t, double> counts;
  for (const FixtureRow& r : rows) counts[r.gamma] += 1;
  std::vector<EmPattern> patterns;
  for (const auto& [g, n] : counts) patterns.push_back({g, n});
  std::vector<Comparison> comparisons{binary("a"), binary("b"), binary("c")};
  EmOptions options;
  options.estimate_u = true;
  options.max_iterations = 2;
  options.convergence = 1e-12;
  const EmResult r = run_em(patterns, comparisons, 0.3, options);
  EXPECT_FALSE(r.converged);
  EXPECT_EQ(r.iterations, 2);
}

}  // namespace
}  // namespace uncounted::link
