#include "korean/romanizer.h"

#include <cctype>

#include "korean/surname_table.h"

namespace uncounted::korean {
namespace {

constexpr const char* kRevisedLead[kLeadCount] = {"g",  "kk", "n", "d",  "tt", "r", "m",
                                                  "b",  "pp", "s", "ss", "",   "j", "jj",
                                                  "ch", "k",  "t", "p",  "h"};
constexpr const char* kMrLead[kLeadCount] = {"k",   "kk", "n",  "t",  "tt", "r",  "m",
                                             "p",   "pp", "s",  "ss", "",   "ch", "tch",
                                             "ch'", "k'", "t'", "p'", "h"};
constexpr const char* kDprkLead[kLeadCount] = {"k",  "kk", "n",  "t",  "tt", "r", "m",
                                               "p",  "pp", "s",  "ss", "",   "j", "jj",
                                               "ch", "kh", "th", "ph", "h"};
constexpr const char* kRevisedVowel[kVowelCount] = {"a",  "ae", "ya", "yae", "eo", "e",  "yeo",
                                                    "ye", "o",  "wa", "wae", "oe", "yo", "u",
                                                    "wo", "we", "wi", "yu",  "eu", "ui", "i"};
// Breve vowels; "@" stands for ŏ and "%" for ŭ ("#", "$" capitalized) until
// the output options decide.
constexpr const char* kMrVowel[kVowelCount] = {"a",  "ae", "ya", "yae", "@",  "e",  "y@",
                                               "ye", "o",  "wa", "wae", "oe", "yo", "u",
                                               "w@", "we", "wi", "yu",  "%",  "%i", "i"};
constexpr const char* kTail[kTailCount] = {"",  "k",  "k", "k", "n", "n", "n", "t", "l", "k",
                                           "m", "l",  "l", "l", "p", "l", "m", "p", "p", "t",
                                           "t", "ng", "t", "t", "k", "t", "p", "t"};

bool voiced_tail(std::uint8_t tail) {
  // vowel (no tail) or a sonorant final: ㄴ ㄵ ㄶ ㄹ ... ㅁ ㅇ
  return tail == 0 || tail == 4 || tail == 5 || tail == 6 || tail == 8 || tail == 10 ||
         tail == 16 || tail == 21;
}

// Romanizes one syllable. PREV is the preceding syllable of the same given
// name (nullptr for the first one); JOINED says whether it is written
// directly after PREV (MR sound changes apply only then).
std::string syllable(SyllableIndex s, const Jamo* prev, const Jamo* next, bool joined,
                     RomanizationSystem system) {
  const Jamo j = decompose(s);
  std::string out;
  switch (system) {
    case RomanizationSystem::kRevised:
      out = kRevisedLead[j.lead];
      out += kRevisedVowel[j.vowel];
      out += kTail[j.tail];
      return out;
    case RomanizationSystem::kMcCuneReischauer:
    case RomanizationSystem::kNorthKorean: {
      const bool mr = system == RomanizationSystem::kMcCuneReischauer;
      const bool voiced = prev != nullptr && voiced_tail(prev->tail);
      const char* lead = mr ? kMrLead[j.lead] : kDprkLead[j.lead];
      if (voiced) {
        if (j.lead == kLeadG) lead = "g";
        if (j.lead == kLeadD) lead = "d";
        if (j.lead == kLeadB) lead = "b";
        if (j.lead == kLeadJ) lead = "j";
      }
      // ㄹ after ㄹ is l (ll); MR writes ㄹ initial in a joined name as r.
      if (j.lead == kLeadR && prev != nullptr && prev->tail == 8 && joined) lead = "l";
      out = lead;
      out += kMrVowel[j.vowel];
      const char* tail = kTail[j.tail];
      if (mr && j.tail == 8 && next != nullptr && joined &&
          (next->lead == kLeadNone || next->lead == kLeadH)) {
        tail = "r";
      }
      out += tail;
      return out;
    }
  }
  return out;
}

void finish_breves(std::string& text, bool diacritics) {
  std::string out;
  out.reserve(text.size() + 4);
  for (char c : text) {
    switch (c) {
      case '@':
        out += diacritics ? "\xC5\x8F" : "o";
        break;  // ŏ
      case '%':
        out += diacritics ? "\xC5\xAD" : "u";
        break;  // ŭ
      case '#':
        out += diacritics ? "\xC5\x8E" : "O";
        break;  // Ŏ
      case '$':
        out += diacritics ? "\xC5\xAC" : "U";
        break;  // Ŭ
      default:
        out += c;
    }
  }
  text.swap(out);
}

// Upper-cases the first letter; the breve placeholders have capital forms.
void capitalize(std::string& word) {
  if (word.empty()) return;
  if (word[0] == '@') {
    word[0] = '#';
  } else if (word[0] == '%') {
    word[0] = '$';
  } else {
    word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
  }
}

// Writes the family name into OUT (an out-parameter: returning the string
// trips a GCC 12 -Wrestrict false positive).
void write_surname(const HangulName& name, const RomanizationOptions& o, std::string& out) {
  out.clear();
  if (o.conventional_surname && name.surname_length > 0) {
    std::u32string key;
    for (int i = 0; i < name.surname_length; ++i) key += syllable_code_point(name.syllables[i]);
    if (const Surname* s = SurnameTable::instance().find(key); s && !s->spellings.empty()) {
      const bool north = key == s->north && s->north != s->hangul;
      // The North form's first spelling that starts with r, else the first.
      if (north) {
        for (const std::string& sp : s->spellings)
          if (sp[0] == 'r' && !sp.starts_with("rh")) {
            out.append(sp);
            return;
          }
      }
      out.append(s->spellings.front());
      return;
    }
  }
  for (int i = 0; i < name.surname_length; ++i) {
    const Jamo prev = decompose(name.syllables[i > 0 ? i - 1 : 0]);
    out += syllable(name.syllables[i], i > 0 ? &prev : nullptr, nullptr, true, o.system);
  }
  if (o.system == RomanizationSystem::kMcCuneReischauer && out == "i") out.insert(0, 1, 'y');
}

}  // namespace

std::string romanize(const HangulName& name, const RomanizationOptions& o) {
  if (name.empty()) return {};
  GivenNameStyle style = o.style;
  if (style == GivenNameStyle::kSystemDefault) {
    style = o.system == RomanizationSystem::kRevised            ? GivenNameStyle::kJoined
            : o.system == RomanizationSystem::kMcCuneReischauer ? GivenNameStyle::kHyphenated
                                                                : GivenNameStyle::kSpaced;
  }
  std::string surname;
  write_surname(name, o, surname);
  capitalize(surname);
  std::string given;
  const int n = name.given_length();
  const SyllableIndex* g = name.given_begin();
  for (int i = 0; i < n; ++i) {
    const Jamo prev = i > 0 ? decompose(g[i - 1]) : Jamo{};
    const Jamo next = i + 1 < n ? decompose(g[i + 1]) : Jamo{};
    std::string part = syllable(g[i], i > 0 ? &prev : nullptr, i + 1 < n ? &next : nullptr,
                                style == GivenNameStyle::kJoined, o.system);
    if (i > 0) {
      if (style == GivenNameStyle::kHyphenated) given += '-';
      if (style == GivenNameStyle::kSpaced) {
        given += ' ';
        capitalize(part);
      }
    }
    given += part;
  }
  capitalize(given);
  std::string out;
  if (name.surname_length == 0) {
    out = given;
  } else if (n == 0) {
    out = surname;
  } else {
    out = o.surname_last ? given + " " + surname : surname + " " + given;
  }
  if (!o.apostrophes || o.system != RomanizationSystem::kMcCuneReischauer) {
    std::erase(out, '\'');
  }
  finish_breves(out, o.diacritics);
  if (o.upper_case) {
    for (char& c : out) {
      if (static_cast<unsigned char>(c) < 0x80) c = static_cast<char>(std::toupper(c));
    }
    // Upper-case breves: Ŏ (C5 8E), Ŭ (C5 AC).
    for (std::size_t i = 0; i + 1 < out.size(); ++i) {
      if (out[i] == '\xC5' && (out[i + 1] == '\x8F' || out[i + 1] == '\xAD')) --out[i + 1];
    }
  }
  return out;
}

std::string romanize_ascii(const HangulName& name, RomanizationSystem system) {
  RomanizationOptions o;
  o.system = system;
  o.style = GivenNameStyle::kJoined;
  o.diacritics = false;
  o.apostrophes = false;
  std::string out = romanize(name, o);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace uncounted::korean
