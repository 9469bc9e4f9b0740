#pragma once
// The Korean family names of data/surnames.tsv: population shares (for
// term-frequency adjustment in linkage) and every romanized spelling in use
// (for parsing romanized names). Loaded once from the embedded table.
//
// Thread-safety: instance() is safe to call from any thread; the table is
// immutable after construction.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace uncounted::korean {

struct Surname {
  std::u32string hangul;        // South Korean form: 이, 임, 남궁
  std::u32string north;         // North Korean form when it differs (리, 림), else == hangul
  double share = 0;             // fraction of the population (0..1)
  bool share_verified = false;  // true for census figures checked against a cited source
  std::vector<std::string> spellings;  // lower-case ASCII, most common first
};

// One Hangul reading of a romanized family name.
struct SurnameReading {
  const Surname* surname = nullptr;
  bool north = false;  // the reading is the North Korean form (리 for "Ri")
  float cost = 0;      // -log-likelihood-like: lower is more likely
};

class SurnameTable {
 public:
  static const SurnameTable& instance();

  // The family name written HANGUL (South or North form), or nullptr.
  const Surname* find(std::u32string_view hangul) const;

  // The Hangul readings of a romanized family name SPELLING (lower-case
  // ASCII, no separators: "ri", "lee", "namgoong"), best first; empty when
  // the spelling is not in the table.
  std::span<const SurnameReading> readings(std::string_view spelling) const;

  // Share of the population bearing HANGUL, after folding North forms and
  // the initial-sound rule (리 counts as 이). Unknown names get kUnknownShare,
  // so that a rare name is never treated as impossible.
  double share(std::u32string_view hangul) const;
  static constexpr double kUnknownShare = 1e-5;

  const std::vector<Surname>& all() const { return surnames_; }

 private:
  SurnameTable();
  std::vector<Surname> surnames_;
  std::unordered_map<std::u32string, std::size_t> by_hangul_;
  std::unordered_map<std::string, std::vector<SurnameReading>> by_spelling_;
};

// Share of a family name given as UTF-8 Hangul ("이", "리", "남궁"); see
// SurnameTable::share. The entry point for term-frequency adjustment.
double surname_share(std::string_view hangul_utf8);

}  // namespace uncounted::korean
