#include "link/reviewer_calibration.h"

#include <algorithm>
#include <cmath>

namespace uncounted::link {
namespace {

// The pull towards the identity: a Gaussian prior of this precision (per
// squared bit) on the shift, as if a few decisions agreed with the model.
constexpr double kPull = 2.0;

}  // namespace

ReviewerCalibration fit_reviewer_calibration(const std::vector<double>& weights,
                                             const std::vector<bool>& match) {
  ReviewerCalibration c;
  for (bool m : match) (m ? c.matches : c.non_matches)++;
  if (c.matches < kMinCalibrationDecisions || c.non_matches < kMinCalibrationDecisions) return c;
  // Newton's method on the penalized log-likelihood of
  // logit P(match) = ln 2 (a + w), halving a step that does not improve it
  // (a confident model's saturated probabilities make the first steps
  // overshoot).
  const double ln2 = std::log(2.0);
  std::vector<double> w(weights.size());
  for (std::size_t k = 0; k < weights.size(); ++k) w[k] = std::clamp(weights[k], -60.0, 60.0);
  auto objective = [&](double a) {
    double l = -0.5 * kPull * a * a;
    for (std::size_t k = 0; k < w.size(); ++k) {
      const double z = ln2 * (a + w[k]);
      // log P(decision): -log(1 + e^-z) for a match, -log(1 + e^z) otherwise.
      const double s = match[k] ? -z : z;
      l -= s > 0 ? s + std::log1p(std::exp(-s)) : std::log1p(std::exp(s));
    }
    return l;
  };
  double a = 0;
  double current = objective(a);
  for (int iteration = 0; iteration < 100; ++iteration) {
    double gradient = -kPull * a;
    double curvature = kPull;
    for (std::size_t k = 0; k < w.size(); ++k) {
      const double p = 1 / (1 + std::exp(-ln2 * (a + w[k])));
      gradient += ((match[k] ? 1.0 : 0.0) - p) * ln2;
      curvature += p * (1 - p) * ln2 * ln2;
    }
    double step = gradient / curvature;
    double next = objective(a + step);
    for (int halving = 0; halving < 30 && !(next >= current); ++halving) {
      step /= 2;
      next = objective(a + step);
    }
    if (!(next >= current)) break;
    a += step;
    const bool converged = next - current < 1e-10;
    current = next;
    if (converged) break;
  }
  if (!std::isfinite(a)) return c;
  c.fitted = true;
  c.intercept = a;
  return c;
}

}  // namespace uncounted::link
