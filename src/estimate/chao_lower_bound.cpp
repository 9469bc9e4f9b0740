#include "estimate/chao_lower_bound.h"

#include <bit>
#include <cmath>

#include "estimate/normal_distribution.h"

namespace uncounted::estimate {

ChaoBound chao_lower_bound(const std::vector<std::int64_t>& counts, double interval) {
  ChaoBound b;
  double n = 0;
  for (std::size_t p = 1; p < counts.size(); ++p) {
    n += static_cast<double>(counts[p]);
    const int k = std::popcount(static_cast<unsigned>(p));
    if (k == 1) b.f1 += counts[p];
    if (k == 2) b.f2 += counts[p];
  }
  const double f1 = static_cast<double>(b.f1), f2 = static_cast<double>(b.f2);
  // The small-t form of Chao (1987) for t lists: the (t - 1) / t factor
  // removes the upward bias of f1^2 / (2 f2) when there are few lists.
  const double t = std::log2(static_cast<double>(counts.size()));
  const double a = (t - 1) / t;
  double f0, var;
  if (b.f2 > 0) {
    const double r = f1 / f2;
    f0 = a * f1 * f1 / (2 * f2);
    var = f2 * (a * a * r * r * r * r / 4 + a * a * r * r * r + a * r * r / 2);
  } else {
    f0 = a * f1 * (f1 - 1) / 2;
    var = a * f1 * (f1 - 1) / 2 + a * a * f1 * (2 * f1 - 1) * (2 * f1 - 1) / 4 -
          a * a * f1 * f1 * f1 * f1 / (4 * n);
  }
  b.N = n + f0;
  const double z = normal_quantile_two_sided(interval);
  if (f0 > 0) {
    const double c = std::exp(z * std::sqrt(std::log(1 + std::max(var, 0.0) / (f0 * f0))));
    b.lower = n + f0 / c;
    b.upper = n + f0 * c;
  } else {
    b.lower = b.upper = n;
  }
  return b;
}

}  // namespace uncounted::estimate
