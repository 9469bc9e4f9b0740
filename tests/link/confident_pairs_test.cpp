// Risk: m of a disagreement taken from an EM match class that holds
// non-matches. When names are common EM puts look-alike non-matches among
// the matches, m(sex differs) comes out at 0.04 where the truth is 0, and
// a pair of a man and a woman is linked. Counting m again among the pairs
// the other comparisons make nearly certain must bring it back to the
// truth, and leave alone a comparison no pair is confident without.

#include "link/confident_pairs.h"

#include <gtest/gtest.h>

#include <cmath>

#include "binary_comparison.h"

namespace uncounted::link {
namespace {

using testing::binary;

// PAIRS copies of every comparison vector, in proportion to its expected
// count among MATCHES pairs drawn from TRUTH_M and NON_MATCHES from TRUTH_U.
std::vector<CandidatePair> pairs_from(const std::vector<std::vector<double>>& truth_m,
                                      const std::vector<std::vector<double>>& truth_u,
                                      double matches, double non_matches) {
  std::vector<CandidatePair> out;
  const std::size_t n = truth_m.size();
  for (int bits = 0; bits < (1 << n); ++bits) {
    double pm = matches, pu = non_matches;
    std::uint64_t gamma = 0;
    for (std::size_t c = 0; c < n; ++c) {
      const int level = (bits >> c) & 1;  // 0: agree (level 1), 1: else (level 2)
      pm *= truth_m[c][level];
      pu *= truth_u[c][level];
      gamma |= static_cast<std::uint64_t>(level + 1) << (kGammaBits * c);
    }
    const auto count = static_cast<std::size_t>(std::llround(pm + pu));
    out.insert(out.end(), count, CandidatePair{0, 1, gamma});
  }
  return out;
}

// A model trained as COMPARISONS say, with a prior of 1 in 100.
Settings trained(std::vector<Comparison> comparisons) {
  Settings s;
  s.comparisons = std::move(comparisons);
  s.probability_two_random_records_match = 0.01;
  s.trained = true;
  return s;
}

// Two records per column: the weights read only the comparison vectors.
std::vector<PreparedColumn> columns_of(const Settings& s) {
  std::vector<PreparedColumn> columns;
  for (const Comparison& c : s.comparisons) {
    Column raw(c.column);
    raw.push_back("x");
    raw.push_back("x");
    columns.emplace_back(raw, c.kind);
  }
  return columns;
}

TEST(MFromConfidentPairs, BringsAContaminatedDisagreementBackToTheTruth) {
  // Two comparisons that together make a pair nearly certain, and sex:
  // true m(sex differs) 0.001; EM said 0.05.
  const std::vector<std::vector<double>> truth_m{{0.95, 0.05}, {0.9, 0.1}, {0.999, 0.001}};
  const std::vector<std::vector<double>> truth_u{{0.0005, 0.9995}, {0.01, 0.99}, {0.5, 0.5}};
  Settings s =
      trained({binary("a", 0.95, 0.0005), binary("b", 0.9, 0.01), binary("sex", 0.95, 0.5)});
  const std::vector<PreparedColumn> columns = columns_of(s);
  const MatchWeights weights(s, columns);
  const std::vector<CandidatePair> pairs = pairs_from(truth_m, truth_u, 10'000, 1'000'000);

  const ConfidentPairsReport report = m_from_confident_pairs(s, pairs, weights, 2);

  // sex: counted among the pairs that agree on a and b (8,550 matches, 5
  // non-matches): m(differs) about 0.0013.
  EXPECT_GT(s.comparisons[2].m[1], 0.0005);
  EXPECT_LT(s.comparisons[2].m[1], 0.003);
  EXPECT_NEAR(s.comparisons[2].m[0] + s.comparisons[2].m[1], 1.0, 1e-12);
  ASSERT_EQ(report.refined.size(), 1u);
  EXPECT_EQ(report.refined[0].rfind("sex: ", 0), 0u) << report.refined[0];
  // a and b: no pair is confident without either (sex agreeing is one bit),
  // so EM's m stays.
  EXPECT_EQ(s.comparisons[0].m[0], 0.95);
  EXPECT_EQ(s.comparisons[1].m[0], 0.9);
  EXPECT_TRUE(report.failed.empty());
}

TEST(MFromConfidentPairs, KeepsEMsMWhereTheCountFailsTheChecks) {
  // The confident pairs of c agree on it less often than random pairs do
  // (a count no model may use): EM's m stays, and the failure is reported.
  const std::vector<std::vector<double>> truth_m{{0.95, 0.05}, {0.9, 0.1}, {0.3, 0.7}};
  const std::vector<std::vector<double>> truth_u{{0.0005, 0.9995}, {0.01, 0.99}, {0.5, 0.5}};
  Settings s = trained({binary("a", 0.95, 0.0005), binary("b", 0.9, 0.01), binary("c", 0.8, 0.5)});
  const std::vector<PreparedColumn> columns = columns_of(s);
  const MatchWeights weights(s, columns);
  const std::vector<CandidatePair> pairs = pairs_from(truth_m, truth_u, 10'000, 1'000'000);

  const ConfidentPairsReport report = m_from_confident_pairs(s, pairs, weights, 1);

  EXPECT_EQ(s.comparisons[2].m[0], 0.8);
  ASSERT_EQ(report.failed.size(), 1u);
  EXPECT_NE(report.failed[0].find("not more likely among matches"), std::string::npos)
      << report.failed[0];
}

}  // namespace
}  // namespace uncounted::link
