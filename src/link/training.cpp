#include "link/training.h"

#include <algorithm>
#include <cmath>

#include "link/em.h"
#include "link/estimate_u.h"

namespace uncounted::link {
namespace {

// Expected matches among candidates, with m and u fixed: the prior of the
// whole population follows from it (assuming the blocking rules together
// miss few matches).
double candidate_match_share(const Settings& settings, const std::vector<Pattern>& candidates,
                             int max_iterations) {
  std::vector<EmPattern> patterns;
  for (const Pattern& p : candidates) patterns.push_back({p.gamma, static_cast<double>(p.count)});
  EmOptions options;
  options.estimate_m = false;
  options.estimate_u = false;
  options.max_iterations = max_iterations;
  options.convergence = 1e-7;
  return run_em(patterns, settings.comparisons, 0.01, options).lambda;
}

std::vector<double> level_shares(const std::vector<double>& counts) {
  double total = 0;
  for (double c : counts) total += c == 0 ? 0.5 : c;
  std::vector<double> out;
  for (double c : counts) out.push_back((c == 0 ? 0.5 : c) / total);
  return out;
}

}  // namespace

TrainingReport train_model(Settings& settings, const Table& table,
                           const std::vector<PreparedColumn>& columns,
                           const std::vector<Pattern>& training,
                           const std::vector<Pattern>& candidates, int threads) {
  TrainingReport report;
  std::vector<Comparison>& comparisons = settings.comparisons;
  const std::size_t nc = comparisons.size();
  if (settings.training.estimate_u) {
    const URandomSample sample =
        sample_random_pairs(table, settings, columns, settings.training.u_sample_pairs,
                            settings.training.seed, threads);
    report.u_sample_pairs = sample.pairs;
    set_u_from_sample(sample, comparisons);
  }
  for (Comparison& c : comparisons) {
    if (c.u.empty()) c.u = starting_u(c);
    if (c.m.empty()) c.m = starting_m(c);
  }
  if (settings.training.estimate_m) {
    std::vector<std::vector<double>> m_sum(nc);
    std::vector<int> m_rules(nc, 0);
    for (std::size_t c = 0; c < nc; ++c) m_sum[c].assign(comparisons[c].level_count(), 0);
    const std::vector<BlockingRule>& rules = settings.training_rules();
    for (std::size_t r = 0; r < rules.size(); ++r) {
      RuleTraining rt;
      rt.rule = rules[r].text();
      std::vector<EmPattern> patterns;
      for (const Pattern& p : training) {
        if (p.rules & (1u << r)) {
          patterns.push_back({p.gamma, static_cast<double>(p.count)});
          rt.pairs += p.count;
        }
      }
      EmOptions options;
      options.max_iterations = settings.training.max_iterations;
      options.convergence = settings.training.convergence;
      options.active.resize(nc);
      bool any_active = false;
      for (std::size_t c = 0; c < nc; ++c) {
        options.active[c] = !rules[r].uses_column(comparisons[c].column);
        any_active = any_active || options.active[c];
      }
      if (patterns.empty() || !any_active) {
        report.warnings.push_back(
            "training rule " + rt.rule +
            (patterns.empty() ? " creates no pairs" : " leaves nothing to estimate"));
        report.rules.push_back(rt);
        continue;
      }
      const EmResult em = run_em(patterns, comparisons, 0.5, options);
      rt.iterations = em.iterations;
      rt.converged = em.converged;
      rt.lambda = em.lambda;
      // Degenerate: no pair a match, or a strongest level that is likelier
      // among non-matches than among matches. (Every pair a match is
      // plausible in a small, tight block.)
      bool sane = em.lambda > 1e-7;
      for (std::size_t c = 0; c < nc && sane; ++c) {
        if (options.active[c] && em.m[c][0] < comparisons[c].u[0]) sane = false;
      }
      if (!em.converged) {
        report.warnings.push_back("EM did not converge under training rule " + rt.rule + " in " +
                                  std::to_string(em.iterations) +
                                  " iterations; its estimates are not used");
      } else if (!sane) {
        report.warnings.push_back("EM under training rule " + rt.rule +
                                  " found no plausible matches; its estimates are not used");
      } else {
        rt.used = true;
        for (std::size_t c = 0; c < nc; ++c) {
          if (!options.active[c]) continue;
          for (std::size_t l = 0; l < m_sum[c].size(); ++l) m_sum[c][l] += em.m[c][l];
          ++m_rules[c];
        }
      }
      report.rules.push_back(rt);
    }
    for (std::size_t c = 0; c < nc; ++c) {
      if (m_rules[c] == 0) {
        report.warnings.push_back("m of comparison " + comparisons[c].name +
                                  " was not estimated (no usable training rule leaves it free); "
                                  "using its default values");
        continue;
      }
      for (std::size_t l = 0; l < m_sum[c].size(); ++l) {
        comparisons[c].m[l] = m_sum[c][l] / m_rules[c];
      }
    }
  }
  std::uint64_t candidate_pairs = 0;
  for (const Pattern& p : candidates) candidate_pairs += p.count;
  const std::uint64_t all_pairs = total_pairs(table, settings.link_type);
  if (candidate_pairs > 0 && all_pairs > 0) {
    report.candidate_match_share =
        candidate_match_share(settings, candidates, settings.training.max_iterations * 10);
    const double expected_matches = report.candidate_match_share * candidate_pairs;
    settings.probability_two_random_records_match =
        std::clamp(expected_matches / static_cast<double>(all_pairs), 1e-12, 0.5);
  } else {
    report.warnings.push_back("no candidate pairs: the prior keeps its given value");
  }
  settings.trained = true;
  return report;
}

void train_from_labels(Settings& settings, const std::vector<PreparedColumn>& columns,
                       const std::vector<PairDecision>& labels) {
  const std::size_t nc = settings.comparisons.size();
  std::vector<std::vector<double>> m(nc), u(nc);
  std::size_t matches = 0;
  std::size_t non_matches = 0;
  for (std::size_t c = 0; c < nc; ++c) {
    m[c].assign(settings.comparisons[c].level_count(), 0);
    u[c].assign(settings.comparisons[c].level_count(), 0);
  }
  for (const PairDecision& d : labels) {
    const std::uint64_t v = comparison_vector(settings.comparisons, columns, d.i, d.j);
    (d.match ? matches : non_matches)++;
    for (std::size_t c = 0; c < nc; ++c) {
      const int g = gamma_of(v, static_cast<int>(c));
      if (g > 0) (d.match ? m : u)[c][g - 1] += 1;
    }
  }
  for (std::size_t c = 0; c < nc; ++c) {
    if (matches > 0) settings.comparisons[c].m = level_shares(m[c]);
    if (non_matches > 0) settings.comparisons[c].u = level_shares(u[c]);
  }
}

}  // namespace uncounted::link
