#include "simulate/capture_process.h"

#include <cmath>

#include "places/gazetteer.h"

namespace uncounted::simulate {
namespace {

double logit(double p) {
  // Capture probabilities of exactly 0 or 1 are allowed: keep them certain.
  if (p <= 0) return -1e9;
  if (p >= 1) return 1e9;
  return std::log(p / (1 - p));
}

double logistic(double x) { return 1 / (1 + std::exp(-x)); }

// log of the product of the odds multipliers that apply to EVENT.
double log_event_odds(const OrganizationSpec& org, const TrueEvent& event) {
  double sum = 0;
  const auto& g = places::gazetteer();
  for (const auto& [id, factor] : org.place_odds)
    if (g.same_or_within(event.place_id, id)) sum += factor > 0 ? std::log(factor) : -1e9;
  for (const auto& [code, factor] : org.event_odds)
    if (code == event.code) sum += factor > 0 ? std::log(factor) : -1e9;
  return sum;
}

bool active(const OrganizationSpec& org, int year) {
  return (org.first_year == 0 || year >= org.first_year) &&
         (org.last_year == 0 || year <= org.last_year);
}

}  // namespace

Documentation draw_documentation(const Scenario& scenario, const std::vector<TruePerson>& people,
                                 RandomStream& random) {
  const std::size_t orgs = scenario.organizations.size();
  Documentation doc;
  doc.documented.assign(orgs, std::vector<std::vector<int>>(people.size()));
  const double rho = scenario.shared_heterogeneity;
  for (std::size_t i = 0; i < people.size(); ++i) {
    const TruePerson& person = people[i];
    const double z = random.normal();
    for (std::size_t o = 0; o < orgs; ++o) {
      const OrganizationSpec& org = scenario.organizations[o];
      const double sigma = org.heterogeneity >= 0 ? org.heterogeneity : scenario.heterogeneity;
      double eta =
          logit(org.capture) + sigma * (std::sqrt(rho) * z + std::sqrt(1 - rho) * random.normal());
      for (const Referral& r : org.referrals) {
        for (std::size_t f = 0; f < o; ++f)
          if (scenario.organizations[f].code == r.from && !doc.documented[f][i].empty())
            eta += std::log(r.odds_ratio);
      }
      for (std::size_t e = 0; e < person.events.size(); ++e) {
        const TrueEvent& event = person.events[e];
        if (!active(org, event.date.year)) continue;
        if (random.bernoulli(logistic(eta + log_event_odds(org, event))))
          doc.documented[o][i].push_back(static_cast<int>(e));
      }
    }
  }
  return doc;
}

}  // namespace uncounted::simulate
