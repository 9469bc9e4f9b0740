#include "estimate/hierarchical_model.h"

#include <algorithm>
#include <bit>
#include <functional>

namespace uncounted::estimate {
namespace {

int size_of(Pattern p) { return std::popcount(p); }

bool by_size_then_value(Pattern a, Pattern b) {
  return size_of(a) != size_of(b) ? size_of(a) < size_of(b) : a < b;
}

// Maximal elements of the terms plus the lists in no interaction, larger
// generators first (Rcapture's order: "[123,14,34]").
std::vector<Pattern> generators(int t, const InteractionTerms& terms) {
  std::vector<Pattern> out;
  for (Pattern a : terms) {
    bool maximal = true;
    for (Pattern b : terms)
      if (b != a && (a & b) == a) maximal = false;
    if (maximal) out.push_back(a);
  }
  Pattern covered = 0;
  for (Pattern g : out) covered |= g;
  for (int j = 0; j < t; ++j)
    if (!(covered >> j & 1u)) out.push_back(Pattern{1} << j);
  // Order: larger first; within a size, by the lists in order (list 1 first).
  auto key = [](Pattern p) {
    Pattern r = 0;  // bit-reversed so that list 1 is the most significant
    for (int j = 0; j < 32; ++j)
      if (p >> j & 1u) r |= Pattern{1} << (31 - j);
    return r;
  };
  std::sort(out.begin(), out.end(), [&](Pattern a, Pattern b) {
    return size_of(a) != size_of(b) ? size_of(a) > size_of(b) : key(a) > key(b);
  });
  return out;
}

}  // namespace

int max_interaction_order(int t) { return std::min(3, t - 1); }

std::vector<InteractionTerms> enumerate_hierarchical_models(int t, int max_order,
                                                            std::size_t limit) {
  std::vector<Pattern> candidates;
  for (Pattern p = 1; p < (Pattern{1} << t); ++p)
    if (size_of(p) >= 2 && size_of(p) <= max_order) candidates.push_back(p);
  std::sort(candidates.begin(), candidates.end(), by_size_then_value);
  std::vector<InteractionTerms> out;
  InteractionTerms current;
  // Decide each candidate in order; a term may join only when all its
  // sub-terms one smaller (already decided) are in.
  std::function<void(std::size_t)> visit = [&](std::size_t i) {
    if (out.size() >= limit) return;
    if (i == candidates.size()) {
      out.push_back(current);
      return;
    }
    visit(i + 1);
    const Pattern term = candidates[i];
    bool allowed = true;
    if (size_of(term) > 2)
      for (Pattern bits = term; bits; bits &= bits - 1) {
        const Pattern sub = term & ~(bits & -bits);
        if (std::find(current.begin(), current.end(), sub) == current.end()) allowed = false;
      }
    if (!allowed) return;
    current.push_back(term);
    visit(i + 1);
    current.pop_back();
  };
  visit(0);
  for (auto& m : out) std::sort(m.begin(), m.end(), by_size_then_value);
  return out;
}

std::string generator_name(int t, const InteractionTerms& terms) {
  std::string s = "[";
  bool first = true;
  for (Pattern g : generators(t, terms)) {
    if (!first) s += ",";
    first = false;
    for (int j = 0; j < t; ++j)
      if (g >> j & 1u) s += std::to_string(j + 1);
  }
  return s + "]";
}

std::string generator_name(const std::vector<std::string>& lists, const InteractionTerms& terms) {
  const int t = static_cast<int>(lists.size());
  const bool short_codes =
      std::all_of(lists.begin(), lists.end(), [](const std::string& c) { return c.size() == 1; });
  std::string s;
  for (Pattern g : generators(t, terms)) {
    s += "[";
    bool first = true;
    for (int j = 0; j < t; ++j)
      if (g >> j & 1u) {
        if (!first && !short_codes) s += ",";
        first = false;
        s += lists[static_cast<std::size_t>(j)];
      }
    s += "]";
  }
  return s;
}

LoglinearModel hierarchical_model(int t, const InteractionTerms& terms, HeterogeneityColumn h) {
  LoglinearModel m;
  m.name = generator_name(t, terms);
  m.family = "hierarchical";
  m.lists = t;
  const Eigen::Index cells = (Eigen::Index{1} << t) - 1;
  const Eigen::Index cols = 1 + t + static_cast<Eigen::Index>(terms.size()) +
                            (h == HeterogeneityColumn::kDarroch ? 1 : 0);
  m.design.resize(cells, cols);
  m.columns.push_back("intercept");
  for (int j = 0; j < t; ++j) m.columns.push_back("c" + std::to_string(j + 1));
  for (Pattern term : terms) {
    std::string name = "c";
    for (int j = 0; j < t; ++j)
      if (term >> j & 1u) name += std::to_string(j + 1);
    m.columns.push_back(name);
  }
  if (h == HeterogeneityColumn::kDarroch) {
    m.columns.push_back("tau");
    m.name += " + Darroch";
  }
  for (Eigen::Index r = 0; r < cells; ++r) {
    const Pattern p = static_cast<Pattern>(r + 1);
    Eigen::Index c = 0;
    m.design(r, c++) = 1;
    for (int j = 0; j < t; ++j) m.design(r, c++) = p >> j & 1u;
    for (Pattern term : terms) m.design(r, c++) = (p & term) == term ? 1 : 0;
    if (h == HeterogeneityColumn::kDarroch) m.design(r, c++) = size_of(p) * size_of(p) / 2.0;
  }
  return m;
}

}  // namespace uncounted::estimate
