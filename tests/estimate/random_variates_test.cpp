// The samplers against exact probabilities: a wrong rejection constant in
// BTRD or PTRS shifts the distribution by a little everywhere, which a
// chi-square test over many draws catches and a mean check would not.

#include "estimate/random_variates.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <vector>

namespace uncounted::estimate {
namespace {

int draws() { return std::getenv("UNCOUNTED_SANITIZED") ? 40000 : 300000; }

// Pearson chi-square of observed counts against expected probabilities,
// merging bins whose expected count is below 5 (a short last bin into the
// one before it: alone, a tail expected 0.03 times turns one draw into a
// chi-square of 30). Returns (statistic, df).
std::pair<double, int> chi_square(const std::map<std::int64_t, int>& observed,
                                  const std::function<double(std::int64_t)>& pmf, std::int64_t lo,
                                  std::int64_t hi, int total) {
  std::vector<std::pair<double, double>> bins;  // (observed, expected)
  double exp_acc = 0, obs_acc = 0;
  for (std::int64_t k = lo; k <= hi; ++k) {
    exp_acc += pmf(k) * total;
    auto it = observed.find(k);
    obs_acc += it == observed.end() ? 0 : it->second;
    if (exp_acc >= 5 || k == hi) {
      if (exp_acc < 5 && !bins.empty()) {
        bins.back().first += obs_acc;
        bins.back().second += exp_acc;
      } else {
        bins.push_back({obs_acc, exp_acc});
      }
      exp_acc = obs_acc = 0;
    }
  }
  double stat = 0;
  for (auto [o, e] : bins) stat += (o - e) * (o - e) / std::max(e, 1e-9);
  return {stat, static_cast<int>(bins.size()) - 1};
}

// A chi-square far above its df (more than 6 standard deviations): with a
// fixed seed this never fails by chance, and a biased sampler fails it.
void expect_fits(std::pair<double, int> r) {
  EXPECT_LT(r.first, r.second + 6 * std::sqrt(2.0 * r.second)) << "df " << r.second;
}

double log_choose(std::int64_t n, std::int64_t k) {
  return std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0);
}

TEST(RandomVariates, BinomialMatchesExactProbabilities) {
  const std::vector<std::pair<std::int64_t, double>> cases = {
      {5, 0.3},
      {40, 0.1},
      {1131, 0.02},
      {1131, 0.37},
      {200, 0.9},
      {100000, 0.5},
      {30, 0.5},
      {39, 0.7},
      {12, 0.05},
      {60, 0.1},
      {41, 0.2},
      {2000, 0.003},
      {3, 0.97},
      {40, 0.49},
      {1000, 0.0099},
      // digit-by-digit comparison: one and two words of trials, p near 1,
      // a dyadic p, and a mean just above the inversion shortcut
      {64, 0.999},
      {65, 0.5},
      {100, 0.3},
      {128, 0.77},
      {127, 0.002},
      {50, 0.25},
      {129, 0.6},
      // one word per trial (n <= 8), p near 1 and a single trial
      {8, 0.45},
      {7, 0.93},
      {2, 0.5},
      {1, 0.3},
      // byte comparisons: many ties (1 in 256 trials, the first four
      // decided in one step), p just above a byte boundary, tiny means, and
      // p at the smallest and largest the dispatch sends there (2^-19 from
      // 0 and 1); inversion just beyond
      {512, 0.3},
      {500, 0.5 + 0x1.0p-30},
      {512, 0x1.0p-11},
      {512, 1 - 0x1.0p-11},
      {511, 0.77},
      {130, 0.077},
      {300, 0x1.0p-19},
      {300, 1 - 0x1.0p-19},
      {512, 1e-6},
      {500, 1 - 1e-6},
      // BTRD at the smallest mean it takes, and far out
      {600, 10.02 / 600},
      {10000000, 0.3}};
  RandomSource rng(7);
  for (auto [n, p] : cases) {
    SCOPED_TRACE(std::to_string(n) + " " + std::to_string(p));
    std::map<std::int64_t, int> seen;
    for (int i = 0; i < draws(); ++i) {
      const auto x = binomial_variate(rng, n, p);
      ASSERT_GE(x, 0);
      ASSERT_LE(x, n);
      ++seen[x];
    }
    // Captured by value: clang 14 cannot capture a structured binding.
    auto pmf = [n = n, p = p](std::int64_t k) {
      return std::exp(log_choose(n, k) + k * std::log(p) + (n - k) * std::log1p(-p));
    };
    expect_fits(chi_square(seen, pmf, 0, n, draws()));
  }
}

TEST(RandomVariates, PoissonMatchesExactProbabilities) {
  RandomSource rng(11);
  for (double mean : {0.5, 3.0, 9.9, 10.0, 57.3, 4000.0}) {
    SCOPED_TRACE(mean);
    std::map<std::int64_t, int> seen;
    for (int i = 0; i < draws(); ++i) ++seen[poisson_variate(rng, mean)];
    auto pmf = [&](std::int64_t k) {
      return std::exp(k * std::log(mean) - mean - std::lgamma(k + 1.0));
    };
    expect_fits(chi_square(seen, pmf, 0, static_cast<std::int64_t>(mean * 3 + 30), draws()));
  }
}

TEST(RandomVariates, NegativeBinomialMatchesExactProbabilities) {
  RandomSource rng(13);
  for (auto [size, p] : std::vector<std::pair<double, double>>{{3, 0.4}, {4400, 0.6}, {50, 0.95}}) {
    std::map<std::int64_t, int> seen;
    for (int i = 0; i < draws(); ++i) ++seen[negative_binomial_variate(rng, size, p)];
    auto pmf = [size = size, p = p](std::int64_t k) {
      return std::exp(std::lgamma(k + size) - std::lgamma(size) - std::lgamma(k + 1.0) +
                      size * std::log(p) + k * std::log1p(-p));
    };
    const double mean = size * (1 - p) / p;
    expect_fits(chi_square(seen, pmf, 0, static_cast<std::int64_t>(mean * 4 + 40), draws()));
  }
}

TEST(RandomVariates, GammaMomentsAndSmallShapes) {
  RandomSource rng(17);
  for (double shape : {0.05, 0.3, 1.0, 2.5, 1000.0}) {
    SCOPED_TRACE(shape);
    double s = 0, s2 = 0, slog = 0;
    const int n = draws();
    for (int i = 0; i < n; ++i) {
      const double x = gamma_variate(rng, shape);
      ASSERT_GE(x, 0);
      s += x;
      s2 += x * x;
      slog += log_gamma_variate(rng, shape);
    }
    const double mean = s / n, var = s2 / n - mean * mean;
    EXPECT_NEAR(mean, shape, 6 * std::sqrt(shape / n));
    EXPECT_NEAR(var / shape, 1.0, 0.08 + 3 / std::sqrt(shape * n));
    // E[log X] = digamma(shape); compare with a numeric derivative of lgamma.
    const double digamma = (std::lgamma(shape + 1e-5) - std::lgamma(shape - 1e-5)) / 2e-5;
    EXPECT_NEAR(slog / n, digamma, 0.03 * std::max(1.0, 1 / shape));
  }
}

// Bins a continuous sampler's draws at the given edges and tests them
// against the exact CDF (bin 0 is below the first edge, the last above the
// last edge).
void expect_continuous_fits(const std::function<double()>& draw,
                            const std::function<double(double)>& cdf,
                            const std::vector<double>& edges) {
  std::map<std::int64_t, int> observed;
  const int n = draws();
  for (int i = 0; i < n; ++i) {
    const double x = draw();
    ASSERT_TRUE(std::isfinite(x));
    std::int64_t bin = 0;
    while (bin < static_cast<std::int64_t>(edges.size()) && x >= edges[bin]) ++bin;
    ++observed[bin];
  }
  const auto pmf = [&](std::int64_t b) {
    const double hi = b < static_cast<std::int64_t>(edges.size()) ? cdf(edges[b]) : 1.0;
    const double lo = b > 0 ? cdf(edges[b - 1]) : 0.0;
    return hi - lo;
  };
  expect_fits(chi_square(observed, pmf, 0, static_cast<std::int64_t>(edges.size()), n));
}

std::vector<double> grid(double lo, double hi, int steps) {
  std::vector<double> out;
  for (int i = 0; i <= steps; ++i) out.push_back(lo + (hi - lo) * i / steps);
  return out;
}

// The ziggurat: a wrong layer edge or wedge test shows up as a bias in a
// few bins; the tail beyond R = 3.44 has its own bins.
TEST(RandomVariates, NormalMatchesExactProbabilities) {
  RandomSource rng(23);
  expect_continuous_fits([&] { return rng.normal(); },
                         [](double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); },
                         grid(-4.5, 4.5, 72));
  double s = 0, s2 = 0, s4 = 0;
  const int n = draws();
  int beyond_r = 0;
  for (int i = 0; i < n; ++i) {
    const double x = rng.normal();
    s += x;
    s2 += x * x;
    s4 += x * x * x * x;
    beyond_r += std::abs(x) > 3.442619855899;
  }
  EXPECT_NEAR(s / n, 0, 6 / std::sqrt(n));
  EXPECT_NEAR(s2 / n, 1, 6 * std::sqrt(2.0 / n));
  EXPECT_NEAR(s4 / n, 3, 6 * std::sqrt(96.0 / n));
  const double tail = std::erfc(3.442619855899 / std::sqrt(2.0)) * n;
  EXPECT_NEAR(beyond_r, tail, 6 * std::sqrt(tail));
}

// Gamma with integer shape (Erlang) has a closed-form CDF.
double erlang_cdf(int shape, double x) {
  if (x <= 0) return 0.0;
  double term = std::exp(-x), sum = 0;
  for (int i = 0; i < shape; ++i) {
    sum += term;
    term *= x / (i + 1);
  }
  return 1 - sum;
}

TEST(RandomVariates, GammaMatchesExactProbabilities) {
  RandomSource rng(29);
  for (int shape : {1, 2, 7, 40}) {
    SCOPED_TRACE(shape);
    const auto cdf = [shape](double x) { return erlang_cdf(shape, x); };
    const double sd = std::sqrt(static_cast<double>(shape));
    expect_continuous_fits([&] { return gamma_variate(rng, shape); }, cdf,
                           grid(std::max(0.0, shape - 4 * sd), shape + 6 * sd, 60));
  }
}

// The batched gamma draws (four vector lanes, with a tail of fewer): every
// position of the batch follows its own shape's exact law.
TEST(RandomVariates, GammaBatchMatchesExactProbabilities) {
  RandomSource rng(30);
  const std::vector<double> shapes = {1, 2, 7, 40, 2, 7, 1};  // 7: one full step, a tail of 3
  std::vector<double> out(shapes.size());
  std::vector<std::vector<double>> seen(shapes.size());
  for (int i = 0; i < draws(); ++i) {
    gamma_variates(rng, shapes, out);
    for (std::size_t k = 0; k < shapes.size(); ++k) seen[k].push_back(out[k]);
  }
  for (std::size_t k = 0; k < shapes.size(); ++k) {
    const int shape = static_cast<int>(shapes[k]);
    SCOPED_TRACE("position " + std::to_string(k) + " shape " + std::to_string(shape));
    const auto cdf = [shape](double x) { return erlang_cdf(shape, x); };
    const double sd = std::sqrt(static_cast<double>(shape));
    std::size_t next = 0;
    expect_continuous_fits([&] { return seen[k][next++]; }, cdf,
                           grid(std::max(0.0, shape - 4 * sd), shape + 6 * sd, 60));
  }
  // Shapes that are not whole numbers (the stick-breaking B_k): mean and
  // variance both equal the shape.
  const std::vector<double> odd = {1.0001, 1.7, 613.25, 3.5, 1e5};
  std::vector<double> sum(odd.size()), sum2(odd.size()), draw(odd.size());
  const int n = draws() / 4;
  for (int i = 0; i < n; ++i) {
    gamma_variates(rng, odd, draw);
    for (std::size_t k = 0; k < odd.size(); ++k) {
      sum[k] += draw[k];
      sum2[k] += draw[k] * draw[k];
    }
  }
  for (std::size_t k = 0; k < odd.size(); ++k) {
    SCOPED_TRACE(odd[k]);
    const double mean = sum[k] / n, var = sum2[k] / n - mean * mean;
    EXPECT_NEAR(mean, odd[k], 6 * std::sqrt(odd[k] / n));
    EXPECT_NEAR(var / odd[k], 1.0, 6 * std::sqrt(2.0 / n) + 0.01);
  }
}

// Beta(a, b) with integer a, b: P(X <= x) = P(Binomial(a + b - 1, x) >= a).
double beta_cdf(int a, int b, double x) {
  if (x <= 0) return 0.0;
  if (x >= 1) return 1.0;
  const int n = a + b - 1;
  double p = 0;
  for (int k = a; k <= n; ++k)
    p += std::exp(log_choose(n, k) + k * std::log(x) + (n - k) * std::log1p(-x));
  return p;
}

// DRAW returns x and 1 - x of one Beta(a, b) variate; both must describe the
// same x, and x must follow the exact CDF.
void expect_beta_fits(int a, int b, const std::function<std::pair<double, double>()>& draw) {
  SCOPED_TRACE("Beta(" + std::to_string(a) + ", " + std::to_string(b) + ")");
  expect_continuous_fits(
      [&] {
        const auto [x, one_minus_x] = draw();
        EXPECT_NEAR(x + one_minus_x, 1.0, 1e-12);
        return x;
      },
      [a, b](double x) { return beta_cdf(a, b, x); }, grid(0, 1, 100));
}

// Beta(a, b) as X / (X + Y) from one batch of gamma variates, as the
// sampler draws lambda (Beta(1 + ones, 1 + zeros)) and the sticks
// (Beta(1 + count, B)): the pairs share vector steps.
TEST(RandomVariates, BetaFromBatchedGammasMatchesExactProbabilities) {
  RandomSource rng(31);
  const std::vector<std::pair<int, int>> pairs = {{1, 60}, {4, 9}, {301, 20}, {1, 1}, {1, 25}};
  std::vector<double> shapes;
  for (auto [a, b] : pairs) {
    shapes.push_back(a);
    shapes.push_back(b);
  }
  std::vector<double> g(shapes.size());
  std::vector<std::vector<std::pair<double, double>>> seen(pairs.size());
  for (int i = 0; i < draws(); ++i) {
    gamma_variates(rng, shapes, g);
    for (std::size_t k = 0; k < pairs.size(); ++k) {
      const double x = g[2 * k], y = g[2 * k + 1];
      seen[k].push_back({x / (x + y), y / (x + y)});
    }
  }
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    std::size_t next = 0;
    expect_beta_fits(pairs[k].first, pairs[k].second, [&] { return seen[k][next++]; });
  }
}

TEST(RandomVariates, BetaMeanAndLogsConsistent) {
  RandomSource rng(19);
  for (auto [a, b] : std::vector<std::pair<double, double>>{{1, 1}, {1, 0.2}, {3, 1}, {50, 4000}}) {
    double s = 0;
    const int n = draws();
    for (int i = 0; i < n; ++i) {
      const LogBeta v = log_beta_variate(rng, a, b);
      ASSERT_NEAR(std::exp(v.log_x) + std::exp(v.log_1mx), 1.0, 1e-9);
      s += std::exp(v.log_x);
    }
    const double mean = a / (a + b);
    const double sd = std::sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
    EXPECT_NEAR(s / n, mean, 6 * sd / std::sqrt(n));
  }
}

TEST(RandomVariates, MultinomialKeepsTotalAndMeans) {
  RandomSource rng(23);
  const std::vector<double> w = {0.5, 0.0, 2.0, 1.5, 1e-9};
  std::vector<std::int64_t> out(w.size());
  std::vector<double> sum(w.size());
  const int n = draws() / 10;
  for (int i = 0; i < n; ++i) {
    multinomial_variate(rng, 1000, w, out);
    std::int64_t total = 0;
    for (std::size_t k = 0; k < w.size(); ++k) {
      total += out[k];
      sum[k] += static_cast<double>(out[k]);
    }
    ASSERT_EQ(total, 1000);
    ASSERT_EQ(out[1], 0);
  }
  EXPECT_NEAR(sum[0] / n, 125, 0.5);
  EXPECT_NEAR(sum[2] / n, 500, 0.7);
  EXPECT_NEAR(sum[3] / n, 375, 0.7);
}

// The joint law of a split, checked exactly where the outcomes can be
// listed (every composition of n into the categories) and through each
// category's Binomial(n, w_k / sum w) margin where they cannot. The visiting
// order must not matter, and a category of weight 0 never gets anything.
TEST(RandomVariates, MultinomialMatchesExactProbabilities) {
  RandomSource rng(43);
  const std::vector<double> w = {0.2, 0.0, 0.5, 0.3, 1e-3};
  double total_w = 0;
  for (double x : w) total_w += x;
  const std::vector<std::vector<std::uint16_t>> orders = {{2, 3, 0, 4, 1}, {1, 4, 0, 3, 2}};
  for (const auto& order : orders) {
    for (std::int64_t n : {3, 7, 90, 300, 5000}) {
      SCOPED_TRACE("n " + std::to_string(n) + " first " + std::to_string(order[0]));
      std::vector<std::int64_t> out(w.size());
      std::vector<std::map<std::int64_t, int>> margins(w.size());
      std::map<std::int64_t, int> joint;  // outcome coded in base n + 1
      for (int i = 0; i < draws() / 4; ++i) {
        multinomial_variate(rng, n, w, order, out);
        std::int64_t sum = 0, code = 0;
        for (std::size_t k = 0; k < w.size(); ++k) {
          sum += out[k];
          ++margins[k][out[k]];
          code = code * (n + 1) + out[k];
        }
        ASSERT_EQ(sum, n);
        ASSERT_EQ(out[1], 0);
        ++joint[code];
      }
      for (std::size_t k = 0; k < w.size(); ++k) {
        if (w[k] == 0) continue;
        const double p = w[k] / total_w;
        auto pmf = [&](std::int64_t x) {
          return std::exp(log_choose(n, x) + x * std::log(p) + (n - x) * std::log1p(-p));
        };
        expect_fits(chi_square(margins[k], pmf, 0, n, draws() / 4));
      }
      if (n > 7) continue;
      // Every outcome code, in order, with its multinomial probability.
      std::map<std::int64_t, double> exact;
      for (std::int64_t a = 0; a <= n; ++a)
        for (std::int64_t c = 0; a + c <= n; ++c)
          for (std::int64_t d = 0; a + c + d <= n; ++d) {
            const std::int64_t e = n - a - c - d;
            const std::vector<std::int64_t> x = {a, 0, c, d, e};
            double log_p = std::lgamma(n + 1.0);
            std::int64_t code = 0;
            for (std::size_t k = 0; k < w.size(); ++k) {
              code = code * (n + 1) + x[k];
              if (w[k] > 0) log_p += x[k] * std::log(w[k] / total_w);
              log_p -= std::lgamma(x[k] + 1.0);
            }
            exact[code] = std::exp(log_p);
          }
      std::map<std::int64_t, int> observed;  // re-indexed 0, 1, ... in code order
      std::vector<double> probs;
      for (const auto& [code, prob] : exact) {
        const auto it = joint.find(code);
        observed[static_cast<std::int64_t>(probs.size())] = it == joint.end() ? 0 : it->second;
        probs.push_back(prob);
      }
      for (const auto& [code, count] : joint) ASSERT_TRUE(exact.count(code)) << code;
      expect_fits(chi_square(
          observed, [&](std::int64_t i) { return probs[static_cast<std::size_t>(i)]; }, 0,
          static_cast<std::int64_t>(probs.size()) - 1, draws() / 4));
    }
  }
}

// The vector code (AVX2, SSE2) and the portable code give the same draws
// from the same seed, so that a run is reproducible on any machine. Where
// the machine lacks a unit, the runs that ask for it take the best it has
// and the test says so.
TEST(RandomVariates, SameDrawsWhateverTheVectorUnit) {
  const auto draw_all = [](VectorUnit unit) {
    use_vector_unit(unit);
    RandomSource rng(47);
    std::vector<double> out;
    const std::vector<std::pair<std::int64_t, double>> binomials = {
        {3, 0.3}, {40, 0.1}, {100, 0.5}, {512, 0.3}, {511, 0.99}, {300, 0x1.0p-8}, {1131, 0.37}};
    for (int i = 0; i < 20000; ++i)
      for (auto [n, p] : binomials) out.push_back(static_cast<double>(binomial_variate(rng, n, p)));
    const std::vector<double> shapes = {1, 2, 7, 40, 1.5, 600.25, 1e4};
    std::vector<double> g(shapes.size());
    for (int i = 0; i < 20000; ++i) {
      gamma_variates(rng, shapes, g);
      out.insert(out.end(), g.begin(), g.end());
    }
    const std::vector<double> w = {0.2, 0.0, 0.5, 0.3, 1e-3};
    std::vector<std::int64_t> split(w.size());
    for (int i = 0; i < 20000; ++i)
      for (std::int64_t n : {1, 3, 4, 9, 300}) {
        multinomial_variate(rng, n, w, split);
        for (auto x : split) out.push_back(static_cast<double>(x));
      }
    // The main generator and the lanes went the same way: their next words,
    // compared bit for bit.
    const std::uint64_t main_word = rng.next();
    std::uint64_t lane_words[4];
    rng.step_lanes(lane_words);
    for (std::uint64_t w :
         {main_word, lane_words[0], lane_words[1], lane_words[2], lane_words[3]}) {
      out.push_back(static_cast<double>(w >> 32));
      out.push_back(static_cast<double>(w & 0xffffffffu));
    }
    return out;
  };
  const VectorUnit best = use_vector_unit(VectorUnit::avx2);
  const auto portable = draw_all(VectorUnit::none);
  for (VectorUnit unit : {VectorUnit::sse2, VectorUnit::avx2}) {
    SCOPED_TRACE(unit == VectorUnit::avx2 ? "AVX2" : "SSE2");
    const auto with = draw_all(unit);
    ASSERT_EQ(with.size(), portable.size());
    for (std::size_t i = 0; i < with.size(); ++i) ASSERT_EQ(with[i], portable[i]) << "draw " << i;
  }
  use_vector_unit(VectorUnit::avx2);
  if (best != VectorUnit::avx2)
    GTEST_SKIP() << "this machine lacks AVX2 (or SSE2): fewer units compared";
}

TEST(RandomVariates, SameSeedSameStreamDifferentStreamsDiffer) {
  RandomSource a(42, 0), b(42, 0), c(42, 1);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(a.next(), b.next());
  RandomSource d(42, 0);
  int same = 0;
  for (int i = 0; i < 100; ++i) same += d.next() == c.next();
  EXPECT_EQ(same, 0);
}

}  // namespace
}  // namespace uncounted::estimate
