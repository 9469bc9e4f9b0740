#pragma once
// Which events of which people each organization documents. For person i,
// organization o and event e the record exists with probability
//
//   logistic( logit(capture_o)
//             + sigma_o (sqrt(rho) z_i + sqrt(1 - rho) u_io)      heterogeneity
//             + sum over referrals r of o: log(OR_r) [r.from documented i]
//             + log(place_odds_o(e.place)) + log(event_odds_o(e.code)) )
//
// and zero outside the organization's active years. z_i is shared by every
// organization (the same people are easy to reach for all: positive
// dependence between lists), u_io is the organization's own; rho is the
// scenario's shared_heterogeneity. Referrals only point to organizations
// listed earlier, so organizations are processed in scenario order.

#include <vector>

#include "simulate/hidden_population.h"
#include "simulate/random_stream.h"
#include "simulate/scenario.h"

namespace uncounted::simulate {

// documented[o][k] lists the indices into PERSON.events that organization
// o documents for the k-th person.
struct Documentation {
  std::vector<std::vector<std::vector<int>>> documented;  // [org][person][]
};

Documentation draw_documentation(const Scenario& scenario, const std::vector<TruePerson>& people,
                                 RandomStream& random);

}  // namespace uncounted::simulate
