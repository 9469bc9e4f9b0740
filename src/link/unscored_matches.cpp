#include "link/unscored_matches.h"

#include <algorithm>

#include "model/xoshiro256.h"

namespace uncounted::link {
namespace {

// A uniform integer in [0, n).
std::uint64_t below(Xoshiro256& random, std::uint64_t n) {
  return static_cast<std::uint64_t>(static_cast<double>(random.next() >> 11) * 0x1.0p-53 *
                                    static_cast<double>(n));
}

std::uint64_t pairs_in(std::uint64_t n) { return n * (n - 1) / 2; }

}  // namespace

UnscoredMatches estimate_unscored_matches(
    const Table& table, LinkType link_type, const std::vector<Blocks>& blocks, std::size_t rules,
    const std::function<double(std::uint32_t, std::uint32_t)>& probability, std::uint64_t sample,
    std::uint64_t seed) {
  UnscoredMatches out;
  rules = std::min(rules, blocks.size());
  for (std::size_t r = 0; r < rules; ++r) out.skipped_pairs += blocks[r].purged_pairs;
  if (out.skipped_pairs == 0 || sample == 0) return out;
  const bool cross_source_only = link_type == LinkType::kLinkOnly;
  Xoshiro256 random(seed);
  // Whether a kept block of some rule compared I and J.
  auto compared = [&](std::uint32_t i, std::uint32_t j) {
    for (std::size_t s = 0; s < rules; ++s) {
      const std::vector<std::uint64_t>& k = blocks[s].keys;
      if (k[i] != 0 && k[i] == k[j]) return true;
    }
    return false;
  };
  auto skipped_by = [&](std::uint32_t i, std::uint32_t j) {
    int n = 0;
    for (std::size_t s = 0; s < rules; ++s) {
      const std::vector<std::uint32_t>& g = blocks[s].purged_group;
      n += !g.empty() && g[i] != 0 && g[i] == g[j];
    }
    return n;
  };
  for (std::size_t r = 0; r < rules; ++r) {
    const Blocks& b = blocks[r];
    if (b.purged_pairs == 0) continue;
    // This rule's share of the draws, at least one.
    const auto draws = std::max<std::uint64_t>(
        1, static_cast<std::uint64_t>(static_cast<double>(sample) *
                                      static_cast<double>(b.purged_pairs) /
                                      static_cast<double>(out.skipped_pairs)));
    // Groups by cumulative pair count (all pairs, then the source rule
    // below rejects same-source ones under link_only).
    std::vector<std::uint64_t> cumulative;
    cumulative.reserve(b.purged.size());
    std::uint64_t total = 0;
    for (const Group& g : b.purged) cumulative.push_back(total += pairs_in(g.end - g.begin));
    double sum = 0;
    std::uint64_t taken = 0;
    for (std::uint64_t d = 0; d < draws; ++d) {
      std::uint32_t i = 0, j = 0;
      bool found = false;
      for (int attempt = 0; attempt < 64 && !found; ++attempt) {
        const std::uint64_t at = below(random, total);
        const auto g = static_cast<std::size_t>(
            std::upper_bound(cumulative.begin(), cumulative.end(), at) - cumulative.begin());
        const Group& group = b.purged[g];
        const std::uint64_t n = group.end - group.begin;
        const std::uint64_t x = below(random, n);
        std::uint64_t y = below(random, n - 1);
        if (y >= x) ++y;
        i = b.order[group.begin + x];
        j = b.order[group.begin + y];
        found = !cross_source_only || table.source[i] != table.source[j];
      }
      if (!found) continue;
      ++taken;
      if (compared(i, j)) continue;
      sum += probability(std::min(i, j), std::max(i, j)) / skipped_by(i, j);
    }
    out.sampled += taken;
    if (taken > 0) {
      out.expected += sum * static_cast<double>(b.purged_pairs) / static_cast<double>(taken);
    }
  }
  return out;
}

}  // namespace uncounted::link
