#include "link/accuracy.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace uncounted::link {
namespace {

double ratio(std::uint64_t a, std::uint64_t b) {
  return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b);
}

std::uint64_t pairs_of(std::uint64_t n) { return n < 2 ? 0 : n * (n - 1) / 2; }

// Pairs among records grouped by GROUP (per record); under link_only, minus
// pairs inside one source.
template <typename Key>
std::uint64_t grouped_pairs(const std::vector<Key>& group, const std::vector<std::uint32_t>& source,
                            bool cross_source_only) {
  std::unordered_map<Key, std::uint64_t> n;
  for (const Key& g : group) ++n[g];
  std::uint64_t total = 0;
  for (const auto& [g, k] : n) total += pairs_of(k);
  if (cross_source_only) {
    std::map<std::pair<Key, std::uint32_t>, std::uint64_t> within;
    for (std::size_t r = 0; r < group.size(); ++r) ++within[{group[r], source[r]}];
    for (const auto& [g, k] : within) total -= pairs_of(k);
  }
  return total;
}

nlohmann::json to_json(const Confusion& c) {
  return {{"true_positives", c.true_positives},
          {"false_positives", c.false_positives},
          {"false_negatives", c.false_negatives},
          {"precision", c.precision()},
          {"recall", c.recall()},
          {"f1", c.f1()}};
}

}  // namespace

double Confusion::precision() const {
  return ratio(true_positives, true_positives + false_positives);
}
double Confusion::recall() const { return ratio(true_positives, true_positives + false_negatives); }
double Confusion::f1() const {
  const double p = precision();
  const double r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}
double Accuracy::bcubed_f1() const {
  const double p = bcubed_precision;
  const double r = bcubed_recall;
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

Accuracy measure_accuracy(const std::vector<std::string_view>& truth,
                          const std::vector<std::uint32_t>& source, LinkType link_type,
                          const std::vector<std::uint32_t>& entity,
                          const std::vector<ScoredPair>& pairs, double threshold) {
  const bool cross = link_type == LinkType::kLinkOnly;
  const std::size_t n = truth.size();
  // Truth as numbers; a record without truth is its own entity.
  std::vector<std::uint64_t> t(n);
  {
    std::unordered_map<std::string_view, std::uint64_t> ids;
    for (std::size_t r = 0; r < n; ++r) {
      if (truth[r].empty()) {
        t[r] = (1ULL << 63) | r;
      } else {
        t[r] = ids.emplace(truth[r], ids.size()).first->second;
      }
    }
  }
  Accuracy a;
  a.true_pairs = grouped_pairs(t, source, cross);
  {
    std::unordered_map<std::uint64_t, int> distinct;
    for (auto v : t) distinct[v] = 1;
    a.true_entities = distinct.size();
    std::unordered_map<std::uint32_t, int> e;
    for (auto v : entity) e[v] = 1;
    a.predicted_entities = e.size();
  }
  // Clusters: pairs inside predicted clusters, and those also inside truth.
  const std::vector<std::uint64_t> ent(entity.begin(), entity.end());
  std::map<std::pair<std::uint32_t, std::uint64_t>, std::uint64_t> joint;
  std::map<std::tuple<std::uint32_t, std::uint64_t, std::uint32_t>, std::uint64_t> joint_source;
  for (std::size_t r = 0; r < n; ++r) {
    ++joint[{entity[r], t[r]}];
    if (cross) ++joint_source[{entity[r], t[r], source[r]}];
  }
  std::uint64_t tp = 0;
  for (const auto& [k, c] : joint) tp += pairs_of(c);
  for (const auto& [k, c] : joint_source) tp -= pairs_of(c);
  const std::uint64_t predicted = grouped_pairs(ent, source, cross);
  a.clusters = {tp, predicted - tp, a.true_pairs - tp};

  // B-cubed, per record.
  std::unordered_map<std::uint32_t, std::uint64_t> entity_size;
  std::unordered_map<std::uint64_t, std::uint64_t> truth_size;
  for (std::size_t r = 0; r < n; ++r) {
    ++entity_size[entity[r]];
    ++truth_size[t[r]];
  }
  double bp = 0;
  double br = 0;
  for (std::size_t r = 0; r < n; ++r) {
    const double overlap = static_cast<double>(joint[{entity[r], t[r]}]);
    bp += overlap / static_cast<double>(entity_size[entity[r]]);
    br += overlap / static_cast<double>(truth_size[t[r]]);
  }
  a.bcubed_precision = n == 0 ? 0 : bp / static_cast<double>(n);
  a.bcubed_recall = n == 0 ? 0 : br / static_cast<double>(n);

  // Links and the threshold sweep.
  std::vector<std::pair<float, bool>> scored;
  scored.reserve(pairs.size());
  for (const ScoredPair& p : pairs) scored.emplace_back(p.match_probability, t[p.i] == t[p.j]);
  auto confusion_at = [&](double th) {
    Confusion c;
    for (const auto& [prob, is_true] : scored) {
      if (prob < th) continue;
      if (is_true)
        ++c.true_positives;
      else
        ++c.false_positives;
    }
    c.false_negatives = a.true_pairs - c.true_positives;
    return c;
  };
  a.links = confusion_at(threshold);
  for (double th : {0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999}) {
    a.sweep.push_back({th, confusion_at(th)});
  }
  constexpr double kEdges[] = {0, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 1.0000001};
  constexpr std::size_t kBins = std::size(kEdges) - 1;
  std::vector<double> sum(kBins, 0), hits(kBins, 0);
  std::vector<std::uint64_t> count(kBins, 0);
  for (const auto& [p, match] : scored) {
    std::size_t b = 0;
    while (b + 1 < kBins && p >= kEdges[b + 1]) ++b;
    ++count[b];
    sum[b] += p;
    hits[b] += match ? 1 : 0;
  }
  double error = 0;
  for (std::size_t b = 0; b < kBins; ++b) {
    if (count[b] == 0) continue;
    const double n = static_cast<double>(count[b]);
    a.calibration.push_back(
        {kEdges[b], std::min(kEdges[b + 1], 1.0), count[b], sum[b] / n, hits[b] / n});
    error += n * std::abs(sum[b] / n - hits[b] / n);
  }
  a.calibration_error = scored.empty() ? 0 : error / static_cast<double>(scored.size());
  return a;
}

nlohmann::json to_json(const Accuracy& a) {
  nlohmann::json sweep = nlohmann::json::array();
  for (const SweepPoint& s : a.sweep) {
    sweep.push_back({{"threshold", s.threshold},
                     {"precision", s.links.precision()},
                     {"recall", s.links.recall()},
                     {"f1", s.links.f1()}});
  }
  nlohmann::json calibration = nlohmann::json::array();
  for (const CalibrationBin& b : a.calibration) {
    calibration.push_back({{"low", b.low},
                           {"high", b.high},
                           {"pairs", b.pairs},
                           {"predicted", b.predicted},
                           {"observed", b.observed}});
  }
  return {{"true_pairs", a.true_pairs},
          {"true_entities", a.true_entities},
          {"predicted_entities", a.predicted_entities},
          {"pairwise", to_json(a.links)},
          {"clusters", to_json(a.clusters)},
          {"bcubed",
           {{"precision", a.bcubed_precision}, {"recall", a.bcubed_recall}, {"f1", a.bcubed_f1()}}},
          {"threshold_sweep", sweep},
          {"calibration", calibration},
          {"calibration_error", a.calibration_error}};
}

}  // namespace uncounted::link
