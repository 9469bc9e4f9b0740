#include "places/edit_distance.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace uncounted::places {

std::u32string to_code_points(std::string_view key) {
  std::u32string out;
  out.reserve(key.size());
  for (std::size_t i = 0; i < key.size();) {
    const auto b0 = static_cast<unsigned char>(key[i]);
    const std::size_t len = b0 < 0x80 ? 1 : (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : 4;
    if (len == 1 || i + len > key.size()) {
      out.push_back(b0);
      ++i;
      continue;
    }
    char32_t cp = b0 & (0xFF >> (len + 1));
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (key[i + k] & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

std::u32string typo_key(std::string_view key) {
  const std::u32string points = to_code_points(key);
  std::u32string out;
  out.reserve(points.size() * 3);
  for (const char32_t cp : points) {
    if (cp < 0xAC00 || cp > 0xD7A3) {
      out.push_back(cp);
      continue;
    }
    // Unicode's arithmetic: 19 initials x 21 vowels x 28 finals (0 = none).
    const char32_t s = cp - 0xAC00;
    out.push_back(0x1100 + s / 588);
    out.push_back(0x1161 + s % 588 / 28);
    if (s % 28 != 0) out.push_back(0x11A7 + s % 28);
  }
  return out;
}

int edit_distance(std::u32string_view a, std::u32string_view b, int limit) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  // Three rolling rows: the transposition looks two rows back.
  // Reused per thread: this runs once per alias key for every unmatched
  // text, and allocating here dominated its cost.
  thread_local std::vector<int> before, previous, current;
  before.assign(m + 1, 0);
  previous.assign(m + 1, 0);
  current.assign(m + 1, 0);
  for (int j = 0; j <= m; ++j) previous[j] = j;
  for (int i = 1; i <= n; ++i) {
    current[0] = i;
    int row_min = current[0];
    for (int j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d = std::min(d, before[j - 2] + 1);
      }
      current[j] = d;
      row_min = std::min(row_min, d);
    }
    if (row_min > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[m];
}

}  // namespace uncounted::places
