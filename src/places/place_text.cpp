#include "places/place_text.h"

#include <array>
#include <vector>

#include "model/utf8.h"

namespace uncounted::places {
namespace {

struct Word {
  std::string_view text;
  FacilityHint hint;
};

// Words that name a kind of facility, or only say "a facility" (kNone).
constexpr std::array<Word, 46> kFacilityWords = {{
    {"kwanliso", FacilityHint::kKwanliso},
    {"kwalliso", FacilityHint::kKwanliso},
    {"gwalliso", FacilityHint::kKwanliso},
    {"gwanliso", FacilityHint::kKwanliso},
    {"kwanriso", FacilityHint::kKwanliso},
    {"political", FacilityHint::kKwanliso},
    {"concentration", FacilityHint::kKwanliso},
    {"camp", FacilityHint::kCamp},
    {"camps", FacilityHint::kCamp},
    {"kyohwaso", FacilityHint::kKyohwaso},
    {"gyohwaso", FacilityHint::kKyohwaso},
    {"prison", FacilityHint::kKyohwaso},
    {"correctional", FacilityHint::kKyohwaso},
    {"reeducation", FacilityHint::kKyohwaso},
    {"jipkyulso", FacilityHint::kJipkyulso},
    {"chipkyulso", FacilityHint::kJipkyulso},
    {"jipgyeolso", FacilityHint::kJipkyulso},
    {"jipkyeolso", FacilityHint::kJipkyulso},
    {"chipkyeolso", FacilityHint::kJipkyulso},
    {"holding", FacilityHint::kJipkyulso},
    {"collection", FacilityHint::kJipkyulso},
    {"rodong", FacilityHint::kRodongDanryeondae},
    {"nodong", FacilityHint::kRodongDanryeondae},
    {"danryeondae", FacilityHint::kRodongDanryeondae},
    {"tanryondae", FacilityHint::kRodongDanryeondae},
    {"rodongdanryeondae", FacilityHint::kRodongDanryeondae},
    {"training", FacilityHint::kRodongDanryeondae},
    {"bowibu", FacilityHint::kSsdDetention},
    {"powibu", FacilityHint::kSsdDetention},
    {"ssd", FacilityHint::kSsdDetention},
    {"mss", FacilityHint::kSsdDetention},
    {"security", FacilityHint::kSsdDetention},
    {"kuryujang", FacilityHint::kDetention},
    {"guryujang", FacilityHint::kDetention},
    {"detention", FacilityHint::kDetention},
    {"interrogation", FacilityHint::kSsdDetention},
    {"center", FacilityHint::kNone},
    {"centre", FacilityHint::kNone},
    {"facility", FacilityHint::kNone},
    {"no", FacilityHint::kNone},
    {"nr", FacilityHint::kNone},
    {"number", FacilityHint::kNone},
    {"num", FacilityHint::kNone},
    {"state", FacilityHint::kNone},
    {"department", FacilityHint::kNone},
    {"zone", FacilityHint::kNone},
}};

// Hangul facility words, matched at the end of a Hangul run ("요덕관리소").
constexpr std::array<Word, 14> kHangulFacilityWords = {{
    {"정치범수용소", FacilityHint::kKwanliso},
    {"관리소", FacilityHint::kKwanliso},
    {"수용소", FacilityHint::kCamp},
    {"교화소", FacilityHint::kKyohwaso},
    {"교도소", FacilityHint::kKyohwaso},
    {"집결소", FacilityHint::kJipkyulso},
    {"로동단련대", FacilityHint::kRodongDanryeondae},
    {"노동단련대", FacilityHint::kRodongDanryeondae},
    {"단련대", FacilityHint::kRodongDanryeondae},
    {"구류장", FacilityHint::kDetention},
    {"보위부", FacilityHint::kSsdDetention},
    {"호", FacilityHint::kNone},
    {"번", FacilityHint::kNone},
    {"제", FacilityHint::kNone},
}};

// Words of an administrative name that say its level, not which place.
constexpr std::array<std::string_view, 26> kLevelWords = {
    "city", "county", "province", "district", "special", "capital", "si",     "shi",  "gun",
    "kun",  "do",     "up",       "eup",      "guyok",   "kuyok",   "guyeok", "jigu", "chigu",
    "the",  "of",     "in",       "near",     "area",    "town",    "korea",  "dprk"};

// Hangul level suffixes, stripped when two syllables or more remain.
constexpr std::array<std::string_view, 9> kHangulLevelSuffixes = {
    "특별시", "직할시", "구역", "지구", "시", "군", "도", "구", "읍"};

constexpr std::size_t kHangulSyllableBytes = 3;

bool is_hangul_syllable(char32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }

// Latin letters with diacritics as romanizations use them. ŏ and ŭ become
// the RR vowels they stand for, so MR "Ch'ŏngjin" meets RR "Cheongjin".
std::string_view latin_letter(char32_t cp) {
  switch (cp) {
    case 0x014E:
    case 0x014F:
    case 0x01D1:
    case 0x01D2:
    case 0x014C:
    case 0x014D:
      return "eo";  // Ŏ ŏ Ǒ ǒ Ō ō
    case 0x016C:
    case 0x016D:
    case 0x01D3:
    case 0x01D4:
    case 0x016A:
    case 0x016B:
      return "eu";  // Ŭ ŭ Ǔ ǔ Ū ū
    case 0x00C9:
    case 0x00E9:
    case 0x00C8:
    case 0x00E8:
    case 0x00CA:
    case 0x00EA:
      return "e";
    case 0x00C1:
    case 0x00E1:
    case 0x00C0:
    case 0x00E0:
    case 0x00C2:
    case 0x00E2:
      return "a";
    case 0x00D6:
    case 0x00F6:
    case 0x00D3:
    case 0x00F3:
    case 0x00D4:
    case 0x00F4:
      return "o";
    case 0x00DC:
    case 0x00FC:
    case 0x00DA:
    case 0x00FA:
    case 0x00DB:
    case 0x00FB:
      return "u";
    case 0x00CD:
    case 0x00ED:
    case 0x00CE:
    case 0x00EE:
      return "i";
    default:
      return {};
  }
}

bool is_apostrophe(char32_t cp) {
  return cp == '\'' || cp == '`' || cp == 0x2018 || cp == 0x2019 || cp == 0x02BC || cp == 0x02BB ||
         cp == 0x00B4;
}

struct Token {
  std::string text;
  bool hangul = false;
  bool digits = false;
};

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  Token current;
  const auto flush = [&] {
    if (!current.text.empty()) tokens.push_back(std::move(current));
    current = Token{};
  };
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t cp = 0;
    const std::size_t len = decode_utf8_at(text, i, &cp);
    if (len == 0) {  // not UTF-8: a separator, never a crash
      flush();
      ++i;
      continue;
    }
    const bool hangul = is_hangul_syllable(cp);
    const bool digit = cp >= '0' && cp <= '9';
    const bool ascii_letter = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    const std::string_view latin = latin_letter(cp);
    if (is_apostrophe(cp)) {
      // P'yŏngyang: part of the word.
    } else if (cp == 0x0306 || cp == 0x030C || cp == 0x0304) {
      // A combining breve/caron (decomposed ŏ, ŭ): o -> eo, u -> eu.
      if (!current.text.empty() && !current.hangul &&
          (current.text.back() == 'o' || current.text.back() == 'u')) {
        const char vowel = current.text.back();
        current.text.back() = 'e';
        current.text.push_back(vowel);
      }
    } else if (ascii_letter || !latin.empty()) {
      if (current.hangul || current.digits) flush();
      if (ascii_letter) {
        current.text.push_back(static_cast<char>(cp | 0x20));
      } else {
        current.text.append(latin);
      }
    } else if (hangul) {
      if (!current.hangul) flush();
      current.hangul = true;
      current.text.append(text.substr(i, len));
    } else if (digit) {
      if (!current.digits) flush();
      current.digits = true;
      current.text.push_back(static_cast<char>(cp));
    } else {
      flush();  // spaces, hyphens, "#", ".", emoji, other scripts
    }
    i += len;
  }
  flush();
  return tokens;
}

void note_hint(PlaceQuery& q, FacilityHint hint) {
  q.facility_words = true;
  // A specific kind outranks "camp" and "detention"; the first specific wins.
  const bool specific = hint != FacilityHint::kNone && hint != FacilityHint::kCamp &&
                        hint != FacilityHint::kDetention;
  const bool have_specific = q.hint != FacilityHint::kNone && q.hint != FacilityHint::kCamp &&
                             q.hint != FacilityHint::kDetention;
  if ((specific && !have_specific) || q.hint == FacilityHint::kNone) {
    if (hint != FacilityHint::kNone) q.hint = hint;
  }
}

// Strips facility words and level suffixes from the end of a Hangul run.
std::string_view strip_hangul(std::string_view run, PlaceQuery& q) {
  for (bool stripped = true; stripped && !run.empty();) {
    stripped = false;
    for (const Word& w : kHangulFacilityWords) {
      if (run.ends_with(w.text)) {
        note_hint(q, w.hint);
        run.remove_suffix(w.text.size());
        stripped = true;
        break;
      }
    }
  }
  for (std::string_view suffix : kHangulLevelSuffixes) {
    if (run.ends_with(suffix) && run.size() - suffix.size() >= 2 * kHangulSyllableBytes) {
      run.remove_suffix(suffix.size());
      q.level = std::string(suffix);
      break;
    }
  }
  return run;
}

}  // namespace

std::string fold_romanization(std::string_view plain) {
  std::string out;
  out.reserve(plain.size() + 4);
  for (std::size_t i = 0; i < plain.size(); ++i) {
    const char c = plain[i];
    const char next = i + 1 < plain.size() ? plain[i + 1] : '\0';
    if (static_cast<unsigned char>(c) >= 0x80) {
      out.push_back(c);  // Hangul bytes stay as they are
      continue;
    }
    if (c == 'e' && (next == 'o' || next == 'u')) continue;  // eo -> o, eu -> u
    if ((c == 'p' || c == 't' || c == 'k' || c == 's') && next == 'h') {
      out.push_back(c);  // ph th kh sh -> p t k s
      ++i;
      continue;
    }
    char f = c;
    switch (c) {
      case 'g':
        f = 'k';
        break;
      case 'd':
        f = 't';
        break;
      case 'b':
        f = 'p';
        break;
      case 'l':
        f = 'r';
        break;
      case 'j':
        out.append("ch");
        continue;
      default:
        break;
    }
    if (!out.empty() && out.back() == f) continue;  // doubled letters
    out.push_back(f);
  }
  return out;
}

PlaceQuery parse_place_query(std::string_view text) {
  PlaceQuery q;
  const std::vector<Token> tokens = tokenize(text);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.text == "kp" && i + 1 < tokens.size() && tokens[i + 1].digits) {
      q.plain.append("kp").append(tokens[i + 1].text);  // ISO 3166-2 code "KP-09"
      ++i;
      continue;
    }
    if (t.digits) {
      if (q.number == 0 && t.text.size() <= 3) q.number = std::stoi(t.text);
      continue;
    }
    if (t.hangul) {
      q.plain.append(strip_hangul(t.text, q));
      continue;
    }
    // "kwan-li-so", "kyo-hwa-so", "jip-kyul-so" written in syllables.
    if (i + 2 < tokens.size() && tokens[i + 2].text == "so") {
      const std::string joined = t.text + tokens[i + 1].text + "so";
      bool matched = false;
      for (const Word& w : kFacilityWords) {
        if (joined == w.text) {
          note_hint(q, w.hint);
          matched = true;
        }
      }
      if (matched) {
        i += 2;
        continue;
      }
    }
    bool facility = false;
    for (const Word& w : kFacilityWords) {
      if (t.text == w.text) {
        note_hint(q, w.hint);
        facility = true;
        break;
      }
    }
    if (facility) continue;
    bool level = false;
    for (std::string_view w : kLevelWords) level = level || t.text == w;
    if (level) continue;
    if (t.text == "ho" && i > 0 && tokens[i - 1].digits) {  // "15-ho"
      q.facility_words = true;
      continue;
    }
    q.plain.append(t.text);
  }
  q.folded = fold_romanization(q.plain);
  return q;
}

bool hint_fits(FacilityHint hint, PlaceKind kind) {
  switch (hint) {
    case FacilityHint::kNone:
    case FacilityHint::kDetention:
      return true;
    case FacilityHint::kCamp:
    case FacilityHint::kKwanliso:
      return kind == PlaceKind::kKwanliso;
    case FacilityHint::kKyohwaso:
      return kind == PlaceKind::kKyohwaso;
    case FacilityHint::kJipkyulso:
      return kind == PlaceKind::kJipkyulso;
    case FacilityHint::kRodongDanryeondae:
      return kind == PlaceKind::kRodongDanryeondae;
    case FacilityHint::kSsdDetention:
      return kind == PlaceKind::kSsdDetention;
  }
  return true;
}

}  // namespace uncounted::places
