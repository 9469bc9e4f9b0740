#pragma once
// What a person's other records tell: once clustering has found the
// persons, a record that leaves a person-level value blank (sex, birth year,
// origin) takes it from the other records of its cluster where they all
// agree on it. An arrest in one list with no birth year and a camp in
// another with no birth year either are then compared on the birth year
// that each one's person carries, and a blocking rule on the birth year
// pairs them. Pairs inside one cluster are never compared on filled values
// (that would count the same evidence twice); pairs across clusters are
// compared person to person.

#include <cstdint>
#include <vector>

#include "link/prepared_column.h"
#include "link/settings.h"
#include "link/table.h"

namespace uncounted::link {

// The comparisons of a person's lasting facts: sex, a year or a place read
// without a condition column (the event's date and place are not the
// person's). Indices into SETTINGS.comparisons.
std::vector<std::size_t> person_level_comparisons(const Settings& settings);

struct PersonCompletion {
  Table table;  // the records, blanks filled
  // The comparisons whose columns may be filled (person_level_comparisons,
  // at most 8), and per record, bit k set when its value of comparisons[k]
  // was filled.
  std::vector<std::size_t> comparisons;
  std::vector<std::uint8_t> completed;
  std::size_t values_filled = 0;
  std::size_t records_completed = 0;
};

// What `link --json` says of the stage (`persons_completion`).
struct PersonCompletionReport {
  bool ran = false;
  std::size_t values_filled = 0;
  std::size_t records_completed = 0;
  std::size_t pairs_compared = 0;  // pairs across two persons compared again
  std::size_t entities_before = 0;
  std::size_t entities_after = 0;
};

// Fills TABLE's blanks of the person-level comparisons from the records of
// the same entity (ENTITY, per record) that carry the value and agree on it
// at the comparison's first level; a value read from a fallback column (an
// arrest's place read as the origin) neither fills nor is kept over one
// filled. COLUMNS are SETTINGS' comparisons prepared on TABLE.
PersonCompletion complete_from_persons(const Table& table, const Settings& settings,
                                       const std::vector<PreparedColumn>& columns,
                                       const std::vector<std::uint32_t>& entity,
                                       std::size_t entities);

}  // namespace uncounted::link
