#pragma once
// The closed-population models that Rcapture's closedp.t fits, for
// comparison with the hierarchical log-linear models: M0, Mt, the four
// heterogeneity forms (Chao's lower bound, Poisson(2), Darroch, Gamma(3.5))
// alone (Mh) and with list effects (Mth), and the behavioural models Mb and
// Mbh. Mb/Mbh assume that list 1 comes before list 2 and so on, which is
// meaningless for unordered lists; they are reported only because Rcapture
// reports them.

#include <vector>

#include "estimate/loglinear_model.h"

namespace uncounted::estimate {

// The models closedp.t fits for T lists, in its order. For T = 2 only M0, Mt
// and Mb (the heterogeneity columns are not identifiable).
std::vector<LoglinearModel> closed_population_models(int t);

}  // namespace uncounted::estimate
