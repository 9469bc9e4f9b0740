#include "estimate/random_variates.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

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
// Whether the attempt d V3 with V3 = (1 + t)^3, t = c x > -1, is accepted
// with the uniform U: the two squeezes, then the exact test on logs.
inline bool marsaglia_tsang_accepts(double d, double x, double t, double v3, double u) {
  const double m = t >= 0 ? 1.0 : 1 + t;
  const double t2 = t * t;
  if (u * m < m - 0.75 * d * t2 * t2) return true;
  const double x2 = x * x;
  if (u < 1 - 0.0331 * x2 * x2) return true;
  return std::log(u) < 0.5 * x2 + d * (1 - v3 + std::log(v3));
}

double gamma_marsaglia_tsang(RandomSource& rng, double d, double c) {
  for (;;) {
    double x, t, v;
    do {
      x = rng.normal();
      t = c * x;
      v = 1 + t;
    } while (v <= 0);
    const double v3 = v * v * v;
    if (marsaglia_tsang_accepts(d, x, t, v3, rng.uniform())) return d * v3;
  }
}

// One Marsaglia-Tsang attempt for Gamma(d + 1/3, 1) (c = 1 / sqrt(9 d))
// from a lane word for the normal and one for the uniform, the same steps
// as gamma_marsaglia_tsang's; when it is rejected, a whole fresh draw from
// the main generator, which has the same law as going on with the loop.
double gamma_from_lane_words(RandomSource& rng, double d, double c, std::uint64_t normal_word,
                             std::uint64_t uniform_word) {
  const double x = rng.lane_normal(normal_word);
  const double t = c * x;
  const double v = 1 + t;
  if (v > 0) {
    const double v3 = v * v * v;
    if (marsaglia_tsang_accepts(d, x, t, v3, RandomSource::lane_uniform(uniform_word)))
      return d * v3;
  }
  return gamma_marsaglia_tsang(rng, d, c);
}

void gamma_variates_portable(RandomSource& rng, std::span<const double> shapes,
                             std::span<double> out) {
  for (std::size_t i = 0; i < shapes.size(); i += 4) {
    std::uint64_t normal_words[4], uniform_words[4];
    rng.step_lanes(normal_words);
    rng.step_lanes(uniform_words);
    for (std::size_t l = 0; l < 4 && i + l < shapes.size(); ++l) {
      const double d = shapes[i + l] - 1.0 / 3.0;
      out[i + l] =
          gamma_from_lane_words(rng, d, 1.0 / std::sqrt(9 * d), normal_words[l], uniform_words[l]);
    }
  }
}

double gamma_large(RandomSource& rng, double shape) {
  const double d = shape - 1.0 / 3.0;
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

// floor(X) for |X| < 2^63 without a libm call (baseline x86-64 has no
// rounding instruction).
inline double floor_small(double x) {
  const double t = static_cast<double>(static_cast<std::int64_t>(x));
  return t > x ? t - 1 : t;
}

// Binomial as N Bernoulli trials U_i < p, decided a byte at a time: each
// random byte is the first 8 binary digits of one U_i, and p's first 8
// digits are TOP = floor(256 p). A byte below TOP is a success, above it a
// failure; a byte equal to TOP (a tie, 1 in 256) is decided by a fresh
// 64-bit word for the next digits: a success when it is below REST, p's
// remaining digits scaled to 2^64 (an integer, as p has 53 significant
// digits). The bytes and words come from RandomSource's four lanes, 32
// bytes a step (byte b of lane l's word is trial 8 l + b). The first four
// ties are decided by one more step, taken whether or not there is a tie
// (a step costs less than the mispredicted branch: a third of the draws of
// 100 trials have a tie); more ties take more steps. Where the machine has
// AVX2 the lanes are stepped and compared in one vector register: about 20
// instructions for 32 trials, with no branch but the loops', which beats
// BTRD's rejection steps up to a few hundred trials. The draws are the same
// with or without AVX2. 2^-19 <= P < 1, as the caller keeps it.
struct ByteThreshold {
  unsigned top;
  std::uint64_t rest;
};

inline ByteThreshold byte_threshold(double p) {
  // p = m 2^(e - 52) with the 53-bit significand m, so 256 p = m / 2^shift.
  const auto bits = std::bit_cast<std::uint64_t>(p);
  const int e = static_cast<int>(bits >> 52) - 1023;
  const int shift = 44 - e;  // 45..63
  const std::uint64_t m = (bits & ((std::uint64_t{1} << 52) - 1)) | std::uint64_t{1} << 52;
  return {static_cast<unsigned>(m >> shift), m << (64 - shift)};
}

std::int64_t binomial_bytes_portable(RandomSource& rng, std::int64_t n, double p) {
  const ByteThreshold threshold = byte_threshold(p);
  std::int64_t below = 0, ties = 0;
  std::uint64_t words[4];
  for (std::int64_t left = n; left > 0; left -= 32) {
    rng.step_lanes(words);
    const std::int64_t used = std::min<std::int64_t>(left, 32);
    for (std::int64_t i = 0; i < used; ++i) {
      const unsigned byte = static_cast<unsigned>(words[i / 8] >> (8 * (i % 8))) & 0xffu;
      below += byte < threshold.top;
      ties += byte == threshold.top;
    }
  }
  do {
    rng.step_lanes(words);
    for (std::int64_t l = 0; l < std::min<std::int64_t>(ties, 4); ++l)
      below += words[l] < threshold.rest;
    ties -= 4;
  } while (ties > 0);
  return below;
}

#if defined(__x86_64__)
// All ones in the first 32 bytes, zeros in the next 32: the 32 bytes from
// 32 - m on select the first m trials of a step.
alignas(64) constexpr std::uint8_t kFirstBytes[64] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};

template <int K>
[[gnu::target("avx2")]] inline __m256i rotl_lanes(__m256i x) {
  return _mm256_or_si256(_mm256_slli_epi64(x, K), _mm256_srli_epi64(x, 64 - K));
}

// The sum of the four 64-bit lanes of the byte sums of X.
[[gnu::target("avx2")]] inline std::int64_t sum_bytes(__m256i x) {
  const __m256i sums = _mm256_sad_epu8(x, _mm256_setzero_si256());
  const __m128i half =
      _mm_add_epi64(_mm256_castsi256_si128(sums), _mm256_extracti128_si256(sums, 1));
  return _mm_cvtsi128_si64(half) + _mm_cvtsi128_si64(_mm_unpackhi_epi64(half, half));
}

// The four lanes' next words, stepped in one register.
struct LaneState {
  __m256i s0, s1, s2, s3;
};

[[gnu::target("avx2")]] inline __m256i step_lanes_avx2(LaneState& st) {
  const __m256i x = _mm256_add_epi64(st.s1, _mm256_slli_epi64(st.s1, 2));
  const __m256i r = rotl_lanes<7>(x);
  const __m256i word = _mm256_add_epi64(r, _mm256_slli_epi64(r, 3));
  const __m256i t = _mm256_slli_epi64(st.s1, 17);
  st.s2 = _mm256_xor_si256(st.s2, st.s0);
  st.s3 = _mm256_xor_si256(st.s3, st.s1);
  st.s1 = _mm256_xor_si256(st.s1, st.s2);
  st.s0 = _mm256_xor_si256(st.s0, st.s3);
  st.s2 = _mm256_xor_si256(st.s2, t);
  st.s3 = rotl_lanes<45>(st.s3);
  return word;
}

// The lanes' states into registers and back.
[[gnu::target("avx2")]] inline LaneState load_lanes(RandomSource& rng) {
  const auto& s = rng.lanes().s;
  return {_mm256_load_si256(reinterpret_cast<const __m256i*>(s[0])),
          _mm256_load_si256(reinterpret_cast<const __m256i*>(s[1])),
          _mm256_load_si256(reinterpret_cast<const __m256i*>(s[2])),
          _mm256_load_si256(reinterpret_cast<const __m256i*>(s[3]))};
}

[[gnu::target("avx2")]] inline void store_lanes(RandomSource& rng, const LaneState& st) {
  auto& s = rng.lanes().s;
  _mm256_store_si256(reinterpret_cast<__m256i*>(s[0]), st.s0);
  _mm256_store_si256(reinterpret_cast<__m256i*>(s[1]), st.s1);
  _mm256_store_si256(reinterpret_cast<__m256i*>(s[2]), st.s2);
  _mm256_store_si256(reinterpret_cast<__m256i*>(s[3]), st.s3);
}

// RandomSource::lane_uniform of four words, with the same operations.
[[gnu::target("avx2")]] inline __m256d lane_uniforms(__m256i words) {
  const __m256d one_to_two = _mm256_castsi256_pd(
      _mm256_or_si256(_mm256_srli_epi64(words, 12), _mm256_set1_epi64x(0x3ff0000000000000LL)));
  return _mm256_add_pd(_mm256_sub_pd(one_to_two, _mm256_set1_pd(1.0)), _mm256_set1_pd(0x1.0p-53));
}

// The number of ones in a 4-bit mask, and the masks of the first m lanes.
constexpr std::uint8_t kOnes[16] = {0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4};
constexpr unsigned kFirstLanes[5] = {0, 1, 3, 7, 15};

// binomial_bytes_portable with the lanes stepped in one AVX2 register. A
// byte lane's counts stay below 256 while N <= 8160.
[[gnu::target("avx2")]] std::int64_t binomial_bytes_avx2(RandomSource& rng, std::int64_t n,
                                                         double p) {
  const ByteThreshold threshold = byte_threshold(p);
  LaneState st = load_lanes(rng);
  // Signed comparisons after flipping the top bits (AVX2 has no unsigned
  // comparison).
  const __m256i flip = _mm256_set1_epi8(static_cast<char>(0x80));
  const __m256i top = _mm256_set1_epi8(static_cast<char>(threshold.top ^ 0x80u));
  __m256i below = _mm256_setzero_si256(), ties = _mm256_setzero_si256();
  for (std::int64_t left = n; left > 0; left -= 32) {
    const __m256i bytes = _mm256_xor_si256(step_lanes_avx2(st), flip);
    const __m256i used = _mm256_loadu_si256(
        reinterpret_cast<const __m256i*>(kFirstBytes + 32 - std::min<std::int64_t>(left, 32)));
    below = _mm256_sub_epi8(below, _mm256_and_si256(_mm256_cmpgt_epi8(top, bytes), used));
    ties = _mm256_sub_epi8(ties, _mm256_and_si256(_mm256_cmpeq_epi8(bytes, top), used));
  }
  std::int64_t x = sum_bytes(below);
  std::int64_t tied = sum_bytes(ties);
  const __m256i word_flip = _mm256_set1_epi64x(std::numeric_limits<std::int64_t>::min());
  const __m256i rest = _mm256_set1_epi64x(static_cast<std::int64_t>(
      threshold.rest ^ static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::min())));
  do {
    const __m256i words = _mm256_xor_si256(step_lanes_avx2(st), word_flip);
    const unsigned wins = static_cast<unsigned>(
        _mm256_movemask_pd(_mm256_castsi256_pd(_mm256_cmpgt_epi64(rest, words))));
    x += kOnes[wins & kFirstLanes[std::min<std::int64_t>(tied, 4)]];
    tied -= 4;
  } while (tied > 0);
  store_lanes(rng, st);
  return x;
}

// gamma_variates_portable four lanes at a time: the attempts that the
// ziggurat's rectangle and either squeeze accept are computed here with
// the same operations in the same order (no FMA), the others (a few in a
// hundred) by gamma_from_lane_words, lane by lane in order.
[[gnu::target("avx2")]] void gamma_variates_avx2(RandomSource& rng, std::span<const double> shapes,
                                                 std::span<double> out) {
  LaneState st = load_lanes(rng);
  const double* edges = RandomSource::ziggurat_edges();
  const __m256d one = _mm256_set1_pd(1.0);
  const __m256d sign = _mm256_set1_pd(-0.0);
  for (std::size_t i = 0; i < shapes.size(); i += 4) {
    const __m256i normal_words = step_lanes_avx2(st);
    const __m256i uniform_words = step_lanes_avx2(st);
    const std::size_t lanes = std::min<std::size_t>(4, shapes.size() - i);
    // Assembled from scalar loads: the caller has just stored the shapes one
    // by one, and a vector load would wait for all four stores.
    alignas(32) double shape[4] = {1, 1, 1, 1};
    for (std::size_t l = 0; l < lanes; ++l) shape[l] = shapes[i + l];
    const double* from = lanes == 4 ? &shapes[i] : shape;
    const __m128d low = _mm_loadh_pd(_mm_load_sd(from), from + 1);
    const __m128d high = _mm_loadh_pd(_mm_load_sd(from + 2), from + 3);
    const __m256d d = _mm256_sub_pd(_mm256_insertf128_pd(_mm256_castpd128_pd256(low), high, 1),
                                    _mm256_set1_pd(1.0 / 3.0));
    const __m256d c = _mm256_div_pd(one, _mm256_sqrt_pd(_mm256_mul_pd(_mm256_set1_pd(9.0), d)));
    // The normal: RandomSource::lane_normal's rectangle test.
    const __m256i layer = _mm256_and_si256(normal_words, _mm256_set1_epi64x(127));
    const __m256d signed_uniform = _mm256_mul_pd(
        _mm256_sub_pd(
            _mm256_castsi256_pd(_mm256_or_si256(_mm256_srli_epi64(normal_words, 12),
                                                _mm256_set1_epi64x(0x4330000000000000LL))),
            _mm256_set1_pd(0x1.8p52)),
        _mm256_set1_pd(0x1.0p-51));
    const __m256d x = _mm256_mul_pd(signed_uniform, _mm256_i64gather_pd(edges, layer, 8));
    const __m256d inner = _mm256_i64gather_pd(edges + 1, layer, 8);
    const __m256d in_rectangle = _mm256_cmp_pd(_mm256_andnot_pd(sign, x), inner, _CMP_LT_OQ);
    // The attempt.
    const __m256d t = _mm256_mul_pd(c, x);
    const __m256d v = _mm256_add_pd(one, t);
    const __m256d positive = _mm256_cmp_pd(v, _mm256_setzero_pd(), _CMP_GT_OQ);
    const __m256d m = _mm256_blendv_pd(v, one, _mm256_cmp_pd(t, _mm256_setzero_pd(), _CMP_GE_OQ));
    const __m256d v3 = _mm256_mul_pd(_mm256_mul_pd(v, v), v);
    const __m256d u = lane_uniforms(uniform_words);
    const __m256d t2 = _mm256_mul_pd(t, t);
    const __m256d first = _mm256_cmp_pd(
        _mm256_mul_pd(u, m),
        _mm256_sub_pd(m,
                      _mm256_mul_pd(_mm256_mul_pd(_mm256_mul_pd(_mm256_set1_pd(0.75), d), t2), t2)),
        _CMP_LT_OQ);
    const __m256d x2 = _mm256_mul_pd(x, x);
    const __m256d second = _mm256_cmp_pd(
        u, _mm256_sub_pd(one, _mm256_mul_pd(_mm256_mul_pd(_mm256_set1_pd(0.0331), x2), x2)),
        _CMP_LT_OQ);
    const __m256d accepted =
        _mm256_and_pd(_mm256_and_pd(in_rectangle, positive), _mm256_or_pd(first, second));
    alignas(32) double value[4];
    _mm256_store_pd(value, _mm256_mul_pd(d, v3));
    const int fast = _mm256_movemask_pd(accepted);
    if (fast == 15 && lanes == 4) [[likely]] {
      _mm256_storeu_pd(&out[i], _mm256_load_pd(value));
      continue;
    }
    alignas(32) std::uint64_t nw[4], uw[4];
    _mm256_store_si256(reinterpret_cast<__m256i*>(nw), normal_words);
    _mm256_store_si256(reinterpret_cast<__m256i*>(uw), uniform_words);
    for (std::size_t l = 0; l < lanes; ++l) {
      if (fast >> l & 1) {
        out[i + l] = value[l];
        continue;
      }
      const double dl = shape[l] - 1.0 / 3.0;
      out[i + l] = gamma_from_lane_words(rng, dl, 1.0 / std::sqrt(9 * dl), nw[l], uw[l]);
    }
  }
  store_lanes(rng, st);
}

// binomial_bytes_portable with two SSE2 registers of two lanes each:
// baseline x86-64, for machines without AVX2. The ties are decided as in the
// portable code (SSE2 has no 64-bit comparison).
std::int64_t binomial_bytes_sse2(RandomSource& rng, std::int64_t n, double p) {
  const ByteThreshold threshold = byte_threshold(p);
  auto& s = rng.lanes().s;
  __m128i lo[4], hi[4];  // lanes 0-1 and 2-3 of each state word
  for (int w = 0; w < 4; ++w) {
    lo[w] = _mm_load_si128(reinterpret_cast<const __m128i*>(&s[w][0]));
    hi[w] = _mm_load_si128(reinterpret_cast<const __m128i*>(&s[w][2]));
  }
  const auto step = [](__m128i(&st)[4]) {
    const auto rotl = [](__m128i x, int k) {
      return _mm_or_si128(_mm_slli_epi64(x, k), _mm_srli_epi64(x, 64 - k));
    };
    const __m128i x = _mm_add_epi64(st[1], _mm_slli_epi64(st[1], 2));
    const __m128i r = rotl(x, 7);
    const __m128i word = _mm_add_epi64(r, _mm_slli_epi64(r, 3));
    const __m128i t = _mm_slli_epi64(st[1], 17);
    st[2] = _mm_xor_si128(st[2], st[0]);
    st[3] = _mm_xor_si128(st[3], st[1]);
    st[1] = _mm_xor_si128(st[1], st[2]);
    st[0] = _mm_xor_si128(st[0], st[3]);
    st[2] = _mm_xor_si128(st[2], t);
    st[3] = rotl(st[3], 45);
    return word;
  };
  const __m128i flip = _mm_set1_epi8(static_cast<char>(0x80));
  const __m128i top = _mm_set1_epi8(static_cast<char>(threshold.top ^ 0x80u));
  __m128i below = _mm_setzero_si128(), ties = _mm_setzero_si128();
  for (std::int64_t left = n; left > 0; left -= 32) {
    const std::uint8_t* used = kFirstBytes + 32 - std::min<std::int64_t>(left, 32);
    const __m128i low_bytes = _mm_xor_si128(step(lo), flip);
    const __m128i high_bytes = _mm_xor_si128(step(hi), flip);
    const __m128i low_used = _mm_loadu_si128(reinterpret_cast<const __m128i*>(used));
    const __m128i high_used = _mm_loadu_si128(reinterpret_cast<const __m128i*>(used + 16));
    below = _mm_sub_epi8(below, _mm_and_si128(_mm_cmplt_epi8(low_bytes, top), low_used));
    below = _mm_sub_epi8(below, _mm_and_si128(_mm_cmplt_epi8(high_bytes, top), high_used));
    ties = _mm_sub_epi8(ties, _mm_and_si128(_mm_cmpeq_epi8(low_bytes, top), low_used));
    ties = _mm_sub_epi8(ties, _mm_and_si128(_mm_cmpeq_epi8(high_bytes, top), high_used));
  }
  // A byte lane now holds up to 2 counts per step: below 256 while N <= 4080.
  const __m128i zero = _mm_setzero_si128();
  const __m128i below_sums = _mm_sad_epu8(below, zero), tie_sums = _mm_sad_epu8(ties, zero);
  std::int64_t x =
      _mm_cvtsi128_si64(below_sums) + _mm_cvtsi128_si64(_mm_unpackhi_epi64(below_sums, below_sums));
  std::int64_t tied =
      _mm_cvtsi128_si64(tie_sums) + _mm_cvtsi128_si64(_mm_unpackhi_epi64(tie_sums, tie_sums));
  do {
    alignas(16) std::uint64_t words[4];
    _mm_store_si128(reinterpret_cast<__m128i*>(&words[0]), step(lo));
    _mm_store_si128(reinterpret_cast<__m128i*>(&words[2]), step(hi));
    for (std::int64_t l = 0; l < std::min<std::int64_t>(tied, 4); ++l)
      x += words[l] < threshold.rest;
    tied -= 4;
  } while (tied > 0);
  for (int w = 0; w < 4; ++w) {
    _mm_store_si128(reinterpret_cast<__m128i*>(&s[w][0]), lo[w]);
    _mm_store_si128(reinterpret_cast<__m128i*>(&s[w][2]), hi[w]);
  }
  return x;
}

VectorUnit best_vector_unit() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") != 0 ? VectorUnit::avx2 : VectorUnit::sse2;
}
#else
VectorUnit best_vector_unit() { return VectorUnit::none; }
#endif

// The vector code the draws use: the machine's best unless a test has chosen
// less (use_vector_unit).
VectorUnit vector_unit = best_vector_unit();

[[gnu::always_inline]] inline std::int64_t binomial_bytes(RandomSource& rng, std::int64_t n,
                                                          double p) {
#if defined(__x86_64__)
  if (vector_unit == VectorUnit::avx2) return binomial_bytes_avx2(rng, n, p);
  if (vector_unit == VectorUnit::sse2) return binomial_bytes_sse2(rng, n, p);
#endif
  return binomial_bytes_portable(rng, n, p);
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

// Up to this many trials, comparing bytes costs less than BTRD or inversion
// (measured on Kosovo: 320 and 768 1-2% slower, 128 much slower). A byte
// lane's counts must stay below 256 (kBytesUpTo <= 4080 for SSE2).
constexpr std::int64_t kBytesUpTo = 512;
static_assert(kBytesUpTo <= 4080);

// Binomial(n, p), inline for the multinomial's loop.
[[gnu::always_inline]] inline std::int64_t binomial(RandomSource& rng, std::int64_t n, double p) {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  // Up to kBytesUpTo trials the byte comparisons cost a few vector steps
  // whatever p, and choosing them needs only n, which is known long before
  // p (a division) is: a choice that waited on p would be decided late and
  // mispredicted often. p within 2^-19 of 0 or 1 (rare) goes to inversion.
  if (n <= kBytesUpTo && p >= 0x1.0p-19 && p <= 1 - 0x1.0p-19) return binomial_bytes(rng, n, p);
  const bool flip = p > 0.5;
  const double pp = flip ? 1 - p : p;
  const double np = static_cast<double>(n) * pp;
  // Inversion for small means; beyond, BTRD, whose cost does not grow with n.
  const std::int64_t x = np < 10 ? binomial_inversion(rng, n, pp) : binomial_btrd(rng, n, pp);
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

VectorUnit use_vector_unit(VectorUnit wanted) {
  vector_unit = std::min(wanted, best_vector_unit());
  return vector_unit;
}

void gamma_variates(RandomSource& rng, std::span<const double> shapes, std::span<double> out) {
#if defined(__x86_64__)
  if (vector_unit == VectorUnit::avx2) return gamma_variates_avx2(rng, shapes, out);
#endif
  gamma_variates_portable(rng, shapes, out);
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

namespace {

// The last few items of a split (at most four), given the counts so far:
// each is one categorical draw over order[r..]. With v uniform on [0,
// rest[r]), the item goes to the position t >= r with rest[t + 1] <= v <
// rest[t], probability weight / rest[r]; t is found by counting, without a
// branch to mispredict, and a category of weight 0 (rest[t + 1] == rest[t])
// is never chosen. The four uniforms come from one step of the lanes (item l
// from lane l). The product can round up to rest[r] (for the top few
// uniforms, about 2^-52 of draws); such an item's v is drawn again from the
// main generator, or a category of weight 0 at r could be chosen.
double few_left_value(RandomSource& rng, std::uint64_t word, double total) {
  double v = RandomSource::lane_uniform(word) * total;
  while (v >= total && total > 0) v = rng.uniform() * total;
  return v;
}

void place_few_portable(RandomSource& rng, std::int64_t n, std::size_t r,
                        std::span<const double> rest, std::span<const std::uint16_t> order,
                        std::span<std::int64_t> out) {
  std::uint64_t words[4];
  rng.step_lanes(words);
  for (std::int64_t l = 0; l < n; ++l) {
    const double v = few_left_value(rng, words[l], rest[r]);
    std::size_t s = r;
    for (std::size_t t = r + 1; t < rest.size(); ++t) s += rest[t] > v;
    ++out[order[s]];
  }
}

#if defined(__x86_64__)
[[gnu::target("avx2")]] void place_few_avx2(RandomSource& rng, std::int64_t n, std::size_t r,
                                            std::span<const double> rest,
                                            std::span<const std::uint16_t> order,
                                            std::span<std::int64_t> out) {
  LaneState st = load_lanes(rng);
  const __m256i words = step_lanes_avx2(st);
  store_lanes(rng, st);
  const __m256d total = _mm256_set1_pd(rest[r]);
  __m256d v = _mm256_mul_pd(lane_uniforms(words), total);
  if (_mm256_movemask_pd(_mm256_cmp_pd(v, total, _CMP_GE_OQ)) & kFirstLanes[n]) [[unlikely]] {
    alignas(32) std::uint64_t w[4];
    _mm256_store_si256(reinterpret_cast<__m256i*>(w), words);
    alignas(32) double values[4];
    for (int l = 0; l < 4; ++l) values[l] = l < n ? few_left_value(rng, w[l], rest[r]) : 0.0;
    v = _mm256_load_pd(values);
  }
  __m256i position = _mm256_set1_epi64x(static_cast<long long>(r));
  for (std::size_t t = r + 1; t < rest.size(); ++t)
    position = _mm256_sub_epi64(
        position, _mm256_castpd_si256(_mm256_cmp_pd(_mm256_set1_pd(rest[t]), v, _CMP_GT_OQ)));
  alignas(32) std::uint64_t at[4];
  _mm256_store_si256(reinterpret_cast<__m256i*>(at), position);
  for (std::int64_t l = 0; l < n; ++l) ++out[order[at[l]]];
}
#endif

void place_few(RandomSource& rng, std::int64_t n, std::size_t r, std::span<const double> rest,
               std::span<const std::uint16_t> order, std::span<std::int64_t> out) {
#if defined(__x86_64__)
  if (vector_unit == VectorUnit::avx2) return place_few_avx2(rng, n, r, rest, order, out);
#endif
  place_few_portable(rng, n, r, rest, order, out);
}

}  // namespace

void weights_left(std::span<const double> weights, std::span<const std::uint16_t> order,
                  std::span<double> left) {
  // Summed from the end, so that a tiny weight behind large ones keeps its
  // digits.
  double total = 0;
  for (std::size_t r = weights.size(); r-- > 0;) {
    total += weights[order[r]];
    left[r] = total;
  }
}

void multinomial_variate(RandomSource& rng, std::int64_t n, std::span<const double> weights,
                         std::span<const std::uint16_t> order, std::span<const double> rest,
                         std::span<std::int64_t> out) {
  const std::size_t k = weights.size();
  std::fill(out.begin(), out.end(), 0);
  if (k < 2) {
    if (k == 1) out[0] = n;
    return;
  }
  // Conditional binomials: category order[r] gets Binomial(n left, its
  // weight / rest[r]).
  constexpr std::int64_t kFewLeft = 4;
  double share = rest[0] > 0 ? weights[order[0]] / rest[0] : 0.0;
  for (std::size_t r = 0; r + 1 < k && n > 0; ++r) {
    if (n <= kFewLeft) {
      place_few(rng, n, r, rest.first(k), order, out);
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
                         std::span<const std::uint16_t> order, std::span<std::int64_t> out) {
  constexpr std::size_t kStack = 1024;  // the sampler allows up to 1000 classes
  double stack[kStack];
  std::vector<double> heap;
  std::span<double> rest(stack, std::min(weights.size(), kStack));
  if (weights.size() > kStack) {
    heap.resize(weights.size());
    rest = heap;
  }
  weights_left(weights, order, rest);
  multinomial_variate(rng, n, weights, order, rest, out);
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
