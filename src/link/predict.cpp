#include "link/predict.h"

#include <algorithm>
#include <cmath>

#include "link/parallel.h"
#include "model/error.h"

namespace uncounted::link {

MatchWeights::MatchWeights(const Settings& settings, const std::vector<PreparedColumn>& columns)
    : columns_(columns), comparisons_(static_cast<int>(settings.comparisons.size())) {
  const double lambda = settings.probability_two_random_records_match;
  prior_ = std::log2(lambda / (1 - lambda));
  table_.resize(comparisons_);
  tf_.resize(comparisons_);
  for (int c = 0; c < comparisons_; ++c) {
    const Comparison& comparison = settings.comparisons[c];
    if (comparison.m.empty() || comparison.u.empty()) {
      throw runtime_error("the model is not trained", "comparison " + comparison.name);
    }
    table_[c].fill(0);
    for (int g = 1; g <= comparison.else_level(); ++g) {
      table_[c][g] = comparison.log2_bayes_factor(g);
    }
    const bool exact_first = comparison.levels.front().type == LevelType::kExact ||
                             comparison.levels.front().type == LevelType::kPlaceEqual;
    if (comparison.term_frequency && exact_first) {
      // Replace u of an exact agreement by how common the agreed value is:
      // adjustment = log2(u_exact / frequency(value)).
      const PreparedColumn& column = columns[c];
      const double u_exact = std::max(comparison.u[0], kMinTermFrequency);
      tf_[c].assign(column.distinct() + 1, 0);
      std::vector<bool> done(column.distinct() + 1, false);
      for (std::uint32_t r = 0; r < column.size(); ++r) {
        const std::uint32_t id = column.id(r);
        if (id == 0 || done[id]) continue;
        done[id] = true;
        tf_[c][id] = std::log2(u_exact / std::max(column.frequency(r), kMinTermFrequency));
      }
    }
  }
}

double probability_from_weight(double weight) { return 1.0 / (1.0 + std::exp2(-weight)); }

std::vector<ScoredPair> predict(const std::vector<CandidatePair>& pairs,
                                const MatchWeights& weights, double retain_probability,
                                int threads) {
  threads = std::max(1, threads);
  constexpr std::size_t kChunk = 1 << 16;
  const std::size_t chunks = (pairs.size() + kChunk - 1) / kChunk;
  std::vector<std::vector<ScoredPair>> kept(chunks);
  parallel_for(chunks, threads, [&](std::size_t chunk, int) {
    const std::size_t end = std::min(pairs.size(), (chunk + 1) * kChunk);
    for (std::size_t k = chunk * kChunk; k < end; ++k) {
      const CandidatePair& p = pairs[k];
      const double w = weights.weight(p.gamma, p.i);
      const double prob = probability_from_weight(w);
      if (prob >= retain_probability) {
        kept[chunk].push_back({p.i, p.j, p.gamma, static_cast<float>(w), static_cast<float>(prob)});
      }
    }
  });
  std::vector<ScoredPair> out;
  std::size_t total = 0;
  for (const auto& k : kept) total += k.size();
  out.reserve(total);
  for (auto& k : kept) {
    out.insert(out.end(), k.begin(), k.end());
    std::vector<ScoredPair>().swap(k);
  }
  return out;
}

}  // namespace uncounted::link
