#pragma once
// How likely a syllable is in a Korean given name, as a parsing cost (lower
// is likelier), from data/korean_given_syllables.tsv. Used to rank the
// Hangul readings of a romanized given name: "Chul" is far more often 철
// than 출 or 줄.

#include "korean/hangul.h"

namespace uncounted::korean {

// Cost of SYLLABLE in a given name: 0 for the most usual name syllables,
// rising for rarer ones and for finals that Sino-Korean readings never have.
// Thread-safe; the table is loaded once.
float given_syllable_cost(SyllableIndex syllable);

}  // namespace uncounted::korean
