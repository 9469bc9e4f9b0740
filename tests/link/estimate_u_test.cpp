// Risk: u taken from random pairs that hold many matches. Where lists hold
// several records of each person, a random pair is a match often enough
// that the share of random pairs agreeing on a name is mostly matches, and
// the name's evidence comes out far too weak. Checked on a sample whose
// generating model is known exactly.

#include "link/estimate_u.h"

#include <gtest/gtest.h>

#include <cmath>

#include "binary_comparison.h"
#include "link/candidate_pairs.h"

namespace uncounted::link {
namespace {

using testing::binary;

// The expected counts of every comparison vector among PAIRS random pairs
// of which a share LAMBDA are matches, under TRUTH's m and u.
URandomSample sample_from(const std::vector<Comparison>& truth, double lambda, double pairs) {
  URandomSample s;
  s.pairs = static_cast<std::uint64_t>(pairs);
  s.level_counts.assign(truth.size(), std::vector<std::uint64_t>(2, 0));
  std::vector<double> level_counts(truth.size() * 2, 0);
  for (int bits = 0; bits < (1 << truth.size()); ++bits) {
    double pm = lambda, pu = 1 - lambda;
    std::uint64_t gamma = 0;
    for (std::size_t c = 0; c < truth.size(); ++c) {
      const int level = (bits >> c) & 1;  // 0: agree (level 1), 1: else (level 2)
      pm *= truth[c].m[level];
      pu *= truth[c].u[level];
      gamma |= static_cast<std::uint64_t>(level + 1) << (kGammaBits * c);
    }
    const double n = std::round((pm + pu) * pairs);
    s.patterns.push_back({gamma, n});
    for (std::size_t c = 0; c < truth.size(); ++c) level_counts[c * 2 + ((bits >> c) & 1)] += n;
  }
  for (std::size_t c = 0; c < truth.size(); ++c)
    for (int l = 0; l < 2; ++l)
      s.level_counts[c][l] = static_cast<std::uint64_t>(level_counts[c * 2 + l]);
  return s;
}

TEST(UWithoutMatches, TakesTheMatchesOutOfADenseSample) {
  // A name shared by 1 in 1,000 non-matches, and 2% of the random pairs
  // matches (several records per person): the sample's share of agreeing
  // names is 19 times u.
  const std::vector<Comparison> truth{binary("name", 0.9, 0.001), binary("sex", 0.95, 0.5),
                                      binary("birth_year", 0.8, 0.05)};
  const double lambda = 0.02;
  const URandomSample sample = sample_from(truth, lambda, 1e7);
  std::vector<Comparison> model = truth;
  set_u_from_sample(sample, model);
  EXPECT_GT(model[0].u[0], 15 * truth[0].u[0]) << "the sample's share holds the matches";

  const double found = set_u_without_matches(sample, model, 0.005, 200, 1e-9);
  EXPECT_NEAR(found, lambda, 0.001);
  for (std::size_t c = 0; c < truth.size(); ++c) {
    EXPECT_NEAR(model[c].u[0] / truth[c].u[0], 1.0, 0.03) << truth[c].name;
    EXPECT_NEAR(model[c].u[0] + model[c].u[1], 1.0, 1e-9) << truth[c].name;
  }
}

TEST(UWithoutMatches, AShareFarAboveThePriorIsNotBelieved) {
  // Matches at 2% of the sample, against a prior of 1e-4: taken for
  // look-alike non-matches, and u stays the sample's shares.
  const std::vector<Comparison> truth{binary("name", 0.9, 0.001), binary("sex", 0.95, 0.5)};
  const URandomSample sample = sample_from(truth, 0.02, 1e7);
  std::vector<Comparison> model = truth;
  set_u_from_sample(sample, model);
  const double before = model[0].u[0];
  EXPECT_EQ(set_u_without_matches(sample, model, 1e-4, 200, 1e-9), 0);
  EXPECT_EQ(model[0].u[0], before);
}

TEST(UWithoutMatches, ASampleOfNonMatchesIsLeftAsItIs) {
  // Big lists, one record per person: the sample is (nearly) all
  // non-matches and u stays the sample's shares.
  const std::vector<Comparison> truth{binary("name", 0.9, 0.001), binary("sex", 0.95, 0.5)};
  const URandomSample sample = sample_from(truth, 1e-7, 1e7);
  std::vector<Comparison> model = truth;
  set_u_from_sample(sample, model);
  const double before = model[0].u[0];
  const double found = set_u_without_matches(sample, model, 1e-5, 5000, 1e-9);
  EXPECT_GT(found, 0) << "the fit did not converge: u was left alone untested";
  EXPECT_LT(found, 1e-5);
  EXPECT_NEAR(model[0].u[0] / before, 1.0, 0.01);
}

}  // namespace
}  // namespace uncounted::link
