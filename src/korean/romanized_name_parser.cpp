#include "korean/romanized_name_parser.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <string>

#include "korean/surname_table.h"
#include "korean/syllable_prior.h"
#include "korean/utf8.h"

namespace uncounted::korean {
namespace {

// The parser's alphabet: lower-case ASCII letters, '\'' (aspiration mark or
// syllable break), 'O' for ŏ and 'U' for ŭ (a breve says ㅓ/ㅡ for sure).
struct Spelling {
  const char* text;
  std::uint8_t jamo;
  float cost;
};

constexpr Spelling kLeads[] = {
    {"g", 0, 0.0f},   {"k", 0, 0.1f},    {"gh", 0, 0.8f},   {"kh", 0, 1.2f},   {"kk", 1, 0.2f},
    {"gg", 1, 0.6f},  {"n", 2, 0.0f},    {"d", 3, 0.0f},    {"t", 3, 0.1f},    {"tt", 4, 0.2f},
    {"dd", 4, 0.6f},  {"r", 5, 0.0f},    {"l", 5, 0.3f},    {"rh", 5, 0.8f},   {"m", 6, 0.0f},
    {"b", 7, 0.0f},   {"p", 7, 0.1f},    {"pp", 8, 0.2f},   {"bb", 8, 0.6f},   {"s", 9, 0.0f},
    {"sh", 9, 0.3f},  {"ss", 10, 0.3f},  {"", 11, 0.0f},    {"j", 12, 0.0f},   {"ch", 12, 0.3f},
    {"z", 12, 1.0f},  {"jh", 12, 1.0f},  {"jj", 13, 0.3f},  {"tch", 13, 0.5f}, {"zz", 13, 1.0f},
    {"ch", 14, 0.1f}, {"ch'", 14, 0.0f}, {"chh", 14, 0.6f}, {"k", 15, 0.9f},   {"kh", 15, 0.3f},
    {"k'", 15, 0.0f}, {"t", 16, 0.9f},   {"th", 16, 0.3f},  {"t'", 16, 0.0f},  {"p", 17, 0.9f},
    {"ph", 17, 0.3f}, {"p'", 17, 0.0f},  {"f", 17, 1.0f},   {"h", 18, 0.0f},
};

constexpr Spelling kVowels[] = {
    {"a", 0, 0.0f},   {"ah", 0, 0.5f},   {"aa", 0, 0.8f},   {"ae", 1, 0.0f},   {"ai", 1, 0.4f},
    {"ay", 1, 0.8f},  {"e", 1, 0.7f},    {"ea", 1, 0.7f},   {"ya", 2, 0.0f},   {"yae", 3, 0.0f},
    {"eo", 4, 0.0f},  {"O", 4, 0.0f},    {"o", 4, 0.1f},    {"u", 4, 0.4f},    {"uh", 4, 0.6f},
    {"eu", 4, 0.8f},  {"e", 4, 1.0f},    {"e", 5, 0.0f},    {"ei", 5, 0.8f},   {"yeo", 6, 0.0f},
    {"yO", 6, 0.0f},  {"yo", 6, 0.3f},   {"you", 6, 0.4f},  {"yu", 6, 0.5f},   {"ye", 6, 0.8f},
    {"yuh", 6, 0.8f}, {"ye", 7, 0.0f},   {"o", 8, 0.0f},    {"oh", 8, 0.5f},   {"oo", 8, 1.2f},
    {"wa", 9, 0.0f},  {"oa", 9, 0.8f},   {"wae", 10, 0.0f}, {"wai", 10, 0.7f}, {"oe", 11, 0.0f},
    {"oi", 11, 0.3f}, {"oy", 11, 0.7f},  {"we", 11, 0.6f},  {"yo", 12, 0.0f},  {"yoh", 12, 0.8f},
    {"u", 13, 0.0f},  {"oo", 13, 0.2f},  {"ou", 13, 0.5f},  {"woo", 13, 0.3f}, {"wu", 13, 0.5f},
    {"uh", 13, 0.8f}, {"wo", 14, 0.0f},  {"wO", 14, 0.0f},  {"weo", 14, 0.2f}, {"wu", 14, 0.6f},
    {"uo", 14, 0.8f}, {"we", 15, 0.0f},  {"wi", 16, 0.0f},  {"wee", 16, 0.6f}, {"ui", 16, 1.0f},
    {"yu", 17, 0.0f}, {"yoo", 17, 0.2f}, {"you", 17, 0.4f}, {"eu", 18, 0.0f},  {"U", 18, 0.0f},
    {"u", 18, 0.3f},  {"ui", 19, 0.0f},  {"Ui", 19, 0.0f},  {"eui", 19, 0.3f}, {"ee", 19, 0.5f},
    {"i", 19, 0.8f},  {"i", 20, 0.0f},   {"ee", 20, 0.4f},  {"yi", 20, 0.6f},  {"ie", 20, 1.0f},
    {"ih", 20, 0.8f},
};

constexpr Spelling kTails[] = {
    {"k", 1, 0.0f},  {"g", 1, 0.5f},  {"ck", 1, 0.6f},  {"n", 4, 0.0f},
    {"nn", 4, 0.5f}, {"t", 7, 1.2f},  {"l", 8, 0.0f},   {"r", 8, 0.4f},
    {"ll", 8, 0.6f}, {"m", 16, 0.0f}, {"mm", 16, 0.8f}, {"p", 17, 0.0f},
    {"b", 17, 0.5f}, {"t", 19, 1.3f}, {"s", 19, 1.5f},  {"ng", 21, 0.0f},
};

bool matches(std::string_view word, std::size_t pos, const char* spelling, std::size_t& len) {
  len = std::strlen(spelling);
  return word.compare(pos, len, spelling) == 0 && pos + len <= word.size();
}

// A partial or complete reading of one word.
struct Reading {
  float cost = 0;
  std::uint8_t length = 0;
  SyllableIndex syllables[kMaxNameSyllables] = {};
};

constexpr int kBeam = 10;
constexpr std::size_t kMaxWordLetters = 48;

// Keeps LIST as the kBeam cheapest readings.
void offer(std::vector<Reading>& list, const Reading& r) {
  for (Reading& existing : list) {
    if (existing.length == r.length &&
        std::equal(existing.syllables, existing.syllables + r.length, r.syllables)) {
      if (r.cost < existing.cost) existing.cost = r.cost;
      return;
    }
  }
  if (list.size() < kBeam) {
    list.push_back(r);
    return;
  }
  auto worst = std::max_element(list.begin(), list.end(),
                                [](const Reading& a, const Reading& b) { return a.cost < b.cost; });
  if (r.cost < worst->cost) *worst = r;
}

// Segments WORD (parser alphabet) into syllables; the kBeam best readings.
// SPELLS_EO: the name writes ㅓ/ㅡ unambiguously somewhere (RR "eo"/"eu" or
// MR/DPRK breves), so a bare o or u elsewhere in it is more likely ㅗ/ㅜ.
std::vector<Reading> read_word(std::string_view word, bool spells_eo) {
  std::vector<Reading> none;
  if (word.empty() || word.size() > kMaxWordLetters) return none;
  std::vector<std::vector<Reading>> at(word.size() + 1);
  at[0].push_back(Reading{});
  for (std::size_t pos = 0; pos < word.size(); ++pos) {
    if (at[pos].empty()) continue;
    if (word[pos] == '\'') {  // a syllable break (MR han'gŭl) costs nothing
      for (const Reading& r : at[pos]) offer(at[pos + 1], r);
      continue;
    }
    for (const Spelling& lead : kLeads) {
      std::size_t lead_len = 0;
      if (!matches(word, pos, lead.text, lead_len)) continue;
      const std::size_t vowel_pos = pos + lead_len;
      for (const Spelling& vowel : kVowels) {
        std::size_t vowel_len = 0;
        if (!matches(word, vowel_pos, vowel.text, vowel_len)) continue;
        const std::size_t tail_pos = vowel_pos + vowel_len;
        // No tail, or one of the tail spellings.
        for (int t = -1; t < static_cast<int>(std::size(kTails)); ++t) {
          std::size_t tail_len = 0;
          std::uint8_t tail = 0;
          float cost = lead.cost + vowel.cost;
          if (spells_eo && (vowel.text[0] == 'o' || vowel.text[0] == 'u') &&
              (vowel.jamo == 4 || vowel.jamo == 18))
            cost += 0.6f;
          if (t >= 0) {
            if (!matches(word, tail_pos, kTails[t].text, tail_len)) continue;
            tail = kTails[t].jamo;
            cost += kTails[t].cost;
          }
          const std::size_t end = tail_pos + tail_len;
          const SyllableIndex s = compose(Jamo{lead.jamo, vowel.jamo, tail});
          cost += given_syllable_cost(s);
          for (const Reading& r : at[pos]) {
            if (r.length >= kMaxNameSyllables) continue;
            Reading next = r;
            next.syllables[next.length++] = s;
            next.cost += cost;
            // A vowel-initial syllable inside a word is usually a misreading
            // of a longer vowel spelling ("cheol" is 철, not 체올).
            if (lead.jamo == kLeadNone && r.length > 0)
              next.cost += decompose(r.syllables[r.length - 1]).tail == 0 ? 1.5f : 0.3f;
            offer(at[end], next);
          }
        }
      }
    }
  }
  std::vector<Reading> result = std::move(at[word.size()]);
  std::sort(result.begin(), result.end(),
            [](const Reading& a, const Reading& b) { return a.cost < b.cost; });
  return result;
}

// One space-separated part of the name; hyphens and CamelCase split it into
// pieces ("Cheol-ho" -> cheol, ho).
struct Group {
  std::vector<std::string> pieces;
  bool all_caps = true;
  bool comma_after = false;
  int letters = 0;
};

char fold_letter(char32_t cp) {
  if (cp >= 'a' && cp <= 'z') return static_cast<char>(cp);
  if (cp >= 'A' && cp <= 'Z') return static_cast<char>(cp - 'A' + 'a');
  switch (cp) {
    case 0x14F:
    case 0x14E:
    case 0x1D2:
    case 0x1D1:
    case 0xF6:
    case 0xD6:
    case 0xF4:
    case 0xD4:
    case 0xF5:
    case 0xD5:
      return 'O';
    case 0x16D:
    case 0x16C:
    case 0x1D4:
    case 0x1D3:
    case 0xFC:
    case 0xDC:
    case 0xFB:
    case 0xDB:
      return 'U';
    case 0xF3:
    case 0xF2:
    case 0xD3:
    case 0xD2:
    case 0x14D:
    case 0x14C:
      return 'o';
    case 0xFA:
    case 0xF9:
    case 0xDA:
    case 0xD9:
    case 0x16B:
    case 0x16A:
      return 'u';
    case 0xE9:
    case 0xE8:
    case 0xEA:
    case 0xEB:
    case 0x11B:
    case 0xC9:
    case 0xC8:
    case 0xCA:
    case 0xCB:
    case 0x113:
      return 'e';
    case 0xE1:
    case 0xE0:
    case 0xE2:
    case 0xE4:
    case 0x1CE:
    case 0xE3:
    case 0xC1:
    case 0xC0:
    case 0xC2:
    case 0xC4:
    case 0x101:
      return 'a';
    case 0xED:
    case 0xEC:
    case 0xEE:
    case 0xEF:
    case 0x1D0:
    case 0xCD:
    case 0xCC:
    case 0xCE:
    case 0xCF:
    case 0x12B:
      return 'i';
    default:
      return 0;
  }
}
bool is_upper(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || cp == 0x14E || cp == 0x16C || cp == 0x1D1 || cp == 0x1D3 ||
         (cp >= 0xC0 && cp <= 0xDC);
}
bool is_apostrophe(char32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == '`' || cp == 0x2BC || cp == 0x2BB ||
         cp == 0xB4 || cp == 0x2032;
}
bool is_hyphen(char32_t cp) {
  return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0xB7 || cp == 0x30FB;
}

std::vector<Group> split_groups(std::u32string_view text) {
  std::vector<Group> groups;
  std::string piece;
  Group group;
  char32_t previous = 0;
  auto end_piece = [&] {
    if (!piece.empty()) group.pieces.push_back(std::move(piece));
    piece.clear();
  };
  auto end_group = [&](bool comma) {
    end_piece();
    if (!group.pieces.empty()) {
      groups.push_back(std::move(group));
    } else if (comma && !groups.empty()) {
      groups.back().comma_after = true;
    }
    if (comma && !groups.empty()) groups.back().comma_after = true;
    group = Group{};
  };
  for (char32_t cp : text) {
    if (const char c = fold_letter(cp)) {
      // CamelCase inside a word starts a new piece: "ChulHo".
      if (is_upper(cp) && fold_letter(previous) && !is_upper(previous)) end_piece();
      piece.push_back(c);
      group.all_caps = group.all_caps && is_upper(cp);
      ++group.letters;
    } else if (is_apostrophe(cp)) {
      if (!piece.empty()) piece.push_back('\'');
    } else if (is_hyphen(cp)) {
      end_piece();
    } else {
      end_group(cp == ',');
    }
    previous = cp;
  }
  end_group(false);
  return groups;
}

// The family name spelled by GROUP: table readings, else a syllable reading.
struct SurnameOption {
  float cost;
  std::uint8_t length;
  SyllableIndex syllables[2];
};

std::string table_key(const Group& g) {
  std::string key;
  for (const std::string& p : g.pieces)
    for (char c : p) {
      if (c == '\'') continue;
      key.push_back(c == 'O' ? 'o' : c == 'U' ? 'u' : c);
    }
  return key;
}

void surname_options(const Group& g, bool spells_eo, std::vector<SurnameOption>& out) {
  out.clear();
  const SurnameTable& table = SurnameTable::instance();
  for (const SurnameReading& r : table.readings(table_key(g))) {
    const std::u32string& h = r.north ? r.surname->north : r.surname->hangul;
    if (h.empty() || h.size() > 2) continue;
    SurnameOption o{r.cost, static_cast<std::uint8_t>(h.size()), {}};
    for (std::size_t i = 0; i < h.size(); ++i) o.syllables[i] = syllable_index(h[i]);
    out.push_back(o);
  }
  // An unlisted spelling of a listed or unlisted name: read it syllable by
  // syllable, at a price.
  std::string joined;
  for (const std::string& p : g.pieces) joined += p;
  for (const Reading& r : read_word(joined, spells_eo)) {
    if (r.length < 1 || r.length > 2) continue;
    std::u32string h;
    for (int i = 0; i < r.length; ++i) h.push_back(syllable_code_point(r.syllables[i]));
    const Surname* known = table.find(h);
    const float prior =
        known ? static_cast<float>(-0.35 * std::log(std::max(known->share, 1e-6))) : 4.0f;
    SurnameOption o{r.cost + 1.5f + prior, r.length, {r.syllables[0], r.syllables[1]}};
    out.push_back(o);
  }
  std::sort(out.begin(), out.end(),
            [](const SurnameOption& a, const SurnameOption& b) { return a.cost < b.cost; });
  if (out.size() > 6) out.resize(6);
}

float given_length_cost(int n) {
  switch (n) {
    case 0:
      return 2.5f;
    case 1:
      return 1.0f;
    case 2:
      return 0.0f;
    case 3:
      return 1.8f;
    default:
      return 1.8f + 2.5f * static_cast<float>(n - 3);
  }
}

// The best readings of the given name written as PIECES (in order).
std::vector<Reading> read_given(const std::vector<const std::string*>& pieces, bool spells_eo) {
  std::vector<Reading> acc(1);
  for (const std::string* piece : pieces) {
    const std::vector<Reading> words = read_word(*piece, spells_eo);
    if (words.empty()) return {};
    std::vector<Reading> next;
    for (const Reading& a : acc) {
      for (const Reading& w : words) {
        if (a.length + w.length > kMaxNameSyllables) continue;
        Reading r = a;
        std::copy(w.syllables, w.syllables + w.length, r.syllables + r.length);
        r.length = static_cast<std::uint8_t>(r.length + w.length);
        r.cost += w.cost;
        offer(next, r);
      }
    }
    acc = std::move(next);
    if (acc.empty()) return {};
  }
  return acc;
}

void add_candidates(const std::vector<SurnameOption>& surnames, const std::vector<Reading>& given,
                    float extra, std::vector<HangulCandidate>& out) {
  for (const SurnameOption& s : surnames) {
    for (const Reading& g : given) {
      if (s.length + g.length > kMaxNameSyllables) continue;
      HangulCandidate c;
      c.name.surname_length = s.length;
      c.name.length = static_cast<std::uint8_t>(s.length + g.length);
      std::copy(s.syllables, s.syllables + s.length, c.name.syllables);
      std::copy(g.syllables, g.syllables + g.length, c.name.syllables + s.length);
      c.cost = s.cost + g.cost + given_length_cost(g.length) + extra;
      out.push_back(c);
    }
  }
}

// Family name in group SURNAME_AT, the other groups the given name.
void try_order(const std::vector<Group>& groups, std::size_t surname_at, float extra,
               bool spells_eo, std::vector<HangulCandidate>& out) {
  std::vector<SurnameOption> surnames;
  surname_options(groups[surname_at], spells_eo, surnames);
  if (surnames.empty()) return;
  std::vector<const std::string*> pieces;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (i == surname_at) continue;
    for (const std::string& p : groups[i].pieces) pieces.push_back(&p);
  }
  add_candidates(surnames, read_given(pieces, spells_eo), extra, out);
}

// A single run of letters ("kimcheolho"): the family name is a prefix.
void try_joined(const Group& group, bool spells_eo, std::vector<HangulCandidate>& out) {
  std::string word;
  for (const std::string& p : group.pieces) word += p;
  for (std::size_t cut = 1; cut < word.size() && cut <= 9; ++cut) {
    Group head;
    head.pieces.push_back(word.substr(0, cut));
    if (SurnameTable::instance().readings(table_key(head)).empty()) continue;
    std::vector<SurnameOption> surnames;
    surname_options(head, spells_eo, surnames);
    const std::string rest = word.substr(cut);
    add_candidates(surnames, read_given({&rest}, spells_eo), 0.5f, out);
  }
}

}  // namespace

std::vector<HangulCandidate> parse_romanized_name(std::string_view text, int max_candidates) {
  std::vector<HangulCandidate> out;
  if (text.empty() || text.size() > kMaxRomanizedNameBytes || max_candidates <= 0) return out;
  std::u32string decoded;
  decode_utf8(text, decoded);
  const std::vector<Group> groups = split_groups(decoded);
  if (groups.empty() || groups.size() > kMaxNameSyllables) return out;
  bool spells_eo = false;
  for (const Group& g : groups)
    for (const std::string& p : g.pieces)
      spells_eo = spells_eo || p.find("eo") != std::string::npos ||
                  p.find("eu") != std::string::npos || p.find('O') != std::string::npos ||
                  p.find('U') != std::string::npos;

  if (groups.size() == 1) {
    const Group& g = groups[0];
    if (g.pieces.size() > 1) {
      // "Kim-Cheolho" or "Chol-Ho": family name as the first piece, or none.
      Group head;
      head.pieces.push_back(g.pieces[0]);
      std::vector<SurnameOption> surnames;
      surname_options(head, spells_eo, surnames);
      std::vector<const std::string*> rest;
      for (std::size_t i = 1; i < g.pieces.size(); ++i) rest.push_back(&g.pieces[i]);
      add_candidates(surnames, read_given(rest, spells_eo), 0.5f, out);
    }
    try_joined(g, spells_eo, out);
    // A given name alone, or a family name alone.
    std::vector<const std::string*> all;
    for (const std::string& p : g.pieces) all.push_back(&p);
    add_candidates({SurnameOption{0, 0, {}}}, read_given(all, spells_eo), 3.0f, out);
    std::vector<SurnameOption> alone;
    surname_options(g, spells_eo, alone);
    add_candidates(alone, {Reading{}}, 0.0f, out);
  } else {
    // Where is the family name? First by default; a comma after the first
    // group confirms it; an all-capital group among mixed-case ones marks it.
    const std::size_t last = groups.size() - 1;
    const bool comma = groups[0].comma_after;
    int caps_groups = 0;
    for (const Group& g : groups) caps_groups += g.all_caps && g.letters > 1;
    const bool caps_hint = caps_groups == 1;
    auto order_cost = [&](std::size_t at, float base) {
      float c = base;
      if (caps_hint) c += (groups[at].all_caps && groups[at].letters > 1) ? -0.5f : 1.0f;
      return c;
    };
    try_order(groups, 0, order_cost(0, 0.0f), spells_eo, out);
    if (!comma) try_order(groups, last, order_cost(last, 0.7f), spells_eo, out);
  }

  std::sort(out.begin(), out.end(),
            [](const HangulCandidate& a, const HangulCandidate& b) { return a.cost < b.cost; });
  std::vector<HangulCandidate> unique;
  for (const HangulCandidate& c : out) {
    if (static_cast<int>(unique.size()) >= max_candidates) break;
    if (!unique.empty() && c.cost > unique.front().cost + 8.0f) break;
    bool seen = false;
    for (const HangulCandidate& u : unique) seen = seen || u.name == c.name;
    if (!seen) unique.push_back(c);
  }
  return unique;
}

}  // namespace uncounted::korean
