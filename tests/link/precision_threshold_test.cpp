// The threshold raised so that the links' expected precision holds
// (link/precision_threshold.h), and its setting.
#include "link/precision_threshold.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "link/settings.h"
#include "model/error.h"

namespace uncounted::link {
namespace {

std::vector<ScoredPair> pairs_with(const std::vector<float>& probabilities) {
  std::vector<ScoredPair> pairs;
  std::uint32_t i = 0;
  for (float p : probabilities) {
    ScoredPair s;
    s.i = i++;
    s.j = i++;
    s.match_probability = p;
    pairs.push_back(s);
  }
  return pairs;
}

double mean_at(const std::vector<ScoredPair>& pairs, double threshold, std::size_t* links) {
  double sum = 0;
  *links = 0;
  for (const ScoredPair& p : pairs) {
    if (p.match_probability < threshold) continue;
    sum += p.match_probability;
    ++*links;
  }
  return *links ? sum / static_cast<double>(*links) : 1;
}

TEST(PrecisionThreshold, KeptWhenTheLinksAreAlreadyPreciseEnough) {
  const auto pairs = pairs_with({0.99f, 0.97f, 0.6f, 0.3f});  // links: mean 0.853
  EXPECT_EQ(threshold_for_precision(pairs, 0.5, 0.85), 0.5);
  EXPECT_EQ(threshold_for_precision(pairs, 0.5, 0), 0.5);                  // off
  EXPECT_EQ(threshold_for_precision(pairs_with({0.2f}), 0.5, 0.95), 0.5);  // nothing links
}

TEST(PrecisionThreshold, RaisedPastTheDoubtfulLinks) {
  // Eight sure links and four doubtful ones: at 0.5 the mean is 0.86.
  std::vector<float> p(8, 0.99f);
  p.insert(p.end(), 4, 0.6f);
  const auto pairs = pairs_with(p);
  const double t = threshold_for_precision(pairs, 0.5, 0.95);
  EXPECT_GT(t, 0.6);
  EXPECT_LE(t, 0.99);
  std::size_t links = 0;
  EXPECT_GE(mean_at(pairs, t, &links), 0.95);
  EXPECT_EQ(links, 8u);
}

TEST(PrecisionThreshold, CappedWhenNoThresholdReachesTheTarget) {
  EXPECT_EQ(threshold_for_precision(pairs_with({0.7f, 0.6f, 0.8f}), 0.5, 0.95),
            kMaxRaisedThreshold);
}

TEST(PrecisionThreshold, TheLowestThresholdThatReachesTheTarget) {
  std::mt19937 random(7);
  std::uniform_real_distribution<float> uniform(0, 1);
  int raised = 0;
  for (int round = 0; round < 50; ++round) {
    std::vector<float> p(400);
    for (float& x : p) x = uniform(random);
    const auto pairs = pairs_with(p);
    const double target = 0.7 + 0.25 * uniform(random);
    // By brute force: the lowest of the pairs' probabilities (at or above
    // 0.5) at which the links' mean reaches the target.
    double lowest = 2;
    for (float c : p) {
      std::size_t links = 0;
      if (c >= 0.5f && c < lowest && mean_at(pairs, c, &links) >= target) lowest = c;
    }
    std::size_t links = 0;
    double expected = 0.5;
    if (mean_at(pairs, 0.5, &links) < target) {
      expected = lowest > 1 ? kMaxRaisedThreshold : std::ceil(lowest * 1000 - 1e-9) / 1000;
      ++raised;
    }
    const double t = threshold_for_precision(pairs, 0.5, target);
    EXPECT_NEAR(t, expected, 1e-12) << "round " << round;
    EXPECT_GE(mean_at(pairs, t, &links), target) << "round " << round;
  }
  EXPECT_GT(raised, 10);  // the rounds test raising, not only keeping
}

TEST(PrecisionThreshold, TheSettingRoundTripsAndIsChecked) {
  Settings s = default_settings();
  EXPECT_EQ(s.min_expected_precision, 0.95);
  s.min_expected_precision = 0.9;
  nlohmann::json j = to_json(s);
  EXPECT_EQ(settings_from_json(j).min_expected_precision, 0.9);
  j["min_expected_precision"] = 1.5;
  EXPECT_THROW(settings_from_json(j), Error);
}

}  // namespace
}  // namespace uncounted::link
