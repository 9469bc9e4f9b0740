#include "simulate/name_writer.h"

#include <cctype>
#include <vector>

#include "korean/romanizer.h"
#include "korean/utf8.h"

namespace uncounted::simulate {
namespace {

using korean::GivenNameStyle;
using korean::RomanizationOptions;
using korean::RomanizationSystem;

// The South Korean spelling of the family name (리 -> 이, 림 -> 임): what
// documenters in Seoul write, and what passports romanize.
korean::HangulName southern(korean::HangulName name) {
  if (name.surname_length > 0)
    name.syllables[0] = korean::apply_initial_sound_rule(name.syllables[0]);
  return name;
}

GivenNameStyle any_style(RandomStream& random) {
  static constexpr GivenNameStyle kStyles[] = {GivenNameStyle::kJoined, GivenNameStyle::kHyphenated,
                                               GivenNameStyle::kSpaced};
  return kStyles[random.between(0, 2)];
}

// Keys next to each other on a QWERTY keyboard, for substitution typos.
char neighbour_key(char c, RandomStream& random) {
  static const char* const kRows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
  const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* row : kRows) {
    const std::string_view r(row);
    const auto at = r.find(lower);
    if (at == std::string_view::npos) continue;
    std::size_t to = at == 0              ? 1
                     : at + 1 >= r.size() ? at - 1
                                          : (random.bernoulli(0.5) ? at - 1 : at + 1);
    const char out = r[to];
    return std::isupper(static_cast<unsigned char>(c)) ? static_cast<char>(std::toupper(out)) : out;
  }
  return c;
}

std::string latin_typo(std::string text, RandomStream& random) {
  std::vector<std::size_t> letters;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (std::isalpha(static_cast<unsigned char>(text[i]))) letters.push_back(i);
  if (letters.size() < 2) return text;
  const std::size_t at = letters[random.between(0, static_cast<int>(letters.size()) - 1)];
  switch (random.between(0, 3)) {
    case 0:
      text.erase(at, 1);
      break;
    case 1:
      text.insert(at, 1, text[at]);
      break;
    case 2:
      if (at + 1 < text.size() && std::isalpha(static_cast<unsigned char>(text[at + 1])))
        std::swap(text[at], text[at + 1]);
      else
        text[at] = neighbour_key(text[at], random);
      break;
    default:
      text[at] = neighbour_key(text[at], random);
  }
  return text;
}

// Vowels and finals that are easily confused in speech and typing.
std::uint8_t confused_vowel(std::uint8_t v) {
  switch (v) {
    case 4:
      return 8;  // ㅓ -> ㅗ
    case 8:
      return 4;  // ㅗ -> ㅓ
    case 18:
      return 13;  // ㅡ -> ㅜ
    case 13:
      return 18;  // ㅜ -> ㅡ
    case 1:
      return 5;  // ㅐ -> ㅔ
    case 5:
      return 1;  // ㅔ -> ㅐ
    case 6:
      return 12;  // ㅕ -> ㅛ
    case 12:
      return 6;  // ㅛ -> ㅕ
    default:
      return v;
  }
}

std::string hangul_typo(std::u32string text, RandomStream& random) {
  std::vector<std::size_t> syllables;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (korean::is_syllable(text[i])) syllables.push_back(i);
  // The family name is the part people get right; change the given name.
  if (syllables.size() < 2) return korean::encode_utf8(text);
  const std::size_t at = syllables[random.between(1, static_cast<int>(syllables.size()) - 1)];
  korean::Jamo j = korean::decompose(korean::syllable_index(text[at]));
  const std::uint8_t v = confused_vowel(j.vowel);
  if (v != j.vowel) {
    j.vowel = v;
  } else if (j.tail == 4 || j.tail == 21) {
    j.tail = j.tail == 4 ? 21 : 4;  // ㄴ <-> ㅇ
  } else {
    j.tail = j.tail == 0 ? 4 : 0;  // a final added or dropped
  }
  text[at] = korean::syllable_code_point(korean::compose(j));
  return korean::encode_utf8(text);
}

}  // namespace

std::string write_name(const korean::HangulName& name, std::string_view style,
                       RandomStream& random) {
  RomanizationOptions o;
  if (style == "hangul") return korean::to_utf8(name);
  if (style == "hangul_south") return korean::to_utf8(southern(name));
  if (style == "dprk" || style == "both") {
    o.system = RomanizationSystem::kNorthKorean;
    o.diacritics = random.bernoulli(0.15);
    if (random.bernoulli(0.2)) o.style = GivenNameStyle::kHyphenated;
    o.upper_case = random.bernoulli(0.05);
    const std::string latin = korean::romanize(name, o);
    return style == "both" ? korean::to_utf8(name) + " (" + latin + ")" : latin;
  }
  if (style == "mr") {
    o.system = RomanizationSystem::kMcCuneReischauer;
    o.diacritics = random.bernoulli(0.5);
    o.apostrophes = random.bernoulli(0.6);
    return korean::romanize(name, o);
  }
  // rr and press: written in the South, from the South's spelling.
  o.system = RomanizationSystem::kRevised;
  o.conventional_surname = random.bernoulli(0.7);
  if (style == "press") {
    o.style = random.bernoulli(0.8) ? GivenNameStyle::kHyphenated : GivenNameStyle::kJoined;
    o.surname_last = true;
  } else {
    o.style = any_style(random);
    o.upper_case = random.bernoulli(0.1);
  }
  return korean::romanize(southern(name), o);
}

std::string with_typo(const std::string& text, RandomStream& random) {
  std::u32string decoded;
  korean::decode_utf8(text, decoded);
  for (char32_t cp : decoded)
    if (korean::is_syllable(cp)) return hangul_typo(decoded, random);
  return latin_typo(text, random);
}

}  // namespace uncounted::simulate
