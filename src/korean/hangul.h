#pragma once
// Hangul by Unicode arithmetic: precomposed syllables (U+AC00..U+D7A3) are
// (lead * 21 + vowel) * 28 + tail, so decomposing and composing need no
// tables. Also folds the other ways the same syllable can be written:
// conjoining jamo sequences (U+1100 block, as NFD produces) and Hangul
// compatibility jamo (U+3131 block, as typed letter by letter).
//
// Jamo indices used throughout src/korean/:
//   lead  0..18: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
//   vowel 0..20: ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
//   tail  0..27: none ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ
//   ㅎ

#include <cstdint>
#include <string>
#include <string_view>

namespace uncounted::korean {

inline constexpr char32_t kSyllableBase = 0xAC00;
inline constexpr int kLeadCount = 19;
inline constexpr int kVowelCount = 21;
inline constexpr int kTailCount = 28;
inline constexpr int kSyllableCount = kLeadCount * kVowelCount * kTailCount;  // 11172

// A syllable's index 0..11171 (cp - U+AC00) fits in 16 bits; names are
// stored as arrays of these.
using SyllableIndex = std::uint16_t;

struct Jamo {
  std::uint8_t lead = 0;   // 0..18
  std::uint8_t vowel = 0;  // 0..20
  std::uint8_t tail = 0;   // 0..27, 0 = no final consonant
};

// Named lead indices that the romanizers and the initial-sound rule need.
enum Lead : std::uint8_t {
  kLeadG = 0,
  kLeadGG = 1,
  kLeadN = 2,
  kLeadD = 3,
  kLeadDD = 4,
  kLeadR = 5,
  kLeadM = 6,
  kLeadB = 7,
  kLeadBB = 8,
  kLeadS = 9,
  kLeadSS = 10,
  kLeadNone = 11,
  kLeadJ = 12,
  kLeadJJ = 13,
  kLeadCh = 14,
  kLeadK = 15,
  kLeadT = 16,
  kLeadP = 17,
  kLeadH = 18,
};

constexpr bool is_syllable(char32_t cp) {
  return cp >= kSyllableBase && cp < kSyllableBase + kSyllableCount;
}
constexpr bool is_conjoining_jamo(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xA960 && cp <= 0xA97F) ||
         (cp >= 0xD7B0 && cp <= 0xD7FF);
}
constexpr bool is_compatibility_jamo(char32_t cp) { return cp >= 0x3131 && cp <= 0x318E; }
// Anything Hangul: syllables, conjoining or compatibility jamo.
constexpr bool is_hangul(char32_t cp) {
  return is_syllable(cp) || is_conjoining_jamo(cp) || is_compatibility_jamo(cp);
}

constexpr Jamo decompose(SyllableIndex s) {
  return Jamo{static_cast<std::uint8_t>(s / (kVowelCount * kTailCount)),
              static_cast<std::uint8_t>((s / kTailCount) % kVowelCount),
              static_cast<std::uint8_t>(s % kTailCount)};
}
constexpr SyllableIndex compose(Jamo j) {
  return static_cast<SyllableIndex>((j.lead * kVowelCount + j.vowel) * kTailCount + j.tail);
}
constexpr SyllableIndex syllable_index(char32_t cp) {
  return static_cast<SyllableIndex>(cp - kSyllableBase);
}
constexpr char32_t syllable_code_point(SyllableIndex s) { return kSyllableBase + s; }

// Composes every conjoining-jamo sequence (L V, L V T, LV T) into its
// precomposed syllable, maps compatibility jamo that spell syllables
// (ㄱㅣㅁ) into syllables, and drops spaces *between* Hangul syllables
// ("김 철호" -> "김철호"). Other code points are kept as they are. Jamo that
// cannot form a syllable (a lone ㅋ) are kept, so callers can tell.
std::u32string normalize_hangul(std::u32string_view text);

// The syllable after the South Korean initial-sound rule (두음법칙), used for
// the first syllable of a word: ㄹ before i/y vowels -> ㅇ, other ㄹ -> ㄴ,
// ㄴ before i/y vowels -> ㅇ (리 -> 이, 로 -> 노, 녀 -> 여). Other syllables are
// returned unchanged.
SyllableIndex apply_initial_sound_rule(SyllableIndex s);

// Whether the vowel starts with an i/y sound (ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ).
constexpr bool is_iotized_vowel(std::uint8_t vowel) {
  return vowel == 2 || vowel == 3 || vowel == 6 || vowel == 7 || vowel == 12 || vowel == 17 ||
         vowel == 20;
}

}  // namespace uncounted::korean
