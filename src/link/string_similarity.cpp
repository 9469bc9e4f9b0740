#include "link/string_similarity.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>

namespace uncounted::link {
namespace {

std::string_view clip(std::string_view s) {
  return s.size() > kMaxSimilarityLength ? s.substr(0, kMaxSimilarityLength) : s;
}

// Edit distance with an optional transposition move, banded by LIMIT.
int edit_distance(std::string_view a, std::string_view b, int limit, bool transpositions) {
  a = clip(a);
  b = clip(b);
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  if (n == 0) return m;
  if (m == 0) return n;
  // Every character of one string that the other lacks needs an edit of its
  // own: a lower bound from presence masks that rejects most unrelated
  // values before the table is filled.
  std::uint64_t in_a = 0;
  std::uint64_t in_b = 0;
  for (unsigned char c : a) in_a |= 1ULL << (c & 63);
  for (unsigned char c : b) in_b |= 1ULL << (c & 63);
  int a_missing = 0;
  int b_missing = 0;
  for (unsigned char c : a) a_missing += 1 - static_cast<int>((in_b >> (c & 63)) & 1);
  for (unsigned char c : b) b_missing += 1 - static_cast<int>((in_a >> (c & 63)) & 1);
  if (std::max(a_missing, b_missing) > limit) return limit + 1;
  // Three rolling rows (the transposition needs the one before last); only
  // the band |i - j| <= limit is computed, cells outside it are "too far".
  int rows[3][kMaxSimilarityLength + 2];
  int* before = rows[0];
  int* previous = rows[1];
  int* current = rows[2];
  const int far = limit + 1;
  for (int j = 0; j <= m; ++j) previous[j] = std::min(j, far);
  previous[m + 1] = far;
  before[0] = far;
  for (int i = 1; i <= n; ++i) {
    const int lo = std::max(1, i - limit);
    const int hi = std::min(m, i + limit);
    current[lo - 1] = lo - 1 == 0 ? std::min(i, far) : far;
    int row_min = current[lo - 1];
    for (int j = lo; j <= hi; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (transpositions && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        v = std::min(v, before[j - 2] + 1);
      }
      current[j] = std::min(v, far);
      row_min = std::min(row_min, current[j]);
    }
    if (hi + 1 <= m) current[hi + 1] = far;
    if (row_min > limit) return far;
    int* t = before;
    before = previous;
    previous = current;
    current = t;
  }
  return std::min(previous[m], far);
}

}  // namespace

double jaro(std::string_view a, std::string_view b) {
  a = clip(a);
  b = clip(b);
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  const int window = std::max(0, std::max(n, m) / 2 - 1);
  bool a_matched[kMaxSimilarityLength] = {};
  bool b_matched[kMaxSimilarityLength] = {};
  int matches = 0;
  for (int i = 0; i < n; ++i) {
    const int lo = std::max(0, i - window);
    const int hi = std::min(m - 1, i + window);
    for (int j = lo; j <= hi; ++j) {
      if (!b_matched[j] && a[i] == b[j]) {
        a_matched[i] = b_matched[j] = true;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;
  int transposed = 0;
  for (int i = 0, j = 0; i < n; ++i) {
    if (!a_matched[i]) continue;
    while (!b_matched[j]) ++j;
    if (a[i] != b[j]) ++transposed;
    ++j;
  }
  const double mt = matches;
  return (mt / n + mt / m + (mt - transposed / 2.0) / mt) / 3.0;
}

double jaro_winkler(std::string_view a, std::string_view b) {
  const double j = jaro(a, b);
  int prefix = 0;
  const std::size_t limit = std::min<std::size_t>({4, a.size(), b.size()});
  while (static_cast<std::size_t>(prefix) < limit && a[prefix] == b[prefix]) ++prefix;
  return j + prefix * 0.1 * (1.0 - j);
}

double jaro_winkler_at_least(std::string_view a, std::string_view b, double floor) {
  a = clip(a);
  b = clip(b);
  if (a.empty() || b.empty()) return jaro_winkler(a, b);
  // Matches are at most the characters of each string that occur anywhere
  // in the other: a bound from two 64-bit presence masks, far cheaper than
  // the Jaro window scan, and enough to reject most unrelated names.
  std::uint64_t in_a = 0;
  std::uint64_t in_b = 0;
  for (unsigned char c : a) in_a |= 1ULL << (c & 63);
  for (unsigned char c : b) in_b |= 1ULL << (c & 63);
  int a_in_b = 0;
  int b_in_a = 0;
  for (unsigned char c : a) a_in_b += (in_b >> (c & 63)) & 1;
  for (unsigned char c : b) b_in_a += (in_a >> (c & 63)) & 1;
  const double matches = std::min(a_in_b, b_in_a);
  const double jaro_bound = (matches / a.size() + matches / b.size() + 1.0) / 3.0;
  int prefix = 0;
  const std::size_t limit = std::min<std::size_t>({4, a.size(), b.size()});
  while (static_cast<std::size_t>(prefix) < limit && a[prefix] == b[prefix]) ++prefix;
  const double bound = jaro_bound + prefix * 0.1 * (1.0 - jaro_bound);
  if (matches == 0 || bound < floor) return std::min(bound, std::nextafter(floor, 0.0));
  return jaro_winkler(a, b);
}

TextSketch sketch_text(std::string_view s) {
  s = clip(s);
  TextSketch out;
  out.length = static_cast<std::uint32_t>(s.size());
  for (unsigned char c : s) out.mask |= 1ULL << (c & 63);
  for (std::size_t k = 0; k < 4 && k < s.size(); ++k) {
    out.prefix |= static_cast<std::uint32_t>(static_cast<unsigned char>(s[k])) << (8 * k);
  }
  return out;
}

int levenshtein(std::string_view a, std::string_view b, int limit) {
  return edit_distance(a, b, limit, false);
}

int damerau_levenshtein(std::string_view a, std::string_view b, int limit) {
  return edit_distance(a, b, limit, true);
}

}  // namespace uncounted::link
