#pragma once
// Poisson regression with a log link, fitted by iteratively reweighted least
// squares: the engine under every log-linear capture-recapture model. It
// follows R's glm.fit closely (start at mu = y + 0.1, stop when the relative
// change of the deviance is below 1e-8, aliased columns dropped in order) so
// that its figures can be compared with Rcapture's digit for digit.

#include <Eigen/Dense>
#include <string>
#include <vector>

namespace uncounted::estimate {

struct GlmFit {
  Eigen::VectorXd beta;        // one per design column; 0 for an aliased column
  std::vector<bool> aliased;   // column is a linear combination of earlier ones
  Eigen::MatrixXd covariance;  // (X'WX)^-1 over all columns; zero rows for aliased ones
  Eigen::VectorXd fitted;      // mu per row
  double deviance = 0;         // 2 sum(y log(y/mu) - (y - mu))
  double log_likelihood = 0;   // Poisson, including -log y!
  int rank = 0;
  int iterations = 0;
  bool converged = false;
  // Some fitted value went to zero or some coefficient diverged: the maximum
  // likelihood estimate does not exist in the interior of the parameter
  // space, and figures derived from it are not to be trusted.
  bool boundary = false;

  // Akaike's criterion as glm reports it: -2 log L + 2 rank.
  double aic() const { return -2 * log_likelihood + 2 * rank; }
};

// Poisson regressions on one design: its aliased columns are found once and
// its work arrays kept from fit to fit, since a profile-likelihood interval
// refits the same design a hundred times with one count changed.
class PoissonGlm {
 public:
  // X must include the intercept column if one is wanted.
  explicit PoissonGlm(const Eigen::MatrixXd& x);

  // Fits log E[y] = X beta. Never throws for numerical trouble: it reports
  // it in the result.
  GlmFit fit(const Eigen::VectorXd& y, int max_iterations = 100);

 private:
  std::vector<bool> aliased_;
  std::vector<Eigen::Index> kept_;  // the design's columns that are not aliased
  Eigen::MatrixXd xr_;              // those columns
  // Work arrays of the iterations.
  Eigen::VectorXd mu_, eta_, z_, sw_, wz_, next_;
  Eigen::MatrixXd wx_;
  Eigen::HouseholderQR<Eigen::MatrixXd> qr_;
};

// One fit of log E[y] = X beta (PoissonGlm(x).fit(y)).
GlmFit fit_poisson(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int max_iterations = 100);

}  // namespace uncounted::estimate
