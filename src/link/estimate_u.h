#pragma once
// u-probabilities: how often each comparison level occurs among pairs that
// are NOT the same person. Almost all random pairs are non-matches, so the
// level frequencies in a large random sample of pairs estimate u directly,
// with no labels and no EM (Splink's estimate_u_using_random_sampling).

#include <cstdint>
#include <vector>

#include "link/prepared_column.h"
#include "link/settings.h"

namespace uncounted::link {

struct URandomSample {
  std::uint64_t pairs = 0;  // pairs sampled (or all pairs, when fewer)
  // Per comparison, per level 1..L+1 (index 0 = level 1): count among pairs
  // where neither value is null.
  std::vector<std::vector<std::uint64_t>> level_counts;
};

// Samples up to SAMPLE_PAIRS pairs allowed by the link type (all of them
// when there are fewer), deterministically from SEED, on THREADS threads.
URandomSample sample_random_pairs(const Table& table, const Settings& settings,
                                  const std::vector<PreparedColumn>& columns,
                                  std::uint64_t sample_pairs, std::uint64_t seed, int threads);

// Sets u of every comparison from SAMPLE. A level never seen gets a count of
// one half, so no level is impossible among non-matches.
void set_u_from_sample(const URandomSample& sample, std::vector<Comparison>& comparisons);

// Pairs the link type allows among TABLE's records.
std::uint64_t total_pairs(const Table& table, LinkType link_type);

}  // namespace uncounted::link
