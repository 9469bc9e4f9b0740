// Risk: a fast (banded, bounded) similarity that disagrees with the textbook
// definition silently moves pairs between comparison levels.

#include "link/string_similarity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace uncounted::link {
namespace {

int reference_distance(const std::string& a, const std::string& b, bool transpositions) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (transpositions && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

std::string random_word(std::mt19937& rng) {
  std::uniform_int_distribution<int> len(0, 9), letter(0, 3);
  std::string s(len(rng), 'a');
  for (char& c : s) c = static_cast<char>('a' + letter(rng));
  return s;
}

TEST(StringSimilarity, KnownJaroWinklerValues) {
  EXPECT_NEAR(jaro("martha", "marhta"), 0.944444, 1e-5);
  EXPECT_NEAR(jaro_winkler("martha", "marhta"), 0.961111, 1e-5);
  EXPECT_NEAR(jaro_winkler("dixon", "dicksonx"), 0.813333, 1e-5);
  EXPECT_NEAR(jaro("abc", "xyz"), 0.0, 1e-12);
  EXPECT_DOUBLE_EQ(jaro_winkler("same", "same"), 1.0);
}

TEST(StringSimilarity, BandedEditDistancesMatchTheFullTableUpToTheLimit) {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 20000; ++trial) {
    const std::string a = random_word(rng), b = random_word(rng);
    for (int limit : {0, 1, 2, 3}) {
      const int lev = reference_distance(a, b, false);
      const int dl = reference_distance(a, b, true);
      ASSERT_EQ(levenshtein(a, b, limit), std::min(lev, limit + 1)) << a << " " << b;
      ASSERT_EQ(damerau_levenshtein(a, b, limit), std::min(dl, limit + 1)) << a << " " << b;
    }
  }
}

TEST(StringSimilarity, BoundedJaroWinklerIsExactAboveTheFloorAndBelowItOtherwise) {
  std::mt19937 rng(11);
  for (int trial = 0; trial < 20000; ++trial) {
    const std::string a = random_word(rng), b = random_word(rng);
    const double exact = jaro_winkler(a, b);
    for (double floor : {0.5, 0.8, 0.92}) {
      const double bounded = jaro_winkler_at_least(a, b, floor);
      if (exact >= floor) {
        ASSERT_DOUBLE_EQ(bounded, exact) << a << " " << b;
      } else {
        ASSERT_LT(bounded, floor) << a << " " << b;
      }
    }
  }
}

TEST(StringSimilarity, LongStringsAreClippedNotOverrun) {
  const std::string a(500, 'x');
  std::string b = a;
  b[400] = 'y';  // beyond the clipped part
  EXPECT_EQ(levenshtein(a, b, 2), 0);
  EXPECT_DOUBLE_EQ(jaro_winkler(a, b), 1.0);
}

TEST(StringSimilarity, SketchBoundsNeverCutAPairThatWouldHold) {
  // The sketches let comparisons skip the text; a bound on the wrong side
  // would move pairs to a lower level.
  std::mt19937_64 rng(17);
  const std::string alphabet = "abcdeklmnor0123456789 -";
  auto random_text = [&] {
    std::string s(1 + rng() % 12, 'a');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    return s;
  };
  for (int k = 0; k < 20000; ++k) {
    const std::string a = random_text();
    std::string b = k % 2 ? random_text() : a;
    if (k % 2 == 0 && !b.empty()) b[rng() % b.size()] = alphabet[rng() % alphabet.size()];
    const TextSketch x = sketch_text(a), y = sketch_text(b);
    EXPECT_GE(jaro_winkler_bound(x, y) + 1e-12, jaro_winkler(a, b)) << a << " / " << b;
    const int bound = edit_distance_bound(x, y);
    EXPECT_LE(bound, reference_distance(a, b, true)) << a << " / " << b;
    EXPECT_LE(bound, reference_distance(a, b, false)) << a << " / " << b;
  }
}

}  // namespace
}  // namespace uncounted::link
