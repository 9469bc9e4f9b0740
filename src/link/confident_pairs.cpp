#include "link/confident_pairs.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "link/training.h"
#include "model/parallel.h"

namespace uncounted::link {

namespace {

// A pair's probability without the comparison, to count it. 0.99 left
// m(birth years more than 5 apart) at 0.019 on 200,000 people with extreme
// name concentration (precision 0.840); 0.999 at 0.0038 (precision 0.851),
// with the same F1 on realistic names and enough pairs for every
// comparison (17,000 for the origin, the fewest).
constexpr double kConfidentProbability = 0.999;
// Confident pairs a case of a comparison needs before its m is counted.
constexpr double kMinPairs = 200;
// EM's m, as this many pairs, in the count.
constexpr double kPseudoPairs = 10;

using LevelCounts = std::vector<std::array<double, 16>>;  // per comparison, by level

}  // namespace

ConfidentPairsReport m_from_confident_pairs(Settings& settings,
                                            const std::vector<CandidatePair>& pairs,
                                            const MatchWeights& weights, int threads) {
  ConfidentPairsReport report;
  report.min_probability = kConfidentProbability;
  std::vector<Comparison>& comparisons = settings.comparisons;
  const int nc = static_cast<int>(comparisons.size());
  const int name = korean_name_comparison(comparisons);
  const double min_weight = std::log2(kConfidentProbability / (1 - kConfidentProbability));
  threads = std::max(1, threads);
  std::vector<LevelCounts> counts(threads, LevelCounts(nc));
  for (LevelCounts& c : counts) {
    for (auto& levels : c) levels.fill(0);
  }
  constexpr std::size_t kChunk = 1 << 16;
  const std::size_t chunks = (pairs.size() + kChunk - 1) / kChunk;
  model::parallel_for(chunks, threads, [&](std::size_t chunk, int thread) {
    LevelCounts& count = counts[thread];
    const std::size_t end = std::min(pairs.size(), (chunk + 1) * kChunk);
    for (std::size_t k = chunk * kChunk; k < end; ++k) {
      const CandidatePair& p = pairs[k];
      const int band = weights.name_band(p.gamma, p.i);
      double total = weights.prior_weight();
      double plain = weights.prior_weight();  // as if the names did not agree
      std::array<double, 16> part{};
      for (int c = 0; c < nc; ++c) {
        const int g = gamma_of(p.gamma, c);
        const double tf = weights.tf_adjustment(c, g, p.i);
        part[c] = weights.comparison_weight(c, g, band) + tf;
        total += part[c];
        if (c != name) plain += weights.comparison_weight(c, g, -1) + tf;
      }
      for (int c = 0; c < nc; ++c) {
        const int g = gamma_of(p.gamma, c);
        if (g == 0) continue;
        // Without the name, the others weigh as among pairs whose names
        // are not known to agree.
        const double without = c == name ? plain : total - part[c];
        if (without >= min_weight) count[c][g] += 1;
      }
    }
  });
  for (int c = 0; c < nc; ++c) {
    Comparison& k = comparisons[c];
    const int levels = k.level_count();
    std::array<double, 16> n{};
    for (const LevelCounts& t : counts) {
      for (int g = 1; g <= levels; ++g) n[g] += t[c][g];
    }
    // Per case of the condition (one case when there is none).
    double in_case[2] = {0, 0};
    for (int g = 1; g <= levels; ++g) in_case[k.same_case(g)] += n[g];
    std::vector<double> m = k.m;
    bool changed = false;
    for (int g = 1; g <= levels; ++g) {
      const double cases = in_case[k.same_case(g)];
      if (cases < kMinPairs) continue;
      m[g - 1] = (n[g] + kPseudoPairs * k.m[g - 1]) / (cases + kPseudoPairs);
      changed = true;
    }
    if (!changed) continue;
    if (k.condition_column.empty()) {
      double sum = 0;
      for (double x : m) sum += x;
      for (double& x : m) x /= sum;
    } else {
      k.normalize_by_case(m);
    }
    const std::string counted =
        std::to_string(static_cast<long long>(in_case[0] + in_case[1])) + " pairs";
    if (const char* why = why_fit_fails(k, m)) {
      report.failed.push_back(k.name + " (" + counted + "): " + why);
      continue;
    }
    k.m = std::move(m);
    report.refined.push_back(k.name + ": " + counted);
  }
  return report;
}

}  // namespace uncounted::link
