#include "estimate/random_variates.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <numbers>
#include <vector>

namespace uncounted::estimate {
namespace {

// Marsaglia-Tsang for shape >= 1, given its constants d = shape - 1/3 and
// c = 1 / sqrt(9 d).
//
// Two squeezes accept without a log. Marsaglia and Tsang's u < 1 - 0.0331 x^4
// sends about 10% of draws to the exact test whatever the shape. The second
// follows d: with t = c x (so x^2 = 9 d t^2), the exact test's right side is
// d phi(t), phi(t) = 1.5 t^2 - 3 t - t^3 + 3 log(1 + t) = -3 sum_{k>=4}
// (-t)^k / k, and phi(t) >= -0.75 t^4 / m: with m = 1 for t >= 0, as
// log(1 + t) >= t - t^2/2 + t^3/3 - t^4/4 there, and with m = 1 + t for
// t < 0, as then phi(t) = -3 sum_{k>=4} s^k / k >= -0.75 sum_{k>=4} s^k =
// -0.75 s^4 / (1 - s) for s = -t. As log u <= u - 1, u m < m - 0.75 d t^4
// implies acceptance; it leaves about 0.03 / d of the draws to the log.
double gamma_marsaglia_tsang(RandomSource& rng, double d, double c) {
  for (;;) {
    double x, t, v;
    do {
      x = rng.normal();
      t = c * x;
      v = 1 + t;
    } while (v <= 0);
    const double m = t >= 0 ? 1.0 : v;
    v = v * v * v;
    const double u = rng.uniform();
    const double t2 = t * t;
    if (u * m < m - 0.75 * d * t2 * t2) return d * v;
    const double x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (std::log(u) < 0.5 * x2 + d * (1 - v + std::log(v))) return d * v;
  }
}

double gamma_large(RandomSource& rng, double shape) {
  const double d = shape - 1.0 / 3.0;
  return gamma_marsaglia_tsang(rng, d, 1.0 / std::sqrt(9 * d));
}

// The Marsaglia-Tsang constant c = 1 / sqrt(9 (s - 1/3)) for the integer
// shapes s < kSmallShapes, which the Beta draws of the sampler use most: the
// lambda of a small class has small counts.
constexpr std::int64_t kSmallShapes = 512;
const std::array<double, kSmallShapes>& small_shape_c() {
  static const std::array<double, kSmallShapes> table = [] {
    std::array<double, kSmallShapes> t{};
    for (std::int64_t s = 1; s < kSmallShapes; ++s)
      t[static_cast<std::size_t>(s)] = 1.0 / std::sqrt(9 * (static_cast<double>(s) - 1.0 / 3.0));
    return t;
  }();
  return table;
}

// Gamma(s, 1) for an integer shape S >= 1.
double gamma_integer(RandomSource& rng, std::int64_t s) {
  const double d = static_cast<double>(s) - 1.0 / 3.0;
  if (s < kSmallShapes)
    return gamma_marsaglia_tsang(rng, d, small_shape_c()[static_cast<std::size_t>(s)]);
  return gamma_marsaglia_tsang(rng, d, 1.0 / std::sqrt(9 * d));
}

// Stirling-series remainder: log k! - [(k + 1/2) log(k + 1) - (k + 1) +
// log(2 pi)/2], which BTRD needs at the mode and at the candidate.
double stirling_correction(std::int64_t k) {
  static const std::array<double, 10> table = [] {
    std::array<double, 10> t{};
    for (int i = 0; i < 10; ++i)
      t[i] = std::lgamma(i + 1.0) -
             ((i + 0.5) * std::log(i + 1.0) - (i + 1.0) + 0.5 * std::log(2 * std::numbers::pi));
    return t;
  }();
  if (k < 10) return table[static_cast<std::size_t>(k)];
  const double r = 1.0 / (static_cast<double>(k) + 1);
  const double r2 = r * r;
  return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 * r2) * r2) * r;
}

// The number of 1 bits, inline: without -mpopcnt std::popcount is a call
// into libgcc.
inline int count_ones(std::uint64_t x) {
  x -= (x >> 1) & 0x5555555555555555ULL;
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
  return static_cast<int>((x * 0x0101010101010101ULL) >> 56);
}

// floor(X) for |X| < 2^63 without a libm call (baseline x86-64 has no
// rounding instruction).
inline double floor_small(double x) {
  const double t = static_cast<double>(static_cast<std::int64_t>(x));
  return t > x ? t - 1 : t;
}

// Binomial as N Bernoulli trials U_i < p, all decided together, digit by
// digit: trial i is bit i of W 64-bit words, and a random word gives the
// same binary digit of 64 of the U_i at once. A trial is decided at the
// first digit where U_i differs from p (U_i < p where p has the 1). Two
// digits are compared per step, which decides three quarters of the trials
// still tied: about log4(n) + 1.5 steps of two random words per 64 trials,
// whatever p. Exact: p's binary expansion ends after its 53 significant
// digits, and a trial still tied there has U_i >= p. N <= 64 W and
// 2^-64 <= P < 1 (the caller's n p >= 1/4 keeps P above 2^-9).
template <int W>
std::int64_t binomial_bitwise(RandomSource& rng, std::int64_t n, double p) {
  // p = 1.f * 2^(e - 1023) (f the 52 stored digits): its expansion has
  // 1022 - e zeros after the binary point, then the leading 1 and f.
  const auto bits = std::bit_cast<std::uint64_t>(p);
  const int e = static_cast<int>(bits >> 52);
  const std::uint64_t significand = (bits << 11) | std::uint64_t{1} << 63;
  const int zeros = 1022 - e;
  std::uint64_t tied[W], below[W];
  std::uint64_t any = 0;
  for (int w = 0; w < W; ++w) {
    const std::int64_t lanes = n - 64 * w;
    tied[w] = lanes >= 64 ? ~std::uint64_t{0} : lanes <= 0 ? 0 : (std::uint64_t{1} << lanes) - 1;
    below[w] = 0;
    any |= tied[w];
  }
  // The next 128 digits of p, first digit at the top of HI.
  std::uint64_t hi = zeros == 0 ? significand : significand >> zeros;
  std::uint64_t lo = zeros == 0 ? 0 : significand << (64 - zeros);
  while (any != 0 && (hi | lo) != 0) {
    // All ones where p's first (second) digit of the pair is 1.
    const std::uint64_t first = std::uint64_t{0} - (hi >> 63);
    const std::uint64_t second = std::uint64_t{0} - ((hi >> 62) & 1);
    hi = (hi << 2) | (lo >> 62);
    lo <<= 2;
    any = 0;
    for (int w = 0; w < W; ++w) {
      const std::uint64_t r1 = rng.next();
      const std::uint64_t r2 = rng.next();
      const std::uint64_t same_first = ~(r1 ^ first);
      below[w] |= tied[w] & ((~r1 & first) | (same_first & ~r2 & second));
      tied[w] &= same_first & ~(r2 ^ second);
      any |= tied[w];
    }
  }
  std::int64_t x = 0;
  for (int w = 0; w < W; ++w) x += count_ones(below[w]);
  return x;
}

// Binomial as N separate trials, each one random word compared with p
// scaled to 2^64: no branch but the loop's. Exact for 2^-11 <= P < 1, where
// p 2^64 is an integer (p has 53 significant digits), so that a word is
// below it with probability p exactly; the caller's n p >= 1/4 (for the
// smaller of p and 1 - p) with N <= 8 keeps P within [2^-5, 1 - 2^-5].
inline std::int64_t binomial_trials(RandomSource& rng, std::int64_t n, double p) {
  const auto threshold = static_cast<std::uint64_t>(p * 0x1.0p64);
  std::int64_t x = 0;
  for (std::int64_t i = 0; i < n; ++i) x += rng.next() < threshold;
  return x;
}

// Inversion by sequential search; expected cost O(n p), so only for small
// means. P <= 1/2.
[[gnu::noinline]] std::int64_t binomial_inversion(RandomSource& rng, std::int64_t n, double p) {
  const double q = 1 - p;
  const double np = static_cast<double>(n) * p;
  // P(X = 0) = q^n >= 1 - n p (Bernoulli's inequality), so a uniform below
  // 1 - n p is a 0 under inversion without computing q^n. Most calls in the
  // sampler are for nearly empty classes and end here.
  const double first_u = rng.uniform();
  if (first_u <= 1 - np) return 0;
  // log(q) rather than log1p(-p): n log(q) errs by at most n * 1e-16, far
  // below anything a draw can show, and log is the faster call.
  const double qn = std::exp(static_cast<double>(n) * std::log(q));
  const double ratio = p / q;
  const double bound = std::min(static_cast<double>(n), np + 10 * std::sqrt(np * q + 1));
  // n p < 10 keeps the bound below 44, so the steps divide by table look-ups:
  // a division on the chain of pmf terms would cost more than the rest.
  static const std::array<double, 48> reciprocal = [] {
    std::array<double, 48> r{};
    for (std::size_t i = 1; i < r.size(); ++i) r[i] = 1.0 / static_cast<double>(i);
    return r;
  }();
  for (bool first = true;; first = false) {
    std::int64_t x = 0;
    double px = qn;
    double u = first ? first_u : rng.uniform();
    while (u > px) {
      ++x;
      if (x > bound) break;
      u -= px;
      px *= static_cast<double>(n - x + 1) * ratio * reciprocal[static_cast<std::size_t>(x)];
    }
    if (x <= bound) return x;
  }
}

// Hormann's BTRD (transformed rejection with decomposition); P <= 1/2 and
// n p >= 10.
[[gnu::noinline]] std::int64_t binomial_btrd(RandomSource& rng, std::int64_t n, double p) {
  // Only what the immediate acceptance needs is set up before the first
  // uniform (it takes 0.86 vr of the draws: 53% at n p q = 25, 80% at
  // 10,000); the rest waits for a draw that needs it.
  const double nd = static_cast<double>(n);
  const double q = 1 - p;
  const double npq = nd * p * q;
  const double spq = std::sqrt(npq);
  const double b = 1.15 + 2.53 * spq;
  const double vr_b = 0.92 * b - 4.2;  // vr b, vr = 0.92 - 4.2 / b
  const double a = -0.0873 + 0.0248 * b + 0.01 * p;
  const double c = nd * p + 0.5;
  for (;;) {
    double v = rng.uniform();
    double u;
    // v <= 0.86 vr, decided without waiting for a division.
    if (v * b <= 0.86 * vr_b) {
      // BTRD takes u = v / vr - 0.43, which given v <= 0.86 vr is uniform on
      // (-0.43, 0.43) and used for nothing else: a second uniform is the
      // same draw, and its 2 / (0.5 - |u|) is ready before sqrt(npq) is,
      // where v / vr would wait for it and a division. The candidate lies
      // within [4.8, n - 3.8] for every n p >= 10 (checked over p and n), so
      // truncation is its floor.
      u = 0.86 * rng.uniform() - 0.43;
      const double spread = 2 / (0.5 - std::abs(u));
      return static_cast<std::int64_t>((a * spread + b) * u + c);
    }
    const double inv_vr = b / vr_b;
    const double inv_b = 1 / b;
    const double vr = vr_b * inv_b;
    if (v >= vr) {
      u = rng.uniform() - 0.5;
    } else {
      u = v * inv_vr - 0.93;
      u = (u < 0 ? -0.5 : 0.5) - u;
      v = rng.uniform() * vr;
    }
    const std::int64_t m = static_cast<std::int64_t>(floor_small((nd + 1) * p));
    const double md = static_cast<double>(m);
    const double r = p / q;
    const double nr = (nd + 1) * r;
    const double alpha = (2.83 + 5.1 * inv_b) * spq;
    const double us = 0.5 - std::abs(u);
    const double candidate = (2 * a / us + b) * u + c;
    if (!(candidate >= 0 && candidate < nd + 1)) continue;
    const double kd = floor_small(candidate);
    const std::int64_t k = static_cast<std::int64_t>(kd);
    v = v * alpha / (a / (us * us) + b);
    const std::int64_t km = std::abs(k - m);
    if (km <= 15) {
      // f(k) / f(m) as one ratio of products: prod (nr - r i) / prod i over
      // i between the two, with no division in the loop.
      double top = 1, bottom = 1;
      if (m < k) {
        for (std::int64_t i = m + 1; i <= k; ++i) {
          const double id = static_cast<double>(i);
          top *= nr - r * id;
          bottom *= id;
        }
        if (v * bottom <= top) return k;
      } else {
        for (std::int64_t i = k + 1; i <= m; ++i) {
          const double id = static_cast<double>(i);
          top *= nr - r * id;
          bottom *= id;
        }
        if (v * top <= bottom) return k;
      }
      continue;
    }
    // Squeeze on log v, then the exact test with Stirling corrections.
    v = std::log(v);
    const double kmd = static_cast<double>(km);
    const double rho = (kmd / npq) * (((kmd / 3 + 0.625) * kmd + 1.0 / 6) / npq + 0.5);
    const double t = -kmd * kmd / (2 * npq);
    if (v < t - rho) return k;
    if (v > t + rho) continue;
    const double nm = nd - md + 1;
    const double h = (md + 0.5) * std::log((md + 1) / (r * nm)) + stirling_correction(m) +
                     stirling_correction(n - m);
    const double nk = nd - kd + 1;
    if (v <= h + (nd + 1) * std::log(nm / nk) + (kd + 0.5) * std::log(nk * r / (kd + 1)) -
                 stirling_correction(k) - stirling_correction(n - k))
      return k;
  }
}

// Up to this many trials, one random word a trial costs less than digits.
constexpr std::int64_t kTrialsUpTo = 8;

// Binomial(n, p), inline for the multinomial's loop.
[[gnu::always_inline]] inline std::int64_t binomial(RandomSource& rng, std::int64_t n, double p) {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const bool flip = p > 0.5;
  const double pp = flip ? 1 - p : p;
  const double np = static_cast<double>(n) * pp;
  // Inversion's first uniform settles most draws with a tiny mean at once;
  // up to 128 trials the digit-by-digit comparison costs a few random words
  // whatever the mean; beyond, BTRD's cost does not grow with n.
  if (np < 0.25 || (n > 128 && np < 10)) {
    const std::int64_t x = binomial_inversion(rng, n, pp);
    return flip ? n - x : x;
  }
  if (n <= kTrialsUpTo) return binomial_trials(rng, n, p);
  if (n <= 64) return binomial_bitwise<1>(rng, n, p);
  if (n <= 128) return binomial_bitwise<2>(rng, n, p);
  const std::int64_t x = binomial_btrd(rng, n, pp);
  return flip ? n - x : x;
}

std::int64_t poisson_inversion(RandomSource& rng, double mean) {
  // Sequential search from 0; mean < 10 keeps it short.
  const double e = std::exp(-mean);
  for (;;) {
    std::int64_t k = 0;
    double pk = e;
    double u = rng.uniform();
    while (u > pk) {
      u -= pk;
      ++k;
      pk *= mean / static_cast<double>(k);
      if (k > 1000) break;  // rounding ate the tail; start again
    }
    if (k <= 1000) return k;
  }
}

// Hormann's PTRS (transformed rejection with squeeze); mean >= 10.
std::int64_t poisson_ptrs(RandomSource& rng, double mean) {
  const double slam = std::sqrt(mean);
  const double loglam = std::log(mean);
  const double b = 0.931 + 2.53 * slam;
  const double a = -0.059 + 0.02483 * b;
  const double inv_alpha = 1.1239 + 1.1328 / (b - 3.4);
  const double vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const double u = rng.uniform() - 0.5;
    const double v = rng.uniform();
    const double us = 0.5 - std::abs(u);
    const double kd = std::floor((2 * a / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return static_cast<std::int64_t>(kd);
    if (kd < 0 || (us < 0.013 && v > us)) continue;
    if (std::log(v) + std::log(inv_alpha) - std::log(a / (us * us) + b) <=
        -mean + kd * loglam - std::lgamma(kd + 1))
      return static_cast<std::int64_t>(kd);
  }
}

}  // namespace

double gamma_variate(RandomSource& rng, double shape) {
  if (shape >= 1) return gamma_large(rng, shape);
  // Gamma(a) = Gamma(a + 1) * U^(1/a).
  return gamma_large(rng, shape + 1) * std::pow(rng.uniform(), 1 / shape);
}

double log_gamma_variate(RandomSource& rng, double shape) {
  if (shape >= 1) return std::log(gamma_large(rng, shape));
  return std::log(gamma_large(rng, shape + 1)) + std::log(rng.uniform()) / shape;
}

LogBeta log_beta_variate(RandomSource& rng, double a, double b) {
  // Shortcuts that need no gamma variates: Beta(1, b) = 1 - U^(1/b) and
  // Beta(a, 1) = U^(1/a).
  if (a == 1) {
    const double l = std::log(rng.uniform()) / b;  // log(1 - x)
    return {std::log(-std::expm1(l)), l};
  }
  if (b == 1) {
    const double l = std::log(rng.uniform()) / a;  // log x
    return {l, std::log(-std::expm1(l))};
  }
  if (a >= 1 && b >= 1) {
    // Both gamma variates are representable: two logs, no log-sum-exp.
    const double gx = gamma_large(rng, a);
    const double gy = gamma_large(rng, b);
    const double inv = 1 / (gx + gy);
    return {std::log(gx * inv), std::log(gy * inv)};
  }
  const double lx = log_gamma_variate(rng, a);
  const double ly = log_gamma_variate(rng, b);
  const double hi = std::max(lx, ly);
  const double total = hi + std::log(std::exp(lx - hi) + std::exp(ly - hi));
  return {lx - total, ly - total};
}

BetaPair stick_beta_variate(RandomSource& rng, std::int64_t count, double b) {
  const double gx = gamma_integer(rng, 1 + count);
  const double gy = gamma_large(rng, b);
  const double inv = 1 / (gx + gy);
  return {gx * inv, gy * inv};
}

BetaOdds beta_odds_count_variate(RandomSource& rng, std::int64_t ones, std::int64_t zeros) {
  if (ones == 0 && zeros == 0) {
    // Beta(1, 1) is uniform: an empty class's lambda costs one uniform.
    const double u = rng.uniform();
    return {1 - u, u / (1 - u)};
  }
  const double gx = gamma_integer(rng, 1 + ones);
  const double gy = gamma_integer(rng, 1 + zeros);
  return {gy / (gx + gy), gx / gy};
}

BetaOdds beta_odds_variate(RandomSource& rng, double a, double b) {
  const double gx = gamma_large(rng, a);
  const double gy = gamma_large(rng, b);
  return {gy / (gx + gy), gx / gy};
}

std::int64_t binomial_variate(RandomSource& rng, std::int64_t n, double p) {
  return binomial(rng, n, p);
}

std::int64_t poisson_variate(RandomSource& rng, double mean) {
  if (mean <= 0) return 0;
  return mean < 10 ? poisson_inversion(rng, mean) : poisson_ptrs(rng, mean);
}

std::int64_t negative_binomial_variate(RandomSource& rng, double size, double p) {
  if (p >= 1) return 0;
  return poisson_variate(rng, gamma_variate(rng, size) * (1 - p) / p);
}

void multinomial_variate(RandomSource& rng, std::int64_t n, std::span<const double> weights,
                         std::span<const std::uint16_t> order, std::span<std::int64_t> out) {
  const std::size_t k = weights.size();
  // Conditional binomials: category order[r] gets Binomial(n left, its
  // weight / the weight of order[r..]). The weights left are summed from the
  // end, so that a tiny weight behind large ones keeps its digits.
  constexpr std::size_t kStack = 1024;  // the sampler allows up to 1000 classes
  constexpr std::int64_t kFewLeft = 4;
  double stack[kStack];
  std::vector<double> heap;
  double* rest = stack;
  if (k > kStack) {
    heap.resize(k);
    rest = heap.data();
  }
  double total = 0;
  for (std::size_t r = k; r-- > 0;) {
    total += weights[order[r]];
    rest[r] = total;
    out[r] = 0;
  }
  if (k < 2) {
    if (k == 1) out[0] = n;
    return;
  }
  double share = rest[0] > 0 ? weights[order[0]] / rest[0] : 0.0;
  for (std::size_t r = 0; r + 1 < k && n > 0; ++r) {
    if (n <= kFewLeft) {
      // A few items left: given the counts so far, each is one categorical
      // draw over order[r..]. With v uniform on [0, rest[r]), the item goes
      // to the t with rest[t + 1] <= v < rest[t], probability weight / rest[r];
      // t is found by counting, without a branch to mispredict, and a
      // category of weight 0 (rest[t + 1] == rest[t]) is never chosen. The
      // product can round up to rest[r] (for the top few uniforms, about
      // 2^-52 of draws); such a v is drawn again, or a category of weight 0
      // at r could be chosen.
      for (; n > 0; --n) {
        double v = rng.uniform() * rest[r];
        while (v >= rest[r] && rest[r] > 0) v = rng.uniform() * rest[r];
        std::size_t s = r;
        for (std::size_t t = r + 1; t < k; ++t) s += rest[t] > v;
        ++out[order[s]];
      }
      return;
    }
    // The next category's share is divided out before this draw, so that
    // the division is done by the time the draw's mispredicted branches
    // resolve, instead of starting after them.
    const double next_share = r + 2 >= k        ? 1.0
                              : rest[r + 1] > 0 ? weights[order[r + 1]] / rest[r + 1]
                                                : 0.0;
    const std::int64_t x = binomial(rng, n, std::min(1.0, share));
    out[order[r]] = x;
    n -= x;
    share = next_share;
  }
  // The last category with weight takes what is left (rounding may leave a
  // share of 1 below it that is not exactly 1).
  if (n > 0) {
    std::size_t last = k - 1;
    while (last > 0 && weights[order[last]] <= 0) --last;
    out[order[last]] += n;
  }
}

void multinomial_variate(RandomSource& rng, std::int64_t n, std::span<const double> weights,
                         std::span<std::int64_t> out) {
  // Heaviest category first (insertion sort by decreasing weight; k is small).
  std::vector<std::uint16_t> order(weights.size());
  for (std::size_t i = 0; i < weights.size(); ++i) {
    std::size_t j = i;
    while (j > 0 && weights[order[j - 1]] < weights[i]) {
      order[j] = order[j - 1];
      --j;
    }
    order[j] = static_cast<std::uint16_t>(i);
  }
  multinomial_variate(rng, n, weights, order, out);
}

}  // namespace uncounted::estimate
