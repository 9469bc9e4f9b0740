#pragma once
// Searching the store for a person by name in any spelling (Hangul, Revised
// and McCune-Reischauer romanizations, the North's own, press spellings:
// korean/name_comparison.h), by part of a name, or by a record's id. Hits
// are grouped into the persons the latest linkage made, best first, so one
// person on four lists is one result; records never linked are persons of
// their own. The web application's search and `uncounted search` call it.

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "korean/name_comparison.h"
#include "store/record_table.h"

namespace uncounted::pipeline {

struct RecordHit {
  store::StoredRecord stored;
  std::optional<std::string> person;  // the linkage's person id; none: never linked
  double score = 0;                   // 0-1: how well the name matches the query
};

struct PersonHit {
  // The linkage's person id, or "record-ID" for a record never linked.
  std::string person;
  double score = 0;                // its best record's score
  std::vector<RecordHit> records;  // the person's matching records, best first
};

struct SearchResult {
  std::string query;
  std::size_t total_records = 0;   // every matching record
  std::size_t total_persons = 0;   // the persons they belong to
  std::vector<PersonHit> persons;  // the page asked for, best first
};

// Prepared names are kept between searches (preparing is the costly part of
// a search, and names rarely change): keep one PersonSearch per store. Safe
// to share between threads.
class PersonSearch {
 public:
  // Throws invalid_input when QUERY is blank. LIMIT persons from OFFSET.
  SearchResult search(store::Database& db, const std::string& query, std::size_t limit,
                      std::size_t offset = 0);

 private:
  const korean::PreparedName& prepared(std::int64_t id, const std::string& name);
  std::mutex mutex_;
  std::unordered_map<std::int64_t, std::pair<std::string, korean::PreparedName>> names_;
};

}  // namespace uncounted::pipeline
