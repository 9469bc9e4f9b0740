#pragma once
// The keys a prepared name is compared and blocked on: family-name class,
// romanization-blind jamo classes, 64-bit hashes. Internal to src/korean/.

#include <cstdint>

#include "korean/hangul.h"

namespace uncounted::korean {

// Phonetic classes: what romanizations cannot reliably tell apart.
// Leads: ㄱㄲㅋ | ㄴ | ㄷㄸㅌ | ㄹ | ㅁ | ㅂㅃㅍ | ㅅㅆ | ㅇ | ㅈㅉㅊ | ㅎ.
constexpr std::uint8_t kLeadClass[kLeadCount] = {1, 1, 2, 3, 3, 4, 5, 6, 6, 7,
                                                 7, 0, 8, 8, 8, 1, 3, 6, 9};
// Vowels: ㅏ | ㅐㅔ | ㅑ | ㅒㅖ | ㅓㅗ | ㅕㅛ | ㅘ | ㅙㅚㅞ | ㅜㅡ | ㅝ | ㅟ | ㅠ | ㅢㅣ.
constexpr std::uint8_t kVowelClass[kVowelCount] = {1, 2, 3, 4,  5, 2,  6,  4, 5,  7, 8,
                                                   8, 6, 9, 10, 8, 11, 12, 9, 13, 13};
// Tails by sound: none | ㄱ | ㄴ | ㄹ | ㅁ | ㅂ | ㅇ | t-like.
constexpr std::uint8_t kTailClass[kTailCount] = {0, 1, 1, 1, 2, 2, 2, 7, 3, 1, 4, 3, 3, 3,
                                                 5, 3, 4, 5, 5, 7, 7, 6, 7, 7, 1, 7, 5, 7};

constexpr std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
  // splitmix64 finalizer over h ^ v: cheap, well-distributed.
  std::uint64_t z = h ^ (v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2));
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

inline std::uint32_t phonetic_syllable(SyllableIndex s) {
  const Jamo j = decompose(s);
  return (std::uint32_t(kLeadClass[j.lead]) << 8) | (std::uint32_t(kVowelClass[j.vowel]) << 4) |
         kTailClass[j.tail];
}

}  // namespace uncounted::korean
