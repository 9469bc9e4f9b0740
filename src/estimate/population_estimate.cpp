#include "estimate/population_estimate.h"

#include <cmath>
#include <cstdio>

#include "model/error.h"

namespace uncounted::estimate {
namespace {

// The stratum's estimate, for the share of it documented: LCMCR's median,
// else the selected log-linear model's, else dga's.
std::optional<double> headline_estimate(const StratumEstimate& e) {
  if (e.lcmcr) return e.lcmcr->median;
  if (e.loglinear && e.loglinear->selected)
    return e.loglinear->hierarchical[*e.loglinear->selected].N;
  if (e.dga) return e.dga->median;
  return std::nullopt;
}

}  // namespace

std::optional<std::string> more_unseen_than_seen(const StratumEstimate& e) {
  const std::optional<double> total = headline_estimate(e);
  if (!total || !std::isfinite(*total) || *total <= 0) return std::nullopt;
  const double share = static_cast<double>(e.observed) / *total;
  if (share >= kDocumentedShareWarning) return std::nullopt;
  char line[640];
  std::snprintf(line, sizeof line,
                "the lists documented %lld of an estimated %.0f (%.0f%%): more people are unseen "
                "than seen, and the estimate rests on the unseen being as easy to reach as the "
                "seen; if the same people are hard to reach for every organization, every "
                "estimator is too low, the more so the more of it they share (in simulations "
                "with a third to a half documented: 4-6%% low when none is shared, 19-23%% when "
                "half is, 33-35%% when all is; docs/estimation.md)",
                static_cast<long long>(e.observed), *total, 100 * share);
  return std::string(line);
}

Method parse_method(const std::string& text) {
  if (text == "loglinear") return Method::kLoglinear;
  if (text == "lcmcr") return Method::kLcmcr;
  if (text == "dga") return Method::kDga;
  if (text == "all") return Method::kAll;
  throw usage_error("method must be loglinear, lcmcr, dga or all", "--method");
}

std::vector<StratumEstimate> estimate_population(const CaptureTable& table,
                                                 const EstimateOptions& options) {
  std::vector<StratumEstimate> out;
  std::size_t skipped = 0;
  for (const Stratum& s : table.strata) {
    StratumEstimate e;
    e.stratum = s.key;
    e.lists = table.lists;
    e.observed = s.observed();
    if (s.not_a_population) {
      e.skipped = *s.not_a_population;
      ++skipped;
      out.push_back(std::move(e));
      continue;
    }
    if (auto why = why_not_estimable(s, table.lists.size())) {
      e.skipped = *why;
      ++skipped;
      out.push_back(std::move(e));
      continue;
    }
    e.warnings = s.notes;
    for (auto& w : sparsity_warnings(s, table.lists.size())) e.warnings.push_back(std::move(w));
    e.chao = chao_lower_bound(s.counts, options.loglinear.interval);
    const int t = static_cast<int>(table.lists.size());
    if (runs(options.method, Method::kLoglinear)) {
      e.loglinear = fit_loglinear(s.counts, table.lists, options.loglinear);
      for (const auto& w : e.loglinear->warnings) e.warnings.push_back(w);
    }
    if (runs(options.method, Method::kLcmcr)) {
      e.lcmcr = run_lcmcr(s.counts, t, options.lcmcr);
      for (const auto& w : e.lcmcr->warnings) e.warnings.push_back("lcmcr: " + w);
    }
    if (runs(options.method, Method::kDga)) {
      if (t >= 3 && t <= 5) {
        DgaOptions o = options.dga;
        o.interval = options.lcmcr.interval;
        e.dga = run_dga(s.counts, t, o);
        for (const auto& w : e.dga->warnings) e.warnings.push_back(w);
      } else if (options.method == Method::kDga) {
        throw usage_error("dga averages over the graphs of 3 to 5 lists; this table has " +
                              std::to_string(t) + " (choose some with --lists)",
                          "--method dga");
      } else {
        e.warnings.push_back("dga: not run, it needs 3 to 5 lists (this table has " +
                             std::to_string(t) + ")");
      }
    }
    if (auto w = more_unseen_than_seen(e)) e.warnings.push_back(std::move(*w));
    out.push_back(std::move(e));
  }
  if (skipped == out.size()) {
    if (out.size() == 1)
      throw invalid_input("no estimate is possible: " + *out[0].skipped, "estimate");
    throw invalid_input("no estimate is possible in any stratum; first stratum: " + *out[0].skipped,
                        "estimate");
  }
  return out;
}

}  // namespace uncounted::estimate
