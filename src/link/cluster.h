#pragma once
// Clustering records into persons (entities): links above the threshold are
// taken strongest first (Kruskal), with human decisions respected:
//   - a "match" decision is a must-link (taken before any scored link);
//   - a "not a match" decision is a cannot-link: no cluster ever holds both
//     records, so a weaker chain of links between them is cut where it is
//     weakest.
// Guards against chaining (one weak link that merges two persons):
//   - a link that would make a cluster larger than max_cluster_size is
//     refused;
//   - with one_record_per_source, a link that would put two records of one
//     source in one cluster is refused;
//   - a cluster whose weakest link is far weaker than its median link and
//     is its only bridge is split there (or only flagged, by setting);
//   - with average_linkage and a pair scorer, a link that joins two clusters
//     is refused when the mean match weight over all pairs across them is
//     below the threshold's (their other records disagree);
//   - a source declared deduplicated never gives one cluster two records;
//   - with refuse_implausible and the records' facts, a link that would make
//     a cluster no person can be (both sexes; birth years further apart
//     than max_birth_year_gap, beyond what each record's year allows) is
//     refused; a human's match that does so is kept and its cluster
//     flagged.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "link/predict.h"
#include "link/settings.h"

namespace uncounted::link {

// A human's decision on a pair of records (record numbers of the Table).
struct PairDecision {
  std::uint32_t i = 0;
  std::uint32_t j = 0;
  bool match = false;
};

struct FlaggedCluster {
  std::uint32_t entity = 0;
  std::string reason;  // "weak link", "two records of one source", ...
  double weakest_probability = 0;
};

struct Clusters {
  std::vector<std::uint32_t> entity;  // per record, 0..entities-1, in order of first record
  std::size_t entities = 0;
  std::size_t links_used = 0;               // links that joined two clusters
  std::size_t refused_links = 0;            // links above threshold refused by a constraint
  std::size_t average_linkage_refused = 0;  // of which by average linkage
  std::size_t weak_links_split = 0;
  std::size_t implausible_refused = 0;   // links refused: the cluster would be no person
  std::size_t deduplicated_refused = 0;  // links refused: two records of a deduplicated list
  std::vector<FlaggedCluster> flagged;
};

// Clusters RECORDS records (SOURCE gives each one's source) from PAIRS
// (scored pairs; those at or above THRESHOLD are links) and DECISIONS.
// Deterministic for equal input.
// PAIR_WEIGHT, when set, gives the match weight of any two records (for
// average linkage).
using PairWeight = std::function<double(std::uint32_t i, std::uint32_t j)>;

// What the clustering guards read of each record (empty vectors: unknown).
struct RecordFacts {
  std::vector<char> sex;  // 'M', 'F' or 0 (unknown)
  // Birth year interval ("1960s": 1960-1969); lo > hi: unknown.
  std::vector<float> birth_lo, birth_hi;
  // By source number: the source is declared deduplicated.
  std::vector<bool> deduplicated_source;
};

Clusters cluster_records(std::size_t records, const std::vector<std::uint32_t>& source,
                         const std::vector<ScoredPair>& pairs, double threshold,
                         const std::vector<PairDecision>& decisions,
                         const ClusteringSettings& settings, const PairWeight& pair_weight = {},
                         const RecordFacts& facts = {});

}  // namespace uncounted::link
