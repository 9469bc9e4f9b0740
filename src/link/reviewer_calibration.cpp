#include "link/reviewer_calibration.h"

#include <algorithm>
#include <cmath>

namespace uncounted::link {
namespace {

// The pull towards the identity: a Gaussian prior of this precision on the
// intercept and on (slope - 1), as if a few decisions agreed with the model.
constexpr double kPull = 2.0;

}  // namespace

ReviewerCalibration fit_reviewer_calibration(const std::vector<double>& weights,
                                             const std::vector<bool>& match) {
  ReviewerCalibration c;
  for (bool m : match) (m ? c.matches : c.non_matches)++;
  if (c.matches < kMinCalibrationDecisions || c.non_matches < kMinCalibrationDecisions) return c;
  // Newton's method on the penalized log-likelihood of
  // logit P(match) = ln 2 (a + b w), halving a step that does not improve
  // it (a confident model's saturated probabilities make the first steps
  // overshoot).
  const double ln2 = std::log(2.0);
  auto objective = [&](double a, double b) {
    double l = -0.5 * kPull * (a * a + (b - 1) * (b - 1));
    for (std::size_t k = 0; k < weights.size(); ++k) {
      const double z = ln2 * (a + b * std::clamp(weights[k], -60.0, 60.0));
      // log P(decision): -log(1 + e^-z) for a match, -log(1 + e^z) otherwise.
      const double s = match[k] ? -z : z;
      l -= s > 0 ? s + std::log1p(std::exp(-s)) : std::log1p(std::exp(s));
    }
    return l;
  };
  double a = 0, b = 1;
  double current = objective(a, b);
  for (int iteration = 0; iteration < 100; ++iteration) {
    double ga = -kPull * a, gb = -kPull * (b - 1);  // gradient
    double haa = kPull, hab = 0, hbb = kPull;       // minus the Hessian
    for (std::size_t k = 0; k < weights.size(); ++k) {
      const double w = std::clamp(weights[k], -60.0, 60.0);
      const double p = 1 / (1 + std::exp(-ln2 * (a + b * w)));
      const double r = (match[k] ? 1.0 : 0.0) - p;
      const double v = p * (1 - p) * ln2 * ln2;
      ga += r * ln2;
      gb += r * ln2 * w;
      haa += v;
      hab += v * w;
      hbb += v * w * w;
    }
    const double det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    double da = (hbb * ga - hab * gb) / det;
    double db = (haa * gb - hab * ga) / det;
    double next = objective(a + da, b + db);
    for (int halving = 0; halving < 30 && !(next >= current); ++halving) {
      da /= 2;
      db /= 2;
      next = objective(a + da, b + db);
    }
    if (!(next >= current)) break;
    a += da;
    b += db;
    const bool converged = next - current < 1e-10;
    current = next;
    if (converged) break;
  }
  // A slope at or below zero would reverse the evidence: a failed fit.
  if (!(b > 0.05) || !std::isfinite(a)) return c;
  c.fitted = true;
  c.intercept = a;
  c.slope = b;
  return c;
}

}  // namespace uncounted::link
