#include "pipeline/store_estimation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

#include "dates/fuzzy_date_parser.h"
#include "estimate/linkage_pooling.h"
#include "model/error.h"
#include "model/parallel.h"
#include "model/xoshiro256.h"
#include "pipeline/linkage_draws.h"
#include "pipeline/linkage_quality.h"
#include "places/event_place.h"
#include "places/gazetteer.h"
#include "store/linkage_table.h"

namespace uncounted::pipeline {

struct LinkedRecords::Record {
  std::int64_t id = 0;
  std::string source, event;
  std::optional<std::string> event_date, event_place, sex;
  bool named = true;
  bool identified = true;  // named, with a birth year and an origin
};

namespace {

using LinkedRecord = LinkedRecords::Record;

// Stratum values, computed once per distinct text (places and dates repeat).
class StratumValues {
 public:
  // The place read with the event's kind: "Yodok" for a camp detention is
  // Camp 15 (places/event_place.h), so one person is not split between the
  // county's stratum and the camp's.
  std::string place(const std::optional<std::string>& text, const std::string& event) {
    if (!text) return "unknown";
    auto [it, fresh] = places_.try_emplace(event + '\x1f' + *text);
    if (fresh) {
      const places::PlaceMatch match = places::lookup_for_event(*text, event);
      it->second = match.place != nullptr ? match.place->id : "unresolved";
    }
    return it->second;
  }
  // The facilities a record may have been held in when it names only an
  // area ("North Hamgyong" for a camp detention: Camps 16 and 25): the
  // plain reading when there is one place.
  std::vector<std::string> place_alternatives(const std::optional<std::string>& text,
                                              const std::string& event) {
    if (!text) return {"unknown"};
    const places::PlaceMatch match = places::lookup_for_event(*text, event);
    if (match.place == nullptr) return {"unresolved"};
    std::vector<std::string> out;
    for (const places::Place* p : places::facilities_in(*match.place, event)) out.push_back(p->id);
    if (out.empty()) out.push_back(match.place->id);
    return out;
  }
  // The years a fuzzy date allows ("1990s": 1990-1999), at most 20.
  std::vector<std::string> year_alternatives(const std::optional<std::string>& text) {
    if (!text) return {"unknown"};
    const auto date = dates::try_parse_fuzzy_date(*text);
    if (!date) return {"unknown"};
    const int first = date->earliest.year, last = date->latest.year;
    if (last - first >= 20) return {"unknown"};
    std::vector<std::string> out;
    for (int y = first; y <= last; ++y) out.push_back(std::to_string(y));
    return out;
  }
  std::string year(const std::optional<std::string>& text) {
    if (!text) return "unknown";
    auto [it, fresh] = years_.try_emplace(*text);
    if (fresh) {
      const auto date = dates::try_parse_fuzzy_date(*text);
      it->second = date ? std::to_string(date->middle_year()) : "unknown";
    }
    return it->second;
  }

 private:
  std::unordered_map<std::string, std::string> places_;
  std::unordered_map<std::string, std::string> years_;
};

// Every value a record's stratum column may take (one when it is certain).
std::vector<std::string> stratum_alternatives(const std::string& column, const LinkedRecord& r,
                                              StratumValues& values) {
  if (column == "event_place") return values.place_alternatives(r.event_place, r.event);
  if (column == "year") return values.year_alternatives(r.event_date);
  return {};
}

std::string stratum_value(const std::string& column, const LinkedRecord& r, StratumValues& values) {
  if (column == "event_place") return values.place(r.event_place, r.event);
  if (column == "year") return values.year(r.event_date);
  if (column == "sex") return r.sex.value_or("unknown");
  if (column == "event") return r.event;
  throw usage_error("unknown stratum column '" + column + "' (event_place, year, sex, event)",
                    "--strata");
}

std::vector<LinkedRecord> linked_records(store::Store& store) {
  std::vector<LinkedRecord> records;
  store::for_each_record_with_person(
      store.db(), [&records](const store::StoredRecord& stored, const std::string* person) {
        if (!person) return;
        const uncounted::Record& r = stored.record;
        const std::string_view sex = to_code(r.sex);
        const auto given = [](const std::optional<std::string>& v) {
          return v && v->find_first_not_of(' ') != std::string::npos;
        };
        const bool named = given(r.name);
        records.push_back({stored.id, r.source, r.event, r.event_date, r.event_place,
                           sex.empty() ? std::nullopt : std::optional<std::string>(sex), named,
                           named && given(r.birth_year) && given(r.origin)});
      });
  if (records.empty()) {
    throw invalid_input("no linked persons in the store: run 'uncounted link' first", "estimate");
  }
  return records;
}

// What a capture table needs of the records, whatever the linkage: each
// record's list and stratum, read once.
struct TableLayout {
  std::vector<std::string> lists;
  std::vector<std::vector<std::string>> keys;  // distinct stratum keys, sorted
  std::vector<int> list_of;                    // per record: list index, -1 when not used
  std::vector<std::uint32_t> key_of;           // per record: index into keys
  std::vector<std::int64_t> left_out;          // per key: records options.counted leaves out
  // Sources left out for holding too few records (min_list_records).
  std::vector<std::pair<std::string, std::int64_t>> small_lists;
  // With fuzzy strata, per record: every key its values allow (a place
  // that names only an area, a date of several years); empty: key_of.
  std::vector<std::vector<std::uint32_t>> choices;
  bool fuzzy = false;  // some record has more than one choice
};

// The nonzero stream that picks fuzzy records' strata in draw INDEX.
std::uint64_t strata_draw_of(std::uint64_t seed, std::uint64_t index) {
  std::uint64_t x = seed ^ (0xd1b54a32d192ed03ULL * (index + 1));
  return splitmix64(x) | 1;
}

// At most this many strata one record may fall in (a decade in one of 8
// camps: 80); beyond, its plain reading stands.
constexpr std::size_t kMostChoices = 400;

// FUZZY: a record whose place or year allows several strata gets all of
// them as choices (each linkage draws one); otherwise its plain reading.
TableLayout table_layout(const std::vector<LinkedRecord>& records,
                         const StoreEstimateOptions& options, bool fuzzy = false) {
  TableLayout layout;
  const std::set<std::string> events(options.events.begin(), options.events.end());
  layout.lists = options.lists;
  if (layout.lists.empty()) {
    std::map<std::string, std::int64_t> sources;
    for (const LinkedRecord& r : records) ++sources[r.source];
    std::int64_t largest = 0;
    for (const auto& [source, count] : sources) largest = std::max(largest, count);
    for (const auto& [source, count] : sources) {
      if (count >= options.min_list_records || count * 10 >= largest) {
        layout.lists.push_back(source);
      } else {
        layout.small_lists.emplace_back(source, count);
      }
    }
  }
  if (layout.lists.size() > estimate::kMaxLists) {
    throw invalid_input("the store has " + std::to_string(layout.lists.size()) +
                            " sources; estimation takes at most 8 lists (choose with --lists)",
                        "estimate");
  }
  std::unordered_map<std::string, int> list_index;
  for (std::size_t i = 0; i < layout.lists.size(); ++i)
    list_index[layout.lists[i]] = static_cast<int>(i);
  StratumValues values;
  std::map<std::vector<std::string>, std::uint32_t> key_index;
  std::vector<std::vector<std::string>> record_keys(records.size());
  std::map<std::size_t, std::vector<std::vector<std::string>>> fuzzy_keys;
  layout.list_of.assign(records.size(), -1);
  for (std::size_t i = 0; i < records.size(); ++i) {
    const LinkedRecord& r = records[i];
    if (!events.empty() && events.count(r.event) == 0) continue;
    auto list = list_index.find(r.source);
    if (list == list_index.end()) continue;
    layout.list_of[i] = list->second;
    for (const std::string& column : options.strata)
      record_keys[i].push_back(stratum_value(column, r, values));
    if (fuzzy) {
      // The product of each column's alternatives.
      std::vector<std::vector<std::string>> keys = {{}};
      for (const std::string& column : options.strata) {
        std::vector<std::string> alternatives = stratum_alternatives(column, r, values);
        if (alternatives.empty()) alternatives = {stratum_value(column, r, values)};
        std::vector<std::vector<std::string>> longer;
        for (const auto& k : keys)
          for (const auto& a : alternatives) {
            longer.push_back(k);
            longer.back().push_back(a);
          }
        keys = std::move(longer);
      }
      if (keys.size() > 1 && keys.size() <= kMostChoices) {
        if (layout.choices.empty()) layout.choices.resize(records.size());
        for (const auto& k : keys) {
          key_index.emplace(k, 0);
          layout.choices[i].push_back(0);  // set below, once keys are numbered
        }
        fuzzy_keys.emplace(i, std::move(keys));
        continue;
      }
    }
    key_index.emplace(record_keys[i], 0);
  }
  std::vector<bool> left_out(records.size(), false);
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (layout.list_of[i] < 0) continue;
    switch (options.counted) {
      case CountedRecords::kNamed:
        left_out[i] = !records[i].named;
        break;
      case CountedRecords::kIdentified:
        left_out[i] = !records[i].identified;
        break;
      default:  // kAll (kAuto is resolved before a layout is made)
        break;
    }
  }
  if (key_index.empty()) {
    throw invalid_input("no linked record matches the chosen events and lists", "estimate");
  }
  for (auto& [key, index] : key_index) {
    index = static_cast<std::uint32_t>(layout.keys.size());
    layout.keys.push_back(key);
  }
  layout.key_of.assign(records.size(), 0);
  layout.left_out.assign(layout.keys.size(), 0);
  for (const auto& [i, keys] : fuzzy_keys) {
    for (std::size_t c = 0; c < keys.size(); ++c) layout.choices[i][c] = key_index[keys[c]];
    layout.fuzzy = true;
  }
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (layout.list_of[i] < 0) continue;
    const auto fuzzy_record = fuzzy_keys.find(i);
    layout.key_of[i] =
        fuzzy_record != fuzzy_keys.end() ? layout.choices[i].front() : key_index[record_keys[i]];
    if (left_out[i]) {
      ++layout.left_out[layout.key_of[i]];
      layout.list_of[i] = -1;
    }
  }
  return layout;
}

// The capture table of the persons ENTITY (a number per record). With
// fuzzy strata, DRAW (0: none) picks each fuzzy record's stratum, the same
// for the same draw on any machine.
estimate::CaptureTable capture_table(const TableLayout& layout,
                                     const std::vector<std::uint32_t>& entity,
                                     const StoreEstimateOptions& options, std::uint64_t draw = 0) {
  // stratum -> person -> the lists that recorded them there.
  std::vector<std::unordered_map<std::uint32_t, estimate::Pattern>> histories(layout.keys.size());
  for (std::size_t i = 0; i < entity.size(); ++i) {
    if (layout.list_of[i] < 0) continue;
    std::uint32_t key = layout.key_of[i];
    if (draw != 0 && !layout.choices.empty() && layout.choices[i].size() > 1) {
      std::uint64_t x = draw ^ (0x9e3779b97f4a7c15ULL * (i + 1));
      key = layout.choices[i][splitmix64(x) % layout.choices[i].size()];
    }
    histories[key][entity[i]] |= estimate::Pattern{1} << layout.list_of[i];
  }
  estimate::CaptureTable table;
  table.lists = layout.lists;
  table.stratum_columns = options.strata;
  for (std::size_t k = 0; k < layout.keys.size(); ++k) {
    const std::vector<std::string>& key = layout.keys[k];
    estimate::Stratum stratum;
    for (std::size_t c = 0; c < key.size(); ++c) {
      stratum.key.emplace_back(options.strata[c], key[c]);
      // Records whose place or year is blank or not understood are part of
      // the whole, not a population of their own: estimated as one, 305
      // records with a blank place became "3,091 (1,903 - 5,379)" beside the
      // camps, as if it were one.
      if (key[c] == "unknown" || key[c] == "unresolved") {
        stratum.not_a_population = "the records' " + options.strata[c] + " is " +
                                   (key[c] == "unknown" ? "blank" : "not understood") +
                                   ": they are no population of their own and are not estimated "
                                   "apart (they count in an estimate without strata)";
      }
    }
    if (layout.left_out[k] > 0) {
      if (options.counted == CountedRecords::kIdentified) {
        stratum.notes.push_back(
            std::to_string(layout.left_out[k]) +
            " records without a name, a birth year or an origin were left out: " +
            options.counted_why +
            " (the estimate is still of everyone, if leaving out a field does not depend on the "
            "other lists; --records named keeps every named record)");
      } else {
        stratum.notes.push_back(
            std::to_string(layout.left_out[k]) +
            " records without a name were left out: nothing can link them, and each would count "
            "as a person seen by one list only (the estimate is still of everyone, if leaving "
            "out a name does not depend on the other lists; --records all counts them)");
      }
    }
    if (!layout.small_lists.empty()) {
      std::string which;
      for (const auto& [source, count] : layout.small_lists) {
        which += (which.empty() ? "" : ", ") + source + " (" + std::to_string(count) + ")";
      }
      stratum.notes.push_back(
          "sources with fewer than " + std::to_string(options.min_list_records) +
          " records were left out as lists: " + which +
          "; name them in the lists to use them (each held under a tenth of the largest list's "
          "records)");
    }
    stratum.counts.assign(std::size_t{1} << layout.lists.size(), 0);
    for (const auto& [person, pattern] : histories[k]) ++stratum.counts[pattern];
    if (!stratum.not_a_population && stratum.observed() < options.min_observed) {
      stratum.not_a_population =
          "fewer than " + std::to_string(options.min_observed) +
          " people seen: too few for the overlap between lists to say anything stable (merge "
          "strata, or estimate without them)";
    }
    table.strata.push_back(std::move(stratum));
  }
  return table;
}

// The options of the sensitivity runs: a short fixed-length LCMCR.
estimate::EstimateOptions sensitivity_options(const estimate::EstimateOptions& options) {
  estimate::EstimateOptions o = options;
  o.lcmcr.chains = 2;
  o.lcmcr.burn_in = 1000;
  o.lcmcr.iterations = 5000;
  o.lcmcr.thinning = 5;
  o.lcmcr.max_seconds = 0;
  return o;
}

// The capture table of plausible linkage INDEX: a drawn linkage when some
// pair is uncertain (else the stored one), and the fuzzy records' strata
// drawn when LAYOUT has any.
estimate::CaptureTable table_of_draw(const TableLayout& layout, const PlausibleLinkages& linkages,
                                     const StoreEstimateOptions& options, std::uint64_t index) {
  const std::vector<std::uint32_t> entity = linkages.uncertain_pairs() > 0
                                                ? linkages.draw(options.linkage_seed, index)
                                                : linkages.stored();
  return capture_table(layout, entity, options,
                       layout.fuzzy ? strata_draw_of(options.linkage_seed, index) : 0);
}

}  // namespace

LinkedRecords::LinkedRecords(store::Store& store)
    : records_(linked_records(store)), linkages_(store) {
  if (linkages_.record_ids().size() != records_.size()) {
    throw runtime_error("the store changed while it was read; estimate again", "estimate");
  }
  quality_ = linkage_quality(store.db());
  for (const Record& r : records_) {
    named_ += r.named;
    identified_ += r.identified;
  }
}

CountedChoice auto_counted_records(std::optional<double> expected_recall, std::size_t named,
                                   std::size_t identified) {
  char recall[32] = "unknown";
  if (expected_recall) std::snprintf(recall, sizeof recall, "%.3f", *expected_recall);
  if (!expected_recall || *expected_recall >= kIdentifiedBelowRecall) {
    return {CountedRecords::kNamed, std::string("the linkage's own expected recall is ") + recall};
  }
  if (named == 0 || static_cast<double>(identified) < kLeastIdentifiedShare * named) {
    return {CountedRecords::kNamed,
            std::string("the linkage's own expected recall is ") + recall +
                ", but too few records have a name, a birth year and an origin to count them "
                "alone (" +
                std::to_string(identified) + " of " + std::to_string(named) + " named)"};
  }
  return {CountedRecords::kIdentified,
          std::string("the linkage's own expected recall is ") + recall + ", under " +
              identified_below_recall_text() +
              ": where names are common it splits the persons of the other records, and a "
              "split person looks seen by fewer lists"};
}

std::string identified_below_recall_text() {
  char text[32];
  std::snprintf(text, sizeof text, "%.2g", kIdentifiedBelowRecall);
  return text;
}

nlohmann::ordered_json counted_records_to_json(const CountedChoice& choice) {
  return {{"counted", to_string(choice.counted)},
          {"why", choice.why},
          {"identified_below_recall", kIdentifiedBelowRecall}};
}

CountedChoice LinkedRecords::counted_records(CountedRecords wanted) const {
  switch (wanted) {
    case CountedRecords::kAll:
      return {wanted, "every record counts (--records all)"};
    case CountedRecords::kNamed:
      return {wanted, "records with a name count (--records named)"};
    case CountedRecords::kIdentified:
      return {wanted, "asked for (--records identified)"};
    case CountedRecords::kAuto:
      break;
  }
  std::optional<double> expected_recall;
  if (quality_ && quality_->contains("recall") && (*quality_)["recall"].is_number())
    expected_recall = (*quality_)["recall"].get<double>();
  return auto_counted_records(expected_recall, named_, identified_);
}

StoreEstimateOptions LinkedRecords::resolved(const StoreEstimateOptions& options) const {
  StoreEstimateOptions out = options;
  const CountedChoice choice = counted_records(options.counted);
  out.counted = choice.counted;
  out.counted_why = choice.why;
  return out;
}

std::optional<CountedRecords> parse_counted_records(std::string_view text) {
  for (const CountedRecords c : {CountedRecords::kAll, CountedRecords::kNamed,
                                 CountedRecords::kIdentified, CountedRecords::kAuto}) {
    if (text == to_string(c)) return c;
  }
  return std::nullopt;
}

std::string_view to_string(CountedRecords counted) {
  switch (counted) {
    case CountedRecords::kAll:
      return "all";
    case CountedRecords::kNamed:
      return "named";
    case CountedRecords::kIdentified:
      return "identified";
    case CountedRecords::kAuto:
      break;
  }
  return "auto";
}

LinkedRecords::~LinkedRecords() = default;

estimate::CaptureTable LinkedRecords::drawn_table(const StoreEstimateOptions& given,
                                                  std::uint64_t index) const {
  const StoreEstimateOptions options = resolved(given);
  return table_of_draw(table_layout(records_, options, options.fuzzy_strata), linkages_, options,
                       index);
}

estimate::CaptureTable LinkedRecords::stored_table(const StoreEstimateOptions& given) const {
  const StoreEstimateOptions options = resolved(given);
  return capture_table(table_layout(records_, options), linkages_.stored(), options);
}

std::vector<estimate::StratumEstimate> LinkedRecords::estimate(
    const StoreEstimateOptions& given) const {
  const StoreEstimateOptions options = resolved(given);
  if (options.linkage_draws < 1 || options.linkage_draws > kMostLinkageDraws) {
    throw usage_error(
        "the number of linkages to pool must be from 1 to " + std::to_string(kMostLinkageDraws),
        "--linkage-draws");
  }
  const PlausibleLinkages& linkages = linkages_;
  const TableLayout plain = table_layout(records_, options);
  const std::vector<std::uint32_t>& stored = linkages.stored();
  // Fuzzy strata: a record whose place names only an area, or whose date
  // spans years, falls in one of the strata it allows in each draw.
  TableLayout fuzzy_layout;
  if (options.fuzzy_strata && !options.strata.empty())
    fuzzy_layout = table_layout(records_, options, /*fuzzy=*/true);
  const bool fuzzy = fuzzy_layout.fuzzy, uncertain = linkages.uncertain_pairs() > 0;
  if (options.linkage_draws == 1 || (!uncertain && !fuzzy)) {
    const TableLayout& layout = plain;
    auto estimates =
        estimate::estimate_population(capture_table(layout, stored, options), options.estimate);
    for (auto& e : estimates) e.linkage = estimate::LinkageSpread{};
    if (options.progress) options.progress(1, 1);
    return estimates;
  }
  // Each linkage runs LCMCR for its share of the sweeps, with a seed of its
  // own, so that the pooled draws number about as many as one run's.
  estimate::EstimateOptions each = options.estimate;
  const int m = options.linkage_draws;
  each.lcmcr.iterations = std::max(kLeastSweepsPerLinkage, (each.lcmcr.iterations + m - 1) / m);
  // Run until converged: each linkage gets its share of the time and of
  // the effective draws (the pooled ESS is their sum). The linkages run on
  // every core at once, so a share of the time is the cap times the cores
  // over the linkages: the whole still ends within about the cap.
  const int cores = std::min(m, model::default_thread_count());
  each.lcmcr.max_seconds = options.estimate.lcmcr.max_seconds * cores / m;
  each.lcmcr.target_ess = std::max(100.0, options.estimate.lcmcr.target_ess / m);
  // The first linkage's log-linear search is the one the output lists
  // (every model profiled, Rcapture's closed models); the others need only
  // the selected model's interval and the BIC average (5x faster).
  estimate::EstimateOptions lighter = each;
  lighter.loglinear.closed_models = false;
  lighter.loglinear.profiled_models = 1;
  lighter.loglinear.profile_all_below = 0;
  // Linkages on every core, one chain thread each: a linkage's figures
  // depend only on its seed and index, not on which thread ran it.
  each.lcmcr.threads = lighter.lcmcr.threads = 1;
  each.loglinear.threads = lighter.loglinear.threads = 1;
  each.dga.threads = lighter.dga.threads = 1;
  std::vector<std::vector<estimate::StratumEstimate>> per_linkage(static_cast<std::size_t>(m));
  const TableLayout& layout = fuzzy ? fuzzy_layout : plain;
  std::mutex progress;
  int done = 0;
  model::parallel_for(
      static_cast<std::size_t>(m), model::default_thread_count(), [&](std::size_t d, int) {
        estimate::EstimateOptions o = d == 0 ? each : lighter;
        o.lcmcr.seed = options.estimate.lcmcr.seed + d * 1000003;
        per_linkage[d] =
            estimate::estimate_population(table_of_draw(layout, linkages, options, d), o);
        std::lock_guard lock(progress);
        if (options.progress) options.progress(++done, m);
      });
  return estimate::pool_over_linkages(per_linkage, options.estimate);
}

std::vector<SensitivityPoint> LinkedRecords::sensitivity(
    const StoreEstimateOptions& given, const std::vector<double>& thresholds) const {
  const StoreEstimateOptions options = resolved(given);
  const TableLayout layout = table_layout(records_, options);
  for (double t : thresholds)
    if (!(t > 0 && t < 1)) throw usage_error("a linkage threshold is between 0 and 1", "threshold");
  std::vector<SensitivityPoint> points(thresholds.size());
  // Short fixed-length LCMCR runs, one chain thread each (the thresholds
  // share the cores).
  estimate::EstimateOptions short_runs = sensitivity_options(options.estimate);
  short_runs.lcmcr.threads = 1;
  short_runs.loglinear.threads = 1;
  model::parallel_for(thresholds.size(), model::default_thread_count(), [&](std::size_t i, int) {
    SensitivityPoint& p = points[i];
    p.threshold = thresholds[i];
    p.estimates = estimate::estimate_population(
        capture_table(layout, linkages_.at_threshold(p.threshold), options), short_runs);
  });
  return points;
}

namespace {

struct Range {
  double lowest_upper = INFINITY, highest_lower = -INFINITY, least = INFINITY, most = -INFINITY;
  void add(double n, double lower, double upper) {
    if (!std::isfinite(n)) return;
    least = std::min(least, n);
    most = std::max(most, n);
    if (std::isfinite(lower)) highest_lower = std::max(highest_lower, lower);
    lowest_upper = std::min(lowest_upper, std::isfinite(upper) ? upper : INFINITY);
  }
};

std::string whole(double x) { return std::to_string(static_cast<long long>(std::llround(x))); }

}  // namespace

std::vector<SensitivityWarning> sensitivity_warnings(const std::vector<SensitivityPoint>& points) {
  std::map<std::string, Range> ranges;
  std::vector<std::string> order;
  for (const SensitivityPoint& p : points) {
    for (const estimate::StratumEstimate& e : p.estimates) {
      if (e.skipped) continue;
      estimate::Stratum key;
      key.key = e.stratum;
      const std::string label = key.label();
      if (!ranges.count(label)) order.push_back(label);
      Range& r = ranges[label];
      if (e.loglinear && e.loglinear->selected) {
        const auto& f = e.loglinear->hierarchical[*e.loglinear->selected];
        r.add(f.N, f.lower.value_or(NAN), f.upper.value_or(INFINITY));
      }
      if (e.lcmcr) r.add(e.lcmcr->median, e.lcmcr->lower, e.lcmcr->upper);
      if (e.dga) r.add(e.dga->median, e.dga->lower, e.dga->upper);
    }
  }
  std::vector<SensitivityWarning> out;
  for (const std::string& label : order) {
    const Range& r = ranges[label];
    if (!(r.highest_lower > r.lowest_upper)) continue;
    out.push_back(
        {label,
         "The estimate depends on the linkage threshold and the method: from " + whole(r.least) +
             " to " + whole(r.most) +
             ", and some of their intervals do not overlap. Do not report one of them alone.",
         "추정치가 연계 임계값과 방법에 따라 달라집니다: " + whole(r.least) + "에서 " +
             whole(r.most) +
             "까지이며, 일부 구간은 서로 겹치지 않습니다. 하나만 따로 보고하지 "
             "마십시오."});
  }
  return out;
}

nlohmann::ordered_json sensitivity_to_json(const std::vector<SensitivityPoint>& points) {
  using json = nlohmann::ordered_json;
  auto number = [](double x) { return std::isfinite(x) ? json(x) : json(nullptr); };
  json thresholds = json::array(), rows = json::array(), warnings = json::array();
  for (const SensitivityPoint& p : points) {
    thresholds.push_back(p.threshold);
    for (const estimate::StratumEstimate& e : p.estimates) {
      if (e.skipped) continue;
      json stratum = json::object();
      for (const auto& [column, value] : e.stratum) stratum[column] = value;
      auto row = [&](const char* method, double n, double lower, double upper) {
        rows.push_back({{"threshold", p.threshold},
                        {"stratum", stratum},
                        {"method", method},
                        {"observed", e.observed},
                        {"N", number(n)},
                        {"lower", number(lower)},
                        {"upper", number(upper)}});
      };
      if (e.loglinear && e.loglinear->selected) {
        const auto& f = e.loglinear->hierarchical[*e.loglinear->selected];
        row("loglinear", f.N, f.lower.value_or(NAN), f.upper.value_or(INFINITY));
      }
      if (e.lcmcr) row("lcmcr", e.lcmcr->median, e.lcmcr->lower, e.lcmcr->upper);
      if (e.dga) row("dga", e.dga->median, e.dga->lower, e.dga->upper);
    }
  }
  for (const SensitivityWarning& w : sensitivity_warnings(points))
    warnings.push_back({{"stratum", w.stratum}, {"en", w.english}, {"ko", w.korean}});
  return {{"thresholds", thresholds}, {"points", rows}, {"warnings", warnings}};
}

}  // namespace uncounted::pipeline
