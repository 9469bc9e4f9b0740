#include "korean/hangul.h"

namespace uncounted::korean {
namespace {

constexpr char32_t kLeadJamoBase = 0x1100;   // ᄀ..ᄒ (19)
constexpr char32_t kVowelJamoBase = 0x1161;  // ᅡ..ᅵ (21)
constexpr char32_t kTailJamoBase = 0x11A7;   // tail index 1 = U+11A8

// Compatibility consonants U+3131..U+314E in code point order, as
// (lead index or -1, tail index or 0).
struct CompatConsonant {
  std::int8_t lead;
  std::uint8_t tail;
};
constexpr CompatConsonant kCompatConsonants[30] = {
    {0, 1},  {1, 2},   {-1, 3},  {2, 4},   {-1, 5},  {-1, 6},  {3, 7},   {4, 0},
    {5, 8},  {-1, 9},  {-1, 10}, {-1, 11}, {-1, 12}, {-1, 13}, {-1, 14}, {-1, 15},
    {6, 16}, {7, 17},  {8, 0},   {-1, 18}, {9, 19},  {10, 20}, {11, 21}, {12, 22},
    {13, 0}, {14, 23}, {15, 24}, {16, 25}, {17, 26}, {18, 27},
};

int lead_of(char32_t cp) {
  if (cp >= kLeadJamoBase && cp < kLeadJamoBase + kLeadCount) return int(cp - kLeadJamoBase);
  if (cp >= 0x3131 && cp <= 0x314E) return kCompatConsonants[cp - 0x3131].lead;
  return -1;
}
int vowel_of(char32_t cp) {
  if (cp >= kVowelJamoBase && cp < kVowelJamoBase + kVowelCount) return int(cp - kVowelJamoBase);
  if (cp >= 0x314F && cp <= 0x3163) return int(cp - 0x314F);
  return -1;
}
int tail_of(char32_t cp) {
  if (cp > kTailJamoBase && cp < kTailJamoBase + kTailCount) return int(cp - kTailJamoBase);
  if (cp >= 0x3131 && cp <= 0x314E) return kCompatConsonants[cp - 0x3131].tail;
  return 0;
}
bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0; }

}  // namespace

std::u32string normalize_hangul(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const char32_t cp = text[i];
    // A lead followed by a vowel (conjoining or compatibility) is a syllable,
    // optionally closed by a tail that does not itself start the next one.
    const int lead = lead_of(cp);
    if (lead >= 0 && i + 1 < n) {
      const int vowel = vowel_of(text[i + 1]);
      const bool same_block = is_compatibility_jamo(cp) == is_compatibility_jamo(text[i + 1]);
      if (vowel >= 0 && same_block) {
        int tail = 0;
        std::size_t used = 2;
        if (i + 2 < n) {
          const int t = tail_of(text[i + 2]);
          const bool next_is_vowel = i + 3 < n && vowel_of(text[i + 3]) >= 0;
          const bool tail_block_ok =
              is_compatibility_jamo(text[i + 2]) == is_compatibility_jamo(cp);
          // A compatibility consonant followed by a vowel leads the next
          // syllable; a conjoining tail (U+11A8..) is always a tail.
          if (t > 0 && tail_block_ok && !(is_compatibility_jamo(text[i + 2]) && next_is_vowel)) {
            tail = t;
            used = 3;
          }
        }
        out.push_back(syllable_code_point(
            compose(Jamo{std::uint8_t(lead), std::uint8_t(vowel), std::uint8_t(tail)})));
        i += used;
        continue;
      }
    }
    // A precomposed open syllable followed by a conjoining tail.
    if (is_syllable(cp) && i + 1 < n && text[i + 1] > kTailJamoBase &&
        text[i + 1] < kTailJamoBase + kTailCount) {
      Jamo j = decompose(syllable_index(cp));
      if (j.tail == 0) {
        j.tail = std::uint8_t(text[i + 1] - kTailJamoBase);
        out.push_back(syllable_code_point(compose(j)));
        i += 2;
        continue;
      }
    }
    // Spaces between two Hangul syllables are typing noise inside a name.
    if (is_space(cp) && !out.empty() && is_syllable(out.back())) {
      std::size_t j = i;
      while (j < n && is_space(text[j])) ++j;
      if (j < n && (is_syllable(text[j]) || lead_of(text[j]) >= 0)) {
        i = j;
        continue;
      }
    }
    out.push_back(cp);
    ++i;
  }
  return out;
}

SyllableIndex apply_initial_sound_rule(SyllableIndex s) {
  Jamo j = decompose(s);
  if (j.lead == kLeadR) {
    j.lead = is_iotized_vowel(j.vowel) ? kLeadNone : kLeadN;
  } else if (j.lead == kLeadN && is_iotized_vowel(j.vowel)) {
    j.lead = kLeadNone;
  }
  return compose(j);
}

}  // namespace uncounted::korean
