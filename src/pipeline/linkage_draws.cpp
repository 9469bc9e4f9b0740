#include "pipeline/linkage_draws.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "link/prepared_column.h"
#include "model/error.h"
#include "model/xoshiro256.h"
#include "store/linkage_table.h"
#include "store/match_decision_table.h"

namespace uncounted::pipeline {
namespace {

// Pairs this close to 0 or 1 are certain: drawing them changes nothing
// that the estimate could see.
constexpr double kCertain = 1e-3;

std::uint64_t pair_key(std::uint32_t i, std::uint32_t j) {
  return (std::uint64_t{std::min(i, j)} << 32) | std::max(i, j);
}

}  // namespace

void PlausibleLinkages::set_settings(const link::Settings& settings) {
  clustering_ = settings.clustering;
  threshold_ = settings.threshold;
  const double r = std::clamp(settings.retain_probability, 1e-12, 0.5);
  unscored_weight_ = static_cast<float>(std::log2(r / (1 - r)));
}

void PlausibleLinkages::add_record(std::int64_t id, const std::string& source, Sex sex,
                                   const std::optional<std::string>& birth_year,
                                   std::uint32_t entity) {
  ids_.push_back(id);
  source_.push_back(
      source_number_.try_emplace(source, static_cast<std::uint32_t>(source_number_.size()))
          .first->second);
  facts_.sex.push_back(sex == Sex::kMale ? 'M' : sex == Sex::kFemale ? 'F' : 0);
  double lo = 1, hi = 0;  // lo > hi: unknown
  if (birth_year && !link::parse_year_interval(*birth_year, lo, hi)) lo = 1, hi = 0;
  facts_.birth_lo.push_back(static_cast<float>(lo));
  facts_.birth_hi.push_back(static_cast<float>(hi));
  stored_.push_back(entity);
}

void PlausibleLinkages::add_pair(link::ScoredPair p, bool decided) {
  if (p.i > p.j) std::swap(p.i, p.j);
  weights_[pair_key(p.i, p.j)] = p.match_weight;
  if (decided) return;
  if (p.match_probability > kCertain && p.match_probability < 1 - kCertain) ++uncertain_;
  pairs_.push_back(p);
}

void PlausibleLinkages::finish_sources() {
  facts_.deduplicated_source.assign(source_number_.size(), false);
  for (const std::string& name : clustering_.deduplicated_sources) {
    const auto it = source_number_.find(name);
    if (it != source_number_.end()) facts_.deduplicated_source[it->second] = true;
  }
}

PlausibleLinkages::PlausibleLinkages(store::Store& store) {
  store::Database& db = store.db();
  const std::optional<store::LinkRun> run = store::latest_link_run(db);
  if (!run) {
    throw invalid_input("no linked persons in the store: run 'uncounted link' first", "estimate");
  }
  {
    const nlohmann::json doc = nlohmann::json::parse(run->settings, nullptr, false);
    set_settings(doc.is_discarded() ? link::default_settings() : link::settings_from_json(doc));
  }
  std::unordered_map<std::int64_t, std::uint32_t> position;
  {
    std::unordered_map<std::string, std::uint32_t> entity_number;
    store::for_each_record_with_person(
        db, [&](const store::StoredRecord& stored, const std::string* person) {
          if (!person) return;
          position.emplace(stored.id, static_cast<std::uint32_t>(ids_.size()));
          const auto entity =
              entity_number.try_emplace(*person, static_cast<std::uint32_t>(entity_number.size()));
          add_record(stored.id, stored.record.source, stored.record.sex, stored.record.birth_year,
                     entity.first->second);
        });
  }
  if (ids_.empty()) {
    throw invalid_input("no linked persons in the store: run 'uncounted link' first", "estimate");
  }
  finish_sources();
  std::unordered_map<std::uint64_t, bool> decided;
  store::for_each_decision(db, [&](const store::MatchDecision& d) {
    if (d.decision == store::Decision::kUnsure) return;
    const auto a = position.find(d.record_a);
    const auto b = position.find(d.record_b);
    if (a == position.end() || b == position.end()) return;
    decisions_.push_back({a->second, b->second, d.decision == store::Decision::kMatch});
    decided[pair_key(a->second, b->second)] = true;
  });
  store::for_each_scored_pair(db, [&](const store::ScoredPair& stored) {
    const auto a = position.find(stored.record_a);
    const auto b = position.find(stored.record_b);
    if (a == position.end() || b == position.end()) return;
    link::ScoredPair p;
    p.i = a->second;
    p.j = b->second;
    p.match_weight = static_cast<float>(stored.match_weight);
    p.match_probability = static_cast<float>(stored.match_probability);
    add_pair(p, decided.count(pair_key(p.i, p.j)) > 0);
  });
}

PlausibleLinkages::PlausibleLinkages(const std::vector<Record>& records,
                                     const link::LinkResult& result) {
  set_settings(result.settings);
  for (std::size_t r = 0; r < records.size(); ++r) {
    const Record& record = records[r];
    add_record(static_cast<std::int64_t>(r), record.source, record.sex, record.birth_year,
               result.clusters.entity.at(r));
  }
  finish_sources();
  for (const link::ScoredPair& p : result.pairs) add_pair(p, false);
}

std::vector<std::uint32_t> PlausibleLinkages::draw(std::uint64_t seed, std::uint64_t index) const {
  // One stream per (seed, index): both hashed, so that nearby seeds and
  // indexes give unrelated linkages.
  std::uint64_t s = seed ^ 0x6c696e6b61676573ULL;  // "linkages"
  std::uint64_t i = index;
  Xoshiro256 random(splitmix64(s) ^ splitmix64(i));
  std::vector<link::ScoredPair> drawn;
  drawn.reserve(pairs_.size() / 4);
  for (const link::ScoredPair& p : pairs_) {
    // A uniform on [0, 1) from the top 53 bits; a pair of probability p is
    // linked when it falls below p.
    const double u = static_cast<double>(random.next() >> 11) * 0x1.0p-53;
    if (u >= p.match_probability) continue;
    link::ScoredPair link = p;
    link.match_probability = 1;  // drawn: a link whatever the threshold
    drawn.push_back(link);
  }
  return cluster(drawn, threshold_);
}

std::vector<std::uint32_t> PlausibleLinkages::at_threshold(double threshold) const {
  return cluster(pairs_, threshold);
}

std::vector<std::uint32_t> PlausibleLinkages::cluster(const std::vector<link::ScoredPair>& pairs,
                                                      double threshold) const {
  const link::PairWeight weight = [this](std::uint32_t i, std::uint32_t j) -> double {
    const auto it = weights_.find(pair_key(i, j));
    return it == weights_.end() ? unscored_weight_ : it->second;
  };
  return link::cluster_records(ids_.size(), source_, pairs, threshold, decisions_, clustering_,
                               weight, facts_)
      .entity;
}

}  // namespace uncounted::pipeline
