#pragma once
// String similarity measures used by comparison levels. All run without heap
// allocation (the inner loop of linkage calls them hundreds of millions of
// times): strings longer than kMaxSimilarityLength bytes are compared on
// their first kMaxSimilarityLength bytes. They work on bytes, which is exact
// for ASCII; Korean names have their own comparisons (jamo, romanization).

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace uncounted::link {

inline constexpr int kMaxSimilarityLength = 64;

// Jaro similarity in [0, 1]; 1 for two empty strings.
double jaro(std::string_view a, std::string_view b);

// Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4).
double jaro_winkler(std::string_view a, std::string_view b);

// jaro_winkler(A, B) when it is at least FLOOR; otherwise some value below
// FLOOR, often found without the full computation.
double jaro_winkler_at_least(std::string_view a, std::string_view b, double floor);

// Levenshtein distance, or LIMIT + 1 when it exceeds LIMIT (so callers that
// only ask "within k?" stop early).
int levenshtein(std::string_view a, std::string_view b, int limit);

// Damerau-Levenshtein distance in its optimal-string-alignment form
// (adjacent transpositions cost 1), capped at LIMIT + 1 like levenshtein().
int damerau_levenshtein(std::string_view a, std::string_view b, int limit);

// What the bounds below need of a string, computed once per distinct value:
// bit (c & 63) set for each byte c of its first kMaxSimilarityLength bytes,
// those first bytes' count, and its first four bytes (zero padded).
struct TextSketch {
  std::uint64_t mask = 0;
  std::uint32_t prefix = 0;
  std::uint32_t length = 0;
};
TextSketch sketch_text(std::string_view s);

// Bits set in X. (std::popcount becomes a library call on a baseline x86-64
// build; this is a handful of inline instructions.)
inline int count_bits(std::uint64_t x) {
  x = x - ((x >> 1) & 0x5555555555555555ULL);
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return static_cast<int>((x * 0x0101010101010101ULL) >> 56);
}

// Upper bound on jaro_winkler() of the two sketched strings (for non-empty
// strings), from their sketches alone: random pairs of values (u sampling)
// are mostly told apart without reading the text.
inline double jaro_winkler_bound(const TextSketch& a, const TextSketch& b) {
  // Each byte value of A that B lacks leaves at least one character of A
  // unmatched (and the other way round).
  const int a_in_b = static_cast<int>(a.length) - count_bits(a.mask & ~b.mask);
  const int b_in_a = static_cast<int>(b.length) - count_bits(b.mask & ~a.mask);
  const double matches = std::max(0, std::min(a_in_b, b_in_a));
  if (matches == 0 || a.length == 0 || b.length == 0) return 0.0;
  const double jaro_bound = (matches / a.length + matches / b.length + 1.0) / 3.0;
  const std::uint32_t limit = std::min<std::uint32_t>({4, a.length, b.length});
  std::uint32_t same = 0;
  for (std::uint32_t differ = a.prefix ^ b.prefix; same < 4 && (differ & 0xFF) == 0; ++same) {
    differ >>= 8;
  }
  const double prefix = std::min(same, limit);
  return jaro_bound + prefix * 0.1 * (1.0 - jaro_bound);
}

// Lower bound on levenshtein() and damerau_levenshtein() (each byte value
// one string lacks needs an edit of its own), from the sketches alone.
inline int edit_distance_bound(const TextSketch& a, const TextSketch& b) {
  const int length = std::abs(static_cast<int>(a.length) - static_cast<int>(b.length));
  return std::max({length, count_bits(a.mask & ~b.mask), count_bits(b.mask & ~a.mask)});
}

}  // namespace uncounted::link
