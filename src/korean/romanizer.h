#pragma once
// Hangul names to Latin letters, as names are written in each system:
// family name as its own word, then the given name joined ("Cheolho"),
// hyphenated ("Ch'ŏl-ho") or spaced per syllable (DPRK: "Chol Ho").
//
// Rules applied (and deliberately not applied):
// - Every syllable is romanized on its own, as ROK passports and the DPRK
//   rules do for names; no nasalization or other assimilation across
//   syllables (한복남 -> Boknam, not Bongnam).
// - McCune-Reischauer and DPRK voice ㄱ ㄷ ㅂ (and ㅈ in MR) inside the given
//   name after a vowel or ㄴ ㄹ ㅁ ㅇ (김대중 -> Kim Tae-jung, 박동구 ->
//   Pak Tong Gu); the given name's first syllable stays voiceless.
// - MR writes ㄹ as r between vowels or before ㅎ inside a joined given name
//   (철호 -> Ch'ŏrho) and as l elsewhere.
// - The family name 이 is "Yi" in MR (Library of Congress practice) and "I"
//   in strict RR; `conventional_surname` writes the most common spelling of
//   the family name instead (Lee, Park, Choi) from data/surnames.tsv.

#include <string>

#include "korean/hangul_name.h"

namespace uncounted::korean {

enum class RomanizationSystem {
  kRevised,           // RR (ROK 2000): Gim Cheolho
  kMcCuneReischauer,  // MR (1939): Kim Ch'ŏl-ho
  kNorthKorean,       // DPRK official (1992/2002/2012): Kim Chol Ho
};

enum class GivenNameStyle {
  kSystemDefault,  // RR joined, MR hyphenated, DPRK spaced
  kJoined,         // Cheolho
  kHyphenated,     // Cheol-ho
  kSpaced,         // Cheol Ho
};

struct RomanizationOptions {
  RomanizationSystem system = RomanizationSystem::kRevised;
  GivenNameStyle style = GivenNameStyle::kSystemDefault;
  bool diacritics = true;             // MR/DPRK breves: ŏ ŭ (false: o u)
  bool apostrophes = true;            // MR aspiration marks: ch' k' t' p' (false: dropped)
  bool surname_last = false;          // "Cheolho Gim"
  bool upper_case = false;            // passport style: "GIM CHEOLHO"
  bool conventional_surname = false;  // "Lee" instead of the system's spelling
};

// The romanized name; empty when NAME is empty. Letters are ASCII except the
// breves ŏ ŭ (MR/DPRK with diacritics), written in UTF-8.
std::string romanize(const HangulName& name, const RomanizationOptions& options = {});

// The ASCII matching form of a system: lower case, no diacritics, no
// apostrophes, given name joined ("kim chorho" for MR).
std::string romanize_ascii(const HangulName& name, RomanizationSystem system);

}  // namespace uncounted::korean
