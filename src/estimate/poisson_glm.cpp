#include "estimate/poisson_glm.h"

#include <cmath>

namespace uncounted::estimate {
namespace {

// Columns that are (numerically) combinations of earlier ones. Like R's
// limited-pivoting QR, an earlier column is never dropped in favour of a
// later one, so coefficient names stay stable. An all-zero column (how a
// constrained-out term is removed) is aliased too.
std::vector<bool> find_aliased(const Eigen::MatrixXd& x) {
  std::vector<bool> aliased(x.cols(), false);
  Eigen::MatrixXd kept(x.rows(), 0);
  for (Eigen::Index c = 0; c < x.cols(); ++c) {
    const Eigen::VectorXd col = x.col(c);
    const double norm = col.norm();
    if (norm == 0) {
      aliased[c] = true;
      continue;
    }
    Eigen::VectorXd residual = col;
    if (kept.cols() > 0) {
      Eigen::VectorXd coef = kept.colPivHouseholderQr().solve(col);
      residual = col - kept * coef;
    }
    if (residual.norm() <= 1e-7 * norm) {
      aliased[c] = true;
    } else {
      kept.conservativeResize(Eigen::NoChange, kept.cols() + 1);
      kept.col(kept.cols() - 1) = col;
    }
  }
  return aliased;
}

double deviance_of(const Eigen::VectorXd& y, const Eigen::VectorXd& mu) {
  double d = 0;
  for (Eigen::Index i = 0; i < y.size(); ++i) {
    const double term = y[i] > 0 ? y[i] * std::log(y[i] / mu[i]) : 0.0;
    d += 2 * (term - (y[i] - mu[i]));
  }
  return d;
}

}  // namespace

PoissonGlm::PoissonGlm(const Eigen::MatrixXd& x) : aliased_(find_aliased(x)) {
  for (Eigen::Index c = 0; c < x.cols(); ++c)
    if (!aliased_[c]) kept_.push_back(c);
  const Eigen::Index p = static_cast<Eigen::Index>(kept_.size());
  xr_.resize(x.rows(), p);
  for (Eigen::Index k = 0; k < p; ++k) xr_.col(k) = x.col(kept_[k]);
  mu_.resize(x.rows());
  eta_.resize(x.rows());
  z_.resize(x.rows());
  sw_.resize(x.rows());
  wz_.resize(x.rows());
  wx_.resize(x.rows(), p);
  next_.resize(p);
  qr_ = Eigen::HouseholderQR<Eigen::MatrixXd>(x.rows(), p);
}

GlmFit PoissonGlm::fit(const Eigen::VectorXd& y, int max_iterations) {
  GlmFit fit;
  const Eigen::Index rows = xr_.rows();
  const Eigen::Index p = xr_.cols();
  const Eigen::Index columns = static_cast<Eigen::Index>(aliased_.size());
  fit.aliased = aliased_;
  fit.rank = static_cast<int>(p);

  mu_ = (y.array() + 0.1).matrix();
  eta_ = mu_.array().log().matrix();
  Eigen::VectorXd beta = Eigen::VectorXd::Zero(p);
  double dev_old = deviance_of(y, mu_);
  // The covariance uses the weights of the last least-squares step, not
  // those of the final mu, exactly as summary.glm does (it reuses the last
  // QR); near-degenerate models (Mb on the diabetes table) show the
  // difference in the 4th digit of the standard error.
  Eigen::VectorXd last_weights = mu_;
  for (int it = 1; it <= max_iterations; ++it) {
    fit.iterations = it;
    // Working response z = eta + (y - mu)/mu, weights w = mu.
    z_ = eta_ + ((y - mu_).array() / mu_.array()).matrix();
    sw_ = mu_.array().sqrt().matrix();
    wx_.noalias() = sw_.asDiagonal() * xr_;
    wz_ = sw_.cwiseProduct(z_);
    qr_.compute(wx_);
    next_ = qr_.solve(wz_);
    if (!next_.allFinite()) break;
    last_weights = mu_;
    beta = next_;
    eta_.noalias() = xr_ * beta;
    for (Eigen::Index i = 0; i < rows; ++i) {
      // A fitted value that underflows is the MLE running off to the
      // boundary; keep it representable and let the boundary check say so.
      eta_[i] = std::max(eta_[i], -700.0);
      mu_[i] = std::exp(eta_[i]);
    }
    const double dev = deviance_of(y, mu_);
    if (!std::isfinite(dev)) break;
    if (std::abs(dev - dev_old) / (std::abs(dev) + 0.1) < 1e-8) {
      fit.converged = true;
      dev_old = dev;
      break;
    }
    dev_old = dev;
  }
  fit.deviance = dev_old;
  fit.fitted = mu_;
  const Eigen::MatrixXd xtwx = xr_.transpose() * last_weights.asDiagonal() * xr_;
  const Eigen::MatrixXd cov_r = xtwx.ldlt().solve(Eigen::MatrixXd::Identity(p, p));

  fit.beta = Eigen::VectorXd::Zero(columns);
  fit.covariance = Eigen::MatrixXd::Zero(columns, columns);
  for (Eigen::Index a = 0; a < p; ++a) {
    fit.beta[kept_[a]] = beta[a];
    for (Eigen::Index b = 0; b < p; ++b) fit.covariance(kept_[a], kept_[b]) = cov_r(a, b);
  }
  double ll = 0;
  for (Eigen::Index i = 0; i < rows; ++i)
    ll += (y[i] > 0 ? y[i] * std::log(mu_[i]) : 0.0) - mu_[i] - std::lgamma(y[i] + 1);
  fit.log_likelihood = ll;
  for (Eigen::Index i = 0; i < rows; ++i)
    if (mu_[i] < 1e-8 * std::max(1.0, y.sum() / static_cast<double>(rows))) fit.boundary = true;
  for (Eigen::Index k = 0; k < p; ++k)
    if (!std::isfinite(beta[k]) || std::abs(beta[k]) > 30) fit.boundary = true;
  if (!fit.covariance.allFinite()) fit.boundary = true;
  return fit;
}

GlmFit fit_poisson(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int max_iterations) {
  return PoissonGlm(x).fit(y, max_iterations);
}

}  // namespace uncounted::estimate
