#pragma once
// Comparing Korean personal names written in any script and spelling: the
// API that record linkage calls.
//
//   PreparedName a = prepare("리철호 (Ri Chol Ho)");   // once per record
//   PreparedName b = prepare("Lee Cheol-ho");
//   NameComparison c = compare(a, b);     // millions of times: no allocation
//   c.score  -> 0.99, c.level -> NameLevel::kCandidateOverlap
//   blocking_keys(a)                      // a few uint64 keys for blocking
//   surname_share("이")                   // 0.147, for term-frequency weights
//
// A PreparedName holds the name's likely Hangul readings (up to
// kMaxNameCandidates, best first, each with a relative weight) as compact
// syllable and jamo arrays plus 64-bit keys, so compare() is a few integer
// comparisons in the common case.
//
// Equivalences built in: North/South initial-sound spellings of family
// names are one family-name class (리 = 이, 림 = 임, 류 = 유, 로 = 노); the
// phonetic key folds what romanizations cannot tell apart (ㄱ/ㅋ/ㄲ, ㅓ/ㅗ,
// ㅜ/ㅡ, ㅐ/ㅔ, ...).
//
// Thread-safety: all functions are pure and safe to call concurrently.
// Stability: NameLevel values and their order are part of the API (linkage
// models store them); new levels would be appended only with a version bump.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "korean/hangul_name.h"
#include "korean/surname_table.h"

namespace uncounted::korean {

inline constexpr int kMaxNameCandidates = 8;
// Readings kept for a name read through a one-letter repair.
inline constexpr int kMaxRepairedReadings = 4;
inline constexpr int kMaxJamo = kMaxNameSyllables * 3;

// Ordered comparison levels, weakest first; linkage can use them directly
// as Fellegi-Sunter comparison levels.
enum class NameLevel : std::uint8_t {
  kNone = 0,                 // nothing in common worth a level
  kSurnameGivenSimilar = 1,  // same family-name class, given names partly alike
  kJamoEdit1 = 2,            // best readings differ by one jamo (typo, 정호/종호)
  kPhoneticKey = 3,          // readings equal after folding romanization-blind contrasts
  kCandidateOverlap = 4,     // a Hangul reading in common (after family-name classes)
  kExact = 5,                // both written in the same Hangul (or same non-Korean text)
};
inline constexpr int kNameLevelCount = 6;
const char* to_string(NameLevel level);

struct PreparedCandidate {
  HangulName name;
  float weight = 0;                 // likelihood relative to the best reading (best = 1)
  std::uint32_t surname_class = 0;  // 0 = no family name
  std::uint64_t name_key = 0;       // family-name class + given syllables
  std::uint64_t phonetic_key = 0;   // family-name class + folded given jamo
  std::uint8_t jamo_length = 0;
  std::uint8_t jamo[kMaxJamo] = {};  // family-name class + given, as jamo codes
};

struct PreparedName {
  std::uint8_t count = 0;    // readings in candidates[]
  bool from_hangul = false;  // candidates[0] was written in Hangul by the source
  // The name as written has no Korean reading; its readings are those of
  // one-letter repairs (misspelled_name.h), and compare() ranks it at most
  // one typo apart from any other name.
  bool repaired = false;
  std::uint64_t text_key = 0;  // folded Latin letters, for names with no reading as written
  PreparedCandidate candidates[kMaxNameCandidates];

  bool empty() const { return count == 0 && text_key == 0; }
};

// Reads a name field (UTF-8, any script mix). Never throws on content:
// empty, non-Korean, ill-formed or over-long input gives a PreparedName with
// no readings (count == 0), which compares as kNone (or kExact on identical
// non-Korean text).
PreparedName prepare(std::string_view name);

struct NameComparison {
  float score = 0;  // in [0, 1]; higher = more likely the same name
  NameLevel level = NameLevel::kNone;
};

// The default decision threshold on score for "same name" (names alone; a
// linkage model weighs levels with other fields instead).
inline constexpr float kDefaultMatchThreshold = 0.80f;

// Compares two prepared names. Symmetric; no allocation; thread-safe.
NameComparison compare(const PreparedName& a, const PreparedName& b);

// Blocking keys that survive romanization: family-name class + consonant
// skeleton of the given name, for the best few readings. Records sharing
// any key are compared.
struct BlockingKeys {
  std::uint8_t count = 0;
  std::uint64_t keys[4] = {};
};
BlockingKeys blocking_keys(const PreparedName& name);
// Whether A and B share a blocking key (linkage would compare them).
inline bool share_a_blocking_key(const PreparedName& a, const PreparedName& b) {
  const BlockingKeys x = blocking_keys(a), y = blocking_keys(b);
  for (int i = 0; i < x.count; ++i)
    for (int j = 0; j < y.count; ++j)
      if (x.keys[i] == y.keys[j]) return true;
  return false;
}

// The readings as UTF-8 Hangul, best first, without duplicates, leaving out
// those less likely than MIN_WEIGHT times the best (for display; compare()
// always uses them all).
std::vector<std::string> hangul_readings(const PreparedName& name, float min_weight = 0.0f);

}  // namespace uncounted::korean
