#pragma once
// String similarity measures used by comparison levels. All run without heap
// allocation (the inner loop of linkage calls them hundreds of millions of
// times): strings longer than kMaxSimilarityLength bytes are compared on
// their first kMaxSimilarityLength bytes. They work on bytes, which is exact
// for ASCII; Korean names have their own comparisons (jamo, romanization).

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

}  // namespace uncounted::link
