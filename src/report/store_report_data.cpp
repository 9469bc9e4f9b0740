#include "report/store_report_data.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <set>

#include "estimate/lcmcr.h"
#include "model/error.h"
#include "pipeline/store_linkage.h"
#include "report/truth_matching.h"

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
  auto counts =
      store.db().prepare("SELECT source, COUNT(*) FROM records GROUP BY source ORDER BY source");
  while (counts.step()) data.sources.push_back({counts.column_text(0), counts.column_int(1), 0});
  if (data.sources.empty())
    throw invalid_input("the store holds no record; import lists first", "report");
}

// Person-level overlap: each linked person's set of sources. Records that
// no linkage run has seen count as persons of their own.
void gather_overlap(store::Store& store, ReportData& data) {
  std::map<std::string, std::size_t> index;
  for (std::size_t j = 0; j < data.sources.size(); ++j) index[data.sources[j].source] = j;
  std::map<std::string, std::uint32_t> persons;
  auto rows = store.db().prepare(
      "SELECT COALESCE(e.entity_id, 'record-' || r.id), r.source FROM records r "
      "LEFT JOIN entities e ON e.record = r.id");
  while (rows.step()) {
    const auto j = index.at(rows.column_text(1));
    if (j < 32) persons[rows.column_text(0)] |= 1u << j;
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

void gather_linkage(store::Store& store, ReportData& data) {
  LinkageSummary& l = data.linkage;
  for (const auto& s : data.sources) l.records += s.records;
  auto run = store.db().prepare("SELECT settings, summary FROM link_runs ORDER BY id DESC LIMIT 1");
  if (!run.step()) return;
  l.linked = true;
  try {
    const auto settings = nlohmann::json::parse(run.column_text(0));
    if (settings.contains("threshold") && settings["threshold"].is_number())
      l.threshold = settings["threshold"].get<double>();
  } catch (const nlohmann::json::exception&) {
    // An unreadable settings document leaves the default threshold; the
    // weights below are still shown.
  }
  auto pairs = store.db().prepare(
      "SELECT match_weight, match_probability, in_review_queue FROM candidate_pairs");
  while (pairs.step()) {
    const bool linked = pairs.column_double(1) >= l.threshold;
    l.weights.emplace_back(pairs.column_double(0), linked);
    ++l.pairs;
    l.links += linked;
  }
  l.review_queue = static_cast<std::int64_t>(pipeline::review_queue(store, 1'000'000).size());
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
