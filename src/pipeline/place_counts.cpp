#include "pipeline/place_counts.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "places/event_place.h"
#include "store/linkage_table.h"

namespace uncounted::pipeline {

PlaceCounts count_records_per_place(store::Database& db) {
  PlaceCounts out;
  // Place texts repeat: each (event, text) is looked up once.
  std::unordered_map<std::string, std::string> resolved;
  std::map<std::string, std::int64_t> records;
  std::map<std::string, std::set<std::string>> persons;
  store::for_each_record_with_person(
      db, [&](const store::StoredRecord& stored, const std::string* person) {
        const Record& r = stored.record;
        if (!r.event_place || r.event_place->find_first_not_of(' ') == std::string::npos) {
          ++out.blank;
          return;
        }
        auto [it, fresh] = resolved.try_emplace(r.event + '\x1f' + *r.event_place);
        if (fresh) {
          const places::PlaceMatch match = places::lookup_for_event(*r.event_place, r.event);
          it->second = match.place != nullptr ? match.place->id : std::string();
        }
        if (it->second.empty()) {
          ++out.unresolved;
          return;
        }
        ++records[it->second];
        persons[it->second].insert(person ? *person : "record-" + std::to_string(stored.id));
      });
  for (const auto& [place, count] : records) {
    out.places.push_back({place, count, static_cast<std::int64_t>(persons[place].size())});
  }
  std::stable_sort(out.places.begin(), out.places.end(),
                   [](const PlaceCount& a, const PlaceCount& b) { return a.records > b.records; });
  return out;
}

}  // namespace uncounted::pipeline
