#include "estimate/loglinear.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <set>

#include "estimate/closed_population.h"
#include "estimate/normal_distribution.h"
#include "model/error.h"
#include "model/parallel.h"

namespace uncounted::estimate {
namespace {

ModelFit fit_named(const std::vector<std::string>& lists, const InteractionTerms& terms,
                   const std::vector<std::int64_t>& counts, HeterogeneityColumn h) {
  const int t = static_cast<int>(lists.size());
  ModelFit f = fit_model(hierarchical_model(t, terms, h), counts, /*profile=*/false);
  // Keep Rcapture's digit name (what the reference tables use) and add the
  // lists' codes, which is what users read.
  f.name = generator_name(t, terms) + (h == HeterogeneityColumn::kDarroch ? " + Darroch" : "");
  f.label = generator_name(lists, terms) + (h == HeterogeneityColumn::kDarroch ? " + Darroch" : "");
  return f;
}

// Forward-backward search by BIC from the independence model, one term at a
// time, respecting the hierarchy; for tables with too many models to fit
// them all. Returns every model it fitted.
std::vector<std::pair<InteractionTerms, ModelFit>> stepwise_search(
    const std::vector<std::string>& lists, const std::vector<std::int64_t>& counts, int max_order,
    HeterogeneityColumn h) {
  const int t = static_cast<int>(lists.size());
  std::map<InteractionTerms, ModelFit> seen;
  auto fit = [&](const InteractionTerms& terms) -> const ModelFit& {
    auto it = seen.find(terms);
    if (it == seen.end()) it = seen.emplace(terms, fit_named(lists, terms, counts, h)).first;
    return it->second;
  };
  auto score = [](const ModelFit& f) { return f.usable() ? f.bic : INFINITY; };
  InteractionTerms current;
  double best = score(fit(current));
  for (int step = 0; step < 200; ++step) {
    InteractionTerms best_next;
    double best_score = best;
    // Additions: any term whose sub-terms are all present.
    for (Pattern p = 1; p < (Pattern{1} << t); ++p) {
      const int s = std::popcount(p);
      if (s < 2 || s > max_order) continue;
      if (std::find(current.begin(), current.end(), p) != current.end()) continue;
      bool ok = true;
      if (s > 2)
        for (Pattern bits = p; bits; bits &= bits - 1)
          if (std::find(current.begin(), current.end(), p & ~(bits & -bits)) == current.end())
            ok = false;
      if (!ok) continue;
      InteractionTerms next = current;
      next.push_back(p);
      std::sort(next.begin(), next.end());
      const double sc = score(fit(next));
      if (sc < best_score) best_score = sc, best_next = next;
    }
    // Removals: any term that no larger term contains.
    for (Pattern p : current) {
      bool contained = false;
      for (Pattern q : current)
        if (q != p && (q & p) == p) contained = true;
      if (contained) continue;
      InteractionTerms next;
      for (Pattern q : current)
        if (q != p) next.push_back(q);
      const double sc = score(fit(next));
      if (sc < best_score) best_score = sc, best_next = next;
    }
    if (!(best_score < best)) break;
    best = best_score;
    current = best_next;
  }
  std::vector<std::pair<InteractionTerms, ModelFit>> out(seen.begin(), seen.end());
  return out;
}

void add_profile(const std::vector<std::string>& lists, const InteractionTerms& terms,
                 const std::vector<std::int64_t>& counts, HeterogeneityColumn h, double interval,
                 ModelFit& f) {
  const ModelFit p = fit_model(hierarchical_model(static_cast<int>(lists.size()), terms, h), counts,
                               /*profile=*/true, 1 - interval);
  f.N_multinomial = p.N_multinomial;
  f.lower = p.lower;
  f.upper = p.upper;
  f.warnings = p.warnings;
}

}  // namespace

LoglinearResult fit_loglinear(const std::vector<std::int64_t>& counts,
                              const std::vector<std::string>& lists,
                              const LoglinearOptions& options) {
  const int t = static_cast<int>(lists.size());
  Stratum s;
  s.counts = counts;
  if (auto why = why_not_estimable(s, lists.size())) throw invalid_input(*why, "loglinear");
  LoglinearResult result;
  result.observed = s.observed();
  const int max_order = max_interaction_order(t);

  std::vector<std::pair<InteractionTerms, ModelFit>> fits;
  const auto all = enumerate_hierarchical_models(t, max_order, options.exhaustive_limit + 1);
  const int threads = options.threads > 0 ? options.threads : model::default_thread_count();
  if (all.size() <= options.exhaustive_limit) {
    result.search = "exhaustive";
    fits.resize(all.size());
    model::parallel_for(all.size(), threads, [&](std::size_t i, int) {
      fits[i] = {all[i], fit_named(lists, all[i], counts, options.heterogeneity)};
    });
  } else {
    result.search = "stepwise";
    fits = stepwise_search(lists, counts, max_order, options.heterogeneity);
  }
  std::stable_sort(fits.begin(), fits.end(), [](const auto& a, const auto& b) {
    if (a.second.usable() != b.second.usable()) return a.second.usable();
    return a.second.bic < b.second.bic;
  });
  const std::size_t profiled =
      fits.size() <= options.profile_all_below ? fits.size() : options.profiled_models;
  model::parallel_for(std::min(profiled, fits.size()), threads, [&](std::size_t i, int) {
    if (fits[i].second.usable())
      add_profile(lists, fits[i].first, counts, options.heterogeneity, options.interval,
                  fits[i].second);
  });
  for (auto& [terms, fit] : fits) result.hierarchical.push_back(std::move(fit));
  if (!result.hierarchical.empty() && result.hierarchical.front().usable())
    result.selected = 0;
  else
    result.warnings.push_back(
        "no hierarchical log-linear model could be fitted (every fit failed or reached the "
        "boundary): the table is too sparse for log-linear estimation");

  if (options.closed_models) {
    const std::vector<LoglinearModel> closed = closed_population_models(t);
    result.closed.resize(closed.size());
    model::parallel_for(closed.size(), threads, [&](std::size_t i, int) {
      result.closed[i] = fit_model(closed[i], counts, /*profile=*/true, 1 - options.interval);
    });
  }

  // BIC weights over the usable hierarchical models; the unconditional
  // standard error of Buckland et al. (1997) and Chao's log-normal interval
  // on the unobserved count.
  double best_bic = INFINITY;
  for (const ModelFit& f : result.hierarchical)
    if (f.usable()) best_bic = std::min(best_bic, f.bic);
  if (std::isfinite(best_bic)) {
    AveragedEstimate avg;
    double total = 0;
    std::vector<double> w(result.hierarchical.size(), 0.0);
    for (std::size_t i = 0; i < w.size(); ++i)
      if (result.hierarchical[i].usable())
        total += w[i] = std::exp(-(result.hierarchical[i].bic - best_bic) / 2);
    for (std::size_t i = 0; i < w.size(); ++i) {
      w[i] /= total;
      avg.N += w[i] * result.hierarchical[i].N;
      if (w[i] > 0.001) ++avg.models;
    }
    for (std::size_t i = 0; i < w.size(); ++i)
      if (w[i] > 0) {
        const ModelFit& f = result.hierarchical[i];
        avg.se += w[i] * std::sqrt(f.se * f.se + (f.N - avg.N) * (f.N - avg.N));
      }
    const double n = static_cast<double>(result.observed);
    const double f0 = std::max(avg.N - n, 1e-9);
    const double z = normal_quantile_two_sided(options.interval);
    const double c = std::exp(z * std::sqrt(std::log(1 + avg.se * avg.se / (f0 * f0))));
    avg.lower = n + f0 / c;
    avg.upper = n + f0 * c;
    result.averaged = avg;
  }
  return result;
}

}  // namespace uncounted::estimate
