#include "link/predict.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "model/error.h"
#include "model/parallel.h"

namespace uncounted::link {

namespace {

// Per key of COLUMN's names (the best reading's, or with READING false the
// sound key's): the mean over the key's records of how many of its records
// belong to other persons (PERSONS: record -> person), at least FLOOR.
void others_by_key(const PreparedColumn& column, const std::vector<std::uint32_t>& persons,
                   double floor, bool reading, std::unordered_map<std::uint64_t, double>& out) {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;  // (key, person)
  keyed.reserve(column.size());
  for (std::uint32_t r = 0; r < column.size(); ++r) {
    const std::uint32_t id = column.id(r);
    if (id == 0 || column.korean_reading_key(id) == 0) continue;
    keyed.emplace_back(reading ? column.korean_reading_key(id) : column.korean_sound_key(id),
                       persons[r]);
  }
  std::sort(keyed.begin(), keyed.end());
  out.reserve(keyed.size());
  for (std::size_t b = 0; b < keyed.size();) {
    std::size_t e = b;
    double squares = 0;
    while (e < keyed.size() && keyed[e].first == keyed[b].first) {
      std::size_t k = e;
      while (k < keyed.size() && keyed[k] == keyed[e]) ++k;
      const double own = static_cast<double>(k - e);
      squares += own * own;
      e = k;
    }
    const double n = static_cast<double>(e - b);
    out[keyed[b].first] = std::max(n - squares / n, floor);
    b = e;
  }
}

}  // namespace

MatchWeights::MatchWeights(const Settings& settings, const std::vector<PreparedColumn>& columns,
                           const std::vector<std::uint32_t>* persons)
    : columns_(columns), comparisons_(static_cast<int>(settings.comparisons.size())) {
  const double lambda = settings.probability_two_random_records_match;
  prior_ = std::log2(lambda / (1 - lambda));
  table_.resize(comparisons_);
  for (auto& band : table_name_agrees_) band.resize(comparisons_);
  name_ = korean_name_comparison(settings.comparisons);
  if (name_ >= 0) name_agrees_levels_ = whole_name_levels(settings.comparisons[name_]);
  tf_.resize(comparisons_);
  tf_levels_.assign(comparisons_, 0);
  name_tf_.resize(comparisons_);
  name_tf_levels_.assign(comparisons_, 0);
  sound_tf_.resize(comparisons_);
  sound_tf_levels_.assign(comparisons_, 0);
  for (int c = 0; c < comparisons_; ++c) {
    const Comparison& comparison = settings.comparisons[c];
    if (comparison.m.empty() || comparison.u.empty()) {
      throw runtime_error("the model is not trained", "comparison " + comparison.name);
    }
    table_[c].fill(0);
    for (int b = 0; b < kNameFrequencyBands; ++b) table_name_agrees_[b][c].fill(0);
    for (int g = 1; g <= comparison.else_level(); ++g) {
      table_[c][g] = comparison.log2_bayes_factor(g);
      for (int b = 0; b < kNameFrequencyBands; ++b) {
        table_name_agrees_[b][c][g] = comparison.log2_bayes_factor_name_agrees(g, b);
      }
    }
    const bool exact_first = comparison.levels.front().type == LevelType::kExact ||
                             comparison.levels.front().type == LevelType::kPlaceEqual;
    const bool korean =
        comparison.kind == ColumnKind::kName && is_korean_level(comparison.levels.front().type);
    if (comparison.term_frequency && korean) {
      set_korean_name_frequencies(c, comparison, columns[c], persons);
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

void MatchWeights::set_korean_name_frequencies(int c, const Comparison& comparison,
                                               const PreparedColumn& column,
                                               const std::vector<std::uint32_t>* persons) {
  // Two adjustments, each centred on the column at hand so that a level's
  // trained m/u stays its average and only the spread changes.
  //
  // The whole name, on the levels that agree on it (same Hangul, a reading
  // in common, the same sound key). A pair that agrees on a name held by a
  // share f of the records is a non-match with probability proportional to
  // f: agreeing on 김영희 (hundreds of records among 300,000) says far less
  // than agreeing on a name seen once. The level's u is the mean of f over
  // the records, so the weight gains log2(mean f / f). f counts what the
  // level agrees on: on the same Hangul, the name's best reading (리철호 and
  // Ri Chol Ho count as one name; the same Latin letters, the sound key);
  // on a reading in common or the same sound
  // key, the reading's sound key (김영철 with 김용철, which romanizations
  // cannot tell apart). Counting the blocking key instead (the family name
  // and the given name's consonants: 김수웅 with 김성용 and 김소연) gave
  // a rare name the frequency of its whole consonant class: pairwise F1 at
  // the best threshold, seed 1, blocking key -> reading: 200,000 people
  // 0.839 -> 0.855, extreme names 0.730 -> 0.759, 4,000 0.948 -> 0.949.
  // f is the share of the records, shrunk towards what the family name's
  // population share times the given name's share of the records predicts
  // (kPseudoRecords records' worth): a small file cannot tell a rare name
  // from a common one by counting, the family-name table can.
  //
  // Once the persons are known (PERSONS), f counts only the records of
  // other persons: a non-match is a pair of two persons, and a name that one
  // person holds in five records is not held by five people. For a name of
  // n records held by persons with k_1, k_2, ... of them, a record's others
  // are n - k of its own person's k, on average n - sum k^2 / n, at least
  // kMinOtherRecords: a name no one else holds is still not a fingerprint.
  // That floor, not kMinTermFrequency (1e-5: 3 records at 300,000), bounds
  // the weight; small files are bounded by the shrinkage. Counting every
  // record made rare names weigh as if a few others shared them: where the
  // model gave 0.45, 0.89 were true matches among the pairs of the rarest
  // names (200,000 people, realistic names, seed 1), while the commonest
  // were calibrated. Subtracting the mean person's records from every name
  // (not each name's own persons) left the pairs of middling and rare names
  // under-confident (p 0.55 for 0.71 true; calibration error 0.014 against
  // 0.008 by each name's persons, and with the truth's persons the same).
  //
  // The family name, on the weaker levels (one jamo apart, same family
  // name and a similar given name). For a pair agreeing on family name s,
  // P(s | match) = p_s while P(s | agree, non-match) = p_s^2 / sum p^2, so
  // the level gains log2(sum p^2 / p_s); p_s is korean::surname_share.
  constexpr double kPseudoRecords = 10'000;
  constexpr double kMinOtherRecords = 0.5;
  const std::uint32_t distinct = column.distinct();
  std::unordered_map<std::uint64_t, std::uint32_t> reading_records, sound_records, given_records,
      given_sound_records;
  double share_total = 0;
  std::size_t share_known = 0;
  std::size_t named = 0;
  std::size_t given_named = 0;
  for (std::uint32_t r = 0; r < column.size(); ++r) {
    const std::uint32_t id = column.id(r);
    if (id == 0) continue;
    const std::uint64_t reading = column.korean_reading_key(id);
    if (reading != 0) {
      ++reading_records[reading];
      ++sound_records[column.korean_sound_key(id)];
      ++named;
    }
    if (const std::uint64_t given = column.korean_given_reading_key(id); given != 0) {
      ++given_records[given];
      ++given_sound_records[column.korean_given_sound_key(id)];
      ++given_named;
    }
    const double p = column.surname_share(id);
    if (p > 0) {
      share_total += p;
      ++share_known;
    }
  }
  const double mean_share = share_known > 0 ? share_total / static_cast<double>(share_known) : 0;
  // Records of other persons, by reading and by sound key (PERSONS), in
  // place of the counts above.
  std::unordered_map<std::uint64_t, double> reading_others, sound_others;
  if (persons != nullptr) {
    others_by_key(column, *persons, kMinOtherRecords, true, reading_others);
    others_by_key(column, *persons, kMinOtherRecords, false, sound_others);
  }
  auto reading_count = [&](std::uint64_t key) {
    return persons != nullptr ? reading_others[key] : reading_records[key];
  };
  auto sound_count = [&](std::uint64_t key) {
    return persons != nullptr ? sound_others[key] : sound_records[key];
  };
  if (named > 0) {
    const double n = static_cast<double>(named);
    // f of the reading and of the sound key, shrunk towards the family
    // name's share times the given name's share of the records.
    std::vector<double> f_reading(distinct + 1, 0), f_sound(distinct + 1, 0);
    for (std::uint32_t id = 1; id <= distinct; ++id) {
      const std::uint64_t reading = column.korean_reading_key(id);
      if (reading == 0) continue;
      const double surname = column.surname_share(id) > 0 ? column.surname_share(id) : mean_share;
      const std::uint64_t given = column.korean_given_reading_key(id);
      const bool has_given = given != 0 && given_named > 0;
      const double given_share =
          has_given ? given_records[given] / static_cast<double>(given_named) : 1.0;
      const double given_sound_share =
          has_given ? given_sound_records[column.korean_given_sound_key(id)] /
                          static_cast<double>(given_named)
                    : 1.0;
      const double predicted = surname > 0 ? surname * given_share : 1.0 / n;
      const double predicted_sound = surname > 0 ? surname * given_sound_share : 1.0 / n;
      f_reading[id] = (reading_count(reading) + kPseudoRecords * predicted) / (n + kPseudoRecords);
      f_sound[id] = std::max(f_reading[id], (sound_count(column.korean_sound_key(id)) +
                                             kPseudoRecords * predicted_sound) /
                                                (n + kPseudoRecords));
    }
    double mean_reading = 0, mean_sound = 0;
    for (std::uint32_t r = 0; r < column.size(); ++r) {
      const std::uint32_t id = column.id(r);
      if (id == 0 || f_reading[id] == 0) continue;
      mean_reading += f_reading[id];
      mean_sound += f_sound[id];
    }
    mean_reading /= n;
    mean_sound /= n;
    name_tf_[c].assign(distinct + 1, 0);
    sound_tf_[c].assign(distinct + 1, 0);
    for (std::uint32_t id = 1; id <= distinct; ++id) {
      if (f_reading[id] == 0) continue;
      // Two records in the same letters agree on what they say: in Hangul,
      // the name; in Latin letters, only its sound ("Kim Yong Hui" may be
      // 김영희 or 김용희, and is as common as both).
      const double floor = persons != nullptr ? 0 : kMinTermFrequency;
      name_tf_[c][id] = column.korean_from_hangul(id)
                            ? std::log2(mean_reading / std::max(f_reading[id], floor))
                            : std::log2(mean_sound / std::max(f_sound[id], floor));
      sound_tf_[c][id] = std::log2(mean_sound / std::max(f_sound[id], floor));
    }
  }
  if (share_known > 0) {
    tf_[c].assign(distinct + 1, 0);
    for (std::uint32_t id = 1; id <= distinct; ++id) {
      const double p = column.surname_share(id);
      if (p > 0) tf_[c][id] = std::log2(mean_share / std::max(p, kMinTermFrequency));
    }
  }
  for (int g = 1; g <= static_cast<int>(comparison.levels.size()); ++g) {
    const ComparisonLevel& level = comparison.levels[g - 1];
    if (!is_korean_level(level.type)) continue;
    const bool whole_name = ((whole_name_levels(comparison) >> g) & 1) != 0;
    const bool same_text = korean_level_floor(level.type, level.threshold) >=
                           static_cast<double>(korean::NameLevel::kExact);
    if (whole_name && named > 0) {
      (same_text ? name_tf_levels_ : sound_tf_levels_)[c] |= static_cast<std::uint16_t>(1u << g);
    } else if (!whole_name && share_known > 0) {
      tf_levels_[c] |= static_cast<std::uint16_t>(1u << g);
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
  model::parallel_for(chunks, threads, [&](std::size_t chunk, int) {
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
