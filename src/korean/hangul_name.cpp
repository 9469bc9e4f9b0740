#include "korean/hangul_name.h"

#include "korean/surname_table.h"
#include "korean/utf8.h"

namespace uncounted::korean {

std::string to_utf8(const HangulName& name) {
  std::string out;
  out.reserve(name.length * 3);
  for (int i = 0; i < name.length; ++i) append_utf8(syllable_code_point(name.syllables[i]), out);
  return out;
}

HangulName split_hangul_name(std::u32string_view text) {
  HangulName name;
  if (text.empty() || text.size() > kMaxNameSyllables) return name;
  for (char32_t cp : text)
    if (!is_syllable(cp)) return name;
  for (std::size_t i = 0; i < text.size(); ++i) name.syllables[i] = syllable_index(text[i]);
  name.length = static_cast<std::uint8_t>(text.size());
  name.surname_length = 1;
  if (text.size() >= 3 && SurnameTable::instance().find(text.substr(0, 2)) != nullptr) {
    name.surname_length = 2;
  }
  return name;
}

}  // namespace uncounted::korean
