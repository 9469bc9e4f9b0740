#include "estimate/loglinear_model.h"

#include <cmath>
#include <functional>
#include <map>

#include "estimate/normal_distribution.h"

namespace uncounted::estimate {
namespace {

// chi-square(1) quantiles for the usual levels; anything else by bisection
// on the normal tail, since the interval is ±z on the signed-root scale.
double chi2_1_quantile(double level) {
  const double z = normal_quantile_two_sided(level);
  return z * z;
}

// Golden-section search for the maximum of F on [A, B].
double maximize(const std::function<double(double)>& f, double a, double b, double tol) {
  const double g = (std::sqrt(5.0) - 1) / 2;
  double c = b - g * (b - a), d = a + g * (b - a);
  double fc = f(c), fd = f(d);
  while (b - a > tol) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}

// A root of F in [A, B] where F(A) and F(B) differ in sign (Illinois
// variant of regula falsi: superlinear, never leaves the bracket).
double find_root(const std::function<double(double)>& f, double a, double b, double fa, double fb,
                 double tol) {
  int side = 0;
  double c = a;
  for (int i = 0; i < 200 && std::abs(b - a) > tol; ++i) {
    c = (fa * b - fb * a) / (fa - fb);
    const double fc = f(c);
    if (fc * fb > 0) {
      b = c;
      fb = fc;
      if (side == -1) fa /= 2;
      side = -1;
    } else if (fa * fc > 0) {
      a = c;
      fa = fc;
      if (side == +1) fb /= 2;
      side = +1;
    } else {
      return c;
    }
  }
  return c;
}

// One model's fits on one design, and on the designs that Rcapture's
// neg=TRUE rule derives from it by zeroing columns. Each design is set up
// once (its aliased columns found once), however often it is refitted: the
// profile interval refits the same design about a hundred times.
class ModelDesigns {
 public:
  ModelDesigns(const LoglinearModel& model, const Eigen::MatrixXd& design)
      : model_(model), design_(design) {}

  // Rcapture's neg=TRUE: while some eta is negative, drop the first negative
  // one and refit. A dropped column is zeroed, which the fit treats as
  // aliased (coefficient 0, not counted in the rank).
  GlmFit fit(const Eigen::VectorXd& y, std::vector<int>* removed) {
    std::vector<int> zeroed;
    GlmFit fit = glm_for(zeroed).fit(y);
    if (model_.first_nonnegative < 0) return fit;
    for (;;) {
      int drop = -1;
      for (int c = model_.first_nonnegative; c < design_.cols(); ++c)
        if (!fit.aliased[c] && fit.beta[c] < 0) {
          drop = c;
          break;
        }
      if (drop < 0) return fit;
      zeroed.push_back(drop);
      if (removed) removed->push_back(drop);
      fit = glm_for(zeroed).fit(y);
    }
  }

 private:
  PoissonGlm& glm_for(const std::vector<int>& zeroed) {
    auto found = glms_.find(zeroed);
    if (found != glms_.end()) return found->second;
    Eigen::MatrixXd x = design_;
    for (int c : zeroed) x.col(c).setZero();
    return glms_.emplace(zeroed, PoissonGlm(x)).first->second;
  }

  const LoglinearModel& model_;
  const Eigen::MatrixXd& design_;
  std::map<std::vector<int>, PoissonGlm> glms_;  // by the columns zeroed, in order
};

}  // namespace

GlmFit fit_model_glm(const LoglinearModel& model, const Eigen::MatrixXd& design,
                     const Eigen::VectorXd& y, std::vector<int>* removed) {
  return ModelDesigns(model, design).fit(y, removed);
}

ModelFit fit_model(const LoglinearModel& model, const std::vector<std::int64_t>& counts,
                   bool profile, double alpha) {
  ModelFit out;
  out.name = model.name;
  out.label = model.name;
  out.family = model.family;
  const Eigen::Index cells = model.design.rows();
  Eigen::VectorXd y(cells);
  double n = 0;
  for (Eigen::Index i = 0; i < cells; ++i) {
    y[i] = static_cast<double>(counts[i + 1]);
    n += y[i];
  }
  std::vector<int> removed;
  const GlmFit fit = fit_model_glm(model, model.design, y, &removed);
  for (int c : removed) out.removed.push_back(model.columns[c]);
  out.converged = fit.converged;
  out.boundary = fit.boundary;
  out.deviance = fit.deviance;
  out.rank = fit.rank;
  out.df = static_cast<int>(cells) - fit.rank;
  out.aic = fit.aic();
  out.bic = out.aic + (std::log(n) - 2) * fit.rank;
  const Eigen::VectorXd& b = fit.beta;
  const Eigen::MatrixXd& v = fit.covariance;
  const int t = model.lists;
  switch (model.abundance) {
    case AbundanceFormula::kIntercept:
      out.N = n + std::exp(b[0]);
      out.se = std::sqrt(std::exp(b[0]) + std::exp(2 * b[0]) * v(0, 0));
      break;
    case AbundanceFormula::kBehavioural: {
      // Columns: intercept, occasions before the first capture, captures
      // after the first one (Rcapture's Mb).
      const double e1 = std::exp(b[1]), e2 = std::exp(b[2]);
      const double den = 1 + e2 - e1;
      out.N = std::exp(b[0]) * std::pow(1 + e2, t) / den;
      Eigen::Vector3d g(1, e1 / den, t * e2 / (1 + e2) - e2 / den);
      g *= out.N;
      out.se = std::sqrt(g.dot(v.topLeftCorner(3, 3) * g) - out.N);
      break;
    }
    case AbundanceFormula::kBehaviouralHet: {
      // Columns: intercept, not-on-list-1, occasions before the first
      // capture, captures after it (Rcapture's Mbh).
      const double e3 = std::exp(b[2]), e4 = std::exp(b[3]);
      const double den = 1 + e4 - e3;
      const double r = std::exp(b[1] + b[2]) / den;
      const double scale = std::exp(b[0]) * std::pow(1 + e4, t - 1);
      out.N = scale * (1 + r);
      Eigen::Vector4d g(1 + r, r, r + std::exp(b[1] + 2 * b[2]) / (den * den),
                        (t - 1) * e4 / (1 + e4) - std::exp(b[1] + b[2] + b[3]) / (den * den));
      g *= scale;
      out.se = std::sqrt(g.dot(v.topLeftCorner(4, 4) * g) - out.N);
      break;
    }
  }
  if (!out.converged) out.warnings.push_back("the fit did not converge");
  if (out.boundary)
    out.warnings.push_back(
        "the maximum likelihood estimate does not exist (fitted counts or coefficients ran to "
        "the boundary, usually because of empty cells); N is not reliable");
  if (!std::isfinite(out.N) || !std::isfinite(out.se)) {
    out.warnings.push_back("N or its standard error is not finite");
    out.boundary = true;
  } else if (out.N > 100 * n) {
    out.warnings.push_back("N is more than 100 times the observed count: the model is unstable");
  }
  if (!profile || model.abundance != AbundanceFormula::kIntercept || !out.usable()) return out;

  // Multinomial profile likelihood of N (Cormack 1992): add the all-zero
  // cell with count N - n and fit the same model to the complete table; the
  // profile log-likelihood is -(deviance - 2 ct) / 2 with
  // ct = log(n0^n0 N! / (N^N n0!)).
  Eigen::MatrixXd full(cells + 1, model.design.cols());
  full.topRows(cells) = model.design;
  full.row(cells).setZero();
  full(cells, 0) = 1;
  Eigen::VectorXd yfull(cells + 1);
  yfull.head(cells) = y;
  bool failed = false;
  ModelDesigns profile_designs(model, full);
  auto profile_loglik = [&](double total) {
    const double n0 = total - n;
    yfull[cells] = n0;
    const GlmFit f = profile_designs.fit(yfull, nullptr);
    if (!f.converged) failed = true;
    const double ct = std::lgamma(total + 1) - std::lgamma(n0 + 1) +
                      (n0 > 0 ? n0 * std::log(n0) : 0.0) - total * std::log(total);
    return -(f.deviance - 2 * ct) / 2;
  };
  const double hi = 3 * out.N;
  const double tol = 1e-7 * out.N;
  const double n_max = maximize(profile_loglik, n, hi, tol);
  const double l_max = profile_loglik(n_max);
  const double drop = chi2_1_quantile(1 - alpha) / 2;
  auto g = [&](double total) { return profile_loglik(total) - (l_max - drop); };
  out.N_multinomial = n_max;
  const double g_lo = g(n);
  out.lower = g_lo > 0 ? n : find_root(g, n, n_max, g_lo, drop, tol);
  const double g_hi = g(hi);
  if (g_hi < 0) out.upper = find_root(g, n_max, hi, drop, g_hi, tol);
  if (failed) out.warnings.push_back("some profile-likelihood fits did not converge");
  if (!out.upper) out.warnings.push_back("the profile interval is open above 3 N");
  return out;
}

}  // namespace uncounted::estimate
