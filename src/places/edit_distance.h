#pragma once
// Typo distance between two keys, for the gazetteer's fuzzy matching,
// counted in letters: a Hangul syllable is spelled out as its two or three
// jamo first, so a wrong vowel in 자성근 (for 자성군) is one edit of eight,
// as a wrong letter in "Jasong Kun" is one of nine.

#include <string>
#include <string_view>

namespace uncounted::places {

// UTF-8 KEY as code points (bytes that are not UTF-8 count one each).
std::u32string to_code_points(std::string_view key);

// KEY as the letters typo distance counts: code points, with each Hangul
// syllable decomposed into its conjoining jamo (U+1100 block).
std::u32string typo_key(std::string_view key);

// Optimal-string-alignment distance: insertions, deletions, substitutions
// and transpositions of neighbours each cost 1. Returns a value above
// LIMIT as soon as the distance is known to exceed it (cheap rejection).
int edit_distance(std::u32string_view a, std::u32string_view b, int limit);

}  // namespace uncounted::places
