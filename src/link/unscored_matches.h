#pragma once
// The matches among the pairs that were never compared: blocks of more
// than max_block_size records (a common name alone) are skipped, and their
// pairs never get a probability, so the model's own estimate of its recall
// (ExpectedAccuracy, linker.h) would count only the scored pairs and
// overstate it (0.90 for a true 0.78 on 200,000 simulated people).
//
// Estimated by sampling: pairs drawn uniformly from the skipped blocks of
// each blocking rule (in proportion to the pairs each skipped), scored
// with the trained model; a pair that a kept block of any rule compared
// counts nothing (it was scored, or scored under the retain floor), and a
// pair inside skipped blocks of several rules counts once in all (each of
// its rules counts 1/multiplicity). The sum of the sampled probabilities,
// scaled to the skipped pairs, is the expected number of matches missed
// that way. On a run that compared every name block, the probabilities of
// the added pairs summed to 1.24x the true matches among them: the
// estimate leans to more missed matches, so recall is, if anything,
// understated.
//
// Thread-safety: a pure function of its arguments; deterministic.

#include <cstdint>
#include <functional>
#include <vector>

#include "link/blocking_rule.h"
#include "link/settings.h"
#include "link/table.h"

namespace uncounted::link {

struct UnscoredMatches {
  double expected = 0;              // matches expected among the skipped pairs
  std::uint64_t skipped_pairs = 0;  // pairs in skipped blocks (with repeats across rules)
  std::uint64_t sampled = 0;        // pairs drawn
};

inline constexpr std::uint64_t kUnscoredSample = 20000;

// BLOCKS[0, RULES) are the candidate rules' blocks (make_blocks with
// max_block_size); PROBABILITY(i, j) the trained model's match probability
// of records I and J. At most SAMPLE pairs are drawn, with the stream SEED.
UnscoredMatches estimate_unscored_matches(
    const Table& table, LinkType link_type, const std::vector<Blocks>& blocks, std::size_t rules,
    const std::function<double(std::uint32_t, std::uint32_t)>& probability,
    std::uint64_t sample = kUnscoredSample, std::uint64_t seed = 1);

}  // namespace uncounted::link
