#include "report/store_report_data.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <map>
#include <set>

#include "estimate/lcmcr.h"
#include "link/settings.h"
#include "model/error.h"
#include "pipeline/store_evaluation.h"
#include "pipeline/store_linkage.h"
#include "report/truth_matching.h"
#include "store/linkage_table.h"

namespace uncounted::report {
namespace {

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

void gather_sources(store::Store& store, ReportData& data) {
  for (const auto& [source, records] : store::count_records_by_source(store.db())) {
    data.sources.push_back({source, records, 0});
  }
  if (data.sources.empty())
    throw invalid_input("the store holds no record; import lists first", "report");
}

// Person-level overlap: each linked person's set of sources. Records that
// no linkage run has seen count as persons of their own.
void gather_overlap(store::Store& store, ReportData& data) {
  std::map<std::string, std::size_t> index;
  for (std::size_t j = 0; j < data.sources.size(); ++j) index[data.sources[j].source] = j;
  std::map<std::string, std::uint32_t> persons;
  std::map<std::string, std::int64_t> records_of;
  store::for_each_record_with_person(
      store.db(), [&](const store::StoredRecord& stored, const std::string* linked) {
        const auto j = index.at(stored.record.source);
        const std::string person = linked ? *linked : "record-" + std::to_string(stored.id);
        if (j < 32) persons[person] |= 1u << j;
        ++records_of[person];
      });
  auto& sizes = data.linkage.cluster_sizes;
  for (const auto& [person, records] : records_of) {
    if (sizes.size() <= static_cast<std::size_t>(records)) sizes.resize(records + 1, 0);
    ++sizes[records];
  }
  std::map<std::uint32_t, std::int64_t> by_pattern;
  for (const auto& [person, pattern] : persons) {
    ++by_pattern[pattern];
    for (std::size_t j = 0; j < data.sources.size() && j < 32; ++j)
      if (pattern >> j & 1) ++data.sources[j].persons;
  }
  for (const auto& [pattern, count] : by_pattern) data.intersections.push_back({pattern, count});
  std::stable_sort(
      data.intersections.begin(), data.intersections.end(),
      [](const Intersection& a, const Intersection& b) { return a.persons > b.persons; });
  data.linkage.persons = static_cast<std::int64_t>(persons.size());
}

// The trained model's m and u per comparison level, and the prior, from
// the run's settings document.
void read_model(const nlohmann::json& settings_json, LinkageSummary& l) {
  const link::Settings settings = link::settings_from_json(settings_json);
  l.threshold = settings.threshold;
  if (!settings.trained) return;
  const double lambda = settings.probability_two_random_records_match;
  if (lambda > 0 && lambda < 1) l.prior_weight = std::log2(lambda / (1 - lambda));
  for (const link::Comparison& c : settings.comparisons) {
    ComparisonWeights w{c.name, c.column, {}};
    for (int g = 1; g < c.level_count() + 1; ++g) {
      const auto at = static_cast<std::size_t>(g - 1);
      if (at >= c.m.size() || at >= c.u.size()) break;
      w.levels.push_back({c.level_label(g), c.m[at], c.u[at]});
    }
    l.comparisons.push_back(std::move(w));
  }
}

void gather_linkage(store::Store& store, ReportData& data) {
  LinkageSummary& l = data.linkage;
  for (const auto& s : data.sources) l.records += s.records;
  const std::optional<store::LinkRun> run = store::latest_link_run(store.db());
  if (!run) return;
  l.linked = true;
  try {
    read_model(nlohmann::json::parse(run->settings), l);
  } catch (const nlohmann::json::exception&) {
    // An unreadable settings document leaves the default threshold and no
    // model chart; the weights below are still shown.
  } catch (const Error&) {
  }
  // The reviewers' calibration and the model's own estimate of its
  // accuracy, from the run's summary (`link --json`); a run that did not
  // record one, or an unreadable summary, shows nothing of it.
  const nlohmann::json summary = nlohmann::json::parse(run->summary, nullptr, false);
  try {
    const nlohmann::json& c = summary.at("reviewer_calibration");
    if (c.value("fitted", false)) {
      l.calibration_shift = c.at("shift_bits").get<double>();
      l.calibration_decisions =
          c.value("matches", std::int64_t{0}) + c.value("non_matches", std::int64_t{0});
    }
  } catch (const nlohmann::json::exception&) {
  }
  try {
    const nlohmann::json& e = summary.at("expected");
    link::ExpectedAccuracy expected;
    expected.precision = e.at("precision").get<double>();
    expected.recall = e.at("recall").get<double>();
    expected.false_links = e.at("false_links").get<double>();
    expected.missed_matches = e.at("missed_matches").get<double>();
    expected.unscored_matches = e.value("unscored_matches", 0.0);
    l.expected = expected;
  } catch (const nlohmann::json::exception&) {
  }
  store::for_each_scored_pair(store.db(), [&l](const store::ScoredPair& pair) {
    const bool linked = pair.match_probability >= l.threshold;
    l.weights.emplace_back(pair.match_weight, linked);
    ++l.pairs;
    l.links += linked;
  });
  l.review_queue = store::review_queue_size(store.db());
}

}  // namespace

ReportData gather_report_data(store::Store& store, const ReportOptions& options) {
  ReportData data;
  data.title = options.title;
  data.generated = utc_now();
  data.events = options.estimation.events;
  data.strata = options.estimation.strata;
  if (options.stage) options.stage("counting records");
  gather_sources(store, data);
  gather_overlap(store, data);
  if (options.stage) options.stage("reading the linkage");
  gather_linkage(store, data);
  if (!data.linkage.linked) return data;  // no persons yet: nothing to estimate
  if (options.truth) {
    if (const auto people = options.truth->find("people");
        people != options.truth->end() && people->is_number_integer())
      data.truth_people = people->get<std::int64_t>();
    try {
      data.linkage.accuracy = pipeline::evaluate_store(store, options.truth_column);
    } catch (const Error&) {
      // The records carry no true identity: no accuracy section.
    }
  }

  if (options.stage) options.stage("estimating");
  const auto& lcmcr = options.estimation.estimate.lcmcr;
  data.lcmcr_model = estimate::describe(lcmcr);
  data.lcmcr_settings = std::to_string(lcmcr.chains) + " chains x " +
                        std::to_string(lcmcr.burn_in + lcmcr.iterations) + " sweeps, seed " +
                        std::to_string(lcmcr.seed);
  const pipeline::LinkedRecords linked(store);
  for (auto& e : linked.estimate(options.estimation)) {
    StratumRow row{std::move(e), std::nullopt};
    if (options.truth) row.truth = find_true_total(*options.truth, row.estimate.stratum);
    data.has_truth = data.has_truth || row.truth.has_value();
    data.estimates.push_back(std::move(row));
  }
  if (options.sensitivity) {
    if (options.stage) options.stage("estimating at other linkage thresholds");
    data.sensitivity = linked.sensitivity(options.estimation);
    data.sensitivity_warnings = pipeline::sensitivity_warnings(data.sensitivity);
  }
  return data;
}

}  // namespace uncounted::report
