// Risk: a comparison read by the case of another column (the default
// model's event date and place, by whether the two records describe the
// same kind of event) that counts the case itself as evidence, so that EM
// takes "the same kind of event" for the match class (tried: at 200,000
// simulated people, pairwise F1 fell from 0.85 to 0.51), or whose settings
// file takes levels that can never hold.

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "link/comparison.h"
#include "link/em.h"
#include "model/error.h"

namespace uncounted::link {
namespace {

// event_date read by the kind of event: the same kind (levels 1, 2) or
// another (level 3 and "else", 4).
Comparison dated_by_event() {
  return comparison_from_json(nlohmann::json::parse(R"({
    "column": "event_date", "kind": "date", "condition_column": "event",
    "levels": [{"type": "overlap", "when": "same"}, {"type": "any", "when": "same"},
               {"type": "overlap", "when": "different"}]})"),
                              "test");
}

TEST(ConditionColumn, SettingsRoundTripAndRefuseLevelsThatCannotHold) {
  const Comparison c = dated_by_event();
  EXPECT_EQ(c.condition_column, "event");
  EXPECT_EQ(c.level_label(1), "same event: overlap");
  EXPECT_EQ(c.level_label(3), "different event: overlap");
  const Comparison again = comparison_from_json(to_json(c), "again");
  EXPECT_EQ(again.condition_column, "event");
  ASSERT_EQ(again.levels.size(), 3u);
  EXPECT_EQ(again.levels[1].type, LevelType::kAny);
  EXPECT_EQ(again.levels[1].when, LevelCase::kSame);
  EXPECT_EQ(again.levels[2].when, LevelCase::kDifferent);

  auto refused = [](const char* text) {
    try {
      comparison_from_json(nlohmann::json::parse(text), "comparisons[4]");
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.where()).find("comparisons[4]"), std::string::npos);
      return true;
    }
    return false;
  };
  // "when" without a condition column.
  EXPECT_TRUE(refused(R"({"column": "d", "kind": "date",
      "levels": [{"type": "overlap", "when": "same"}]})"));
  // A level of a conditioned comparison without "when".
  EXPECT_TRUE(refused(R"({"column": "d", "kind": "date", "condition_column": "event",
      "levels": [{"type": "overlap", "when": "same"}, {"type": "any", "when": "same"},
                 {"type": "overlap"}]})"));
  // The same case without its closing "any": those pairs would fall into
  // the other case's "else".
  EXPECT_TRUE(refused(R"({"column": "d", "kind": "date", "condition_column": "event",
      "levels": [{"type": "overlap", "when": "same"}, {"type": "overlap", "when": "different"}]})"));
  // "any" for every pair: no later level could hold.
  EXPECT_TRUE(refused(R"({"column": "d", "kind": "date",
      "levels": [{"type": "any"}, {"type": "overlap"}]})"));
  EXPECT_TRUE(refused(R"({"column": "d", "kind": "date", "condition_column": "event",
      "levels": [{"type": "overlap", "when": "maybe"}]})"));
  // "in_order" reads the order from the kind of event: it needs the
  // condition column, a threshold, and a date column.
  EXPECT_TRUE(refused(R"({"column": "d", "kind": "date",
      "levels": [{"type": "in_order", "threshold": 366}]})"));
  EXPECT_TRUE(refused(R"({"column": "d", "kind": "date", "condition_column": "event",
      "levels": [{"type": "any", "when": "same"}, {"type": "in_order", "when": "different"}]})"));
  EXPECT_TRUE(refused(R"({"column": "d", "kind": "string", "condition_column": "event",
      "levels": [{"type": "any", "when": "same"},
                 {"type": "in_order", "threshold": 366, "when": "different"}]})"));
  const Comparison ordered = comparison_from_json(nlohmann::json::parse(R"({
    "column": "event_date", "kind": "date", "condition_column": "event",
    "levels": [{"type": "any", "when": "same"},
               {"type": "in_order", "threshold": 366, "when": "different"}]})"),
                                                  "test");
  EXPECT_EQ(ordered.level_label(2), "different event: in_order <= 366");
  const Comparison ordered_again = comparison_from_json(to_json(ordered), "again");
  EXPECT_EQ(ordered_again.levels[1].type, LevelType::kInOrder);
  EXPECT_EQ(ordered_again.levels[1].threshold, 366);
}

TEST(ConditionColumn, SharesSumToOneWithinEachCase) {
  const Comparison c = dated_by_event();
  std::vector<double> p{0.3, 0.1, 0.2, 0.4};
  c.normalize_by_case(p);
  EXPECT_NEAR(p[0], 0.75, 1e-12);
  EXPECT_NEAR(p[1], 0.25, 1e-12);
  EXPECT_NEAR(p[2], 1.0 / 3, 1e-12);
  EXPECT_NEAR(p[3], 2.0 / 3, 1e-12);
  for (const std::vector<double>& start : {starting_m(c), starting_u(c)}) {
    EXPECT_NEAR(start[0] + start[1], 1.0, 1e-12);
    EXPECT_NEAR(start[2] + start[3], 1.0, 1e-12);
  }
  EXPECT_GT(starting_m(c)[0], starting_m(c)[1]);  // agreement likelier among matches
  EXPECT_GT(starting_m(c)[2], starting_u(c)[2]);
}

TEST(ConditionColumn, EmRecoversEachCaseAndIsNotCapturedByTheCase) {
  // Pairs of one kind of event are 70% of non-matches (one camp holds
  // most records) and 40% of matches. Within the case, matches agree on
  // the date 90% (the same event) or 10% (two events of one person); non-
  // matches 40% (one camp's long detentions) or 2%. A name, a sex and a
  // birth year agree as m / u below.
  auto binary = [](const char* column) {
    Comparison c;
    c.name = c.column = column;
    c.levels = {ComparisonLevel{LevelType::kExact, 0}};
    return c;
  };
  const double lambda = 0.05, pairs = 1e8;
  const double same_m = 0.4, same_u = 0.7;
  const double date_m[4] = {same_m * 0.9, same_m * 0.1, (1 - same_m) * 0.1, (1 - same_m) * 0.9};
  const double date_u[4] = {same_u * 0.4, same_u * 0.6, (1 - same_u) * 0.02, (1 - same_u) * 0.98};
  const double agree_m[3] = {0.9, 0.95, 0.8}, agree_u[3] = {0.01, 0.5, 0.05};
  std::vector<EmPattern> patterns;
  for (int bits = 0; bits < 8; ++bits) {
    double pm = lambda, pu = 1 - lambda;
    std::uint64_t gamma = 0;
    for (int c = 0; c < 3; ++c) {
      const int level = (bits >> c) & 1;  // 0: agree, 1: else
      pm *= level == 0 ? agree_m[c] : 1 - agree_m[c];
      pu *= level == 0 ? agree_u[c] : 1 - agree_u[c];
      gamma |= static_cast<std::uint64_t>(level + 1) << (kGammaBits * c);
    }
    for (int d = 0; d < 4; ++d) {
      patterns.push_back({gamma | static_cast<std::uint64_t>(d + 1) << (kGammaBits * 3),
                          std::round(pairs * (pm * date_m[d] + pu * date_u[d]))});
    }
  }
  std::vector<Comparison> model{binary("name"), binary("sex"), binary("birth_year"),
                                dated_by_event()};
  for (Comparison& c : model) {
    c.m = starting_m(c);
    c.u = starting_u(c);
  }
  EmOptions options;
  options.estimate_u = true;
  options.max_iterations = 5000;
  options.convergence = 1e-9;
  const EmResult em = run_em(patterns, model, 0.01, options);
  ASSERT_TRUE(em.converged) << em.iterations;
  // The class is the matches, not the pairs of one kind of event, though
  // those are 70% of the non-matches.
  EXPECT_NEAR(em.lambda, lambda, 0.01);
  EXPECT_NEAR(em.m[0][0], 0.9, 0.03);
  EXPECT_NEAR(em.u[0][0], 0.01, 0.005);
  // Shares within each case: same kind 0.9 / 0.4, other kinds 0.1 / 0.02.
  EXPECT_NEAR(em.m[3][0], 0.9, 0.05);
  EXPECT_NEAR(em.u[3][0], 0.4, 0.02);
  EXPECT_NEAR(em.m[3][2], 0.1, 0.05);
  EXPECT_NEAR(em.u[3][2], 0.02, 0.01);
  EXPECT_NEAR(em.m[3][0] + em.m[3][1], 1.0, 1e-9);
  EXPECT_NEAR(em.m[3][2] + em.m[3][3], 1.0, 1e-9);
  EXPECT_NEAR(em.u[3][0] + em.u[3][1], 1.0, 1e-9);
}

}  // namespace
}  // namespace uncounted::link
