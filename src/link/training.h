#pragma once
// Training a linkage model without labels, as Splink does:
//   1. u from a large random sample of pairs (estimate_u.h);
//   2. m by EM (em.h) under each training blocking rule, on the distinct
//      comparison vectors of the pairs that rule creates, with u fixed and
//      the comparisons the rule blocks on left out (inside the block they
//      agree by construction, so the block says nothing about them); each
//      comparison's m is the mean over the rules that estimated it;
//   3. the prior (probability that two random records match) from the
//      expected number of matches among all candidate pairs.
// EM that does not converge, or converges to a degenerate answer, is
// reported and its estimates are not used (the starting values stay).
// Also: training from labelled pairs.

#include <cstdint>
#include <string>
#include <vector>

#include "link/candidate_pairs.h"
#include "link/cluster.h"
#include "link/settings.h"

namespace uncounted::link {

struct RuleTraining {
  std::string rule;
  std::uint64_t pairs = 0;
  int iterations = 0;
  bool converged = false;
  bool used = false;
  double lambda = 0;  // share of matches among the rule's pairs
};

struct TrainingReport {
  std::uint64_t u_sample_pairs = 0;
  std::vector<RuleTraining> rules;
  double candidate_match_share = 0;  // lambda among all candidate pairs
  std::vector<std::string> warnings;
};

// Trains SETTINGS in place (sets m, u, the prior and `trained`). TRAINING
// holds, per training rule, the patterns of the pairs that rule creates
// (bit r of Pattern::rules); CANDIDATES the patterns of all candidate pairs;
// TOTAL_PAIRS the pairs the link type allows.
TrainingReport train_model(Settings& settings, const Table& table,
                           const std::vector<PreparedColumn>& columns,
                           const std::vector<Pattern>& training,
                           const std::vector<Pattern>& candidates, int threads);

// Sets m and u from pairs a human has labelled (match or not): level
// frequencies among the matches and the non-matches, with half a count for
// levels never seen. Labels of one kind only leave the other as it was.
void train_from_labels(Settings& settings, const std::vector<PreparedColumn>& columns,
                       const std::vector<PairDecision>& labels);

}  // namespace uncounted::link
