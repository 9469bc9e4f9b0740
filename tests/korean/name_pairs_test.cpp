// The accuracy promise of name comparison: on 600 pairs of spellings of the
// same name across systems and 600 pairs of look-alike different names
// (tests/korean/data/name_pairs.csv, generated independently of the C++
// romanizer), the score separates them with AUC >= 0.98.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include "korean/name_comparison.h"
#include "test_tables.h"

namespace uncounted::korean {
namespace {

struct Scored {
  float score;
  bool same;
};

// Area under the ROC curve: the probability that a random same-name pair
// scores above a random different-name pair (ties count half).
double area_under_curve(std::vector<Scored> v) {
  std::sort(v.begin(), v.end(), [](const Scored& a, const Scored& b) { return a.score < b.score; });
  double rank_sum = 0;
  std::size_t positives = 0;
  for (std::size_t i = 0; i < v.size();) {
    std::size_t j = i;
    while (j < v.size() && v[j].score == v[i].score) ++j;
    const double mid_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;
    for (std::size_t k = i; k < j; ++k) {
      if (v[k].same) {
        rank_sum += mid_rank;
        ++positives;
      }
    }
    i = j;
  }
  const double negatives = static_cast<double>(v.size() - positives);
  const double p = static_cast<double>(positives);
  return (rank_sum - p * (p + 1) / 2.0) / (p * negatives);
}

TEST(AreaUnderCurve, KnownValues) {
  EXPECT_DOUBLE_EQ(area_under_curve({{0.9f, true}, {0.1f, false}}), 1.0);
  EXPECT_DOUBLE_EQ(area_under_curve({{0.1f, true}, {0.9f, false}}), 0.0);
  EXPECT_DOUBLE_EQ(area_under_curve({{0.5f, true}, {0.5f, false}}), 0.5);
}

TEST(NamePairs, SameAndLookAlikeNamesSeparate) {
  const auto rows = testing::read_csv(testing::data_path("name_pairs.csv"));
  ASSERT_GT(rows.size(), 1000u);
  ASSERT_EQ(rows[0][0], "a");
  std::vector<Scored> scored;
  std::size_t correct = 0, positives = 0, true_positives = 0, false_positives = 0;
  std::map<std::string, std::pair<int, int>> missed_by_style;  // style -> (missed, total)
  std::map<NameLevel, std::pair<int, int>> levels;             // level -> (same, different)
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    ASSERT_GE(r.size(), 7u) << "row " << i;
    const bool same = r[2] == "1";
    const NameComparison c = compare(prepare(r[0]), prepare(r[1]));
    ASSERT_GE(c.score, 0.0f);
    ASSERT_LE(c.score, 1.0f);
    scored.push_back({c.score, same});
    const bool match = c.score >= kDefaultMatchThreshold;
    correct += match == same;
    positives += same;
    true_positives += same && match;
    false_positives += !same && match;
    (same ? levels[c.level].first : levels[c.level].second)++;
    if (same) {
      for (const std::string& style : {r[5], r[6]}) {
        missed_by_style[style].second++;
        if (!match) missed_by_style[style].first++;
      }
    }
  }
  const double auc = area_under_curve(scored);
  const double n = static_cast<double>(scored.size());
  std::printf("name pairs: %zu (%zu same, %zu look-alike)\n", scored.size(), positives,
              scored.size() - positives);
  std::printf(
      "AUC %.4f; at threshold %.2f: accuracy %.4f, recall %.4f, false-match rate %.4f\n", auc,
      kDefaultMatchThreshold, static_cast<double>(correct) / n,
      static_cast<double>(true_positives) / static_cast<double>(positives),
      static_cast<double>(false_positives) / static_cast<double>(scored.size() - positives));
  for (const auto& [level, counts] : levels)
    std::printf("  level %-22s same %4d  different %4d\n", to_string(level), counts.first,
                counts.second);
  for (const auto& [style, counts] : missed_by_style)
    std::printf("  same-name pairs with a %-12s side missed at threshold: %d of %d\n",
                style.c_str(), counts.first, counts.second);
  EXPECT_GE(auc, 0.98);
}

}  // namespace
}  // namespace uncounted::korean
