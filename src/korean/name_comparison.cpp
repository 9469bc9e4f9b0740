// compare() of name_comparison.h: the hot path of record linkage. Everything
// here works on the fixed-size arrays of PreparedName; no allocation.

#include "korean/name_comparison.h"

#include <algorithm>
#include <cmath>

#include "korean/name_keys.h"

namespace uncounted::korean {
namespace {

// Whether two jamo sequences are at most one insertion, deletion or
// substitution apart; linear time.
bool within_one_edit(const std::uint8_t* a, int na, const std::uint8_t* b, int nb) {
  if (na > nb) return within_one_edit(b, nb, a, na);
  if (nb - na > 1) return false;
  int i = 0;
  while (i < na && a[i] == b[i]) ++i;
  if (i == na) return true;  // equal, or b has one more at the end
  if (na == nb) return std::equal(a + i + 1, a + na, b + i + 1);  // one substitution
  return std::equal(a + i, a + na, b + i + 1);                    // one insertion in b
}

// Similarity in [0, 1] of two given names, syllable by syllable: a syllable
// scores 1 when equal, else 1/3 per jamo that is equal and 1/4 per jamo
// that is only phonetically alike. Unequal lengths are scored on the common
// part and divided by the longer length.
float given_similarity(const HangulName& a, const HangulName& b) {
  const int na = a.given_length(), nb = b.given_length();
  const int n = std::min(na, nb), m = std::max(na, nb);
  if (m == 0) return 1.0f;
  const SyllableIndex* ga = a.given_begin();
  const SyllableIndex* gb = b.given_begin();
  float total = 0;
  for (int i = 0; i < n; ++i) {
    if (ga[i] == gb[i]) {
      total += 1.0f;
      continue;
    }
    const Jamo x = decompose(ga[i]), y = decompose(gb[i]);
    auto part = [](bool equal, bool alike) { return equal ? 1.0f / 3 : alike ? 0.25f : 0.0f; };
    total += part(x.lead == y.lead, kLeadClass[x.lead] == kLeadClass[y.lead]);
    total += part(x.vowel == y.vowel, kVowelClass[x.vowel] == kVowelClass[y.vowel]);
    total += part(x.tail == y.tail, kTailClass[x.tail] == kTailClass[y.tail]);
  }
  return total / static_cast<float>(m);
}

// Score bands of the levels: [floor, floor + span], placed within the band
// by the readings' confidence (or similarity).
constexpr float kOverlapFloor = 0.90f, kOverlapSpan = 0.09f;
constexpr float kPhoneticFloor = 0.80f, kPhoneticSpan = 0.08f;
constexpr float kEditFloor = 0.65f, kEditSpan = 0.12f;
constexpr float kSimilarFloor = 0.35f, kSimilarSpan = 0.25f;
constexpr float kNoneSpan = 0.35f;
// How many of the best readings the jamo-level comparisons look at.
constexpr int kDeepReadings = 3;

}  // namespace

const char* to_string(NameLevel level) {
  switch (level) {
    case NameLevel::kNone:
      return "none";
    case NameLevel::kSurnameGivenSimilar:
      return "surname_given_similar";
    case NameLevel::kJamoEdit1:
      return "jamo_edit1";
    case NameLevel::kPhoneticKey:
      return "phonetic_key";
    case NameLevel::kCandidateOverlap:
      return "candidate_overlap";
    case NameLevel::kExact:
      return "exact";
  }
  return "none";
}

namespace {

// compare() before the cap for repaired names.
NameComparison compare_readings(const PreparedName& a, const PreparedName& b) {
  if (a.count == 0 || b.count == 0) {
    // No Korean reading on one side: only identical text says anything.
    if (a.count == 0 && b.count == 0 && a.text_key != 0 && a.text_key == b.text_key)
      return {1.0f, NameLevel::kExact};
    return {0.0f, NameLevel::kNone};
  }
  if (a.from_hangul && b.from_hangul && a.candidates[0].name == b.candidates[0].name)
    return {1.0f, NameLevel::kExact};

  // Key levels over every pair of readings, keeping the most confident pair.
  float overlap = -1, phonetic = -1;
  for (int i = 0; i < a.count; ++i) {
    const PreparedCandidate& x = a.candidates[i];
    for (int j = 0; j < b.count; ++j) {
      const PreparedCandidate& y = b.candidates[j];
      const float confidence = x.weight * y.weight;
      if (x.name_key == y.name_key) {
        overlap = std::max(overlap, confidence);
      } else if (x.phonetic_key == y.phonetic_key) {
        phonetic = std::max(phonetic, confidence);
      }
    }
  }
  if (overlap >= 0)
    return {kOverlapFloor + kOverlapSpan * std::sqrt(overlap), NameLevel::kCandidateOverlap};
  if (phonetic >= 0)
    return {kPhoneticFloor + kPhoneticSpan * std::sqrt(phonetic), NameLevel::kPhoneticKey};

  // Jamo-level comparisons on the best few readings.
  float edit = -1, similar = 0;
  bool same_surname = false;
  const int na = std::min<int>(a.count, kDeepReadings);
  const int nb = std::min<int>(b.count, kDeepReadings);
  for (int i = 0; i < na; ++i) {
    const PreparedCandidate& x = a.candidates[i];
    for (int j = 0; j < nb; ++j) {
      const PreparedCandidate& y = b.candidates[j];
      const float confidence = std::sqrt(x.weight * y.weight);
      if (within_one_edit(x.jamo, x.jamo_length, y.jamo, y.jamo_length))
        edit = std::max(edit, confidence);
      const bool surname_equal = x.surname_class == y.surname_class;
      const float s = given_similarity(x.name, y.name) * confidence * (surname_equal ? 1.0f : 0.5f);
      if (s > similar) {
        similar = s;
        same_surname = surname_equal;
      }
    }
  }
  if (edit >= 0) return {kEditFloor + kEditSpan * edit, NameLevel::kJamoEdit1};
  if (same_surname && similar >= 0.5f)
    return {kSimilarFloor + kSimilarSpan * similar, NameLevel::kSurnameGivenSimilar};
  return {kNoneSpan * similar, NameLevel::kNone};
}

}  // namespace

NameComparison compare(const PreparedName& a, const PreparedName& b) {
  const NameComparison c = compare_readings(a, b);
  // A repaired name is a guess at a misspelling: at best one typo apart,
  // unless both records wrote the same letters.
  const bool same_text = a.repaired && b.repaired && a.text_key == b.text_key;
  if ((a.repaired || b.repaired) && !same_text && c.level > NameLevel::kJamoEdit1)
    return {std::min(c.score, kEditFloor + kEditSpan), NameLevel::kJamoEdit1};
  return c;
}

}  // namespace uncounted::korean
