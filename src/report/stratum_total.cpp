#include "report/stratum_total.h"

#include <algorithm>

#include "estimate/lcmcr.h"
#include "report/stratum_names.h"

namespace uncounted::report {
namespace {

std::vector<double> pooled_draws(const estimate::LcmcrResult& r) {
  std::vector<double> out;
  for (const auto& chain : r.draws) out.insert(out.end(), chain.begin(), chain.end());
  return out;
}

std::optional<Interval> sum_of_posteriors(const std::vector<std::vector<double>>& strata) {
  if (strata.empty()) return std::nullopt;
  std::size_t shortest = strata.front().size();
  for (const auto& d : strata) shortest = std::min(shortest, d.size());
  if (shortest == 0) return std::nullopt;
  std::vector<double> sums(shortest, 0.0);
  for (const auto& d : strata)
    for (std::size_t i = 0; i < shortest; ++i) sums[i] += d[i * d.size() / shortest];
  estimate::LcmcrResult summary;
  estimate::summarize_posterior(std::move(sums), 0.95, summary);
  return Interval{summary.median, summary.lower, summary.upper, false};
}

}  // namespace

bool lcmcr_mixed(const estimate::StratumEstimate& e) {
  if (!e.lcmcr) return false;
  if (e.lcmcr->rhat > 1.01) return false;
  for (const auto& w : e.lcmcr->warnings)
    if (w.find("have not mixed") != std::string::npos) return false;
  return true;
}

Coverage lcmcr_coverage(const StratumRow& row) {
  const auto lc = lcmcr_interval(row.estimate);
  if (!row.truth || !lc || row.estimate.skipped) return Coverage::kUnknown;
  if (!lcmcr_mixed(row.estimate)) return Coverage::kNotJudged;
  const double t = static_cast<double>(row.truth->total);
  return t >= lc->lower && t <= lc->upper ? Coverage::kCovered : Coverage::kMissed;
}

bool below_chao(const estimate::StratumEstimate& e, double point) {
  return !e.skipped && e.chao.N > 0 && point < e.chao.N;
}

std::optional<StrataTotal> total_across_strata(const ReportData& data) {
  if (data.estimates.size() < 2) return std::nullopt;
  StrataTotal t;
  std::vector<std::vector<double>> draws;
  bool every_lcmcr = true, every_truth = true;
  double loglinear = 0;
  bool every_loglinear = true;
  std::int64_t truth = 0;
  for (const StratumRow& row : data.estimates) {
    const auto& e = row.estimate;
    const StratumName name = stratum_name(e);
    if (is_artefact(e)) {
      t.artefacts.push_back(name.english);
      t.artefact_documented += e.observed;
      continue;
    }
    if (e.skipped) {
      t.not_estimated.push_back(name.english);
      t.not_estimated_documented += e.observed;
      continue;
    }
    ++t.strata;
    t.documented += e.observed;
    if (e.lcmcr && !e.lcmcr->draws.empty()) {
      draws.push_back(pooled_draws(*e.lcmcr));
      t.lcmcr_mixed = t.lcmcr_mixed && lcmcr_mixed(e);
    } else {
      every_lcmcr = false;
    }
    if (const auto ll = loglinear_interval(e))
      loglinear += ll->point;
    else
      every_loglinear = false;
    if (row.truth)
      truth += row.truth->total;
    else
      every_truth = false;
  }
  if (t.strata == 0) return t;
  if (every_lcmcr) t.lcmcr = sum_of_posteriors(draws);
  if (every_loglinear) t.loglinear = loglinear;
  if (every_truth) t.truth = truth;
  return t;
}

}  // namespace uncounted::report
