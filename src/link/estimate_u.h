#pragma once
// u-probabilities: how often each comparison level occurs among pairs that
// are NOT the same person. Almost all random pairs are non-matches, so the
// level frequencies in a large random sample of pairs estimate u directly,
// with no labels and no EM (Splink's estimate_u_using_random_sampling);
// once m is trained, set_u_without_matches takes out the matches the sample
// holds.

#include <cstdint>
#include <vector>

#include "link/em.h"
#include "link/prepared_column.h"
#include "link/settings.h"

namespace uncounted::link {

struct URandomSample {
  std::uint64_t pairs = 0;  // pairs sampled (or all pairs, when fewer)
  // Per comparison, per level 1..L+1 (index 0 = level 1): count among pairs
  // where neither value is null.
  std::vector<std::vector<std::uint64_t>> level_counts;
  // The distinct comparison vectors sampled, with counts (ascending gamma).
  std::vector<EmPattern> patterns;
};

// Samples up to SAMPLE_PAIRS pairs allowed by the link type (all of them
// when there are fewer), deterministically from SEED, on THREADS threads.
URandomSample sample_random_pairs(const Table& table, const Settings& settings,
                                  const std::vector<PreparedColumn>& columns,
                                  std::uint64_t sample_pairs, std::uint64_t seed, int threads);

// Sets u of every comparison from SAMPLE. A level never seen gets a count of
// one half, so no level is impossible among non-matches.
void set_u_from_sample(const URandomSample& sample, std::vector<Comparison>& comparisons);

// u of every comparison from SAMPLE with the matches in it taken out: EM on
// the sampled comparison vectors with m fixed (as trained) and u and the
// share of matches free, started from LAMBDA. A random pair is a match with
// the prior's probability, and where lists hold several records of each
// person that is not small against u: on 4,000 simulated people (17,000
// records, prior 3e-4) most random pairs written in the same Hangul are
// one person, and u of the name taken as the sample's share said a name
// in common was worth 2 bits less than it is. Levels never seen keep a
// count of one half. Returns the share of matches EM found in the sample.
double set_u_without_matches(const URandomSample& sample, std::vector<Comparison>& comparisons,
                             double lambda, int max_iterations, double convergence);

// Pairs the link type allows among TABLE's records.
std::uint64_t total_pairs(const Table& table, LinkType link_type);

}  // namespace uncounted::link
