#pragma once
// A Korean name in Hangul, split into family name and given name: the unit
// that romanizers write and the romanized-name parser produces.

#include <cstdint>
#include <string>
#include <string_view>

#include "korean/hangul.h"

namespace uncounted::korean {

inline constexpr int kMaxNameSyllables = 8;

// Fixed-size, no allocation: copied freely in hot paths.
struct HangulName {
  std::uint8_t surname_length = 0;  // 0 when no family name is known
  std::uint8_t length = 0;          // total syllables, surname first
  SyllableIndex syllables[kMaxNameSyllables] = {};

  const SyllableIndex* given_begin() const { return syllables + surname_length; }
  int given_length() const { return length - surname_length; }
  bool empty() const { return length == 0; }
  friend bool operator==(const HangulName& a, const HangulName& b) {
    if (a.length != b.length || a.surname_length != b.surname_length) return false;
    for (int i = 0; i < a.length; ++i)
      if (a.syllables[i] != b.syllables[i]) return false;
    return true;
  }
};

// The name as UTF-8 Hangul, surname first, no space ("리철호").
std::string to_utf8(const HangulName& name);

// Splits a run of Hangul syllables (already normalized, no other
// characters) into family and given name: a two-syllable family name
// (남궁, 황보, 제갈, ...) when the table knows it and at least one syllable
// follows, else the first syllable. Returns an empty name when TEXT is empty,
// holds a non-syllable, or is longer than kMaxNameSyllables.
HangulName split_hangul_name(std::u32string_view syllables);

}  // namespace uncounted::korean
