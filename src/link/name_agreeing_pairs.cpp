#include "link/name_agreeing_pairs.h"

#include <algorithm>
#include <unordered_map>

#include "link/blocking_rule.h"
#include "link/candidate_pairs.h"
#include "model/xoshiro256.h"

namespace uncounted::link {

NameAgreeingSample sample_name_agreeing_pairs(const Table& table, const Settings& settings,
                                              const std::vector<PreparedColumn>& columns, int name,
                                              std::uint64_t sample_pairs, std::uint64_t seed,
                                              const NameBand& band) {
  NameAgreeingSample out;
  const PreparedColumn& column = columns[name];
  const auto n = static_cast<std::uint32_t>(table.size());
  // Records by key; blocks are runs of one key.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;
  keyed.reserve(n);
  for (std::uint32_t r = 0; r < n; ++r) {
    const std::uint32_t id = column.id(r);
    if (id == 0) continue;
    const std::uint64_t key = column.korean_sound_key(id);
    if (key != 0) keyed.emplace_back(key, r);
  }
  std::sort(keyed.begin(), keyed.end());
  const bool cross_source_only = settings.link_type == LinkType::kLinkOnly;
  std::vector<std::size_t> starts, ends;  // blocks [start, end) in KEYED
  std::vector<std::uint64_t> cumulative;  // pairs in blocks [0, b]
  for (std::size_t b = 0; b < keyed.size();) {
    std::size_t e = b;
    while (e < keyed.size() && keyed[e].first == keyed[b].first) ++e;
    const std::uint64_t size = e - b;
    if (size >= 2) {
      std::uint64_t pairs = size * (size - 1) / 2;
      if (cross_source_only) {
        std::unordered_map<std::uint32_t, std::uint64_t> per_source;
        for (std::size_t k = b; k < e; ++k) ++per_source[table.source[keyed[k].second]];
        for (const auto& [s, c] : per_source) pairs -= c * (c - 1) / 2;
      }
      if (pairs > 0) {
        out.population_pairs += pairs;
        starts.push_back(b);
        ends.push_back(e);
        cumulative.push_back(out.population_pairs);
      }
    }
    b = e;
  }
  if (out.population_pairs == 0) return out;
  std::array<std::unordered_map<std::uint64_t, double>, kNameFrequencyBands> counts_by_band;
  const std::uint16_t whole_name = whole_name_levels(settings.comparisons[name]);
  auto add = [&](std::uint32_t i, std::uint32_t j) {
    const std::uint32_t a = std::min(i, j), b = std::max(i, j);
    const std::uint64_t gamma = comparison_vector(settings.comparisons, columns, a, b);
    if (((whole_name >> gamma_of(gamma, name)) & 1) == 0) return;
    const int k = band(a, gamma);
    counts_by_band[k][gamma] += 1;
    ++out.sampled_by_band[k];
    ++out.sampled;
  };
  auto patterns = [](const std::unordered_map<std::uint64_t, double>& from) {
    std::vector<EmPattern> to;
    to.reserve(from.size());
    for (const auto& [gamma, count] : from) to.push_back({gamma, count});
    std::sort(to.begin(), to.end(),
              [](const EmPattern& x, const EmPattern& y) { return x.gamma < y.gamma; });
    return to;
  };
  if (out.population_pairs <= sample_pairs) {
    // Every pair.
    for (std::size_t b = 0; b < starts.size(); ++b) {
      for (std::size_t x = starts[b]; x < ends[b]; ++x) {
        for (std::size_t y = x + 1; y < ends[b]; ++y) {
          const std::uint32_t i = keyed[x].second, j = keyed[y].second;
          if (cross_source_only && table.source[i] == table.source[j]) continue;
          add(i, j);
        }
      }
    }
  } else {
    Xoshiro256 random(seed ^ 0x6e616d6573ull);
    std::uint64_t tries = 0;
    while (out.sampled < sample_pairs && tries < sample_pairs * 100) {
      ++tries;
      // A block with probability proportional to its pairs, then two of its
      // records: every pair equally likely.
      const std::uint64_t pick = random.next() % out.population_pairs;
      const std::size_t b = static_cast<std::size_t>(
          std::upper_bound(cumulative.begin(), cumulative.end(), pick) - cumulative.begin());
      const std::uint64_t size = ends[b] - starts[b];
      const std::uint32_t x = static_cast<std::uint32_t>(random.next() % size);
      const std::uint32_t y = static_cast<std::uint32_t>(random.next() % size);
      if (x == y) continue;
      const std::uint32_t i = keyed[starts[b] + x].second, j = keyed[starts[b] + y].second;
      if (cross_source_only && table.source[i] == table.source[j]) continue;
      add(i, j);
    }
  }
  // The whole sample: the bands' counts together.
  std::unordered_map<std::uint64_t, double> counts;
  for (int k = 0; k < kNameFrequencyBands; ++k) {
    for (const auto& [gamma, count] : counts_by_band[k]) counts[gamma] += count;
    out.patterns_by_band[k] = patterns(counts_by_band[k]);
  }
  out.patterns = patterns(counts);
  return out;
}

}  // namespace uncounted::link
