#pragma once
// A random sample of the pairs whose records agree on the whole Korean name
// (the name comparison at a level of the same sound or closer: 리철호, Ri
// Chol Ho and Lee Cheol-ho alike), every such pair equally likely, however
// common its name: what two records with one name look like. Training uses
// it to estimate u among name-agreeing non-matches
// (Comparison::u_name_agrees), where names' ties to sex and birth cohort
// make agreement on those far likelier than among random pairs, and that
// by how common the name is (u_name_agrees_by_frequency).
//
// Pairs are drawn within the blocks of one sound key (the key of the
// name's best reading) and kept where the name comparison agrees on the
// whole name. Drawing from the blocking key instead (the family name and
// the given name's consonants) kept 5-18% of the draws and took pairs
// whose names differ for name-agreeing ones: u of sex agreeing came out
// 0.51 where different people of one name agree 0.83 of the time.

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

#include "link/em.h"
#include "link/prepared_column.h"
#include "link/settings.h"

namespace uncounted::link {

struct NameAgreeingSample {
  std::uint64_t population_pairs = 0;  // pairs sharing a sound key (the link type allows)
  std::uint64_t sampled = 0;           // of which drawn and agreeing on the whole name
  std::vector<EmPattern> patterns;     // distinct comparison vectors with counts
  // The same by the name's frequency band (BAND below).
  std::array<std::uint64_t, kNameFrequencyBands> sampled_by_band{};
  std::array<std::vector<EmPattern>, kNameFrequencyBands> patterns_by_band;
};

// The frequency band of the name records I and J agree on at comparison
// vector GAMMA (MatchWeights::name_band).
using NameBand = std::function<int(std::uint32_t i, std::uint64_t gamma)>;

// Samples up to SAMPLE_PAIRS of the pairs whose records agree on the whole
// name by comparison NAME (all of them when there are fewer),
// deterministically from SEED.
NameAgreeingSample sample_name_agreeing_pairs(const Table& table, const Settings& settings,
                                              const std::vector<PreparedColumn>& columns, int name,
                                              std::uint64_t sample_pairs, std::uint64_t seed,
                                              const NameBand& band);

}  // namespace uncounted::link
