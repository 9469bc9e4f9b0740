#include "estimate/linkage_pooling.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <set>

#include "estimate/normal_distribution.h"
#include "model/error.h"

namespace uncounted::estimate {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// The CDF at X of the two-piece log-normal through T at interval level Z.
double two_piece_cdf(const IntervalTriple& t, double z, double x) {
  if (!(x > 0) || !(t.median > 0)) return x >= t.median ? 1 : 0;
  const double d = std::log(x) - std::log(t.median);
  if (d < 0) {
    const double s = t.lower > 0 ? (std::log(t.median) - std::log(t.lower)) / z : 0;
    return s > 0 ? normal_cdf(d / s) : 0;
  }
  if (!std::isfinite(t.upper)) return 0.5;  // the upper half never ends
  const double s = (std::log(t.upper) - std::log(t.median)) / z;
  return s > 0 ? normal_cdf(d / s) : 1;
}

double mixture_cdf(const std::vector<IntervalTriple>& triples, double z, double x) {
  double sum = 0;
  for (const IntervalTriple& t : triples) sum += two_piece_cdf(t, z, x);
  return sum / static_cast<double>(triples.size());
}

// 1 - mean width / pooled width, in [0, 1]; NaN when a width is unbounded.
double width_share(const std::vector<IntervalTriple>& runs, double lower, double upper) {
  double mean = 0;
  for (const IntervalTriple& t : runs) mean += t.upper - t.lower;
  mean /= static_cast<double>(runs.size());
  const double pooled = upper - lower;
  if (!std::isfinite(mean) || !std::isfinite(pooled)) return std::nan("");
  if (!(pooled > 0)) return 0;
  return std::clamp(1 - mean / pooled, 0.0, 1.0);
}

// W with every number as '#': the linkages repeat one warning with their
// own figures ("posterior probability 0.99", "... 1.00").
std::string without_numbers(const std::string& w) {
  std::string out;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(w[i])) == 0) {
      out += w[i];
      continue;
    }
    out += '#';
    while (i + 1 < w.size() && (std::isdigit(static_cast<unsigned char>(w[i + 1])) != 0 ||
                                ((w[i + 1] == '.' || w[i + 1] == ',') && i + 2 < w.size() &&
                                 std::isdigit(static_cast<unsigned char>(w[i + 2])) != 0)))
      ++i;
  }
  return out;
}

// A run's "stopped at the time cap of S s before ..." said of the pooled
// estimate: the M linkages' runs shared --max-seconds, S s each, which the
// analyst set as M times more (on every core).
std::string per_linkage_cap(const std::string& w, std::size_t m) {
  const std::size_t at = w.find("stopped at the time cap of ");
  const std::size_t end = w.find(" s before", at);
  if (at == std::string::npos || end == std::string::npos || m < 2) return w;
  return w.substr(0, end + 2) + " per linkage (" + std::to_string(m) +
         " linkages share --max-seconds)" + w.substr(end + 2);
}

// Adds W unless the same warning, figures aside, is there: the first
// linkage's figures stand for all.
void add_warning(std::vector<std::string>& warnings, const std::string& w) {
  const std::string shape = without_numbers(w);
  for (const std::string& have : warnings)
    if (without_numbers(have) == shape) return;
  warnings.push_back(w);
}

std::string share_text(std::size_t k, std::size_t m) {
  return std::to_string(k) + " of " + std::to_string(m) + " linkages";
}

// The pooled mixture of TRIPLES as a triple at LEVEL.
IntervalTriple pooled_triple(const std::vector<IntervalTriple>& triples, double level) {
  const double tail = (1 - level) / 2;
  return {mixture_quantile(triples, level, tail), mixture_quantile(triples, level, 0.5),
          mixture_quantile(triples, level, 1 - tail)};
}

// Pools the log-linear results: the selected model's and the averaged
// estimate's figures become the mixture's, on a copy of the linkage whose
// selected model is the most common and whose estimate is nearest the
// pooled median.
double pool_loglinear(const std::vector<const StratumEstimate*>& runs, double level,
                      StratumEstimate& out) {
  std::vector<IntervalTriple> selected, averaged;
  std::vector<double> se2;
  std::map<std::string, std::size_t> labels;
  for (const StratumEstimate* e : runs) {
    const LoglinearResult& r = *e->loglinear;
    if (r.selected) {
      const ModelFit& f = r.hierarchical[*r.selected];
      selected.push_back({f.lower.value_or(f.N), f.N, f.upper.value_or(kInfinity)});
      se2.push_back(f.se * f.se);
      ++labels[f.label];
    }
    if (r.averaged) averaged.push_back({r.averaged->lower, r.averaged->N, r.averaged->upper});
  }
  if (selected.empty()) {  // no model on any linkage: say so as one run would
    out.loglinear = *runs.front()->loglinear;
    return std::nan("");
  }
  const auto common = std::max_element(labels.begin(), labels.end(),
                                       [](auto& a, auto& b) { return a.second < b.second; });
  const IntervalTriple pooled = pooled_triple(selected, level);
  // The first linkage's when its selected model is the common one (its
  // model list is the complete one: pipeline/store_estimation.cpp), else
  // the one whose estimate is nearest the pooled median.
  const StratumEstimate* representative = nullptr;
  double nearest = kInfinity;
  const LoglinearResult& first = *runs.front()->loglinear;
  if (first.selected && first.hierarchical[*first.selected].label == common->first)
    representative = runs.front(), nearest = 0;
  for (const StratumEstimate* e : runs) {
    const LoglinearResult& r = *e->loglinear;
    if (!r.selected || r.hierarchical[*r.selected].label != common->first) continue;
    const double gap = std::abs(r.hierarchical[*r.selected].N - pooled.median);
    if (gap < nearest) nearest = gap, representative = e;
  }
  LoglinearResult result = *representative->loglinear;
  ModelFit& f = result.hierarchical[*result.selected];
  // Rubin's rules for the standard error: within plus between linkages.
  double mean = 0, between = 0;
  for (const IntervalTriple& t : selected) mean += t.median;
  mean /= static_cast<double>(selected.size());
  for (const IntervalTriple& t : selected) between += (t.median - mean) * (t.median - mean);
  const double m = static_cast<double>(selected.size());
  between = m > 1 ? between / (m - 1) : 0;
  const double within = std::accumulate(se2.begin(), se2.end(), 0.0) / m;
  f.N = pooled.median;
  f.se = std::sqrt(within + (1 + 1 / m) * between);
  f.lower = pooled.lower;
  f.upper = std::isfinite(pooled.upper) ? std::optional<double>(pooled.upper) : std::nullopt;
  if (!averaged.empty() && result.averaged) {
    const IntervalTriple a = pooled_triple(averaged, level);
    result.averaged->N = a.median;
    result.averaged->lower = a.lower;
    result.averaged->upper = a.upper;
  }
  if (common->second < runs.size()) {
    const std::string w = "log-linear: the selected model was " + common->first + " in " +
                          share_text(common->second, runs.size()) +
                          "; the list of models is that of one linkage";
    add_warning(result.warnings, w);
    add_warning(out.warnings, w);
  }
  out.loglinear = std::move(result);
  return width_share(selected, pooled.lower, pooled.upper);
}

double pool_lcmcr(const std::vector<const StratumEstimate*>& runs, double level,
                  StratumEstimate& out) {
  LcmcrResult result;
  std::vector<double> all;
  std::vector<IntervalTriple> triples;
  double rates = 0, cpu_rates = 0;
  bool converged = true, capped = false;
  for (const StratumEstimate* e : runs) {
    const LcmcrResult& r = *e->lcmcr;
    converged = converged && r.stopped == "converged";
    capped = capped || r.stopped == "time cap";
    result.iterations_run += r.iterations_run;
    triples.push_back({r.lower, r.median, r.upper});
    for (const auto& chain : r.draws) {
      all.insert(all.end(), chain.begin(), chain.end());
      result.draws.push_back(chain);
    }
    result.rhat = std::max(result.rhat, r.rhat);
    result.ess += r.ess;
    result.seconds += r.seconds;
    rates += r.sweeps_per_second_per_chain;
    cpu_rates += r.sweeps_per_cpu_second;
    // A run's imprecision is judged again on the pooled draws, below.
    for (const std::string& w : r.warnings)
      if (w != kLowEssWarning) add_warning(result.warnings, per_linkage_cap(w, runs.size()));
  }
  if (result.ess < kLeastEss) add_warning(result.warnings, kLowEssWarning);
  if (all.empty()) return std::nan("");
  result.observed = runs.front()->lcmcr->observed;
  result.stopped = converged ? "converged" : capped ? "time cap" : "";
  summarize_posterior(std::move(all), level, result);
  result.sweeps_per_second_per_chain = rates / static_cast<double>(runs.size());
  result.sweeps_per_cpu_second = cpu_rates / static_cast<double>(runs.size());
  const bool unmixed = capped && result.rhat > kUnmixedRhat;
  if (unmixed) {
    add_warning(result.warnings, kWidthShareUnknownWarning);
    add_warning(out.warnings, std::string("lcmcr: ") + kWidthShareUnknownWarning);
  }
  out.lcmcr = std::move(result);
  if (unmixed) return std::nan("");
  return width_share(triples, out.lcmcr->lower, out.lcmcr->upper);
}

double pool_dga(const std::vector<const StratumEstimate*>& runs, double level,
                StratumEstimate& out) {
  // The mixture of the posteriors on one dense grid of N.
  std::int64_t first = std::numeric_limits<std::int64_t>::max(), last = 0, observed = first;
  for (const StratumEstimate* e : runs) {
    const DgaResult& r = *e->dga;
    first = std::min(first, r.observed + r.missing_from);
    last = std::max(last, r.observed + r.missing_to);
    observed = std::min(observed, r.observed);
  }
  std::vector<double> mixture(static_cast<std::size_t>(last - first + 1), 0.0);
  const double weight = 1.0 / static_cast<double>(runs.size());
  std::vector<IntervalTriple> triples;
  std::map<std::string, std::pair<double, double>> graphs;  // label -> (probability, median) sums
  DgaResult result = *runs.front()->dga;
  result.warnings.clear();
  result.mass_at_grid_end = 0;
  result.seconds = 0;
  for (const StratumEstimate* e : runs) {
    const DgaResult& r = *e->dga;
    for (std::size_t k = 0; k < r.posterior.size(); ++k) {
      const auto at = std::llround(static_cast<double>(r.observed) + r.missing_values[k]) - first;
      mixture[static_cast<std::size_t>(at)] += weight * r.posterior[k];
    }
    triples.push_back({r.lower, r.median, r.upper});
    for (const DgaModel& m : r.models) {
      graphs[m.label].first += weight * m.probability;
      graphs[m.label].second += weight * m.median;
    }
    result.mass_at_grid_end = std::max(result.mass_at_grid_end, r.mass_at_grid_end);
    result.seconds += r.seconds;
    for (const std::string& w : r.warnings) add_warning(result.warnings, w);
  }
  auto quantile = [&](double q) {
    double running = 0;
    for (std::size_t k = 0; k < mixture.size(); ++k) {
      running += mixture[k];
      if (running >= q) return static_cast<double>(first) + static_cast<double>(k);
    }
    return static_cast<double>(last);
  };
  const double tail = (1 - level) / 2;
  result.lower = quantile(tail);
  result.median = quantile(0.5);
  result.upper = quantile(1 - tail);
  result.mean = 0;
  std::size_t mode = 0;
  for (std::size_t k = 0; k < mixture.size(); ++k) {
    result.mean += mixture[k] * (static_cast<double>(first) + static_cast<double>(k));
    if (mixture[k] > mixture[mode]) mode = k;
  }
  result.mode = static_cast<double>(first) + static_cast<double>(mode);
  result.observed = observed;
  result.missing_from = first - observed;
  result.missing_to = last - observed;
  result.missing_step = 1;
  result.missing_values.resize(mixture.size());
  for (std::size_t k = 0; k < mixture.size(); ++k)
    result.missing_values[k] = static_cast<double>(first - observed) + static_cast<double>(k);
  result.models.clear();
  for (const auto& [label, sums] : graphs)
    result.models.push_back({label, sums.first, sums.second});
  std::stable_sort(
      result.models.begin(), result.models.end(),
      [](const DgaModel& a, const DgaModel& b) { return a.probability > b.probability; });
  result.posterior = std::move(mixture);
  out.dga = std::move(result);
  return width_share(triples, out.dga->lower, out.dga->upper);
}

ChaoBound pool_chao(const std::vector<const StratumEstimate*>& runs, double level) {
  std::vector<IntervalTriple> triples;
  double f1 = 0, f2 = 0;
  for (const StratumEstimate* e : runs) {
    triples.push_back({e->chao.lower, e->chao.N, e->chao.upper});
    f1 += static_cast<double>(e->chao.f1);
    f2 += static_cast<double>(e->chao.f2);
  }
  const IntervalTriple t = pooled_triple(triples, level);
  ChaoBound b = runs.front()->chao;
  b.N = t.median;
  b.lower = t.lower;
  b.upper = t.upper;
  b.f1 = static_cast<decltype(b.f1)>(std::llround(f1 / static_cast<double>(runs.size())));
  b.f2 = static_cast<decltype(b.f2)>(std::llround(f2 / static_cast<double>(runs.size())));
  return b;
}

}  // namespace

double mixture_quantile(const std::vector<IntervalTriple>& triples, double level, double p) {
  if (triples.empty()) return std::nan("");
  const double z = normal_quantile_two_sided(level);
  double lo = kInfinity, hi = 0;
  for (const IntervalTriple& t : triples) {
    lo = std::min({lo, t.median, t.lower > 0 ? t.lower : t.median});
    hi = std::max({hi, t.median, std::isfinite(t.upper) ? t.upper : t.median});
  }
  if (!(lo > 0)) lo = 1e-9;
  for (int i = 0; i < 64 && mixture_cdf(triples, z, lo) > p; ++i) lo /= 2;
  for (int i = 0; i < 64 && mixture_cdf(triples, z, hi) < p; ++i) hi *= 2;
  if (mixture_cdf(triples, z, hi) < p) return kInfinity;
  double a = std::log(lo), b = std::log(hi);
  for (int i = 0; i < 200; ++i) {
    const double mid = (a + b) / 2;
    (mixture_cdf(triples, z, std::exp(mid)) < p ? a : b) = mid;
  }
  return std::exp(b);
}

std::vector<StratumEstimate> pool_over_linkages(
    const std::vector<std::vector<StratumEstimate>>& per_linkage, const EstimateOptions& options) {
  if (per_linkage.empty()) throw invalid_input("no linkage to pool", "estimate");
  const std::size_t strata = per_linkage.front().size();
  for (const auto& run : per_linkage) {
    bool same = run.size() == strata;
    for (std::size_t s = 0; same && s < strata; ++s)
      same = run[s].stratum == per_linkage.front()[s].stratum;
    if (!same) throw invalid_input("the linkages to pool do not have the same strata", "estimate");
  }
  const double level = options.loglinear.interval;
  const std::size_t m = per_linkage.size();
  std::vector<StratumEstimate> out;
  for (std::size_t s = 0; s < strata; ++s) {
    std::vector<const StratumEstimate*> runs;
    for (const auto& run : per_linkage)
      if (!run[s].skipped) runs.push_back(&run[s]);
    StratumEstimate e;
    e.stratum = per_linkage.front()[s].stratum;
    e.lists = per_linkage.front()[s].lists;
    LinkageSpread spread;
    spread.draws = static_cast<int>(runs.empty() ? m : runs.size());
    double observed = 0;
    for (const auto& run : per_linkage) observed += static_cast<double>(run[s].observed);
    e.observed = std::llround(observed / static_cast<double>(m));
    if (runs.empty()) {
      e.skipped = per_linkage.front()[s].skipped;
      e.linkage = spread;
      out.push_back(std::move(e));
      continue;
    }
    // Each linkage's run holds its share of the draws: its low ESS is no
    // warning of the pooled estimate, whose ESS is judged below.
    const std::string low_ess = std::string("lcmcr: ") + kLowEssWarning;
    for (const StratumEstimate* r : runs)
      for (const std::string& w : r->warnings)
        if (w != low_ess) add_warning(e.warnings, per_linkage_cap(w, runs.size()));
    if (runs.size() < m) {
      add_warning(e.warnings,
                  "estimable on " + share_text(runs.size(), m) +
                      " only; pooled over those (first reason: " +
                      *std::find_if(per_linkage.begin(), per_linkage.end(),
                                    [&](auto& run) { return run[s].skipped.has_value(); })
                           ->at(s)
                           .skipped +
                      ")");
    }
    e.chao = pool_chao(runs, level);
    const bool all_loglinear =
        std::all_of(runs.begin(), runs.end(), [](auto* r) { return r->loglinear.has_value(); });
    const bool all_lcmcr =
        std::all_of(runs.begin(), runs.end(), [](auto* r) { return r->lcmcr.has_value(); });
    const bool all_dga =
        std::all_of(runs.begin(), runs.end(), [](auto* r) { return r->dga.has_value(); });
    if (all_loglinear) spread.loglinear = pool_loglinear(runs, level, e);
    if (all_lcmcr) {
      spread.lcmcr = pool_lcmcr(runs, options.lcmcr.interval, e);
      if (e.lcmcr && e.lcmcr->ess < kLeastEss) add_warning(e.warnings, low_ess);
    }
    if (all_dga) spread.dga = pool_dga(runs, options.lcmcr.interval, e);
    e.linkage = spread;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace uncounted::estimate
