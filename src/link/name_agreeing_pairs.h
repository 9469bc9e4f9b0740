#pragma once
// A random sample of the pairs whose records share one Korean name (the
// romanization-invariant key of the name comparison: 리철호, Ri Chol Ho and
// Lee Cheol-ho alike), every such pair equally likely, however large its
// name's block: what two records with one name look like. Training uses it
// to estimate u among name-agreeing non-matches (Comparison::u_name_agrees),
// where names' ties to sex and birth cohort make agreement on those far
// likelier than among random pairs.

#include <cstdint>
#include <vector>

#include "link/em.h"
#include "link/prepared_column.h"
#include "link/settings.h"

namespace uncounted::link {

struct NameAgreeingSample {
  std::uint64_t population_pairs = 0;  // pairs sharing a name key (the link type allows)
  std::uint64_t sampled = 0;
  std::vector<EmPattern> patterns;  // distinct comparison vectors with counts
};

// Samples up to SAMPLE_PAIRS of the pairs whose records share the whole
// name key of comparison NAME (all of them when there are fewer),
// deterministically from SEED.
NameAgreeingSample sample_name_agreeing_pairs(const Table& table, const Settings& settings,
                                              const std::vector<PreparedColumn>& columns, int name,
                                              std::uint64_t sample_pairs, std::uint64_t seed);

}  // namespace uncounted::link
