#include "link/em.h"

#include <algorithm>
#include <cmath>

#include "link/candidate_pairs.h"

namespace uncounted::link {
namespace {

constexpr double kFloor = 1e-9;  // keeps probabilities off zero in the likelihood

std::vector<double> geometric(int levels, bool strongest_first) {
  std::vector<double> p(levels);
  double total = 0;
  for (int l = 0; l < levels; ++l) {
    const int rank = strongest_first ? l : levels - 1 - l;
    p[l] = std::pow(0.5, rank);
    total += p[l];
  }
  for (double& v : p) v /= total;
  return p;
}

// SHARES(n) for the levels of each case of C's condition, in order (the
// whole ladder when C has none).
template <typename Shares>
std::vector<double> by_case(const Comparison& c, Shares shares) {
  const int n = c.level_count();
  if (c.condition_column.empty()) return shares(n);
  std::vector<double> out(n);
  for (const bool same : {true, false}) {
    int size = 0;
    for (int g = 1; g <= n; ++g) size += c.same_case(g) == same;
    if (size == 0) continue;
    const std::vector<double> p = shares(size);
    int k = 0;
    for (int g = 1; g <= n; ++g) {
      if (c.same_case(g) == same) out[g - 1] = p[k++];
    }
  }
  return out;
}

}  // namespace

std::vector<double> starting_m(const Comparison& c) {
  // Korean names: one person's records are written in Hangul on one list
  // and romanized on another as often as in the same script, so they agree
  // on "same Hangul" and on "a reading in common" about equally (from true
  // links on simulated lists: 0.28 and 0.67); 0.45 each, the rest falling
  // by half per level. With 0.9 on "same Hangul" alone, a default model
  // weighed a romanized match as evidence against.
  if (c.kind == ColumnKind::kName && c.levels.size() >= 2 && is_korean_level(c.levels[0].type) &&
      is_korean_level(c.levels[1].type)) {
    std::vector<double> rest = geometric(c.level_count() - 2, true);
    std::vector<double> out{0.45, 0.45};
    for (double v : rest) out.push_back(0.1 * v);
    return out;
  }
  // Matches mostly agree exactly: 0.9 on the strongest level, the rest
  // falling by half per level (within each case of a condition).
  auto ladder = [](int levels) {
    if (levels == 1) return std::vector<double>{1.0};
    std::vector<double> m = geometric(levels - 1, true);
    for (double& v : m) v *= 0.1;
    std::vector<double> out{0.9};
    out.insert(out.end(), m.begin(), m.end());
    return out;
  };
  return by_case(c, ladder);
}
std::vector<double> starting_u(const Comparison& c) {
  return by_case(c, [](int levels) { return geometric(levels, false); });
}

double match_probability(std::uint64_t gamma, const std::vector<Comparison>& comparisons,
                         double lambda) {
  // Pairs whose names agree weigh the other comparisons by u_name_agrees.
  const int name = korean_name_comparison(comparisons);
  const bool name_agrees =
      name >= 0 && ((whole_name_levels(comparisons[name]) >> gamma_of(gamma, name)) & 1) != 0;
  double log_odds = std::log(lambda) - std::log1p(-lambda);
  for (std::size_t c = 0; c < comparisons.size(); ++c) {
    const int g = gamma_of(gamma, static_cast<int>(c));
    if (g == 0) continue;
    const Comparison& k = comparisons[c];
    const std::vector<double>& u = name_agrees && !k.u_name_agrees.empty() ? k.u_name_agrees : k.u;
    log_odds += std::log(std::max(k.m[g - 1], kFloor)) - std::log(std::max(u[g - 1], kFloor));
  }
  return 1.0 / (1.0 + std::exp(-log_odds));
}

EmResult run_em(const std::vector<EmPattern>& patterns, const std::vector<Comparison>& comparisons,
                double lambda, const EmOptions& options) {
  const std::size_t nc = comparisons.size();
  EmResult r;
  r.lambda = lambda;
  for (const Comparison& c : comparisons) {
    r.m.push_back(c.m);
    r.u.push_back(c.u);
  }
  auto active = [&](std::size_t c) { return options.active.empty() || options.active[c]; };
  auto free_m = [&](std::size_t c) { return options.free_m.empty() || options.free_m[c]; };
  std::vector<std::vector<double>> m_acc(nc), u_acc(nc);
  for (r.iterations = 1; r.iterations <= options.max_iterations; ++r.iterations) {
    for (std::size_t c = 0; c < nc; ++c) {
      m_acc[c].assign(r.m[c].size(), 0);
      u_acc[c].assign(r.u[c].size(), 0);
    }
    double matches = 0;
    double total = 0;
    const double log_prior = std::log(r.lambda) - std::log1p(-r.lambda);
    for (const EmPattern& p : patterns) {
      // Expectation: the posterior that a pair with this vector is a match.
      double log_odds = log_prior;
      for (std::size_t c = 0; c < nc; ++c) {
        const int g = gamma_of(p.gamma, static_cast<int>(c));
        if (g == 0 || !active(c)) continue;
        log_odds +=
            std::log(std::max(r.m[c][g - 1], kFloor)) - std::log(std::max(r.u[c][g - 1], kFloor));
      }
      const double post = 1.0 / (1.0 + std::exp(-log_odds));
      matches += post * p.count;
      total += p.count;
      for (std::size_t c = 0; c < nc; ++c) {
        const int g = gamma_of(p.gamma, static_cast<int>(c));
        if (g == 0 || !active(c)) continue;
        m_acc[c][g - 1] += post * p.count;
        u_acc[c][g - 1] += (1 - post) * p.count;
      }
    }
    if (total == 0) break;
    // Maximisation: level frequencies weighted by the posteriors.
    double change = 0;
    const double new_lambda = std::clamp(matches / total, kFloor, 1 - kFloor);
    change = std::max(change, std::abs(new_lambda - r.lambda));
    r.lambda = new_lambda;
    for (std::size_t c = 0; c < nc; ++c) {
      if (!active(c)) continue;
      double ms = 0;
      double us = 0;
      for (double v : m_acc[c]) ms += v;
      for (double v : u_acc[c]) us += v;
      if (ms > 0) {
        for (double& v : m_acc[c]) v /= ms;
      }
      if (us > 0) {
        for (double& v : u_acc[c]) v /= us;
      }
      comparisons[c].normalize_by_case(m_acc[c]);
      comparisons[c].normalize_by_case(u_acc[c]);
      for (std::size_t l = 0; l < m_acc[c].size(); ++l) {
        if (options.estimate_m && free_m(c) && ms > 0) {
          change = std::max(change, std::abs(m_acc[c][l] - r.m[c][l]));
          r.m[c][l] = m_acc[c][l];
        }
        if (options.estimate_u && us > 0) {
          change = std::max(change, std::abs(u_acc[c][l] - r.u[c][l]));
          r.u[c][l] = u_acc[c][l];
        }
      }
    }
    r.lambda_history.push_back(r.lambda);
    if (change < options.convergence) {
      r.converged = true;
      break;
    }
  }
  r.iterations = std::min(r.iterations, options.max_iterations);
  return r;
}

}  // namespace uncounted::link
