#pragma once
// Scoring candidate pairs: a pair's match weight is the sum, in bits, of the
// prior (log2 of the prior odds), each comparison's log2(m/u) at the pair's
// level, and the term-frequency adjustments; its match probability is
// 2^w / (1 + 2^w). Everything a weight is made of is kept so that it can be
// explained term by term (explain.h).

#include <array>
#include <cstdint>
#include <vector>

#include "link/candidate_pairs.h"
#include "link/prepared_column.h"
#include "link/settings.h"

namespace uncounted::link {

// The smallest value frequency used in a term-frequency adjustment, so that
// a value seen once in a small file does not weigh like a fingerprint.
inline constexpr double kMinTermFrequency = 1e-5;

class MatchWeights {
 public:
  // Reads m, u and the prior from SETTINGS (which must be trained), and the
  // value frequencies from COLUMNS. Both must outlive this object.
  // PERSONS: each record's person, once clustering has found them (nullptr
  // before); a Korean name's frequency then counts only other persons'
  // records. Not kept.
  MatchWeights(const Settings& settings, const std::vector<PreparedColumn>& columns,
               const std::vector<std::uint32_t>* persons = nullptr);

  double prior_weight() const { return prior_; }
  // Whether comparison vector GAMMA agrees on the whole Korean name (then
  // the other comparisons weigh by u_name_agrees).
  bool name_agrees(std::uint64_t gamma) const {
    return name_ >= 0 && ((name_agrees_levels_ >> gamma_of(gamma, name_)) & 1) != 0;
  }
  // The frequency band of the whole name (name_frequency_band) that the
  // records I and J agree on at GAMMA, or -1 when their names do not agree.
  int name_band(std::uint64_t gamma, std::uint32_t i) const {
    if (!name_agrees(gamma)) return -1;
    return name_frequency_band(tf_adjustment(name_, gamma_of(gamma, name_), i));
  }
  // log2(m/u) of comparison C at level G, for a pair whose names agree in
  // frequency band BAND, or do not (BAND -1).
  double comparison_weight(int c, int g, int band) const {
    return band < 0 ? table_[c][g] : table_name_agrees_[band][c][g];
  }
  // Term-frequency adjustment of comparison C for records I, J at level
  // GAMMA (0 unless C has term frequencies and the pair agrees exactly).
  double tf_adjustment(int c, int gamma, std::uint32_t i) const {
    const std::uint32_t id = columns_[c].id(i);
    double bits = ((tf_levels_[c] >> gamma) & 1) != 0 ? tf_[c][id] : 0.0;
    if (((name_tf_levels_[c] >> gamma) & 1) != 0) bits += name_tf_[c][id];
    if (((sound_tf_levels_[c] >> gamma) & 1) != 0) bits += sound_tf_[c][id];
    return bits;
  }
  // The pair's total match weight.
  double weight(std::uint64_t gamma, std::uint32_t i) const {
    // The name's adjustment is looked up once: it also picks the band.
    const double name_tf = name_ >= 0 ? tf_adjustment(name_, gamma_of(gamma, name_), i) : 0;
    const auto& table =
        name_agrees(gamma) ? table_name_agrees_[name_frequency_band(name_tf)] : table_;
    double w = prior_;
    for (int c = 0; c < comparisons_; ++c) {
      const int g = gamma_of(gamma, c);
      w += table[c][g] + (c == name_ ? name_tf : tf_adjustment(c, g, i));
    }
    return w;
  }

 private:
  void set_korean_name_frequencies(int c, const Comparison& comparison,
                                   const PreparedColumn& column,
                                   const std::vector<std::uint32_t>* persons);

  const std::vector<PreparedColumn>& columns_;
  int comparisons_ = 0;
  double prior_ = 0;
  std::vector<std::array<double, 16>> table_;
  std::array<std::vector<std::array<double, 16>>, kNameFrequencyBands> table_name_agrees_;
  int name_ = -1;  // the Korean name comparison, or -1
  std::uint16_t name_agrees_levels_ = 0;
  std::vector<std::vector<double>> tf_;  // per comparison, by value id
  // Per comparison, bit g set: level g is adjusted by tf_.
  std::vector<std::uint16_t> tf_levels_;
  // Korean names: the whole name's frequency (name_tf_) on the levels
  // that agree on the whole name (same Hangul, a reading in common, same
  // sound key); the family name's share (tf_) on the weaker levels.
  std::vector<std::vector<double>> name_tf_;
  std::vector<std::uint16_t> name_tf_levels_;
  std::vector<std::vector<double>> sound_tf_;  // the sound key's, on its level
  std::vector<std::uint16_t> sound_tf_levels_;
};

double probability_from_weight(double weight);

struct ScoredPair {
  std::uint32_t i = 0;
  std::uint32_t j = 0;
  std::uint64_t gamma = 0;
  float match_weight = 0;
  float match_probability = 0;
};

// Scores PAIRS on THREADS threads and keeps those with a match probability
// of at least RETAIN_PROBABILITY, in the order of PAIRS.
std::vector<ScoredPair> predict(const std::vector<CandidatePair>& pairs,
                                const MatchWeights& weights, double retain_probability,
                                int threads);

}  // namespace uncounted::link
