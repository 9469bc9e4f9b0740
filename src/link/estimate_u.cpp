#include "link/estimate_u.h"

#include <algorithm>
#include <map>
#include <random>
#include <unordered_map>

#include "link/candidate_pairs.h"
#include "model/parallel.h"

namespace uncounted::link {

std::uint64_t total_pairs(const Table& table, LinkType link_type) {
  const std::uint64_t n = table.size();
  std::uint64_t pairs = n < 2 ? 0 : n * (n - 1) / 2;
  if (link_type == LinkType::kLinkOnly) {
    std::vector<std::uint64_t> per_source(table.source_names.size(), 0);
    for (std::uint32_t s : table.source) ++per_source[s];
    for (std::uint64_t k : per_source) pairs -= k < 2 ? 0 : k * (k - 1) / 2;
  }
  return pairs;
}

URandomSample sample_random_pairs(const Table& table, const Settings& settings,
                                  const std::vector<PreparedColumn>& columns,
                                  std::uint64_t sample_pairs, std::uint64_t seed, int threads) {
  const std::size_t nc = settings.comparisons.size();
  URandomSample out;
  out.level_counts.resize(nc);
  for (std::size_t c = 0; c < nc; ++c) {
    out.level_counts[c].assign(settings.comparisons[c].level_count(), 0);
  }
  const std::uint64_t possible = total_pairs(table, settings.link_type);
  if (possible == 0) return out;
  const bool cross_source_only = settings.link_type == LinkType::kLinkOnly;
  const auto n = static_cast<std::uint32_t>(table.size());

  threads = std::max(1, threads);
  // Per thread, the comparison vectors seen with their counts; the level
  // counts follow from them once merged.
  std::vector<std::unordered_map<std::uint64_t, std::uint64_t>> vectors(threads);
  auto count = [&](std::uint32_t i, std::uint32_t j, int t) {
    ++vectors[t][comparison_vector(settings.comparisons, columns, i, j)];
  };

  if (possible <= sample_pairs) {
    // Few enough: every pair, split by first record.
    model::parallel_for(n, threads, [&](std::size_t i, int t) {
      for (std::uint32_t j = static_cast<std::uint32_t>(i) + 1; j < n; ++j) {
        if (cross_source_only && table.source[i] == table.source[j]) continue;
        count(static_cast<std::uint32_t>(i), j, t);
      }
    });
  } else {
    constexpr std::uint64_t kChunk = 1 << 16;
    const std::uint64_t chunks = (sample_pairs + kChunk - 1) / kChunk;
    model::parallel_for(chunks, threads, [&](std::size_t chunk, int t) {
      // One generator per chunk: the sample does not depend on THREADS.
      std::mt19937_64 rng(seed * 0x9e3779b97f4a7c15ULL + chunk);
      std::uniform_int_distribution<std::uint32_t> pick(0, n - 1);
      const std::uint64_t want = std::min(kChunk, sample_pairs - chunk * kChunk);
      std::uint64_t got = 0;
      std::uint64_t tries = 0;
      while (got < want && tries < want * 1000) {
        ++tries;
        const std::uint32_t i = pick(rng);
        const std::uint32_t j = pick(rng);
        if (i == j || (cross_source_only && table.source[i] == table.source[j])) continue;
        count(std::min(i, j), std::max(i, j), t);
        ++got;
      }
    });
  }
  std::map<std::uint64_t, std::uint64_t> merged;
  for (const auto& v : vectors)
    for (const auto& [gamma, k] : v) merged[gamma] += k;
  out.patterns.reserve(merged.size());
  for (const auto& [gamma, k] : merged) {
    out.patterns.push_back({gamma, static_cast<double>(k)});
    out.pairs += k;
    for (std::size_t c = 0; c < nc; ++c) {
      const int g = gamma_of(gamma, static_cast<int>(c));
      if (g > 0) out.level_counts[c][g - 1] += k;
    }
  }
  return out;
}

void set_u_from_sample(const URandomSample& sample, std::vector<Comparison>& comparisons) {
  for (std::size_t c = 0; c < comparisons.size(); ++c) {
    const std::vector<std::uint64_t>& counts = sample.level_counts[c];
    double total = 0;
    for (std::uint64_t k : counts) total += k == 0 ? 0.5 : static_cast<double>(k);
    comparisons[c].u.assign(counts.size(), 0);
    for (std::size_t l = 0; l < counts.size(); ++l) {
      comparisons[c].u[l] = (counts[l] == 0 ? 0.5 : static_cast<double>(counts[l])) / total;
    }
    comparisons[c].normalize_by_case(comparisons[c].u);
  }
}

double set_u_without_matches(const URandomSample& sample, std::vector<Comparison>& comparisons,
                             double lambda, int max_iterations, double convergence) {
  if (sample.patterns.empty()) return 0;
  EmOptions options;
  options.estimate_m = false;
  options.estimate_u = true;
  options.max_iterations = max_iterations;
  options.convergence = convergence;
  const EmResult em = run_em(sample.patterns, comparisons, lambda, options);
  // A share of matches far above the prior's is look-alike non-matches
  // taken for matches (relatives, one cohort and place): keep the
  // sample's shares rather than cut u by them.
  if (!em.converged || !(em.lambda < std::min(0.5, 10 * lambda))) return 0;
  for (std::size_t c = 0; c < comparisons.size(); ++c) {
    // The non-matches' counts among the pairs where neither value is
    // null (by the overall share of matches), each at least one half, as
    // for a level never seen.
    double non_null = 0;
    for (std::uint64_t k : sample.level_counts[c]) non_null += static_cast<double>(k);
    const double non_matches = (1 - em.lambda) * non_null;
    std::vector<double>& u = comparisons[c].u;
    double total = 0;
    for (std::size_t l = 0; l < u.size(); ++l) {
      u[l] = std::max(em.u[c][l] * non_matches, 0.5);
      total += u[l];
    }
    for (double& x : u) x /= total;
    comparisons[c].normalize_by_case(u);
  }
  return em.lambda;
}

}  // namespace uncounted::link
