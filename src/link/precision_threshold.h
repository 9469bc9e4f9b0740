#pragma once
// The threshold that keeps the links' expected precision: where names are so
// common that many pairs of different people score near the threshold, the
// links' mean match probability falls below what an analyst can trust, and
// raising the threshold trades recall for precision (issue 14: at an extreme
// name concentration precision must hold whatever recall does).

#include <vector>

#include "link/predict.h"

namespace uncounted::link {

// A raised threshold never goes above this: past it hardly anything links.
inline constexpr double kMaxRaisedThreshold = 0.99;

// The lowest threshold at or above THRESHOLD at which the expected precision
// of PAIRS' links (the mean match probability of the pairs at or above it)
// reaches TARGET, rounded up to 0.001; THRESHOLD itself when it already
// does (or TARGET is 0, or nothing links), kMaxRaisedThreshold when no
// threshold below it does.
double threshold_for_precision(const std::vector<ScoredPair>& pairs, double threshold,
                               double target);

}  // namespace uncounted::link
