#include "link/training.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "link/em.h"
#include "link/estimate_u.h"
#include "link/name_agreeing_pairs.h"
#include "link/predict.h"

namespace uncounted::link {
namespace {

// Whether RULE constrains comparison C (its pairs agree on C by
// construction, so C's m is not free under it): the rule reads C's column,
// or C's fallback column (a fallback value is that column's), or the column
// of a comparison whose fallback is C's column (a key on the origin reads
// event places where the origin fell back).
bool constrains(const BlockingRule& rule, const std::vector<Comparison>& comparisons,
                std::size_t c) {
  const Comparison& comparison = comparisons[c];
  if (rule.uses_column(comparison.column)) return true;
  if (!comparison.fallback.empty() && rule.uses_column(comparison.fallback.column)) return true;
  for (const Comparison& other : comparisons) {
    if (!other.fallback.empty() && other.fallback.column == comparison.column &&
        rule.uses_column(other.column)) {
      return true;
    }
  }
  return false;
}

// Expected matches among candidates, with m and u fixed: the prior of the
// whole population follows from it (assuming the blocking rules together
// miss few matches).
double candidate_match_share(const Settings& settings, const std::vector<Pattern>& candidates,
                             int max_iterations) {
  // lambda-only EM with m and u fixed: each pattern's evidence (its log
  // odds less the prior's, with u_name_agrees where the names agree) is
  // computed once; each iteration is then one pass over the patterns.
  std::vector<double> evidence;
  std::vector<double> counts;
  double total = 0;
  for (const Pattern& p : candidates) {
    const double at_half = match_probability(p.gamma, settings.comparisons, 0.5);
    evidence.push_back(std::log(std::max(at_half, 1e-300)) -
                       std::log(std::max(1 - at_half, 1e-300)));
    counts.push_back(static_cast<double>(p.count));
    total += static_cast<double>(p.count);
  }
  if (total == 0) return 0;
  double lambda = 0.01;
  for (int it = 0; it < max_iterations; ++it) {
    const double log_prior = std::log(lambda) - std::log1p(-lambda);
    double matches = 0;
    for (std::size_t k = 0; k < evidence.size(); ++k) {
      matches += counts[k] / (1.0 + std::exp(-(log_prior + evidence[k])));
    }
    const double next = std::clamp(matches / total, 1e-12, 1 - 1e-12);
    const bool done = std::abs(next - lambda) < 1e-9;
    lambda = next;
    if (done) break;
  }
  return lambda;
}

std::vector<double> level_shares(const std::vector<double>& counts) {
  double total = 0;
  for (double c : counts) total += c == 0 ? 0.5 : c;
  std::vector<double> out;
  for (double c : counts) out.push_back((c == 0 ? 0.5 : c) / total);
  return out;
}

}  // namespace

// Why comparison C's m from one fit cannot be used; nullptr when it can.
// A fit is checked against what any sound model of matches satisfies:
//   - agreeing on the strongest level is likelier among matches than among
//     non-matches (else the "match" class is something else: people who
//     share a common name, a camp, a birth cohort);
//   - a closer level is never weaker evidence than a farther one: log2(m/u)
//     does not rise by more than a bit from a level to any farther level
//     (levels too rare to weigh, m < 1e-4 or u < 5e-5, i.e. fewer than 50
//     of a million random pairs, are skipped: their ratio is noise);
//   - a name comparison's matches mostly share something of the name (its
//     "else" level under 0.5: the fit EM found on 200,000 people with common
//     names put 0.55 there, at a million 0.96).
const char* why_fit_fails(const Comparison& c, const std::vector<double>& m) {
  if (!(m[0] > c.u[0])) {
    return "its strongest level is not more likely among matches than among non-matches";
  }
  if (c.kind == ColumnKind::kName && m.back() >= 0.5) {
    return "most of its matches have entirely different names";
  }
  // Levels of one case of the condition form their own ladder; "else" is
  // the last of the "different" case (or of the only one).
  constexpr double kNone = std::numeric_limits<double>::infinity();
  double weakest_closer[3] = {kNone, kNone, kNone};
  for (std::size_t l = 0; l < m.size(); ++l) {
    const LevelCase when = l < c.levels.size()          ? c.levels[l].when
                           : c.condition_column.empty() ? LevelCase::kAlways
                                                        : LevelCase::kDifferent;
    if (m[l] < 1e-4 || c.u[l] < 5e-5) continue;
    double& weakest = weakest_closer[static_cast<int>(when)];
    const double bits = std::log2(m[l] / c.u[l]);
    if (bits > weakest + 1) return "a farther level weighs more than a closer one";
    weakest = std::min(weakest, bits);
  }
  return nullptr;
}

namespace {

// The patterns of the pairs of training rule R, for EM.
std::vector<EmPattern> rule_patterns(const std::vector<Pattern>& training, std::size_t r,
                                     std::uint64_t& pairs) {
  std::vector<EmPattern> patterns;
  pairs = 0;
  for (const Pattern& p : training) {
    if (p.rules & (1u << r)) {
      patterns.push_back({p.gamma, static_cast<double>(p.count)});
      pairs += p.count;
    }
  }
  return patterns;
}

// Running means of each comparison's checked m estimates.
struct MeanM {
  std::vector<std::vector<double>> sum;
  std::vector<int> fits;
  explicit MeanM(const std::vector<Comparison>& comparisons)
      : sum(comparisons.size()), fits(comparisons.size(), 0) {
    for (std::size_t c = 0; c < comparisons.size(); ++c)
      sum[c].assign(comparisons[c].level_count(), 0);
  }
  void add(std::size_t c, const std::vector<double>& m) {
    for (std::size_t l = 0; l < m.size(); ++l) sum[c][l] += m[l];
    ++fits[c];
  }
  std::vector<double> mean(std::size_t c) const {
    std::vector<double> out(sum[c]);
    for (double& v : out) v /= fits[c];
    return out;
  }
};

// m by EM, in two rounds (training.h). Round 1 frees every comparison the
// rule leaves free, as Splink does. Round 2 anchors: one comparison free at
// a time, from its default start, the others fixed at round 1's checked
// means. An unanchored fit under a rule whose pairs are mostly different
// people who share something (a common name, a birth year and a home
// county) can turn its "match" class into that something; with the other
// comparisons fixed, the classes keep their meaning. Round 2's checked
// mean is used; round 1's where round 2 has none; else the default, with a
// warning.
void estimate_m(Settings& settings, const std::vector<Pattern>& training, TrainingReport& report) {
  std::vector<Comparison>& comparisons = settings.comparisons;
  const std::size_t nc = comparisons.size();
  const std::vector<BlockingRule>& rules = settings.training_rules();
  EmOptions base;
  base.max_iterations = settings.training.max_iterations;
  base.convergence = settings.training.convergence;
  std::vector<std::vector<EmPattern>> patterns(rules.size());
  std::vector<std::vector<bool>> active(rules.size(), std::vector<bool>(nc));
  auto reject = [&](std::size_t c, const std::string& rule, const std::string& why) {
    report.failed_fits.push_back("m of " + comparisons[c].name + " under " + rule + ": " + why);
  };

  MeanM first(comparisons);
  for (std::size_t r = 0; r < rules.size(); ++r) {
    RuleTraining rt;
    rt.rule = rules[r].text();
    patterns[r] = rule_patterns(training, r, rt.pairs);
    bool any_active = false;
    for (std::size_t c = 0; c < nc; ++c) {
      active[r][c] = !constrains(rules[r], comparisons, c);
      any_active = any_active || active[r][c];
    }
    if (patterns[r].empty() || !any_active) {
      report.warnings.push_back(
          "training rule " + rt.rule +
          (patterns[r].empty() ? " creates no pairs" : " leaves nothing to estimate"));
      report.rules.push_back(rt);
      continue;
    }
    EmOptions options = base;
    options.active = active[r];
    const EmResult em = run_em(patterns[r], comparisons, 0.5, options);
    rt.iterations = em.iterations;
    rt.converged = em.converged;
    rt.lambda = em.lambda;
    if (!em.converged) {
      report.warnings.push_back("EM did not converge under training rule " + rt.rule + " in " +
                                std::to_string(em.iterations) +
                                " iterations; its estimates are not used");
    } else if (em.lambda <= 1e-7) {
      // Every pair a match is plausible in a small, tight block; none is not.
      report.warnings.push_back("EM under training rule " + rt.rule +
                                " found no plausible matches; its estimates are not used");
    } else {
      for (std::size_t c = 0; c < nc; ++c) {
        if (!active[r][c]) continue;
        if (const char* why = why_fit_fails(comparisons[c], em.m[c])) {
          reject(c, rt.rule, why);
          continue;
        }
        first.add(c, em.m[c]);
        rt.used = true;
      }
    }
    report.rules.push_back(rt);
  }

  // Round 2, anchored on round 1 (defaults where round 1 has nothing).
  std::vector<Comparison> anchored = comparisons;
  for (std::size_t c = 0; c < nc; ++c) {
    if (first.fits[c] > 0) anchored[c].m = first.mean(c);
  }
  MeanM second(comparisons);
  for (std::size_t r = 0; r < rules.size(); ++r) {
    if (patterns[r].empty()) continue;
    for (std::size_t c = 0; c < nc; ++c) {
      if (!active[r][c]) continue;
      std::vector<Comparison> start = anchored;
      start[c].m = starting_m(comparisons[c]);
      EmOptions options = base;
      options.active = active[r];
      options.free_m.assign(nc, false);
      options.free_m[c] = true;
      // u free as well: inside a block, non-matches need not look like random
      // pairs (people who share a home county were often arrested there).
      // With u free EM creeps: give it ten times the iterations (patterns
      // are few, so this stays cheap).
      options.estimate_u = true;
      options.max_iterations = base.max_iterations * 10;
      const EmResult em = run_em(patterns[r], start, 0.5, options);
      if (!em.converged || em.lambda <= 1e-7) {
        reject(c, rules[r].text() + " (anchored)", "no plausible fit");
        continue;
      }
      if (const char* why = why_fit_fails(comparisons[c], em.m[c])) {
        reject(c, rules[r].text() + " (anchored)", why);
        continue;
      }
      second.add(c, em.m[c]);
    }
  }
  for (std::size_t c = 0; c < nc; ++c) {
    if (second.fits[c] > 0) {
      comparisons[c].m = second.mean(c);
    } else if (first.fits[c] > 0) {
      comparisons[c].m = first.mean(c);
    } else {
      report.warnings.push_back("m of comparison " + comparisons[c].name +
                                " was not estimated (no training rule leaves it free with a "
                                "plausible fit); using its default values");
    }
  }
  if (!report.failed_fits.empty()) {
    report.warnings.push_back(std::to_string(report.failed_fits.size()) +
                              " EM fit(s) of a comparison failed the model's checks and were "
                              "not used (--json: training.failed_fits)");
  }
}

// u among pairs whose names agree (Comparison::u_name_agrees): EM on a
// random sample of the pairs that agree on the whole name, with m fixed
// (the matches among them look like any matches) and u free for the other
// comparisons; then the same within each band of the name's frequency
// (u_name_agrees_by_frequency). Each u is shrunk towards the wider one (the
// random pairs' u, then the pooled u among name-agreeing pairs) by 50
// pseudo-pairs, and kept only where the sample holds enough non-matches.
// Where an agreement comes out at least as likely among different people
// of one name as among matches (sex, when names are few and follow sex),
// it is taken as no evidence: u = m at that level. A conditioned
// comparison (per case of the event) whose agreement fails so is not used.
void estimate_u_name_agrees(Settings& settings, const Table& table,
                            const std::vector<PreparedColumn>& columns, TrainingReport& report) {
  std::vector<Comparison>& comparisons = settings.comparisons;
  for (Comparison& c : comparisons) {
    c.u_name_agrees.clear();
    c.u_name_agrees_by_frequency.clear();
  }
  const int name = korean_name_comparison(comparisons);
  if (name < 0) return;
  const MatchWeights weights(settings, columns);
  const NameAgreeingSample sample = sample_name_agreeing_pairs(
      table, settings, columns, name, settings.training.u_sample_pairs, settings.training.seed,
      [&weights](std::uint32_t i, std::uint64_t gamma) {
        return std::max(0, weights.name_band(gamma, i));
      });
  report.name_agreeing_pairs = sample.population_pairs;
  if (sample.sampled == 0) return;
  EmOptions options;
  options.estimate_m = false;
  options.estimate_u = true;
  options.max_iterations = settings.training.max_iterations;
  options.convergence = settings.training.convergence;
  options.active.assign(comparisons.size(), true);
  options.active[name] = false;
  constexpr double kPseudoPairs = 50;
  constexpr double kMinNonMatches = 200;
  // u of every comparison but the name from PATTERNS (SAMPLED pairs),
  // shrunk towards TOWARDS (per comparison); empty where too few non-matches.
  // POOLED: the fit of the whole sample (its failures are reported).
  auto fit = [&](const std::vector<EmPattern>& patterns, double sampled,
                 const std::vector<std::vector<double>>& towards, bool pooled) {
    std::vector<std::vector<double>> out(comparisons.size());
    if (sampled == 0) return out;
    const EmResult em = run_em(patterns, comparisons, 0.5, options);
    if (pooled) report.name_agreeing_match_share = em.lambda;
    const double non_matches = (1 - em.lambda) * sampled;
    if (!em.converged && pooled) {
      report.warnings.push_back(
          "EM on the pairs that share a name did not converge: u is that of random pairs");
    }
    if (!em.converged || non_matches < kMinNonMatches) return out;
    for (std::size_t c = 0; c < comparisons.size(); ++c) {
      if (static_cast<int>(c) == name || towards[c].empty()) continue;
      const Comparison& k = comparisons[c];
      std::vector<double> u(k.u.size());
      for (std::size_t l = 0; l < u.size(); ++l) {
        u[l] = (non_matches * em.u[c][l] + kPseudoPairs * towards[c][l]) /
               (non_matches + kPseudoPairs);
      }
      if (!(k.m[0] > u[0])) {
        if (!k.condition_column.empty() || !(u[0] < 1)) {
          if (pooled) {
            report.failed_fits.push_back("u of " + k.name +
                                         " among name-agreeing pairs: its strongest level is "
                                         "not more likely among matches than among non-matches");
          }
          continue;
        }
        const double rest = 1 - u[0];
        u[0] = k.m[0];
        for (std::size_t l = 1; l < u.size(); ++l) u[l] *= (1 - u[0]) / rest;
      }
      out[c] = std::move(u);
    }
    return out;
  };
  std::vector<std::vector<double>> random_u(comparisons.size());
  for (std::size_t c = 0; c < comparisons.size(); ++c) random_u[c] = comparisons[c].u;
  const std::vector<std::vector<double>> pooled =
      fit(sample.patterns, static_cast<double>(sample.sampled), random_u, true);
  std::array<std::vector<std::vector<double>>, kNameFrequencyBands> by_band;
  for (int b = 0; b < kNameFrequencyBands; ++b) {
    by_band[b] = fit(sample.patterns_by_band[b], static_cast<double>(sample.sampled_by_band[b]),
                     pooled, false);
  }
  for (std::size_t c = 0; c < comparisons.size(); ++c) {
    if (static_cast<int>(c) == name || pooled[c].empty()) continue;
    Comparison& k = comparisons[c];
    k.u_name_agrees = pooled[c];
    for (int b = 0; b < kNameFrequencyBands; ++b) {
      k.u_name_agrees_by_frequency.push_back(by_band[b][c].empty() ? pooled[c] : by_band[b][c]);
    }
  }
}

}  // namespace

TrainingReport train_model(Settings& settings, const Table& table,
                           const std::vector<PreparedColumn>& columns,
                           const std::vector<Pattern>& training,
                           const std::vector<Pattern>& candidates, int threads) {
  TrainingReport report;
  std::vector<Comparison>& comparisons = settings.comparisons;
  URandomSample sample;
  // A model trained before keeps nothing of its u among name-agreeing pairs
  // (the first prior below must not read it with the new m and u).
  if (settings.training.estimate_u) {
    for (Comparison& c : comparisons) {
      c.u_name_agrees.clear();
      c.u_name_agrees_by_frequency.clear();
    }
    sample = sample_random_pairs(table, settings, columns, settings.training.u_sample_pairs,
                                 settings.training.seed, threads);
    report.u_sample_pairs = sample.pairs;
    set_u_from_sample(sample, comparisons);
  }
  for (Comparison& c : comparisons) {
    if (c.u.empty()) c.u = starting_u(c);
    if (c.m.empty()) c.m = starting_m(c);
  }
  if (settings.training.estimate_m) estimate_m(settings, training, report);
  std::uint64_t candidate_pairs = 0;
  for (const Pattern& p : candidates) candidate_pairs += p.count;
  const std::uint64_t all_pairs = total_pairs(table, settings.link_type);
  // The prior: the matches expected among the candidates over all pairs.
  auto set_prior = [&] {
    report.candidate_match_share =
        candidate_match_share(settings, candidates, settings.training.max_iterations * 10);
    const double expected_matches = report.candidate_match_share * candidate_pairs;
    settings.probability_two_random_records_match =
        std::clamp(expected_matches / static_cast<double>(all_pairs), 1e-12, 0.5);
  };
  const bool have_candidates = candidate_pairs > 0 && all_pairs > 0;
  if (settings.training.estimate_u && settings.training.estimate_m && have_candidates) {
    // The random sample holds matches at about the prior's rate: taken out
    // once m is known (estimate_u.h), then the prior again.
    set_prior();
    report.u_sample_match_share =
        set_u_without_matches(sample, comparisons, settings.probability_two_random_records_match,
                              settings.training.max_iterations, settings.training.convergence);
  }
  if (settings.training.estimate_u) estimate_u_name_agrees(settings, table, columns, report);
  if (have_candidates) {
    set_prior();
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
    Comparison& k = settings.comparisons[c];
    if (matches > 0) k.m = level_shares(m[c]);
    if (non_matches > 0) k.u = level_shares(u[c]);
    k.normalize_by_case(k.m);
    k.normalize_by_case(k.u);
  }
}

}  // namespace uncounted::link
