#pragma once
// The linkage pipeline, and the API the rest of uncounted calls:
//
//   prepare -> plan the training -> block -> compare -> train (u, EM,
//   prior) -> predict -> cluster -> prior from the clusters -> blanks
//   completed from the persons, pairs across persons compared again ->
//   calibration from reviewers' decisions -> expected accuracy -> review
//   queue, with explanations on demand.
//
// Typical use (the store-backed `uncounted link`):
//
//   link::Linker linker(link::table_from_records(records), link::default_settings());
//   link::LinkOptions options;
//   options.decisions = linker.decisions(human_decisions);   // must/cannot-link
//   const link::LinkResult& result = linker.run(options);
//   result.clusters.entity[r];                 // entity of record r
//   result.best_probability[r];                // its best link's probability
//   result.pairs;                              // scored pairs above the floor
//   result.review;                             // the review queue
//   nlohmann::json model = link::to_json(result.settings);  // the trained model
//   linker.explain(i, j);                      // the waterfall of any pair
//
// Records are numbered by their position in the Table (and so in RECORDS).
// Never touches the store, never prints; errors are uncounted::Error.
// Thread-safety: one Linker per thread; run() uses LinkOptions::threads
// threads internally.

#include <cstdint>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "link/blocking_rule.h"
#include "link/candidate_pairs.h"
#include "link/cluster.h"
#include "link/confident_pairs.h"
#include "link/explain.h"
#include "link/person_completion.h"
#include "link/predict.h"
#include "link/prepared_column.h"
#include "link/review.h"
#include "link/reviewer_calibration.h"
#include "link/settings.h"
#include "link/table.h"
#include "link/training.h"

namespace uncounted::link {

// A human decision naming records by source and record id (as the store
// keeps them).
struct RecordDecision {
  std::string source_a, record_id_a;
  std::string source_b, record_id_b;
  bool match = false;
};

struct LinkOptions {
  int threads = 0;  // 0: every core
  // Train even when the settings are already trained.
  bool retrain = false;
  std::vector<PairDecision> decisions;  // human decisions (must/cannot-link)
  // Pairs labelled by a human to train m and u from (instead of EM).
  std::vector<PairDecision> labels;
  // Recalibrate the probabilities from DECISIONS once they hold enough of
  // each kind (reviewer_calibration.h).
  bool calibrate_from_decisions = true;
  // Progress: STAGE ("blocking", "comparing", ...), DONE of TOTAL. Called
  // from one thread.
  std::function<void(const std::string& stage, std::size_t done, std::size_t total)> progress;
};

struct StageSeconds {
  double preparing = 0, blocking = 0, comparing = 0, estimating_u_and_em = 0, predicting = 0,
         clustering = 0;
  double total() const {
    return preparing + blocking + comparing + estimating_u_and_em + predicting + clustering;
  }
};

struct RuleCount {
  std::string rule;
  std::uint64_t pairs = 0;          // pairs the rule creates
  std::uint64_t new_pairs = 0;      // of which no earlier rule created
  std::uint64_t largest_block = 0;  // records in the rule's largest block
  std::uint64_t purged_blocks = 0;  // blocks over max_block_size, skipped
  std::uint64_t purged_pairs = 0;   // pairs they would have created
};

// The model's own estimate of its accuracy, without labels, from the
// probabilities (as fastLink reports it): among the scored pairs, the
// expected matches are the sum of their probabilities; among the pairs of
// blocks too large to compare, an estimate from a sample of them
// (unscored_matches.h). Records without a name, which no name block
// holds, are not counted.
struct ExpectedAccuracy {
  double links = 0;                    // scored pairs at or above the threshold
  double false_links = 0;              // sum of (1 - p) over them
  double missed_matches = 0;           // sum of p over the scored pairs below the threshold
  double unscored_matches = 0;         // expected matches among pairs never compared
  std::uint64_t unscored_sampled = 0;  // pairs sampled for it (0: nothing was skipped)
  std::uint64_t unnamed_records = 0;   // records without a name: their matches are not counted
  double precision = 0;                // 1 - false_links / links
  double recall = 0;                   // expected true links / expected matches
};

// Below this expected precision or recall, the linkage says in a warning
// that estimates from its persons inherit its errors (link, estimate).
inline constexpr double kTrustedExpectedAccuracy = 0.95;

struct LinkResult {
  Settings settings;  // the trained model
  std::uint64_t candidate_pairs = 0;
  std::vector<RuleCount> rules;
  std::vector<ScoredPair> pairs;  // scored pairs with probability >= retain_probability
  std::uint64_t links = 0;        // of which at or above the threshold
  Clusters clusters;
  std::vector<float> best_probability;  // per record: its best scored pair (0 when none)
  std::vector<ReviewItem> review;
  TrainingReport training;
  ConfidentPairsReport confident_pairs;  // m counted again among confident pairs
  StageSeconds seconds;
  ExpectedAccuracy expected;
  // The prior as EM gave it, then after each round of prior_from_clusters.
  std::vector<double> prior_rounds;
  // The threshold the settings gave, when it was raised so that the links'
  // expected precision reaches settings.min_expected_precision (the raised
  // one is settings.threshold); negative when it was kept.
  double threshold_given = -1;
  // Blanks read from the persons' other records, and the pairs across
  // persons compared again on them (person_completion.h).
  PersonCompletionReport completion;
  // Fitted when the decisions hold at least kMinCalibrationDecisions
  // matches and as many non-matches (reviewer_calibration.h); every
  // probability above is then the calibrated one.
  ReviewerCalibration calibration;
  std::vector<std::string> warnings;
};

class Linker {
 public:
  // Checks SETTINGS against TABLE (every column present).
  Linker(Table table, Settings settings);

  // Runs the pipeline. Throws invalid_input when a blocking rule would create
  // more than settings.max_pairs pairs (with the count and advice), before
  // creating any.
  const LinkResult& run(const LinkOptions& options = {});

  const Table& table() const { return table_; }
  // The compared columns, prepared (after run).
  const std::vector<PreparedColumn>& columns() const { return columns_; }
  // The weights the last run scored with (nullptr before a run).
  const MatchWeights* weights() const { return weights_ ? &*weights_ : nullptr; }
  const LinkResult& result() const { return result_; }
  // The waterfall of records I and J under the trained model (after run()).
  Waterfall explain(std::uint32_t i, std::uint32_t j) const;
  // Maps decisions by (source, record id) to record numbers; throws
  // invalid_input for a record not in the table.
  std::vector<PairDecision> decisions(const std::vector<RecordDecision>& decisions) const;

 private:
  // The stages of run(), in order.
  struct TrainingPlan;
  TrainingPlan plan_training(const LinkOptions& options) const;
  void prepare();
  std::vector<Blocks> block_all(const TrainingPlan& plan, KeyColumns& key_columns);
  ComparedPairs compare(const TrainingPlan& plan, const std::vector<Blocks>& blocks, int threads,
                        const ProgressFunction& progress, std::vector<Pattern>& training_patterns);
  void train(const TrainingPlan& plan, const LinkOptions& options,
             const std::vector<Pattern>& candidates, const std::vector<Pattern>& training_patterns,
             KeyColumns& key_columns, int threads);
  void cluster(const std::vector<PairDecision>& decisions, const PairWeight& pair_weight);
  void prior_from_clusters(const std::vector<PairDecision>& decisions,
                           const PairWeight& pair_weight);
  void complete_from_persons(const std::vector<PairDecision>& decisions,
                             const PairWeight& pair_weight, int threads,
                             const ProgressFunction& progress);
  void calibrate_from_decisions(const std::vector<PairDecision>& decisions,
                                const PairWeight& pair_weight);
  void raise_threshold_for_precision(const std::vector<PairDecision>& decisions,
                                     const PairWeight& pair_weight);

  Table table_;
  Settings settings_;
  std::vector<PreparedColumn> columns_;
  // The columns that pairs across two persons are compared on: columns_,
  // or for the comparisons a person's records completed, the completed
  // column (completed_columns_).
  std::vector<const PreparedColumn*> person_columns_;
  std::vector<PreparedColumn> completed_columns_;
  std::optional<MatchWeights> weights_;
  RecordFacts facts_;
  LinkResult result_;
  ReviewerCalibration calibration_;  // identity until fitted
};

// Summary for `link --json`: records, pairs, links, entities, seconds.
nlohmann::json summary_json(const Linker& linker);

}  // namespace uncounted::link
