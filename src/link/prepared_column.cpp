#include "link/prepared_column.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "dates/fuzzy_date_parser.h"
#include "io/record_list.h"
#include "model/civil_date.h"

namespace uncounted::link {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads an unsigned integer at POS, advancing it; false when none.
bool read_int(std::string_view s, std::size_t& pos, int& value, std::size_t& digits) {
  const std::size_t start = pos;
  value = 0;
  while (pos < s.size() && is_digit(s[pos]) && pos - start < 9)
    value = value * 10 + (s[pos++] - '0');
  digits = pos - start;
  return digits > 0;
}

double days(int year, int month, int day) {
  return static_cast<double>(to_days(CivilDate{year, month, day}));
}

}  // namespace

std::string normalize_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

bool parse_year_interval(std::string_view text, double& lo, double& hi) {
  // The dates module reads what witnesses write ("c.1962", "Juche 51",
  // "1960s", "1962년경"); its interval of days becomes one of years.
  if (const auto d = dates::try_parse_fuzzy_date(text)) {
    lo = d->earliest.year;
    hi = d->latest.year;
    return true;
  }
  const std::string t = normalize_text(text);
  std::string_view s = t;
  bool juche = false;
  if (s.starts_with("juche")) {
    juche = true;
    s.remove_prefix(5);
  } else if (s.starts_with("c.") || s.starts_with("ca.")) {
    s.remove_prefix(s.find('.') + 1);
  } else if (s.starts_with("about") || s.starts_with("circa")) {
    s.remove_prefix(5);
  }
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  std::size_t pos = 0;
  std::size_t digits = 0;
  int first = 0;
  if (!read_int(s, pos, first, digits)) return false;
  if (juche) {
    if (pos != s.size()) return false;
    lo = hi = 1911 + first;  // Juche 1 is 1912
    return true;
  }
  if (digits != 4) return false;
  if (pos == s.size()) {
    lo = hi = first;
    return true;
  }
  if (s.substr(pos) == "s" && first % 10 == 0) {  // a decade: 1960s
    lo = first;
    hi = first + 9;
    return true;
  }
  if (s[pos] == '-' || s[pos] == '/') {
    ++pos;
    int second = 0;
    if (!read_int(s, pos, second, digits) || digits != 4 || pos != s.size() || second < first) {
      return false;
    }
    lo = first;
    hi = second;
    return true;
  }
  return false;
}

bool parse_date_interval(std::string_view text, double& lo, double& hi) {
  if (const auto d = dates::try_parse_fuzzy_date(text)) {
    lo = static_cast<double>(d->earliest_days());
    hi = static_cast<double>(d->latest_days());
    return true;
  }
  const std::string t = normalize_text(text);
  const std::string_view s = t;
  std::size_t pos = 0;
  std::size_t digits = 0;
  int year = 0;
  if (!read_int(s, pos, year, digits)) return false;
  int month = 0;
  int day = 0;
  if (digits == 8 && pos == s.size()) {  // 20090314
    day = year % 100;
    month = (year / 100) % 100;
    year /= 10000;
  } else if (digits == 4) {
    if (pos < s.size() && (s[pos] == '-' || s[pos] == '/')) {
      ++pos;
      if (!read_int(s, pos, month, digits)) return false;
      if (pos < s.size() && (s[pos] == '-' || s[pos] == '/')) {
        ++pos;
        if (!read_int(s, pos, day, digits)) return false;
      }
    }
    if (pos != s.size()) return false;
  } else {
    return false;
  }
  if (month == 0) {
    lo = days(year, 1, 1);
    hi = days(year, 12, 31);
    return true;
  }
  if (month < 1 || month > 12) return false;
  if (day == 0) {
    lo = days(year, month, 1);
    hi = days(year, month, days_in_month(year, month));
    return true;
  }
  if (!is_valid(CivilDate{year, month, day})) return false;
  lo = hi = days(year, month, day);
  return true;
}

PreparedColumn::PreparedColumn(const Column& raw, ColumnKind kind, const Column* swap)
    : kind_(kind) {
  const std::size_t n = raw.size();
  ids_.resize(n);
  counts_.push_back(0);
  // Two levels of interning: raw text -> id avoids normalizing a value seen
  // before; normalized text -> id merges spellings that normalize alike.
  std::unordered_map<std::string_view, std::uint32_t> by_raw;
  std::unordered_map<std::string, std::uint32_t> by_normalized;
  auto intern = [&](std::string_view text) {
    if (auto it = by_raw.find(text); it != by_raw.end()) return it->second;
    std::uint32_t id = 0;
    std::string normalized = normalize_text(text);
    if (kind_ == ColumnKind::kSex && !normalized.empty()) {
      // One reading of sex whatever the path (the importer's): 남 and M
      // agree. A value it cannot read stays as written and equals itself.
      if (const auto sex = io::parse_sex(normalized)) normalized = std::string(to_code(*sex));
    }
    if (!normalized.empty()) {
      auto [pos, inserted] =
          by_normalized.emplace(normalized, static_cast<std::uint32_t>(counts_.size()));
      if (inserted) {
        values_.append(normalized);
        value_ends_.push_back(static_cast<std::uint32_t>(values_.size()));
        counts_.push_back(0);
      }
      id = pos->second;
    }
    by_raw.emplace(text, id);
    return id;
  };
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t id = intern(raw[i]);
    ids_[i] = id;
    if (id != 0) {
      ++counts_[id];
      ++non_null_;
    }
  }
  if (swap != nullptr) {
    // The partner column shares the dictionary, so "swapped" is two integer
    // comparisons. Its values do not count towards term frequencies.
    swap_ids_.resize(n);
    for (std::size_t i = 0; i < n; ++i) swap_ids_[i] = intern((*swap)[i]);
  }
  if (kind_ == ColumnKind::kSex) {
    for (std::uint32_t id = 1; id <= distinct(); ++id) {
      if (value(id) != "M" && value(id) != "F") unparsed_ += counts_[id];
    }
  }
  if (kind_ == ColumnKind::kString) {
    sketches_.resize(counts_.size());
    for (std::uint32_t id = 1; id <= distinct(); ++id) sketches_[id] = sketch_text(value(id));
  }
  if (kind_ == ColumnKind::kName || kind_ == ColumnKind::kPlace) {
    // Once per distinct value: the costly part (romanization, gazetteer
    // look-up) never runs per record or per pair.
    std::vector<std::string_view> values;
    values.reserve(distinct());
    for (std::uint32_t id = 1; id <= distinct(); ++id) values.push_back(value(id));
    if (kind_ == ColumnKind::kName) names_ = KoreanNameValues(values);
    if (kind_ == ColumnKind::kPlace) places_ = PlaceValues(values);
  }
  if (kind_ == ColumnKind::kYear || kind_ == ColumnKind::kDate || kind_ == ColumnKind::kNumber) {
    const std::size_t values = counts_.size();
    lo_.assign(values, 1);
    hi_.assign(values, 0);  // lo > hi: unreadable
    for (std::uint32_t id = 1; id < values; ++id) {
      const std::string_view v = value(id);
      double lo = 0;
      double hi = 0;
      bool ok = false;
      if (kind_ == ColumnKind::kYear) {
        ok = parse_year_interval(v, lo, hi);
      } else if (kind_ == ColumnKind::kDate) {
        ok = parse_date_interval(v, lo, hi);
      } else {
        const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), lo);
        ok = ec == std::errc() && end == v.data() + v.size() && std::isfinite(lo);
        hi = lo;
      }
      if (ok) {
        lo_[id] = lo;
        hi_[id] = hi;
      } else {
        unparsed_ += counts_[id];
      }
    }
  }
}

}  // namespace uncounted::link

namespace uncounted::link {

bool PreparedColumn::korean_level_holds(LevelType type, double threshold, std::uint32_t i,
                                        std::uint32_t j) const {
  return static_cast<double>(name_level(i, j)) >= korean_level_floor(type, threshold);
}

std::uint64_t PreparedColumn::korean_key_hash(KeyTransform key, std::uint32_t id) const {
  return names_.empty() ? 0 : names_.key(key, id);
}

bool PreparedColumn::swapped(std::uint32_t i, std::uint32_t j) const {
  if (swap_ids_.empty()) return false;
  return swap_ids_[i] != 0 && swap_ids_[j] != 0 && ids_[i] == swap_ids_[j] &&
         swap_ids_[i] == ids_[j];
}

bool PreparedColumn::place_equal(std::uint32_t i, std::uint32_t j) const {
  // Text the gazetteer does not know still agrees with the same text.
  if (ids_[i] == ids_[j]) return true;
  return !places_.empty() && places_.same(ids_[i], ids_[j]);
}

}  // namespace uncounted::link
