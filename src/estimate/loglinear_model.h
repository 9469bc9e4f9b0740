#pragma once
// One log-linear capture-recapture model: its design over the observable
// capture patterns, how N follows from its coefficients, and the figures a
// fitted model reports (N, standard error, deviance, AIC, BIC, profile
// interval). Both the Rcapture closed-population models and the
// hierarchical models of the model search are LoglinearModels.

#include <Eigen/Dense>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "estimate/poisson_glm.h"

namespace uncounted::estimate {

// How the population size follows from the fitted coefficients.
enum class AbundanceFormula {
  kIntercept,       // N = n + exp(b0): the all-zero cell's fitted count
  kBehavioural,     // Rcapture's Mb
  kBehaviouralHet,  // Rcapture's Mbh
};

struct LoglinearModel {
  std::string name;
  std::string family;  // "closed" (Rcapture closedp) or "hierarchical"
  // Rows: capture patterns 1 .. 2^t-1 (bit j = list j); column 0 is the
  // intercept, which measures the all-zero cell.
  Eigen::MatrixXd design;
  std::vector<std::string> columns;
  // Columns from here on are Chao lower-bound eta terms, which Rcapture
  // (neg=TRUE) forces to be non-negative by dropping, one at a time, the
  // first negative one and refitting. -1 when there are none.
  int first_nonnegative = -1;
  AbundanceFormula abundance = AbundanceFormula::kIntercept;
  int lists = 0;
};

struct ModelFit {
  std::string name;   // Rcapture's name: "Mth Chao (LB)", "[123,14,34]"
  std::string label;  // the name with list codes ("[EXH,ABA,OSCE][EXH,HRW][OSCE,HRW]")
  std::string family;
  double N = 0;   // Poisson maximum likelihood estimate of the total
  double se = 0;  // its asymptotic standard error
  double deviance = 0;
  int df = 0;
  double aic = 0;
  double bic = 0;
  int rank = 0;
  // Multinomial profile-likelihood interval (Cormack 1992), as Rcapture's
  // closedpCI: the multinomial MLE and the bounds. upper is empty when the
  // profile does not fall low enough below 3 N (the interval is open).
  std::optional<double> N_multinomial, lower, upper;
  bool converged = false;
  bool boundary = false;             // the MLE is not in the interior
  std::vector<std::string> removed;  // Chao eta columns set to zero
  std::vector<std::string> warnings;

  // Whether the figures can be used for selection and averaging.
  bool usable() const { return converged && !boundary && std::isfinite(N); }
};

// Fits MODEL to COUNTS (2^t entries, counts[0] ignored), applying the
// non-negativity rule of the Chao columns.
GlmFit fit_model_glm(const LoglinearModel& model, const Eigen::MatrixXd& design,
                     const Eigen::VectorXd& y, std::vector<int>* removed = nullptr);

// Fits MODEL and computes N, se, deviance, df, AIC, BIC; with PROFILE, also
// the multinomial profile-likelihood interval at level 1 - ALPHA.
ModelFit fit_model(const LoglinearModel& model, const std::vector<std::int64_t>& counts,
                   bool profile = true, double alpha = 0.05);

}  // namespace uncounted::estimate
