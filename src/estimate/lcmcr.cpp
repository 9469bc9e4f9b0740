#include "estimate/lcmcr.h"

#include <time.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <numeric>
#include <span>
#include <sstream>
#include <thread>

#include "estimate/capture_table.h"
#include "estimate/mcmc_summary.h"
#include "estimate/random_variates.h"
#include "model/error.h"

namespace uncounted::estimate {
namespace {

// One chain's state. Every buffer is sized once; a sweep allocates nothing.
class Chain {
 public:
  Chain(const std::vector<std::int64_t>& counts, int lists, const LcmcrOptions& options,
        std::uint64_t stream)
      : j_(lists), k_(options.classes), options_(options), rng_(options.seed, stream) {
    for (std::size_t p = 1; p < counts.size(); ++p) {
      if (counts[p] == 0) continue;  // an empty cell contributes a factor of 1
      cells_.push_back(static_cast<Pattern>(p));
      freq_.push_back(counts[p]);
      n_ += counts[p];
    }
    const std::size_t jk = static_cast<std::size_t>(j_ * k_);
    one_minus_.resize(jk);
    odds_.resize(jk);
    ones_.resize(jk);
    nu_.resize(k_);
    log_nu_.resize(k_);
    base_.resize(k_);
    scaled_base_.resize(k_);
    weights_.resize(cells_.size() * static_cast<std::size_t>(k_));
    weights_left_.resize(cells_.size() * static_cast<std::size_t>(k_));
    shapes_.resize(2 * jk);
    beta_one_minus_.resize(jk);
    beta_odds_.resize(jk);
    stick_b_.resize(k_);
    gammas_.resize(2 * jk);
    split_.resize(cells_.size() * static_cast<std::size_t>(k_));
    order_.resize(k_);
    class_count_.resize(k_);
    z0_.resize(k_);
    cell_order_.resize(cells_.size() * static_cast<std::size_t>(k_));
    for (std::size_t i = 0; i < cell_order_.size(); ++i)
      cell_order_[i] = static_cast<std::uint16_t>(i % static_cast<std::size_t>(k_));
    initialize();
  }

  // One Gibbs sweep; UPDATE_ALPHA is false during the warm-up.
  void sweep(bool update_alpha) {
    sample_cell_classes();
    sample_lambda();
    sample_nu();
    // lambda and nu stay as they are until the next sweep's cell classes, so
    // one refresh serves n0, the missed classes and the next cell classes.
    refresh_class_terms();
    sample_n0(p0_);
    sample_missed_classes();
    if (update_alpha) sample_alpha();
  }

  std::int64_t n0() const { return n0_; }
  std::int64_t observed() const { return n_; }

 private:
  // List-major: a list's K values are contiguous, so that a cell's weights
  // and counts are updated a list at a time across all classes.
  std::size_t at(int j, int k) const { return static_cast<std::size_t>(j * k_ + k); }

  // Class k's members this sweep: observed and missed.
  std::int64_t members_of(int k) const { return class_count_[k] + z0_[k]; }

  void initialize() {
    // nu by stick-breaking with Beta(1, 1) pieces; lambda_jk at the list's
    // marginal frequency for every class; alpha = 0.3 / K (LCMCR's start).
    double log_rest = 0;
    for (int k = 0; k < k_; ++k) {
      if (k + 1 == k_) {
        log_nu_[k] = log_rest;
        break;
      }
      const double v = rng_.uniform();
      log_nu_[k] = log_rest + std::log(v);
      log_rest += std::log1p(-v);
    }
    for (int j = 0; j < j_; ++j) {
      std::int64_t on = 0;
      for (std::size_t m = 0; m < cells_.size(); ++m)
        if (cells_[m] >> j & 1u) on += freq_[m];
      const double f =
          std::clamp(static_cast<double>(on) / static_cast<double>(n_), 1e-6, 1 - 1e-6);
      for (int k = 0; k < k_; ++k) {
        one_minus_[at(j, k)] = 1 - f;
        odds_[at(j, k)] = f / (1 - f);
      }
    }
    alpha_ = 0.3 / k_;
    refresh_class_terms();
    sample_n0(p0_);
    sample_missed_classes();
    for (int s = 0; s < options_.warmup; ++s) sweep(false);
    permute_classes_by_weight();
  }

  // Class weights in product form, so that a cell costs multiplications and
  // no exp(): weight(cell, k) = base_k / max base * prod over the cell's
  // lists of odds_jk, with base_k = nu_k prod_j (1 - lambda_jk) and odds_jk =
  // lambda_jk / (1 - lambda_jk). The odds stay within e^(+-50) (lambda is a
  // Beta draw with counts below 10^9), so the products neither overflow nor
  // underflow for the classes that matter. base_k is a plain product while
  // the stick weights are held as numbers (see sample_nu) and the largest is
  // far from underflow; otherwise it is summed in logs. Also sets p0_, the
  // probability that a case is on no list: sum_k base_k.
  void refresh_class_terms() {
    if (linear_until_ == k_ && refresh_from_numbers()) {
      order_classes();
      return;
    }
    logs_of_stick_weights();
    double top = -INFINITY;
    for (int k = 0; k < k_; ++k) {
      double product = 1;
      for (int j = 0; j < j_; ++j) product *= one_minus_[at(j, k)];
      double b = log_nu_[k];
      if (product > 1e-280) {
        b += std::log(product);
      } else {
        for (int j = 0; j < j_; ++j) b += std::log(one_minus_[at(j, k)]);
      }
      base_[k] = b;
      top = std::max(top, b);
    }
    double total = 0;
    for (int k = 0; k < k_; ++k) {
      scaled_base_[k] = std::exp(base_[k] - top);
      total += scaled_base_[k];
    }
    p0_ = std::min(std::exp(top) * total, 1.0);
    order_classes();
  }

  // The plain-product refresh; false (and nothing changed that matters) when
  // the largest base_k is so small that the scaled weights would lose digits.
  bool refresh_from_numbers() {
    // A list at a time over all classes, so that the products vectorize.
    const std::size_t classes = static_cast<std::size_t>(k_);
    double* __restrict base = base_.data();
    const double* __restrict nu = nu_.data();
    for (std::size_t k = 0; k < classes; ++k) base[k] = nu[k];
    for (int j = 0; j < j_; ++j) {
      const double* __restrict one_minus = &one_minus_[at(j, 0)];
      for (std::size_t k = 0; k < classes; ++k) base[k] *= one_minus[k];
    }
    double top = 0;
    for (std::size_t k = 0; k < classes; ++k) top = std::max(top, base[k]);
    if (!(top > 1e-250)) return false;
    const double inv = 1 / top;
    double total = 0;
    for (int k = 0; k < k_; ++k) {
      scaled_base_[k] = base_[k] * inv;
      total += scaled_base_[k];
    }
    p0_ = std::min(top * total, 1.0);
    return true;
  }

  // One class order for every multinomial of the sweep, by decreasing
  // nu_k prod_j (1 - lambda_jk): a cell's heaviest classes are usually the
  // overall heaviest, and sorting per cell cost more than it saved.
  void order_classes() {
    for (int k = 0; k < k_; ++k) {
      int i = k;
      while (i > 0 && scaled_base_[order_[i - 1]] < scaled_base_[k]) {
        order_[i] = order_[i - 1];
        --i;
      }
      order_[i] = static_cast<std::uint16_t>(k);
    }
  }

  // Makes log_nu_ hold every class's log stick weight.
  void logs_of_stick_weights() {
    for (int k = 0; k < linear_until_; ++k) log_nu_[k] = std::log(nu_[k]);
    linear_until_ = 0;
  }

  [[gnu::target_clones("avx2", "default")]] void sample_cell_classes() {
    std::fill(class_count_.begin(), class_count_.end(), 0);
    std::fill(ones_.begin(), ones_.end(), 0);
    const std::size_t k = static_cast<std::size_t>(k_);
    const bool resort = sweeps_until_resort_ == 0;
    sweeps_until_resort_ = resort ? kResortEvery - 1 : sweeps_until_resort_ - 1;
    // First every cell's class weights, visiting order and weights left:
    // none of it waits on a random draw, so the cells overlap, where done
    // at the start of each split they would wait for the draws before.
    for (std::size_t m = 0; m < cells_.size(); ++m) {
      const Pattern x = cells_[m];
      // Every observed cell has a list; its first list's odds start the
      // products (restrict: no buffer aliases another, so the loops
      // vectorize).
      double* __restrict weights = &weights_[m * k];
      const double* __restrict base = scaled_base_.data();
      const double* __restrict first = &odds_[at(std::countr_zero(x), 0)];
      for (std::size_t c = 0; c < k; ++c) weights[c] = base[c] * first[c];
      for (Pattern bits = x & (x - 1); bits; bits &= bits - 1) {
        const double* __restrict odds = &odds_[at(std::countr_zero(bits), 0)];
        for (std::size_t c = 0; c < k; ++c) weights[c] *= odds[c];
      }
      // Each cell visits its classes heaviest first, so that the count left
      // reaches 0 after the few classes that hold the cell. Any order gives
      // the same distribution; the weights move little between sweeps, so
      // the order is re-sorted only every kResortEvery sweeps.
      const std::span<std::uint16_t> order(&cell_order_[m * k], k);
      if (resort) {
        std::sort(order.begin(), order.end(),
                  [&](std::uint16_t a, std::uint16_t b) { return weights[a] > weights[b]; });
      }
      weights_left(std::span<const double>(weights, k), order,
                   std::span<double>(&weights_left_[m * k], k));
    }
    for (std::size_t m = 0; m < cells_.size(); ++m) {
      multinomial_variate(rng_, freq_[m], std::span<const double>(&weights_[m * k], k),
                          std::span<const std::uint16_t>(&cell_order_[m * k], k),
                          std::span<const double>(&weights_left_[m * k], k),
                          std::span<std::int64_t>(&split_[m * k], k));
    }
    // The counts are summed once every cell is split, when the multinomials'
    // scalar stores have retired: vector loads right behind them would wait
    // for each store (no store forwarding from two stores to one load).
    for (std::size_t m = 0; m < cells_.size(); ++m) {
      const std::int64_t* __restrict split = &split_[m * k];
      std::int64_t* __restrict count = class_count_.data();
      for (std::size_t c = 0; c < k; ++c) count[c] += split[c];
      for (Pattern bits = cells_[m]; bits; bits &= bits - 1) {
        std::int64_t* __restrict ones = &ones_[at(std::countr_zero(bits), 0)];
        for (std::size_t c = 0; c < k; ++c) ones[c] += split[c];
      }
    }
  }

  // lambda_jk ~ Beta(1 + on, 1 + off) = X / (X + Y) with X ~ Gamma(1 + on)
  // and Y ~ Gamma(1 + off): the gamma variates of every class with members
  // are drawn together (in vector lanes), the X shapes first and then the Y
  // shapes, so that the divisions after them vectorize; an empty class's
  // lambdas are uniforms.
  [[gnu::target_clones("avx2", "default")]] void sample_lambda() {
    const std::size_t jk = static_cast<std::size_t>(j_ * k_);
    std::size_t pairs = 0;
    for (int k = 0; k < k_; ++k) {
      const std::int64_t members = members_of(k);
      if (members == 0) {
        for (int j = 0; j < j_; ++j) {
          const double u = rng_.uniform();
          one_minus_[at(j, k)] = 1 - u;
          odds_[at(j, k)] = u / (1 - u);
        }
        continue;
      }
      for (int j = 0; j < j_; ++j) {
        const std::int64_t on = ones_[at(j, k)];
        shapes_[pairs] = static_cast<double>(1 + on);
        shapes_[jk + pairs] = static_cast<double>(1 + members - on);
        ++pairs;
      }
    }
    std::copy_n(shapes_.begin() + static_cast<std::ptrdiff_t>(jk), pairs,
                shapes_.begin() + static_cast<std::ptrdiff_t>(pairs));
    gamma_variates(rng_, std::span<const double>(shapes_.data(), 2 * pairs),
                   std::span<double>(gammas_.data(), 2 * pairs));
    const double* __restrict x = gammas_.data();
    const double* __restrict y = gammas_.data() + pairs;
    double* __restrict one_minus = beta_one_minus_.data();
    double* __restrict odds = beta_odds_.data();
    for (std::size_t i = 0; i < pairs; ++i) {
      one_minus[i] = y[i] / (x[i] + y[i]);
      odds[i] = x[i] / y[i];
    }
    std::size_t i = 0;
    for (int k = 0; k < k_; ++k) {
      if (members_of(k) == 0) continue;
      for (int j = 0; j < j_; ++j, ++i) {
        one_minus_[at(j, k)] = one_minus[i];
        odds_[at(j, k)] = odds[i];
      }
    }
  }

  // Stick-breaking weights nu_k = V_k prod_{l<k} (1 - V_l). They are kept
  // as plain numbers (nu_, two gamma variates and no log per class) while
  // what is left of the stick stays far from underflow; from the first class
  // where it would not, they are kept as logs (log_nu_). The classes below
  // linear_until_ are the ones held in nu_.
  void sample_nu() {
    constexpr double kSmallestRest = 1e-200;
    std::int64_t after = 0;  // members of classes after k
    for (int k = 0; k < k_; ++k) after += members_of(k);
    // V_k ~ Beta(1 + members_k, B_k), B_k = alpha + members after k. Where
    // B_k >= 1, V_k = X / (X + Y) with X ~ Gamma(1 + members_k) and Y ~
    // Gamma(B_k), all drawn together (in vector lanes) before the stick is
    // broken.
    std::size_t count = 0;
    for (int k = 0; k + 1 < k_; ++k) {
      const std::int64_t members = members_of(k);
      after -= members;
      stick_b_[k] = alpha_ + static_cast<double>(after);
      if (stick_b_[k] >= 1) {
        shapes_[count++] = static_cast<double>(1 + members);
        shapes_[count++] = stick_b_[k];
      }
    }
    gamma_variates(rng_, std::span<const double>(shapes_.data(), count),
                   std::span<double>(gammas_.data(), count));
    count = 0;
    double rest = 1, log_rest = 0;
    bool numbers = true;
    linear_until_ = k_;
    for (int k = 0; k + 1 < k_; ++k) {
      const std::int64_t members = members_of(k);
      const double b = stick_b_[k];
      if (b >= 1) {
        // Neither gamma variate can underflow with these shapes.
        const double gx = gammas_[count], gy = gammas_[count + 1];
        count += 2;
        const double inv = 1 / (gx + gy);
        const double v = gx * inv, one_minus_v = gy * inv;
        if (numbers) {
          nu_[k] = rest * v;
          rest *= one_minus_v;
          if (rest < kSmallestRest) {
            numbers = false;
            linear_until_ = k + 1;
            log_rest = std::log(rest);
          }
          continue;
        }
        log_nu_[k] = log_rest + std::log(v);
        log_rest += std::log(one_minus_v);
        continue;
      }
      // B < 1 (the empty classes at the end when alpha < 1).
      if (numbers && members == 0) {
        // V ~ Beta(1, B) is 1 - U^(1/B): log(1 - V) = log(U) / B. Two libm
        // calls, where the general form below needs five.
        const double log_1mv = std::log(rng_.uniform()) / b;
        const double one_minus_v = std::exp(log_1mv);
        const double next = rest * one_minus_v;
        if (next >= kSmallestRest) {
          // V from expm1 where 1 - V is near 1 and the subtraction would
          // lose V's digits.
          const double v = log_1mv > -0.5 ? -std::expm1(log_1mv) : 1 - one_minus_v;
          nu_[k] = rest * v;
          rest = next;
          continue;
        }
        numbers = false;
        linear_until_ = k;
        log_rest = std::log(rest);
        log_nu_[k] = log_rest + std::log(-std::expm1(log_1mv));
        log_rest += log_1mv;
        continue;
      }
      // The log form keeps 1 - V accurate when it is tiny.
      const LogBeta v = log_beta_variate(rng_, 1.0 + static_cast<double>(members), b);
      if (numbers) {
        const double next = rest * std::exp(v.log_1mx);
        if (next >= kSmallestRest) {
          nu_[k] = rest * std::exp(v.log_x);
          rest = next;
          continue;
        }
        numbers = false;
        linear_until_ = k;
        log_rest = std::log(rest);
      }
      log_nu_[k] = log_rest + v.log_x;
      log_rest += v.log_1mx;
    }
    if (numbers) {
      nu_[k_ - 1] = rest;
    } else {
      log_nu_[k_ - 1] = log_rest;
    }
  }

  void sample_n0(double p0) {
    // n0 | rest ~ NegBin(n, 1 - p0); LCMCR redraws values above 20 n.
    const std::int64_t cap = 20 * n_;
    if (p0 >= 1 - 1e-12) {
      n0_ = cap;  // nothing is ever observed under these parameters
      return;
    }
    do {
      n0_ = negative_binomial_variate(rng_, static_cast<double>(n_), 1 - p0);
    } while (n0_ > cap);
  }

  void sample_missed_classes() {
    // A missed case is in class k with probability proportional to nu_k
    // prod_j (1 - lambda_jk): scaled_base_ from refresh_class_terms().
    multinomial_variate(rng_, n0_, scaled_base_, order_, z0_);
  }

  void sample_alpha() {
    const double log_last = linear_until_ == k_ ? std::log(nu_[k_ - 1]) : log_nu_[k_ - 1];
    const double rate = options_.alpha_rate - log_last;
    alpha_ = gamma_variate(rng_, options_.alpha_shape + k_ - 1) / rate;
    alpha_ = std::max(alpha_, 1e-300);  // keep Beta(1, alpha) proper
  }

  void permute_classes_by_weight() {
    logs_of_stick_weights();
    std::vector<int> order(k_);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return log_nu_[a] > log_nu_[b]; });
    const auto om = one_minus_, odds = odds_;
    const auto nu = log_nu_;
    const auto z0 = z0_;
    for (int k = 0; k < k_; ++k) {
      log_nu_[k] = nu[order[k]];
      z0_[k] = z0[order[k]];
      for (int j = 0; j < j_; ++j) {
        one_minus_[at(j, k)] = om[at(j, order[k])];
        odds_[at(j, k)] = odds[at(j, order[k])];
      }
    }
    refresh_class_terms();
  }

  int j_, k_;
  LcmcrOptions options_;
  RandomSource rng_;
  std::vector<Pattern> cells_;
  std::vector<std::int64_t> freq_;
  std::int64_t n_ = 0;
  std::vector<double> one_minus_, odds_, nu_, log_nu_, base_, scaled_base_;
  std::vector<double> weights_, weights_left_;      // cells x K, a cell's K together
  std::vector<double> shapes_, gammas_;             // gamma variates drawn together
  std::vector<double> beta_one_minus_, beta_odds_;  // sample_lambda's Betas, packed
  std::vector<double> stick_b_;                     // sample_nu's B_k
  int linear_until_ = 0;
  std::vector<std::int64_t> ones_, split_, class_count_, z0_;
  std::vector<std::uint16_t> order_;       // classes by decreasing scaled_base_
  std::vector<std::uint16_t> cell_order_;  // each cell's classes, heaviest first
  static constexpr int kResortEvery = 16;
  int sweeps_until_resort_ = 0;
  double alpha_ = 0;
  double p0_ = 0;
  std::int64_t n0_ = 0;
};

struct ChainRun {
  std::unique_ptr<Chain> chain;  // kept between blocks of sweeps
  std::vector<double> draws;
  double seconds = 0;      // wall clock
  double cpu_seconds = 0;  // this thread's CPU time: the speed without other load
  std::int64_t sweeps = 0;
  std::int64_t kept = 0;  // sweeps after burn-in so far
};

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

// Starts chain INDEX (warm-up, burn-in) on its first call; then SWEEPS more
// sweeps, keeping every thinning-th N. A chain's draws depend only on the
// seed and its index, whatever the blocks.
void advance_chain(ChainRun& run, const std::vector<std::int64_t>& counts, int lists,
                   const LcmcrOptions& o, int index, std::int64_t sweeps) {
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = thread_cpu_seconds();
  if (!run.chain) {
    run.chain = std::make_unique<Chain>(counts, lists, o, static_cast<std::uint64_t>(index));
    for (std::int64_t s = 0; s < o.burn_in; ++s) run.chain->sweep(true);
    run.sweeps += o.warmup + o.burn_in;
  }
  run.draws.reserve(run.draws.size() + static_cast<std::size_t>(sweeps / o.thinning));
  for (std::int64_t s = 1; s <= sweeps; ++s) {
    run.chain->sweep(true);
    if (++run.kept % o.thinning == 0)
      run.draws.push_back(static_cast<double>(run.chain->observed() + run.chain->n0()));
  }
  run.sweeps += sweeps;
  run.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.cpu_seconds += thread_cpu_seconds() - cpu_start;
}

}  // namespace

void summarize_posterior(std::vector<double> draws, double interval, LcmcrResult& result) {
  if (draws.empty()) return;
  std::sort(draws.begin(), draws.end());
  const double tail = (1 - interval) / 2;
  result.median = quantile_sorted(draws, 0.5);
  result.lower = quantile_sorted(draws, tail);
  result.upper = quantile_sorted(draws, 1 - tail);
  double sum = 0, sum2 = 0;
  for (double x : draws) sum += x;
  result.mean = sum / static_cast<double>(draws.size());
  for (double x : draws) sum2 += (x - result.mean) * (x - result.mean);
  result.sd = draws.size() > 1 ? std::sqrt(sum2 / static_cast<double>(draws.size() - 1)) : 0;
}

std::string describe(const LcmcrOptions& o) {
  std::ostringstream s;
  s << "K=" << o.classes << ", a=" << o.alpha_shape << ", b=" << o.alpha_rate;
  return s.str();
}

LcmcrResult run_lcmcr(const std::vector<std::int64_t>& counts, int lists,
                      const LcmcrOptions& options) {
  // The messages below spell out the limits of lcmcr.h.
  static_assert(kMostSweeps == 1'000'000'000'000 && kMostRetainedDraws == 50'000'000);
  if (options.classes < 1 || options.classes > kMostClasses)
    throw usage_error(
        "the number of latent classes must be between 1 and " + std::to_string(kMostClasses),
        "lcmcr");
  if (options.chains < 1 || options.chains > kMostChains)
    throw usage_error("the number of chains must be between 1 and " + std::to_string(kMostChains),
                      "--chains");
  if (options.thinning < 1) throw usage_error("thinning must be at least 1", "lcmcr");
  if (options.iterations < 4 * static_cast<std::int64_t>(options.thinning))
    throw usage_error("too few iterations to keep at least 4 draws per chain", "--iterations");
  if (options.iterations > kMostSweeps)
    throw usage_error("more than 10^12 iterations per chain", "--iterations");
  if (options.burn_in < 0) throw usage_error("burn-in must not be negative", "--burn-in");
  if (options.burn_in > kMostSweeps)
    throw usage_error("more than 10^12 burn-in sweeps per chain", "--burn-in");
  if (options.iterations / options.thinning * options.chains > kMostRetainedDraws)
    throw usage_error(
        "the chains would keep more than 50 million draws; raise the thinning or lower the "
        "iterations",
        "--iterations");
  if (!(options.alpha_shape > 0) || !(options.alpha_rate > 0))
    throw usage_error("the Gamma prior on alpha needs positive shape and rate", "lcmcr");
  if (counts.size() != (std::size_t{1} << lists))
    throw invalid_input("the table does not have one count per capture pattern", "lcmcr");
  Stratum s;
  s.counts = counts;
  if (auto why = why_not_estimable(s, static_cast<std::size_t>(lists)))
    throw invalid_input(*why, "lcmcr");

  LcmcrResult result;
  result.observed = s.observed();
  const auto start = std::chrono::steady_clock::now();
  std::vector<ChainRun> runs(static_cast<std::size_t>(options.chains));
  unsigned workers = options.threads > 0 ? static_cast<unsigned>(options.threads)
                                         : std::max(1u, std::thread::hardware_concurrency());
  workers = std::min<unsigned>(workers, static_cast<unsigned>(options.chains));
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  // Blocks of `iterations` sweeps per chain: one, or with max_seconds, more
  // until the chains have mixed and the draws are enough, or the next block
  // would pass the time cap (a block takes about as long as the last one).
  const std::int64_t block_draws = options.iterations / options.thinning * options.chains;
  for (std::int64_t kept_draws = 0;;) {
    const double block_start = elapsed();
    // Chains are handed out in order; which thread runs a chain does not
    // change its draws.
    std::atomic<int> next{0};
    std::vector<std::thread> pool;
    for (unsigned w = 0; w < workers; ++w)
      pool.emplace_back([&] {
        for (int c; (c = next.fetch_add(1)) < options.chains;)
          advance_chain(runs[static_cast<std::size_t>(c)], counts, lists, options, c,
                        options.iterations);
      });
    for (auto& t : pool) t.join();
    result.iterations_run += options.iterations;
    kept_draws += block_draws;
    if (!(options.max_seconds > 0)) break;
    std::vector<std::vector<double>> draws;
    for (const ChainRun& r : runs) draws.push_back(r.draws);
    const double rhat = split_rhat(draws), ess = effective_sample_size(draws);
    if (rhat <= options.target_rhat && ess >= options.target_ess) {
      result.stopped = "converged";
      break;
    }
    if (elapsed() + (elapsed() - block_start) > options.max_seconds ||
        kept_draws + block_draws > kMostRetainedDraws) {
      result.stopped = "time cap";
      break;
    }
  }
  result.seconds = elapsed();

  std::vector<double> pooled;
  double rate = 0, cpu_rate = 0;
  for (auto& r : runs) {
    pooled.insert(pooled.end(), r.draws.begin(), r.draws.end());
    rate += static_cast<double>(r.sweeps) / std::max(r.seconds, 1e-9);
    cpu_rate += static_cast<double>(r.sweeps) / std::max(r.cpu_seconds, 1e-9);
    result.draws.push_back(std::move(r.draws));
  }
  result.sweeps_per_second_per_chain = rate / static_cast<double>(runs.size());
  result.sweeps_per_cpu_second = cpu_rate / static_cast<double>(runs.size());
  const double most = *std::max_element(pooled.begin(), pooled.end());
  summarize_posterior(std::move(pooled), options.interval, result);
  result.rhat = split_rhat(result.draws);
  result.ess = effective_sample_size(result.draws);
  if (result.stopped == "time cap") {
    char line[200];
    std::snprintf(line, sizeof line,
                  "stopped at the time cap of %.3g s before split R-hat <= %.3g and ESS >= %.0f "
                  "(%lld sweeps per chain)",
                  options.max_seconds, options.target_rhat, options.target_ess,
                  static_cast<long long>(result.iterations_run));
    result.warnings.push_back(line);
  }
  if (result.rhat > 1.01)
    result.warnings.push_back("split R-hat above 1.01: the chains have not mixed; run longer");
  if (result.ess < kLeastEss) result.warnings.push_back(kLowEssWarning);
  const double cap = 21.0 * static_cast<double>(result.observed);
  if (most >= cap * 0.999)
    result.warnings.push_back(
        "draws reach the sampler's cap of 21 times the observed count: "
        "the data say little about the unobserved");
  return result;
}

}  // namespace uncounted::estimate
