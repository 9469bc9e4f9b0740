// Reviewers' decisions recalibrate the probabilities: the fit recovers a
// known miscalibration, stays the identity when decisions are few or agree
// with the model, and a linkage given decisions that contradict an
// over-confident model scores the undecided pairs like them lower, says so,
// and shows the step in the pair's explanation.

#include "link/reviewer_calibration.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "link/em.h"
#include "link/linker.h"
#include "link/settings.h"
#include "link/table.h"
#include "model/xoshiro256.h"

namespace uncounted::link {
namespace {

// Decisions on COUNT pairs whose weights spread over [-6, 10] bits, a match
// with probability logistic(ln 2 (a + b w)).
void simulate_decisions(double a, double b, int count, std::vector<double>& weights,
                        std::vector<bool>& match) {
  Xoshiro256 random(42);
  auto uniform = [&random] { return static_cast<double>(random.next() >> 11) * 0x1.0p-53; };
  for (int k = 0; k < count; ++k) {
    const double w = -6 + 16 * uniform();
    const double p = 1 / (1 + std::exp(-std::log(2.0) * (a + b * w)));
    weights.push_back(w);
    match.push_back(uniform() < p);
  }
}

TEST(ReviewerCalibration, RecoversAnOverConfidentModel) {
  std::vector<double> weights;
  std::vector<bool> match;
  simulate_decisions(-3.0, 1.0, 3000, weights, match);
  const ReviewerCalibration c = fit_reviewer_calibration(weights, match);
  ASSERT_TRUE(c.fitted);
  EXPECT_NEAR(c.intercept, -3.0, 0.25);
  EXPECT_EQ(c.matches + c.non_matches, 3000u);
  EXPECT_NEAR(c.apply(4.0), 1.0, 0.25);
}

TEST(ReviewerCalibration, AFewDecisionsMoveItLessThanMany) {
  std::vector<double> weights;
  std::vector<bool> match;
  simulate_decisions(-3.0, 1.0, 3000, weights, match);
  weights.resize(60);
  match.resize(60);
  const ReviewerCalibration few = fit_reviewer_calibration(weights, match);
  ASSERT_TRUE(few.fitted);
  EXPECT_LT(few.intercept, 0);
  EXPECT_GT(few.intercept, -3.0);
}

TEST(ReviewerCalibration, StaysNearTheIdentityWhenTheModelIsRight) {
  std::vector<double> weights;
  std::vector<bool> match;
  simulate_decisions(0.0, 1.0, 3000, weights, match);
  const ReviewerCalibration c = fit_reviewer_calibration(weights, match);
  ASSERT_TRUE(c.fitted);
  EXPECT_NEAR(c.intercept, 0.0, 0.25);
}

TEST(ReviewerCalibration, IsNotFittedOnTooFewDecisionsOfOneKind) {
  std::vector<double> weights(200, 5.0);
  std::vector<bool> match(200, true);
  for (std::size_t k = 0; k < kMinCalibrationDecisions - 1; ++k) match[k] = false;
  const ReviewerCalibration c = fit_reviewer_calibration(weights, match);
  EXPECT_FALSE(c.fitted);
  EXPECT_EQ(c.apply(7.0), 7.0);
}

// Fifty pairs of records, one in list A and one in B, with the same name,
// sex, origin and event, their birth years 0, 1, 2 or 6 years apart (K % 4):
// the model, trained by hand, calls nearly every such pair a match.
constexpr int kGap[] = {0, 1, 2, 6};
// Of the ten decided pairs of each gap, reviewers found 8, 6, 4 and 2 to be
// one person: fewer as the evidence weakens, but far fewer than the model
// says.
constexpr int kMatchesOfTen[] = {8, 6, 4, 2};
std::vector<Record> twin_lists() {
  const char* surnames[] = {"김", "리", "박", "최", "정"};
  const char* given[] = {"영철", "영호", "명철", "순희", "영희",
                         "옥희", "정숙", "철수", "광철", "혜경"};
  std::vector<Record> records;
  for (int k = 0; k < 50; ++k) {
    for (const char* source : {"A", "B"}) {
      Record r;
      r.source = source;
      r.record_id = std::to_string(k);
      r.name = std::string(surnames[k / 10]) + given[k % 10];
      r.sex = k % 10 < 3 || k % 10 >= 7 ? Sex::kMale : Sex::kFemale;
      r.birth_year = std::to_string(1940 + k + (source[0] == 'B' ? kGap[k % 4] : 0));
      r.origin = "회령시";
      r.event = "arrest";
      r.event_date = "2005";
      r.event_place = "회령시";
      records.push_back(r);
    }
  }
  return records;
}

Settings hand_trained() {
  Settings s = default_settings();
  for (Comparison& c : s.comparisons) {
    c.m = starting_m(c);
    c.u = starting_u(c);
  }
  s.probability_two_random_records_match = 0.01;
  s.trained = true;
  return s;
}

float probability_of(const LinkResult& r, std::uint32_t i, std::uint32_t j) {
  for (const ScoredPair& p : r.pairs) {
    if ((p.i == i && p.j == j) || (p.i == j && p.j == i)) return p.match_probability;
  }
  return 0;
}

TEST(ReviewerCalibration, DecisionsAgainstAnOverConfidentModelLowerItsProbabilities) {
  const Table table = table_from_records(twin_lists());
  // Records are A0, B0, A1, B1, ...: pair k is (2k, 2k + 1).
  Linker before(table, hand_trained());
  const LinkResult& r0 = before.run();
  EXPECT_FALSE(r0.calibration.fitted);
  const float p_before = probability_of(r0, 90, 91);  // pair 45 (1 year apart), never decided
  ASSERT_GT(p_before, 0.95f);

  std::vector<PairDecision> decisions;
  for (std::uint32_t k = 0; k < 40; ++k) {
    decisions.push_back({2 * k, 2 * k + 1, static_cast<int>(k / 4) < kMatchesOfTen[k % 4]});
  }
  Linker after(table, hand_trained());
  LinkOptions options;
  options.decisions = decisions;
  const LinkResult& r1 = after.run(options);
  ASSERT_TRUE(r1.calibration.fitted);
  EXPECT_EQ(r1.calibration.matches, 20u);
  EXPECT_EQ(r1.calibration.non_matches, 20u);
  // Half the decided pairs were two people where the model said nearly
  // all were one: every weight falls by at least 2 bits, the undecided
  // pair's with it.
  EXPECT_LT(r1.calibration.intercept, -2.0);
  const float p_after = probability_of(r1, 90, 91);
  auto log2_odds = [](double p) { return std::log2(p / (1 - p)); };
  EXPECT_NEAR(log2_odds(p_after) - log2_odds(p_before), r1.calibration.intercept, 0.05)
      << "before " << p_before << ", after " << p_after;
  // The pairs were rescored and clustered again: fewer links, and the
  // model's own accounting follows the calibrated probabilities: fewer
  // matches expected among the scored pairs (fewer, surer links can still
  // be expected a little more precise).
  EXPECT_LT(r1.links, r0.links);
  auto expected_matches = [](const LinkResult& r) {
    return r.expected.links - r.expected.false_links + r.expected.missed_matches;
  };
  EXPECT_LT(expected_matches(r1), expected_matches(r0) - 5);
  bool said = false;
  for (const std::string& w : r1.warnings)
    said |= w.find("recalibrated from 40") != std::string::npos;
  EXPECT_TRUE(said);
  const Waterfall w = after.explain(90, 91);
  ASSERT_FALSE(w.steps.empty());
  EXPECT_EQ(w.steps.back().term, "reviewers' calibration");
  EXPECT_NEAR(w.match_probability, p_after, 1e-3);

  // Without calibration, the same decisions leave the undecided pair alone.
  Linker constrained(table, hand_trained());
  options.calibrate_from_decisions = false;
  EXPECT_NEAR(probability_of(constrained.run(options), 90, 91), p_before, 1e-6);
}

}  // namespace
}  // namespace uncounted::link
