#include "korean/name_text.h"

#include "korean/hangul.h"
#include "korean/utf8.h"

namespace uncounted::korean {
namespace {

bool is_latin_letter(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0x24F);
}
// Separators and marks that belong to romanized names.
bool is_name_punctuation(char32_t cp) {
  return cp == ' ' || cp == '-' || cp == '\'' || cp == ',' || cp == '.' || cp == 0x2019 ||
         cp == 0x2018 || cp == '`' || cp == 0x2BC || (cp >= 0x2010 && cp <= 0x2015) || cp == 0xA0;
}

}  // namespace

NameText split_name_text(std::string_view utf8) {
  NameText out;
  if (utf8.size() > kMaxNameFieldBytes) {
    out.too_long = true;
    return out;
  }
  std::u32string decoded;
  out.ill_formed = !decode_utf8(utf8, decoded);
  const std::u32string text = normalize_hangul(decoded);
  std::u32string first_run;
  bool run_done = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t cp = text[i];
    if (is_syllable(cp)) {
      if (!run_done) first_run.push_back(cp);
      continue;
    }
    if (!first_run.empty()) run_done = true;
    if (is_latin_letter(cp) || is_name_punctuation(cp)) {
      append_utf8(cp, out.roman);
    } else {
      // Brackets, digits, emoji, Hanja: a word break in the roman part.
      if (!(cp == '(' || cp == ')' || cp == '[' || cp == ']' || cp == '/' || cp == '\t' ||
            cp == 0x3000 || cp == '_' || cp == '"'))
        out.other_script = true;
      out.roman.push_back(' ');
    }
  }
  out.hangul = split_hangul_name(first_run);
  return out;
}

}  // namespace uncounted::korean
