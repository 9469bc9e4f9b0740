#pragma once
// Typo distance between two keys, counted in characters (a Hangul syllable
// is one), for the gazetteer's fuzzy matching.

#include <string>
#include <string_view>

namespace uncounted::places {

// UTF-8 KEY as code points (bytes that are not UTF-8 count one each).
std::u32string to_code_points(std::string_view key);

// Optimal-string-alignment distance: insertions, deletions, substitutions
// and transpositions of neighbours each cost 1. Returns a value above
// LIMIT as soon as the distance is known to exceed it (cheap rejection).
int edit_distance(std::u32string_view a, std::u32string_view b, int limit);

}  // namespace uncounted::places
