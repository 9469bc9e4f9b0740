#pragma once
// The Korean reading of every distinct value of a name column, prepared
// once (korean::prepare is the costly part: romanization to Hangul
// candidates) so that comparing two records is one korean::compare on two
// prepared names and blocking is a table look-up. Also the family name's
// population share, for the term-frequency adjustment: agreeing on Kim
// (a fifth of Koreans) is far weaker evidence than agreeing on Ryang.
//
// Thread-safety: immutable after construction.

#include <cstdint>
#include <string_view>
#include <vector>

#include "korean/name_comparison.h"
#include "link/blocking_rule.h"

namespace uncounted::link {

class KoreanNameValues {
 public:
  KoreanNameValues() = default;
  // VALUES[id - 1] is the text of value id (ids are 1-based, 0 = null).
  explicit KoreanNameValues(const std::vector<std::string_view>& values);

  bool empty() const { return names_.empty(); }
  // The NameLevel of two non-null value ids. No allocation.
  korean::NameLevel level(std::uint32_t a, std::uint32_t b) const {
    if (a == b) return korean::NameLevel::kExact;
    return korean::compare(names_[a], names_[b]).level;
  }
  // Blocking key of value ID under TRANSFORM; 0 when it has none.
  std::uint64_t key(KeyTransform transform, std::uint32_t id) const;
  // Hashes of value ID's best reading as a whole (family-name class and
  // given syllables: 리철호 and Ri Chol Ho alike), of its given syllables
  // alone (and their sounds), and of its sound key (romanization-blind jamo classes); a name
  // with no Korean reading has its folded letters as reading and sound key,
  // and no given syllables (0); the null value has 0. Term frequencies count these: the
  // blocking key (the consonant skeleton) is shared by many names.
  std::uint64_t reading_key(std::uint32_t id) const {
    return names_[id].count > 0 ? names_[id].candidates[0].name_key : names_[id].text_key;
  }
  // The name was written in Hangul (its reading is the writer's, not a
  // guess from letters).
  bool from_hangul(std::uint32_t id) const { return names_[id].from_hangul; }
  std::uint64_t given_reading_key(std::uint32_t id) const { return given_readings_[id]; }
  std::uint64_t given_sound_key(std::uint32_t id) const { return given_sounds_[id]; }
  std::uint64_t sound_key(std::uint32_t id) const {
    return names_[id].count > 0 ? names_[id].candidates[0].phonetic_key : names_[id].text_key;
  }
  // Population share of the family name of value ID's best reading;
  // 0 when the value has no Korean family name.
  double surname_share(std::uint32_t id) const { return shares_[id]; }

 private:
  std::vector<korean::PreparedName> names_;  // by id; [0] is the null value
  std::vector<std::uint64_t> full_keys_, surname_keys_, given_keys_, given_readings_, given_sounds_;
  std::vector<double> shares_;
};

}  // namespace uncounted::link
