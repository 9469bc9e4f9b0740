#include "link/string_similarity.h"

#include <algorithm>
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
  // Three rolling rows (the transposition needs the one before last).
  int rows[3][kMaxSimilarityLength + 1];
  int* before = rows[0];
  int* previous = rows[1];
  int* current = rows[2];
  for (int j = 0; j <= m; ++j) previous[j] = j;
  for (int i = 1; i <= n; ++i) {
    current[0] = i;
    int row_min = current[0];
    for (int j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (transpositions && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        v = std::min(v, before[j - 2] + 1);
      }
      current[j] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > limit) return limit + 1;
    int* t = before;
    before = previous;
    previous = current;
    current = t;
  }
  return std::min(previous[m], limit + 1);
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

int levenshtein(std::string_view a, std::string_view b, int limit) {
  return edit_distance(a, b, limit, false);
}

int damerau_levenshtein(std::string_view a, std::string_view b, int limit) {
  return edit_distance(a, b, limit, true);
}

}  // namespace uncounted::link
