#pragma once
// m from the pairs the other comparisons make nearly certain. EM's match
// class takes in non-matches when names are common: thousands of pairs that
// share 김영호 and little else look alike, and EM gives some of them to the
// matches, so that m of a disagreement comes out far too high (on 200,000
// simulated people with few given names: m(sex differs) 0.044, m(birth
// years more than 5 apart) 0.020, where the truth is 0; counted here
// 0.0007 and 0.0038). Such an m makes a disagreement weak evidence, and
// pairs that no person could be are linked.
//
// So each comparison's m is counted again, among the candidate pairs whose
// probability WITHOUT that comparison is at least 0.999: under the model's
// own assumption (comparisons independent given a match) the comparison's
// levels among them are distributed as among all matches, and the few
// non-matches among them carry little weight. The count is shrunk towards
// EM's m by a few pseudo-pairs, and kept only where enough confident pairs
// hold the comparison (per case of a conditioned comparison) and where it
// passes the checks every EM fit passes.

#include <cstdint>
#include <string>
#include <vector>

#include "link/candidate_pairs.h"
#include "link/predict.h"
#include "link/settings.h"

namespace uncounted::link {

struct ConfidentPairsReport {
  double min_probability = 0;        // a pair's probability without the comparison
  std::vector<std::string> refined;  // "comparison: N pairs" for each m counted again
  // "comparison (N pairs): why" where the count failed the model's checks
  // (training.h why_fit_fails) and EM's m was kept.
  std::vector<std::string> failed;
};

// Counts m of every comparison of SETTINGS (trained; WEIGHTS built from it)
// among PAIRS that are confident without it, on THREADS threads, and sets it
// in SETTINGS.
ConfidentPairsReport m_from_confident_pairs(Settings& settings,
                                            const std::vector<CandidatePair>& pairs,
                                            const MatchWeights& weights, int threads);

}  // namespace uncounted::link
