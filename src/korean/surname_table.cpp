#include "korean/surname_table.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "data/embedded_file.h"
#include "korean/hangul.h"
#include "korean/utf8.h"
#include "model/error.h"

namespace uncounted::korean {
namespace {

std::u32string decode(std::string_view utf8) {
  std::u32string out;
  decode_utf8(utf8, out);
  return out;
}

// Folds a surname to the key its share is counted under: North forms and
// initial-sound variants map to the South form (리 -> 이, 류 -> 유).
std::u32string south_form(std::u32string_view hangul) {
  std::u32string key(hangul);
  if (!key.empty() && is_syllable(key[0])) {
    key[0] = syllable_code_point(apply_initial_sound_rule(syllable_index(key[0])));
  }
  return key;
}

}  // namespace

const SurnameTable& SurnameTable::instance() {
  static const SurnameTable table;
  return table;
}

SurnameTable::SurnameTable() {
  const auto text = data::embedded_file("surnames.tsv");
  if (!text) throw runtime_error("embedded table missing", "data/surnames.tsv");
  std::size_t line_no = 0;
  for (std::string_view line : data::split_fields(*text, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#' || line.starts_with("hangul\t")) continue;
    const auto f = data::split_fields(line, '\t');
    if (f.size() < 5) {
      throw runtime_error("malformed row", "data/surnames.tsv:" + std::to_string(line_no));
    }
    Surname s;
    s.hangul = decode(f[0]);
    s.north = decode(f[2]);
    s.share = std::stod(std::string(f[1])) / 100.0;
    s.share_verified = f[3] == "kosis2015";
    for (std::string_view sp : data::split_fields(f[4], ',')) {
      if (!sp.empty() && std::find(s.spellings.begin(), s.spellings.end(), sp) == s.spellings.end())
        s.spellings.emplace_back(sp);
    }
    surnames_.push_back(std::move(s));
  }
  for (std::size_t i = 0; i < surnames_.size(); ++i) {
    by_hangul_.emplace(surnames_[i].hangul, i);
    by_hangul_.emplace(surnames_[i].north, i);
  }
  for (const Surname& s : surnames_) {
    // Common names are likelier readings: cost grows with -log(share).
    const float frequency_cost = static_cast<float>(-0.35 * std::log(std::max(s.share, 1e-6)));
    const bool has_north_form = s.north != s.hangul;
    for (std::size_t rank = 0; rank < s.spellings.size(); ++rank) {
      const std::string& sp = s.spellings[rank];
      const float cost =
          frequency_cost + 0.15f * static_cast<float>(std::min<std::size_t>(rank, 4));
      auto& list = by_spelling_[sp];
      // "Ri", "Rim", "Ryu" are written from the North Korean form; "Rhee" and
      // "Lee" are South Korean spellings of 이.
      const bool north_spelling = has_north_form && sp[0] == 'r' && !sp.starts_with("rh");
      if (north_spelling) {
        list.push_back({&s, true, cost});
        list.push_back({&s, false, cost + 0.3f});
      } else {
        list.push_back({&s, false, cost});
      }
    }
  }
  for (auto& [spelling, list] : by_spelling_) {
    std::stable_sort(
        list.begin(), list.end(),
        [](const SurnameReading& a, const SurnameReading& b) { return a.cost < b.cost; });
  }
}

const Surname* SurnameTable::find(std::u32string_view hangul) const {
  const auto it = by_hangul_.find(std::u32string(hangul));
  return it == by_hangul_.end() ? nullptr : &surnames_[it->second];
}

std::span<const SurnameReading> SurnameTable::readings(std::string_view spelling) const {
  const auto it = by_spelling_.find(std::string(spelling));
  if (it == by_spelling_.end()) return {};
  return it->second;
}

double SurnameTable::share(std::u32string_view hangul) const {
  if (const Surname* s = find(hangul)) return s->share > 0 ? s->share : kUnknownShare;
  if (const Surname* s = find(south_form(hangul))) return s->share > 0 ? s->share : kUnknownShare;
  return kUnknownShare;
}

double surname_share(std::string_view hangul_utf8) {
  std::u32string text;
  decode_utf8(hangul_utf8, text);
  return SurnameTable::instance().share(normalize_hangul(text));
}

}  // namespace uncounted::korean
