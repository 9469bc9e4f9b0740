#include "estimate/closed_population.h"

#include <bit>
#include <cmath>
#include <functional>
#include <string>

namespace uncounted::estimate {
namespace {

int captures(std::size_t pattern) { return std::popcount(static_cast<unsigned>(pattern)); }

// 0-based index of the first list the pattern is on ("occasions before the
// first capture").
int first_list(std::size_t pattern) { return std::countr_zero(static_cast<unsigned>(pattern)); }

enum class Base { kM0, kMt, kMb, kMbh };
enum class Heterogeneity { kNone, kChao, kPoisson2, kDarroch, kGamma35 };

LoglinearModel make_model(int t, Base base, Heterogeneity h, std::string name) {
  const std::size_t cells = (std::size_t{1} << t) - 1;
  LoglinearModel m;
  m.name = std::move(name);
  m.family = "closed";
  m.lists = t;
  m.columns.push_back("intercept");
  std::vector<std::function<double(std::size_t)>> cols;
  switch (base) {
    case Base::kM0:
      m.columns.push_back("beta");
      cols.push_back([](std::size_t p) { return captures(p); });
      break;
    case Base::kMt:
      for (int j = 0; j < t; ++j) {
        m.columns.push_back("beta" + std::to_string(j + 1));
        cols.push_back([j](std::size_t p) { return static_cast<double>(p >> j & 1u); });
      }
      break;
    case Base::kMbh:
      m.columns.push_back("eta");
      cols.push_back([](std::size_t p) { return 1.0 - static_cast<double>(p & 1u); });
      [[fallthrough]];
    case Base::kMb:
      m.columns.push_back("beta1");
      cols.push_back([](std::size_t p) { return first_list(p); });
      m.columns.push_back("beta2");
      cols.push_back([](std::size_t p) { return captures(p) - 1; });
      m.abundance =
          base == Base::kMb ? AbundanceFormula::kBehavioural : AbundanceFormula::kBehaviouralHet;
      break;
  }
  switch (h) {
    case Heterogeneity::kNone:
      break;
    case Heterogeneity::kChao:
      // Rivest's lower-bound columns max(k - j + 1, 0), j = 3..t, each
      // constrained to a non-negative coefficient.
      m.first_nonnegative = static_cast<int>(m.columns.size());
      for (int j = 3; j <= t; ++j) {
        m.columns.push_back("eta" + std::to_string(j));
        cols.push_back([j](std::size_t p) { return std::max(captures(p) - j + 1, 0); });
      }
      break;
    case Heterogeneity::kPoisson2:
      m.columns.push_back("tau");
      cols.push_back([](std::size_t p) { return std::pow(2.0, captures(p)) - 1; });
      break;
    case Heterogeneity::kDarroch:
      m.columns.push_back("tau");
      cols.push_back([](std::size_t p) { return captures(p) * captures(p) / 2.0; });
      break;
    case Heterogeneity::kGamma35:
      m.columns.push_back("tau");
      cols.push_back([](std::size_t p) { return -std::log(3.5 + captures(p)) + std::log(3.5); });
      break;
  }
  m.design.resize(static_cast<Eigen::Index>(cells), static_cast<Eigen::Index>(cols.size() + 1));
  for (std::size_t p = 1; p <= cells; ++p) {
    m.design(static_cast<Eigen::Index>(p - 1), 0) = 1;
    for (std::size_t c = 0; c < cols.size(); ++c)
      m.design(static_cast<Eigen::Index>(p - 1), static_cast<Eigen::Index>(c + 1)) = cols[c](p);
  }
  return m;
}

}  // namespace

std::vector<LoglinearModel> closed_population_models(int t) {
  std::vector<LoglinearModel> out;
  out.push_back(make_model(t, Base::kM0, Heterogeneity::kNone, "M0"));
  out.push_back(make_model(t, Base::kMt, Heterogeneity::kNone, "Mt"));
  if (t >= 3) {
    out.push_back(make_model(t, Base::kM0, Heterogeneity::kChao, "Mh Chao (LB)"));
    out.push_back(make_model(t, Base::kM0, Heterogeneity::kPoisson2, "Mh Poisson2"));
    out.push_back(make_model(t, Base::kM0, Heterogeneity::kDarroch, "Mh Darroch"));
    out.push_back(make_model(t, Base::kM0, Heterogeneity::kGamma35, "Mh Gamma3.5"));
    out.push_back(make_model(t, Base::kMt, Heterogeneity::kChao, "Mth Chao (LB)"));
    out.push_back(make_model(t, Base::kMt, Heterogeneity::kPoisson2, "Mth Poisson2"));
    out.push_back(make_model(t, Base::kMt, Heterogeneity::kDarroch, "Mth Darroch"));
    out.push_back(make_model(t, Base::kMt, Heterogeneity::kGamma35, "Mth Gamma3.5"));
  }
  out.push_back(make_model(t, Base::kMb, Heterogeneity::kNone, "Mb"));
  if (t >= 3) out.push_back(make_model(t, Base::kMbh, Heterogeneity::kNone, "Mbh"));
  return out;
}

}  // namespace uncounted::estimate
