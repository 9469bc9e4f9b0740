#pragma once
// Estimation over the store: capture histories built from the linked
// persons (which sources recorded each person, for the chosen events), per
// stratum, then the estimators of src/estimate.
//
// Strata: `event_place` (resolved through the gazetteer to its stable id;
// unresolved text is its own stratum "unresolved"), `year` (the middle year
// of the fuzzy event date; "unknown" when absent), `sex`, `event`, `source`
// is not a stratum (sources are the lists).

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "estimate/capture_table.h"
#include "estimate/population_estimate.h"
#include "pipeline/linkage_draws.h"
#include "store/store.h"

namespace uncounted::pipeline {

// Which linked records count in the capture histories. A record that the
// linkage could not join to its person's other records makes that person
// look seen by fewer lists, and multiple systems estimation multiplies
// exactly the people seen once. Leaving records out thins each list record
// by record; as long as a list's leaving a field blank does not depend on
// the other lists, the thinned lists still estimate the same population
// (a person whose every record is left out is among the unobserved),
// with a wider interval.
//   - kAll: every record (a nameless record is a person of its own);
//   - kNamed: records with a name (nothing can link a nameless one);
//   - kIdentified: records with a name, a birth year and an origin, whose
//     pairs the linkage can tell apart when names are common. On 200,000
//     simulated people with Korean name concentration (linkage recall
//     0.78) the named records' LCMCR was 33% high, the identified records'
//     6% low and log-linear's 2% high (docs/estimation.md);
//   - kAuto: kIdentified when the linkage's own expected recall is below
//     kIdentifiedBelowRecall and at least kLeastIdentifiedShare of the
//     named records are identified, else kNamed.
enum class CountedRecords { kAll, kNamed, kIdentified, kAuto };
// 0.95, not 0.9: at 200,000 people with Korean name concentration the
// expected recall is optimistic (pairwise recall about 0.79) and some
// replicates reached 0.903-0.916, where the named records missed by +30%;
// on 3,000 people it was 0.981-0.991 (docs/estimation.md, camps200k).
inline constexpr double kIdentifiedBelowRecall = 0.95;
inline constexpr double kLeastIdentifiedShare = 0.2;
// What kAuto resolves to (kNamed or kIdentified), and why in one line,
// for a linkage whose own expected recall is EXPECTED_RECALL (nullopt:
// unknown) over NAMED named records, IDENTIFIED of them identified.
struct CountedChoice {
  CountedRecords counted = CountedRecords::kNamed;
  std::string why;
};
CountedChoice auto_counted_records(std::optional<double> expected_recall, std::size_t named,
                                   std::size_t identified);
// kIdentifiedBelowRecall as the notes, the help and the translations write
// it ("0.95").
std::string identified_below_recall_text();
// {"counted", "why", "identified_below_recall"}: the choice as `estimate
// --json` and the web API's estimates give it.
nlohmann::ordered_json counted_records_to_json(const CountedChoice& choice);
// "all", "named", "identified", "auto"; nullopt for anything else.
std::optional<CountedRecords> parse_counted_records(std::string_view text);
std::string_view to_string(CountedRecords counted);

struct StoreEstimateOptions {
  std::vector<std::string> lists;   // sources to use as lists; empty = all
  std::vector<std::string> events;  // event codes that count; empty = all
  std::vector<std::string> strata;  // event_place, year, sex, event
  estimate::EstimateOptions estimate;
  // Which records make the capture histories (CountedRecords below).
  CountedRecords counted = CountedRecords::kAuto;
  // Why those records: set by LinkedRecords when it resolves kAuto.
  std::string counted_why;
  // Strata with fewer people seen than this are listed as not estimated,
  // saying so (0: every stratum is estimated). The web dashboard uses
  // kWebLeastObserved: 162 of the demo's 186 places hold under 30 people,
  // and estimating each of them took minutes for intervals no one can use.
  std::int64_t min_observed = 0;
  // Without LISTS: a source with fewer records than this, and under a
  // tenth of the largest source's, is left out of the capture histories,
  // and every stratum's notes say which (0: every source is a list). The
  // second condition keeps a store of small lists estimable. Two testimonies entered on the web
  // under a new organization code made a fifth list of two records, and the model search grew with
  // it for nothing the estimate could use. The web dashboard uses kWebLeastListRecords; naming a
  // source in LISTS keeps it.
  std::int64_t min_list_records = 0;
  // A record whose place names only an area that holds several facilities
  // of its event's kind ("North Hamgyong" for a camp detention), or whose
  // date spans several years ("1990s"), falls, in each plausible linkage,
  // in one of the strata it allows, uniformly: carried like the linkage's
  // uncertainty, neither dropped nor forced into one stratum. false: the
  // plain reading (the area's own stratum, the middle year).
  bool fuzzy_strata = true;
  // Plausible linkages to pool (pipeline/linkage_draws.h) when the linkage
  // has uncertain pairs; 1: the stored linkage only. Each linkage's LCMCR
  // run keeps iterations / linkage_draws sweeps per chain (at least
  // kLeastSweepsPerLinkage), so that the pooled run retains about as many
  // draws as one run would.
  int linkage_draws = 20;
  std::uint64_t linkage_seed = 1;
  // Called after each linkage is estimated (done, of total).
  std::function<void(int, int)> progress;
};

inline constexpr std::int64_t kLeastSweepsPerLinkage = 2000;
inline constexpr std::int64_t kWebLeastObserved = 50;
inline constexpr std::int64_t kWebLeastListRecords = 50;
inline constexpr int kMostLinkageDraws = 1000;

// One threshold's estimates, for the sensitivity chart.
struct SensitivityPoint {
  double threshold = 0;
  std::vector<estimate::StratumEstimate> estimates;
};

// The thresholds the sensitivity chart shows by default.
inline const std::vector<double> kSensitivityThresholds = {0.2, 0.35, 0.5, 0.65, 0.8, 0.95};

// Where the conclusion depends on the choice: for each stratum whose
// intervals over POINTS (every threshold and method) do not all overlap,
// a plain sentence in English and in Korean, naming the range.
struct SensitivityWarning {
  std::string stratum, english, korean;
};
std::vector<SensitivityWarning> sensitivity_warnings(const std::vector<SensitivityPoint>& points);

// {"thresholds": [...], "points": [{"threshold", "stratum", "method", "observed",
// "N", "lower", "upper"}], "warnings": [{"stratum", "en", "ko"}]}.
nlohmann::ordered_json sensitivity_to_json(const std::vector<SensitivityPoint>& points);

// What estimation reads of the store, read once: the linked records and
// the plausible linkages. A server reads it under its store lock and
// estimates without. Throws invalid_input when the store has no linkage
// yet (run link first).
class LinkedRecords {
 public:
  struct Record;  // what a capture history reads of one record

  explicit LinkedRecords(store::Store& store);
  ~LinkedRecords();

  // The capture histories of the persons as the last `link` stored them.
  estimate::CaptureTable stored_table(const StoreEstimateOptions& options) const;
  // The estimates of every stratum: pooled over options.linkage_draws
  // plausible linkages when the linkage has uncertain pairs, otherwise of
  // the stored linkage; `linkage` is set on every estimate either way.
  std::vector<estimate::StratumEstimate> estimate(const StoreEstimateOptions& options) const;
  // The capture table of plausible linkage INDEX (0-based, seed
  // options.linkage_seed), with fuzzy strata drawn: what one draw of
  // estimate() estimates.
  estimate::CaptureTable drawn_table(const StoreEstimateOptions& options,
                                     std::uint64_t index) const;
  // The estimates of every stratum on the linkage made at each of
  // THRESHOLDS (pipeline/linkage_draws.h at_threshold), one linkage each,
  // with a short fixed-length LCMCR (2 chains, 1,000 + 5,000 sweeps) so
  // that six thresholds cost about one ordinary estimate: how much the
  // answer depends on where the linkage draws the line.
  std::vector<SensitivityPoint> sensitivity(
      const StoreEstimateOptions& options,
      const std::vector<double>& thresholds = kSensitivityThresholds) const;
  const PlausibleLinkages& linkages() const { return linkages_; }
  // What kAuto means for this linkage (auto_counted_records; the others
  // are themselves), and a sentence saying why.
  CountedChoice counted_records(CountedRecords wanted) const;
  // The linkage's own estimate of its accuracy, as `link --json` gave it
  // ("expected"), read once with the records.
  const std::optional<nlohmann::json>& quality() const { return quality_; }

 private:
  // OPTIONS with `counted` resolved (never kAuto) and `counted_why` set.
  StoreEstimateOptions resolved(const StoreEstimateOptions& options) const;

  std::vector<Record> records_;
  // The linkage's own estimate of its accuracy (linkage_quality.h), read
  // with the records; nothing when its run did not record one.
  std::optional<nlohmann::json> quality_;
  std::size_t named_ = 0, identified_ = 0;  // records with a name; identified ones
  PlausibleLinkages linkages_;
};

inline estimate::CaptureTable capture_table_from_store(store::Store& store,
                                                       const StoreEstimateOptions& options) {
  return LinkedRecords(store).stored_table(options);
}

inline std::vector<estimate::StratumEstimate> estimate_store(store::Store& store,
                                                             const StoreEstimateOptions& options) {
  return LinkedRecords(store).estimate(options);
}

}  // namespace uncounted::pipeline
