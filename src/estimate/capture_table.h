#pragma once
// Capture histories: how many people were seen on exactly each combination
// of lists, per stratum. This is what every estimator in this module reads,
// whether it came from a table file (lists.md §3) or, later, from the linked
// persons in the store.
//
// A capture pattern is a bitmask: bit j is set when the person is on list j
// (list 0 is the first list column). counts[0], the all-zero pattern, is the
// unknown being estimated and is always 0.

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace uncounted::estimate {

using Pattern = std::uint32_t;

// The most lists any estimator accepts; 2^8 - 1 observable cells.
inline constexpr std::size_t kMaxLists = 8;

struct Stratum {
  // (column, value) pairs that name the stratum; empty when not stratified.
  std::vector<std::pair<std::string, std::string>> key;
  // counts[pattern], 2^J entries; counts[0] is always 0.
  std::vector<std::int64_t> counts;
  // Set when the stratum is no population to estimate (its records' place
  // or year is blank or not understood), saying why.
  std::optional<std::string> not_a_population;
  // What the table's maker says of the stratum (records left out and why);
  // each becomes a warning of its estimates.
  std::vector<std::string> notes;

  // The number of people seen on at least one list.
  std::int64_t observed() const;
  // The stratum key as "col=value, col=value" ("all" when empty).
  std::string label() const;
};

struct CaptureTable {
  std::vector<std::string> lists;            // list codes, in column order
  std::vector<std::string> stratum_columns;  // the --strata columns
  std::vector<Stratum> strata;               // in order of first appearance
};

struct TableReadOptions {
  std::vector<std::string> strata;  // columns that name strata (--strata)
  std::vector<std::string> lists;   // keep only these lists (--lists); empty = all
};

// Reads a capture-history table (CSV with one 0/1 column per list, optional
// stratum columns and `count`). Throws invalid_input with "FILE:LINE" for a
// malformed row: a cell that is not 0/1, a count that is not a non-negative
// integer, a row with the all-zero pattern, a pattern given twice.
CaptureTable read_capture_table(std::istream& in, const std::string& file_name,
                                const TableReadOptions& options = {});

// Keeps only LISTS (by code, in the order given) and merges the patterns that
// become equal; people on none of the kept lists drop out (they are not
// observed by those lists). Throws usage_error for an unknown list code.
CaptureTable select_lists(const CaptureTable& table, const std::vector<std::string>& lists);

// Why no estimate is possible from this stratum, or nullopt when one is:
// fewer than 2 or more than kMaxLists lists, nobody observed, nobody on more
// than one list (no overlap, nothing to learn the unobserved count from).
std::optional<std::string> why_not_estimable(const Stratum& stratum, std::size_t list_count);

// Human-readable notes on a stratum that is estimable but thin: sparse
// cells, very small overlaps. Never contains identifying data.
std::vector<std::string> sparsity_warnings(const Stratum& stratum, std::size_t list_count);

}  // namespace uncounted::estimate
