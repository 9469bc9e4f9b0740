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
  tf_levels_.assign(comparisons_, 0);
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
    const bool korean =
        comparison.kind == ColumnKind::kName && is_korean_level(comparison.levels.front().type);
    if (comparison.term_frequency && korean) {
      // Korean names: every Korean agreement level agrees on the family
      // name class, and family names are very unevenly shared (Kim, Lee
      // and Park are nearly half of Koreans). For a pair agreeing on family
      // name s, P(s | match) = p_s while P(s | agree, non-match) =
      // p_s^2 / sum p^2, so the level's weight gains log2(sum p^2 / p_s);
      // sum p^2 is the mean share over the column's records, which keeps
      // the adjustment centred on the data at hand.
      const PreparedColumn& column = columns[c];
      double total = 0;
      std::size_t known = 0;
      for (std::uint32_t r = 0; r < column.size(); ++r) {
        const double p = column.is_null(r) ? 0 : column.surname_share(column.id(r));
        if (p > 0) {
          total += p;
          ++known;
        }
      }
      if (known > 0) {
        const double mean = total / static_cast<double>(known);
        tf_[c].assign(column.distinct() + 1, 0);
        for (std::uint32_t id = 1; id <= column.distinct(); ++id) {
          const double p = column.surname_share(id);
          if (p > 0) tf_[c][id] = std::log2(mean / std::max(p, kMinTermFrequency));
        }
        for (int g = 1; g <= static_cast<int>(comparison.levels.size()); ++g) {
          if (is_korean_level(comparison.levels[g - 1].type)) tf_levels_[c] |= 1u << g;
        }
      }
    } else if (comparison.term_frequency && exact_first) {
      tf_levels_[c] = 1u << 1;
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
