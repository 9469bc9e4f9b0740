#pragma once
// How many records, and persons, the store holds per place of the
// gazetteer: each record's event place read with its event's kind
// (places/event_place.h: "Yodok" for a camp detention is Camp 15), as the
// estimates' strata read it. Aggregates only: the web map draws them.

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace uncounted::pipeline {

struct PlaceCount {
  std::string place;  // the gazetteer id
  std::int64_t records = 0;
  std::int64_t persons = 0;  // the linkage's persons (a record never linked counts as one)
};

struct PlaceCounts {
  std::vector<PlaceCount> places;  // most records first
  std::int64_t blank = 0;          // records without a place
  std::int64_t unresolved = 0;     // records whose place the gazetteer does not know
};

PlaceCounts count_records_per_place(store::Database& db);

}  // namespace uncounted::pipeline
