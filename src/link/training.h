#pragma once
// Training a linkage model without labels. Splink's plan, with the checks
// and anchors that keep it from being captured when names are common (on
// 200,000 simulated people with Korean name concentration, unchecked EM
// put 55% of "matches" on pairs with different names):
//   1. u from a large random sample of pairs (estimate_u.h);
//   2. m by EM (em.h) under each training blocking rule, on the distinct
//      comparison vectors of the pairs that rule creates, the comparisons
//      the rule blocks on left out, in two rounds:
//        round 1: every free comparison's m estimated at once (u fixed);
//        round 2, anchored: one comparison's m at a time, from its default
//        start, the others fixed at round 1's means, u free inside the
//        block (people who share a home county were arrested there: inside
//        such a block non-matches agree on the place far more than random
//        pairs do);
//      each fit is checked (strongest level likelier among matches; a
//      closer level never weaker evidence than a farther one) and a fit
//      that fails is reported (failed_fits) and not used; each m is the
//      mean of its checked round-2 fits, else round 1's, else the default;
//   3. u among pairs that share a name (name_agreeing_pairs.h), where names'
//      ties to sex and birth cohort make those agree more often;
//   4. the prior from the expected number of matches among all candidate
//      pairs (lambda-only EM); the Linker then ties it to the persons its
//      clusters hold (Linker::prior_from_clusters).
// Also: training from labelled pairs (m from them, u still from random
// pairs).

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
  double u_sample_match_share = 0;  // matches EM found among them (taken out of u)
  std::vector<RuleTraining> rules;
  double candidate_match_share = 0;       // lambda among all candidate pairs
  std::uint64_t name_agreeing_pairs = 0;  // pairs that share a name key
  double name_agreeing_match_share = 0;   // lambda among them (EM)
  // "m of COMPARISON under RULE: why", for each fit that failed the checks.
  std::vector<std::string> failed_fits;
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

// Why comparison C's m from one EM fit cannot be used (its strongest level
// is not likelier among matches than among non-matches; or a closer level
// weighs more than a bit less than a farther one; or, for a name, most of
// its matches have entirely different names), or nullptr when it can.
const char* why_fit_fails(const Comparison& c, const std::vector<double>& m);

// Sets m and u from pairs a human has labelled (match or not): level
// frequencies among the matches and the non-matches, with half a count for
// levels never seen. Labels of one kind only leave the other as it was.
void train_from_labels(Settings& settings, const std::vector<PreparedColumn>& columns,
                       const std::vector<PairDecision>& labels);

}  // namespace uncounted::link
