#include "pipeline/store_estimation.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "dates/fuzzy_date_parser.h"
#include "model/error.h"
#include "places/event_place.h"
#include "places/gazetteer.h"
#include "store/database.h"

namespace uncounted::pipeline {
namespace {

struct LinkedRecord {
  std::string source, event, entity;
  std::optional<std::string> event_date, event_place, sex;
};

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

std::string stratum_value(const std::string& column, const LinkedRecord& r, StratumValues& values) {
  if (column == "event_place") return values.place(r.event_place, r.event);
  if (column == "year") return values.year(r.event_date);
  if (column == "sex") return r.sex.value_or("unknown");
  if (column == "event") return r.event;
  throw usage_error("unknown stratum column '" + column + "' (event_place, year, sex, event)",
                    "--strata");
}

}  // namespace

estimate::CaptureTable capture_table_from_store(store::Store& store,
                                                const StoreEstimateOptions& options) {
  std::vector<LinkedRecord> records;
  {
    store::Statement s = store.db().prepare(
        "SELECT r.source, r.event, e.entity_id, r.event_date, r.event_place, r.sex "
        "FROM records r JOIN entities e ON e.record = r.id");
    while (s.step()) {
      records.push_back({s.column_text(0), s.column_text(1), s.column_text(2),
                         s.column_optional_text(3), s.column_optional_text(4),
                         s.column_optional_text(5)});
    }
  }
  if (records.empty()) {
    throw invalid_input("no linked persons in the store: run 'uncounted link' first", "estimate");
  }
  const std::set<std::string> events(options.events.begin(), options.events.end());
  std::vector<std::string> lists = options.lists;
  if (lists.empty()) {
    std::set<std::string> sources;
    for (const LinkedRecord& r : records) sources.insert(r.source);
    lists.assign(sources.begin(), sources.end());
  }
  if (lists.size() > estimate::kMaxLists) {
    throw invalid_input("the store has " + std::to_string(lists.size()) +
                            " sources; estimation takes at most 8 lists (choose with --lists)",
                        "estimate");
  }
  std::unordered_map<std::string, int> list_index;
  for (std::size_t i = 0; i < lists.size(); ++i) list_index[lists[i]] = static_cast<int>(i);

  // stratum key -> person -> the lists that recorded them there.
  StratumValues values;
  std::map<std::vector<std::string>, std::unordered_map<std::string, estimate::Pattern>> histories;
  for (const LinkedRecord& r : records) {
    if (!events.empty() && events.count(r.event) == 0) continue;
    auto list = list_index.find(r.source);
    if (list == list_index.end()) continue;
    std::vector<std::string> key;
    for (const std::string& column : options.strata)
      key.push_back(stratum_value(column, r, values));
    histories[key][r.entity] |= estimate::Pattern{1} << list->second;
  }
  if (histories.empty()) {
    throw invalid_input("no linked record matches the chosen events and lists", "estimate");
  }
  estimate::CaptureTable table;
  table.lists = lists;
  table.stratum_columns = options.strata;
  for (const auto& [key, people] : histories) {
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
    stratum.counts.assign(std::size_t{1} << lists.size(), 0);
    for (const auto& [person, pattern] : people) ++stratum.counts[pattern];
    table.strata.push_back(std::move(stratum));
  }
  return table;
}

std::vector<estimate::StratumEstimate> estimate_store(store::Store& store,
                                                      const StoreEstimateOptions& options) {
  return estimate::estimate_population(capture_table_from_store(store, options), options.estimate);
}

}  // namespace uncounted::pipeline
