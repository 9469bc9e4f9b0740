#include "link/cluster.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace uncounted::link {
namespace {

struct Edge {
  std::uint32_t i = 0;
  std::uint32_t j = 0;
  double weight = 0;  // match weight; +infinity for a human "match"
  double probability = 0;
  bool human = false;
};

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) {
  if (a > b) std::swap(a, b);
  return (static_cast<std::uint64_t>(a) << 32) | b;
}

class DisjointSets {
 public:
  explicit DisjointSets(std::size_t n) : parent_(n), size_(n, 1) {
    std::iota(parent_.begin(), parent_.end(), 0u);
  }
  std::uint32_t find(std::uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  std::uint32_t size(std::uint32_t root) const { return size_[root]; }
  // Joins the sets of roots A and B; returns the new root.
  std::uint32_t join(std::uint32_t a, std::uint32_t b) {
    if (size_[a] < size_[b]) std::swap(a, b);
    parent_[b] = a;
    size_[a] += size_[b];
    return a;
  }

 private:
  std::vector<std::uint32_t> parent_;
  std::vector<std::uint32_t> size_;
};

// Per cluster root: the sources present (sorted) and the records it must
// never join (cannot-link partners). Only roots that have any are stored.
struct Constraints {
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> sources;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> cannot;
};

template <typename Map>
void merge_lists(Map& map, std::uint32_t into, std::uint32_t from, bool sorted) {
  auto it = map.find(from);
  if (it == map.end()) return;
  std::vector<std::uint32_t>& dst = map[into];
  std::vector<std::uint32_t> src = std::move(map[from]);
  map.erase(from);
  if (sorted) {
    std::vector<std::uint32_t> merged;
    merged.reserve(dst.size() + src.size());
    std::set_union(dst.begin(), dst.end(), src.begin(), src.end(), std::back_inserter(merged));
    dst = std::move(merged);
  } else {
    dst.insert(dst.end(), src.begin(), src.end());
  }
}

bool share_a_source(const Constraints& k, std::uint32_t a, std::uint32_t b) {
  const auto ia = k.sources.find(a);
  const auto ib = k.sources.find(b);
  if (ia == k.sources.end() || ib == k.sources.end()) return false;
  auto x = ia->second.begin();
  auto y = ib->second.begin();
  while (x != ia->second.end() && y != ib->second.end()) {
    if (*x == *y) return true;
    if (*x < *y)
      ++x;
    else
      ++y;
  }
  return false;
}

bool forbidden(Constraints& k, DisjointSets& sets, std::uint32_t a, std::uint32_t b) {
  for (auto [from, to] : {std::pair{a, b}, std::pair{b, a}}) {
    const auto it = k.cannot.find(from);
    if (it == k.cannot.end()) continue;
    for (std::uint32_t partner : it->second) {
      if (sets.find(partner) == to) return true;
    }
  }
  return false;
}

// What one cluster says of its person: the sexes seen, and the birth-year
// bounds (the latest "earliest" and the earliest "latest" of its records).
struct Profile {
  bool male = false, female = false;
  float latest_lo = -1e9f, earliest_hi = 1e9f;
  void add(const RecordFacts& f, std::uint32_t r) {
    if (!f.sex.empty()) {
      male = male || f.sex[r] == 'M';
      female = female || f.sex[r] == 'F';
    }
    if (!f.birth_lo.empty() && f.birth_lo[r] <= f.birth_hi[r]) {
      latest_lo = std::max(latest_lo, f.birth_lo[r]);
      earliest_hi = std::min(earliest_hi, f.birth_hi[r]);
    }
  }
  void merge(const Profile& o) {
    male = male || o.male;
    female = female || o.female;
    latest_lo = std::max(latest_lo, o.latest_lo);
    earliest_hi = std::min(earliest_hi, o.earliest_hi);
  }
  bool plausible(double max_gap) const {
    return !(male && female) && latest_lo - earliest_hi <= max_gap;
  }
};

}  // namespace

Clusters cluster_records(std::size_t records, const std::vector<std::uint32_t>& source,
                         const std::vector<ScoredPair>& pairs, double threshold,
                         const std::vector<PairDecision>& decisions,
                         const ClusteringSettings& settings, const PairWeight& pair_weight,
                         const RecordFacts& facts) {
  std::unordered_map<std::uint64_t, bool> decided;
  for (const PairDecision& d : decisions) decided[pair_key(d.i, d.j)] = d.match;

  std::vector<Edge> edges;
  for (const PairDecision& d : decisions) {
    if (d.match && d.i != d.j) {
      edges.push_back({d.i, d.j, std::numeric_limits<double>::infinity(), 1.0, true});
    }
  }
  for (const ScoredPair& p : pairs) {
    if (p.match_probability < threshold) continue;
    if (decided.count(pair_key(p.i, p.j))) continue;  // a human has the last word
    edges.push_back({p.i, p.j, p.match_weight, p.match_probability, false});
  }
  // Strongest first; ties broken by record numbers so the result is stable.
  std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) {
    if (x.weight != y.weight) return x.weight > y.weight;
    return pair_key(x.i, x.j) < pair_key(y.i, y.j);
  });

  DisjointSets sets(records);
  Constraints k;
  auto deduplicated = [&](std::uint32_t r) {
    return settings.one_record_per_source ||
           (source[r] < facts.deduplicated_source.size() && facts.deduplicated_source[source[r]]);
  };
  for (const Edge& e : edges) {
    for (std::uint32_t r : {e.i, e.j}) {
      if (deduplicated(r) && !k.sources.count(r)) k.sources[r] = {source[r]};
    }
  }
  const bool guard = settings.refuse_implausible && (!facts.sex.empty() || !facts.birth_lo.empty());
  std::unordered_map<std::uint32_t, Profile> profiles;  // by cluster root, once it has 2+ records
  auto profile_of = [&](std::uint32_t root, std::uint32_t record) {
    const auto it = profiles.find(root);
    if (it != profiles.end()) return it->second;
    Profile p;
    p.add(facts, record);
    return p;
  };
  for (const PairDecision& d : decisions) {
    if (!d.match) {
      k.cannot[d.i].push_back(d.j);
      k.cannot[d.j].push_back(d.i);
    }
  }

  // Members of each cluster as a circular list (joining two is O(1)).
  const bool average = settings.average_linkage && static_cast<bool>(pair_weight);
  std::vector<std::uint32_t> next;
  if (average) {
    next.resize(records);
    std::iota(next.begin(), next.end(), 0u);
  }
  const double t = std::clamp(threshold, 1e-12, 1 - 1e-12);
  const double threshold_weight = std::log2(t / (1 - t));
  auto mean_weight_across = [&](std::uint32_t a, std::uint32_t b) {
    double sum = 0;
    std::size_t n = 0;
    std::uint32_t x = a;
    do {
      std::uint32_t y = b;
      do {
        sum += pair_weight(std::min(x, y), std::max(x, y));
        ++n;
        y = next[y];
      } while (y != b);
      x = next[x];
    } while (x != a);
    return sum / static_cast<double>(n);
  };

  Clusters out;
  std::vector<Edge> tree;
  std::vector<Edge> inside;  // links within one cluster (for the bridge test)
  for (const Edge& e : edges) {
    const std::uint32_t a = sets.find(e.i);
    const std::uint32_t b = sets.find(e.j);
    if (a == b) {
      inside.push_back(e);
      continue;
    }
    const bool too_big = sets.size(a) + sets.size(b) > settings.max_cluster_size;
    const bool same_source = share_a_source(k, a, b);
    if (forbidden(k, sets, a, b) || (!e.human && (too_big || same_source))) {
      ++out.refused_links;
      if (same_source && !settings.one_record_per_source) ++out.deduplicated_refused;
      continue;
    }
    Profile joined;
    if (guard) {
      joined = profile_of(a, e.i);
      joined.merge(profile_of(b, e.j));
      if (!e.human && !joined.plausible(settings.max_birth_year_gap)) {
        ++out.refused_links;
        ++out.implausible_refused;
        continue;
      }
    }
    if (average && !e.human && sets.size(a) * sets.size(b) > 1 &&
        mean_weight_across(a, b) < threshold_weight - settings.average_linkage_slack_bits) {
      ++out.refused_links;
      ++out.average_linkage_refused;
      continue;
    }
    if (average) std::swap(next[a], next[b]);  // splices the two circular lists
    const std::uint32_t root = sets.join(a, b);
    const std::uint32_t other = root == a ? b : a;
    merge_lists(k.sources, root, other, true);
    merge_lists(k.cannot, root, other, false);
    if (guard) {
      profiles.erase(other);
      profiles[root] = joined;
    }
    tree.push_back(e);
    ++out.links_used;
  }

  // Chaining guard: per cluster, the weakest tree link against the median.
  std::unordered_map<std::uint32_t, std::vector<Edge>> tree_by_root;
  for (const Edge& e : tree) tree_by_root[sets.find(e.i)].push_back(e);
  std::unordered_map<std::uint32_t, std::vector<Edge>> inside_by_root;
  for (const Edge& e : inside) inside_by_root[sets.find(e.i)].push_back(e);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> kept_tree;  // tree edges kept
  std::vector<std::uint32_t> weak_roots;
  for (auto& [root, t] : tree_by_root) {
    std::size_t weakest = 0;
    for (std::size_t x = 1; x < t.size(); ++x) {
      if (t[x].weight < t[weakest].weight) weakest = x;
    }
    bool split = false;
    if (t.size() >= 2 && !t[weakest].human) {
      std::vector<double> w;
      for (const Edge& e : t) w.push_back(std::min(e.weight, 1e9));
      std::nth_element(w.begin(), w.begin() + w.size() / 2, w.end());
      const double median = w[w.size() / 2];
      if (t[weakest].weight < median - settings.weak_link_gap_bits) {
        // Label the two sides of the tree without the weakest link.
        std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> adj;
        for (std::size_t x = 0; x < t.size(); ++x) {
          if (x == weakest) continue;
          adj[t[x].i].push_back(t[x].j);
          adj[t[x].j].push_back(t[x].i);
        }
        std::unordered_set<std::uint32_t> side{t[weakest].i};
        std::vector<std::uint32_t> stack{t[weakest].i};
        while (!stack.empty()) {
          const std::uint32_t r = stack.back();
          stack.pop_back();
          for (std::uint32_t n : adj[r]) {
            if (side.insert(n).second) stack.push_back(n);
          }
        }
        std::size_t bridges = 0;
        for (const Edge& e : inside_by_root[root]) {
          if (side.count(e.i) != side.count(e.j)) ++bridges;
        }
        if (bridges == 0 && settings.split_weak_links) {
          split = true;
          ++out.weak_links_split;
        } else {
          weak_roots.push_back(root);
        }
      }
    }
    for (std::size_t x = 0; x < t.size(); ++x) {
      if (!(split && x == weakest)) kept_tree.emplace_back(t[x].i, t[x].j);
    }
  }

  // Final components from the kept tree links; entities numbered in order
  // of each cluster's first record.
  DisjointSets final_sets(records);
  for (auto [i, j] : kept_tree) {
    const std::uint32_t a = final_sets.find(i);
    const std::uint32_t b = final_sets.find(j);
    if (a != b) final_sets.join(a, b);
  }
  out.entity.assign(records, 0);
  std::unordered_map<std::uint32_t, std::uint32_t> number;
  for (std::uint32_t r = 0; r < records; ++r) {
    auto [it, inserted] =
        number.emplace(final_sets.find(r), static_cast<std::uint32_t>(number.size()));
    out.entity[r] = it->second;
  }
  out.entities = number.size();
  for (std::uint32_t root : weak_roots) {
    double weakest = 1;
    for (const Edge& e : tree_by_root[root]) weakest = std::min(weakest, e.probability);
    out.flagged.push_back(
        {out.entity[tree_by_root[root].front().i], "weak link (possible chaining)", weakest});
  }
  if (guard) {
    std::unordered_set<std::uint32_t> implausible;
    for (const auto& [root, profile] : profiles) {
      if (!profile.plausible(settings.max_birth_year_gap)) implausible.insert(root);
    }
    std::unordered_set<std::uint32_t> done;
    for (std::uint32_t r = 0; r < records && !implausible.empty(); ++r) {
      if (implausible.count(sets.find(r)) && done.insert(out.entity[r]).second) {
        out.flagged.push_back({out.entity[r],
                               "records no one person can have (both sexes, or birth years too "
                               "far apart), joined by a reviewer's decision",
                               1.0});
      }
    }
  }
  std::sort(out.flagged.begin(), out.flagged.end(),
            [](const FlaggedCluster& a, const FlaggedCluster& b) { return a.entity < b.entity; });
  return out;
}

}  // namespace uncounted::link
