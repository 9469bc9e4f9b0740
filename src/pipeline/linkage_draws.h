#pragma once
// Plausible linkages: the persons the store's last linkage might as well
// have found, drawn from its scored pairs, so that an estimate can carry
// the linkage's uncertainty (estimate/linkage_pooling.h).
//
// One draw links every undecided scored pair with its match probability,
// independently, then clusters the drawn links under the rules of the run
// that scored them (cluster_records: strongest first, a reviewer's match
// always and a reviewer's non-match never, one record per deduplicated
// list, no cluster of two sexes or irreconcilable birth years, no chain
// through one weak bridge, average linkage across clusters with the
// stored match weights). Pairs below the run's retain_probability were
// never stored and are never linked. When every stored pair is decided or
// certain (probability within 1e-3 of 0 or 1) there is nothing to draw:
// the linkage as stored is the only one.
//
//   PlausibleLinkages linkages(store);
//   if (linkages.uncertain_pairs() > 0)
//     for (int d = 0; d < 20; ++d) use(linkages.draw(seed, d));
//
// Thread-safety: draw() is const and may run on several threads at once.

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "link/cluster.h"
#include "link/linker.h"
#include "link/settings.h"
#include "store/store.h"

namespace uncounted::pipeline {

class PlausibleLinkages {
 public:
  // Reads the linked records (in record id order), the scored pairs, the
  // reviewers' decisions and the clustering settings of the last linkage.
  // Throws invalid_input when the store has no linkage.
  explicit PlausibleLinkages(store::Store& store);
  // The same from a linkage in memory (`link --input`, benchmarks): RECORDS
  // in the order of the linked table, RESULT what the Linker returned.
  PlausibleLinkages(const std::vector<Record>& records, const link::LinkResult& result);

  // Store ids of the linked records, ascending: position r of a linkage is
  // record_ids()[r].
  const std::vector<std::int64_t>& record_ids() const { return ids_; }
  // The persons as the last `link` stored them: a number per record.
  const std::vector<std::uint32_t>& stored() const { return stored_; }
  // Scored pairs that no reviewer decided and whose probability is neither
  // 0 nor 1 (within 1e-3).
  std::size_t uncertain_pairs() const { return uncertain_; }
  std::size_t scored_pairs() const { return pairs_.size(); }

  // Linkage number INDEX of the stream SEED: a person number per record.
  // The same (seed, index) gives the same linkage on any machine.
  std::vector<std::uint32_t> draw(std::uint64_t seed, std::uint64_t index) const;
  // The linkage the same rules make at another THRESHOLD (the pairs at or
  // above it are links), for the sensitivity of an estimate to it.
  std::vector<std::uint32_t> at_threshold(double threshold) const;

 private:
  // What both constructors read, one record or pair at a time.
  void set_settings(const link::Settings& settings);
  void add_record(std::int64_t id, const std::string& source, Sex sex,
                  const std::optional<std::string>& birth_year, std::uint32_t entity);
  void add_pair(link::ScoredPair pair, bool decided);
  void finish_sources();
  // Clusters PAIRS (those at or above THRESHOLD are links) under the run's
  // rules.
  std::vector<std::uint32_t> cluster(const std::vector<link::ScoredPair>& pairs,
                                     double threshold) const;

  std::unordered_map<std::string, std::uint32_t> source_number_;
  std::vector<std::int64_t> ids_;
  std::vector<std::uint32_t> stored_;
  std::vector<std::uint32_t> source_;
  std::vector<link::ScoredPair> pairs_;               // undecided, by record position
  std::unordered_map<std::uint64_t, float> weights_;  // every stored pair's weight
  std::vector<link::PairDecision> decisions_;
  link::RecordFacts facts_;
  link::ClusteringSettings clustering_;
  double threshold_ = 0.5;
  float unscored_weight_ = -10;  // the weight of a pair never stored
  std::size_t uncertain_ = 0;
};

}  // namespace uncounted::pipeline
