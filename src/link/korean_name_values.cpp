#include "link/korean_name_values.h"

#include <string>

#include "korean/name_keys.h"
#include "model/parallel.h"

namespace uncounted::link {

KoreanNameValues::KoreanNameValues(const std::vector<std::string_view>& values) {
  const std::size_t n = values.size() + 1;
  names_.resize(n);
  full_keys_.assign(n, 0);
  surname_keys_.assign(n, 0);
  given_keys_.assign(n, 0);
  given_readings_.assign(n, 0);
  given_sounds_.assign(n, 0);
  shares_.assign(n, 0);
  // Each distinct value on its own (korean::prepare is pure): all cores.
  model::parallel_for(n - 1, model::default_thread_count(), [&](std::size_t item, int) {
    const std::size_t id = item + 1;
    korean::PreparedName& name = names_[id];
    name = korean::prepare(values[id - 1]);
    const korean::BlockingKeys keys = korean::blocking_keys(name);
    // A blocking rule holds one key per record: the best reading's key is
    // the one every romanization of the same Hangul shares.
    if (keys.count > 0) full_keys_[id] = keys.keys[0];
    if (name.count == 0) return;
    const korean::PreparedCandidate& best = name.candidates[0];
    if (best.surname_class != 0) {
      surname_keys_[id] = 0x9E3779B97F4A7C15ull * (best.surname_class + 1);
      korean::HangulName surname = best.name;
      surname.length = surname.surname_length;
      shares_[id] = korean::surname_share(korean::to_utf8(surname));
    }
    // The given-name key is the blocking key with the family name left out,
    // so that a record whose family name was misheard still meets its twin.
    korean::PreparedName given;
    given.count = 1;
    given.candidates[0] = best;
    given.candidates[0].surname_class = 0;
    const korean::BlockingKeys g = korean::blocking_keys(given);
    if (g.count > 0 && best.name.given_length() > 0) given_keys_[id] = g.keys[0];
    std::uint64_t reading = 0x4749564eull;  // "GIVN"
    std::uint64_t sound = 0x534f554eull;    // "SOUN"
    const korean::SyllableIndex* syllables = best.name.given_begin();
    for (int k = 0; k < best.name.given_length(); ++k) {
      reading = reading * 0x100000001b3ull ^ (std::uint64_t{syllables[k]} + 1);
      sound = sound * 0x100000001b3ull ^ (korean::phonetic_syllable(syllables[k]) + 1);
    }
    if (best.name.given_length() > 0) {
      given_readings_[id] = reading;
      given_sounds_[id] = sound;
    }
  });
}

std::uint64_t KoreanNameValues::key(KeyTransform transform, std::uint32_t id) const {
  switch (transform) {
    case KeyTransform::kKoreanKey:
      return full_keys_[id];
    case KeyTransform::kSurnameKey:
      return surname_keys_[id];
    case KeyTransform::kGivenKey:
      return given_keys_[id];
    default:
      return 0;
  }
}

}  // namespace uncounted::link
