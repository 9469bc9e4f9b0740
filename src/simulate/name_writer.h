#pragma once
// How documenters write a Korean name: in Hangul (the North's 리 or the
// South's 이), in the North's official romanization, McCune-Reischauer or
// Revised Romanization, the press's given-name-first spellings, or Hangul
// with a romanization beside it; and the typing mistakes they make.

#include <string>
#include <string_view>

#include "korean/hangul_name.h"
#include "simulate/random_stream.h"

namespace uncounted::simulate {

// Writes NAME in STYLE (a name style of WritingSpec::names), choosing among
// the style's usual variants (hyphens, capitals, conventional family-name
// spellings) with RANDOM.
std::string write_name(const korean::HangulName& name, std::string_view style,
                       RandomStream& random);

// TEXT with one mistake typical of typing: a letter dropped, doubled,
// swapped with its neighbour or replaced by a neighbouring key; in Hangul, a
// syllable's vowel replaced by a similar one. TEXT unchanged when it has
// nothing to change.
std::string with_typo(const std::string& text, RandomStream& random);

}  // namespace uncounted::simulate
