#include "estimate/mcmc_summary.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace uncounted::estimate {
namespace {

double mean_of(const double* x, std::size_t n) {
  double s = 0;
  for (std::size_t i = 0; i < n; ++i) s += x[i];
  return s / static_cast<double>(n);
}

double variance_of(const double* x, std::size_t n, double mean) {
  double s = 0;
  for (std::size_t i = 0; i < n; ++i) s += (x[i] - mean) * (x[i] - mean);
  return s / static_cast<double>(n - 1);
}

}  // namespace

double quantile_sorted(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return std::numeric_limits<double>::quiet_NaN();
  const double h = (static_cast<double>(sorted.size()) - 1) * p;
  const std::size_t lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

double split_rhat(const std::vector<std::vector<double>>& chains) {
  std::size_t len = std::numeric_limits<std::size_t>::max();
  for (const auto& c : chains) len = std::min(len, c.size());
  const std::size_t half = len / 2;
  if (chains.empty() || half < 2) return std::numeric_limits<double>::quiet_NaN();
  std::vector<double> means, vars;
  for (const auto& c : chains) {
    for (std::size_t part = 0; part < 2; ++part) {
      const double* x = c.data() + part * (len - half);  // drop the middle draw when odd
      const double m = mean_of(x, half);
      means.push_back(m);
      vars.push_back(variance_of(x, half, m));
    }
  }
  const double n = static_cast<double>(half);
  const double w = mean_of(vars.data(), vars.size());
  const double b_over_n =
      variance_of(means.data(), means.size(), mean_of(means.data(), means.size()));
  if (w == 0) return b_over_n == 0 ? 1.0 : std::numeric_limits<double>::infinity();
  const double var_plus = (n - 1) / n * w + b_over_n;
  return std::sqrt(var_plus / w);
}

double effective_sample_size(const std::vector<std::vector<double>>& chains) {
  std::size_t n = std::numeric_limits<std::size_t>::max();
  for (const auto& c : chains) n = std::min(n, c.size());
  if (chains.empty() || n < 4) return std::numeric_limits<double>::quiet_NaN();
  const std::size_t m = chains.size();
  const double nd = static_cast<double>(n);
  std::vector<double> means(m), vars(m);
  for (std::size_t c = 0; c < m; ++c) {
    means[c] = mean_of(chains[c].data(), n);
    vars[c] = variance_of(chains[c].data(), n, means[c]);
  }
  const double w = mean_of(vars.data(), m);
  const double b_over_n = m > 1 ? variance_of(means.data(), m, mean_of(means.data(), m)) : 0.0;
  const double var_plus = (nd - 1) / nd * w + b_over_n;
  if (var_plus <= 0) return nd * static_cast<double>(m);
  // rho_t from the chains' mean autocovariance (biased, divided by n).
  auto rho = [&](std::size_t lag) {
    double acov = 0;
    for (std::size_t c = 0; c < m; ++c) {
      const double* x = chains[c].data();
      double s = 0;
      for (std::size_t i = 0; i + lag < n; ++i) s += (x[i] - means[c]) * (x[i + lag] - means[c]);
      acov += s / nd;
    }
    acov /= static_cast<double>(m);
    return 1 - (w * (nd - 1) / nd - acov) / var_plus;
  };
  // Geyer's initial positive and monotone sequence of pair sums.
  double tau = 0;
  double previous_pair = std::numeric_limits<double>::infinity();
  for (std::size_t t = 0; t + 1 < n; t += 2) {
    double pair = rho(t) + rho(t + 1);
    if (pair < 0) break;
    pair = std::min(pair, previous_pair);
    previous_pair = pair;
    tau += pair;
  }
  tau = 2 * tau - 1;
  const double total = nd * static_cast<double>(m);
  return total / std::max(tau, 1.0 / std::log10(total));
}

}  // namespace uncounted::estimate
