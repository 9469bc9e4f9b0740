#pragma once
// Romanized Korean names back to Hangul: "Ri Chol Ho", "Lee Cheol-ho",
// "Chul Ho Lee", "CHOI CHEOLHO", "Ch'oe Ch'ŏr-ho", "Kim, Chul-ho" all become
// ranked Hangul candidates (리철호, 이철호, ...).
//
// How: every word is segmented into syllables by dynamic programming over
// the spellings that RR, McCune-Reischauer, the DPRK system, passports and
// the press use for each jamo (ㅓ: eo, ŏ, o, u, uh, ...), each with a cost;
// syllables are weighted by how usual they are in given names
// (syllable_prior.h); the family name is looked up among the spellings of
// data/surnames.tsv, tried both first and last (a comma or an all-capital
// word says which). The K best readings survive.
//
// Costs are negative-log-likelihood-like numbers tuned by hand on the test
// tables in tests/korean/data; they rank, they are not probabilities.

#include <string_view>
#include <vector>

#include "korean/hangul_name.h"

namespace uncounted::korean {

struct HangulCandidate {
  HangulName name;
  float cost = 0;  // lower is likelier; the best candidate is first
};

inline constexpr int kDefaultMaxCandidates = 8;

// Longer input is not a name; it is rejected (empty result) rather than
// parsed, which bounds the work per call.
inline constexpr std::size_t kMaxRomanizedNameBytes = 256;

// Parses TEXT (UTF-8; Latin letters, with or without MR/DPRK diacritics and
// apostrophes; spaces, hyphens, commas, dots as separators; other characters
// are ignored) into at most MAX_CANDIDATES Hangul readings, best first.
// Returns an empty vector when no Korean reading exists ("John Smith"),
// for empty input and for input over kMaxRomanizedNameBytes. Never throws
// on any bytes. Thread-safe.
std::vector<HangulCandidate> parse_romanized_name(std::string_view text,
                                                  int max_candidates = kDefaultMaxCandidates);

}  // namespace uncounted::korean
