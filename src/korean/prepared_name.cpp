// prepare(), blocking_keys() and hangul_readings() of name_comparison.h.

#include <algorithm>
#include <cmath>

#include "korean/misspelled_name.h"
#include "korean/name_comparison.h"
#include "korean/name_keys.h"
#include "korean/name_text.h"
#include "korean/romanized_name_parser.h"

namespace uncounted::korean {
namespace {

// The family name's class: its first syllable after the initial-sound rule
// (리 and 이 are one class), plus the second syllable of 남궁-type names.
std::uint32_t surname_class(const HangulName& name) {
  if (name.surname_length == 0) return 0;
  std::uint32_t c = std::uint32_t(apply_initial_sound_rule(name.syllables[0])) + 1;
  if (name.surname_length > 1) c |= (std::uint32_t(name.syllables[1]) + 1) << 16;
  return c;
}

PreparedCandidate make_candidate(const HangulName& name, float weight) {
  PreparedCandidate c;
  c.name = name;
  c.weight = weight;
  c.surname_class = surname_class(name);
  std::uint64_t key = mix(0x4B52ull, c.surname_class);
  std::uint64_t phonetic = key;
  const SyllableIndex* g = name.given_begin();
  for (int i = 0; i < name.given_length(); ++i) {
    key = mix(key, g[i]);
    phonetic = mix(phonetic, phonetic_syllable(g[i]));
  }
  c.name_key = mix(key, static_cast<std::uint64_t>(name.given_length()));
  c.phonetic_key = mix(phonetic, static_cast<std::uint64_t>(name.given_length()));
  // Jamo codes: lead 1..19, vowel 20..40, tail 41..68 (only when present).
  auto add = [&c](SyllableIndex s) {
    const Jamo j = decompose(s);
    c.jamo[c.jamo_length++] = static_cast<std::uint8_t>(1 + j.lead);
    c.jamo[c.jamo_length++] = static_cast<std::uint8_t>(20 + j.vowel);
    if (j.tail) c.jamo[c.jamo_length++] = static_cast<std::uint8_t>(40 + j.tail);
  };
  for (int i = 0; i < name.length; ++i) {
    add(i == 0 && name.surname_length > 0 ? apply_initial_sound_rule(name.syllables[0])
                                          : name.syllables[i]);
  }
  return c;
}

std::uint64_t folded_text_key(std::string_view text) {
  std::uint64_t h = 0x54455854ull;
  bool any = false;
  for (unsigned char ch : text) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<unsigned char>(ch - 'A' + 'a');
    if ((ch >= 'a' && ch <= 'z') || ch >= 0x80) {
      h = mix(h, ch);
      any = true;
    }
  }
  return any ? h : 0;
}

}  // namespace

PreparedName prepare(std::string_view text) {
  PreparedName out;
  const NameText parts = split_name_text(text);
  if (parts.too_long) return out;
  std::vector<HangulCandidate> readings;
  if (!parts.hangul.empty()) {
    readings.push_back({parts.hangul, 0.0f});
    out.from_hangul = true;
  }
  // With Hangul present, the romanized part adds a few readings behind it
  // (extra evidence); alone, it supplies all of them.
  const int roman_quota = out.from_hangul ? 3 : kMaxNameCandidates;
  const float roman_offset = out.from_hangul ? 1.0f : 0.0f;
  std::vector<HangulCandidate> roman = parse_romanized_name(parts.roman, roman_quota);
  if (roman.empty() && !out.from_hangul && !parts.roman.empty()) {
    roman = parse_misspelled_romanized_name(parts.roman, kMaxRepairedReadings);
    out.repaired = !roman.empty();
  }
  for (const HangulCandidate& c : roman) {
    bool seen = false;
    for (const HangulCandidate& r : readings) seen = seen || r.name == c.name;
    // Roman costs count from their own best reading.
    const float cost = out.from_hangul ? c.cost - roman.front().cost + roman_offset : c.cost;
    if (!seen) readings.push_back({c.name, cost});
  }
  const float best = readings.empty() ? 0.0f : readings.front().cost;
  for (const HangulCandidate& r : readings) {
    if (out.count >= kMaxNameCandidates) break;
    out.candidates[out.count++] = make_candidate(r.name, std::exp(best - r.cost));
  }
  if (out.count == 0 || out.repaired) out.text_key = folded_text_key(parts.roman);
  return out;
}

BlockingKeys blocking_keys(const PreparedName& name) {
  BlockingKeys keys;
  auto add = [&keys](std::uint64_t k) {
    for (int i = 0; i < keys.count; ++i)
      if (keys.keys[i] == k) return;
    if (keys.count < 4) keys.keys[keys.count++] = k;
  };
  if (name.count == 0) {
    if (name.text_key) add(name.text_key);
    return keys;
  }
  for (int i = 0; i < name.count && keys.count < 4; ++i) {
    const PreparedCandidate& c = name.candidates[i];
    if (i > 0 && c.weight < 0.05f) break;
    // Family-name class + the lead-consonant classes of the given name: the
    // consonant skeleton survives every romanization system.
    std::uint64_t k = mix(0x424C4Bull, c.surname_class);
    const SyllableIndex* g = c.name.given_begin();
    for (int s = 0; s < c.name.given_length(); ++s) k = mix(k, kLeadClass[decompose(g[s]).lead]);
    add(k);
  }
  return keys;
}

std::vector<std::string> hangul_readings(const PreparedName& name, float min_weight) {
  std::vector<std::string> out;
  for (int i = 0; i < name.count; ++i) {
    if (name.candidates[i].weight < min_weight) continue;
    std::string h = to_utf8(name.candidates[i].name);
    if (std::find(out.begin(), out.end(), h) == out.end()) out.push_back(std::move(h));
  }
  return out;
}

}  // namespace uncounted::korean
