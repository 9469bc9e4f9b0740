#pragma once
// A blocking rule: which pairs of records are worth comparing. A rule is a
// conjunction of keys ("surname & year(date_of_birth)"); two records are a
// candidate pair under the rule when every key is non-null and equal. Several
// rules are OR-ed; a pair that several rules find is compared once (by the
// first rule that finds it).
//
// Key expressions:
//   COLUMN               the normalized value (trimmed, lower case)
//   prefix(COLUMN, N)    its first N bytes
//   suffix(COLUMN, N)    its last N bytes
//   year(COLUMN)         the year of a year or date value (null when fuzzy
//                        over more than one year)
//   korean_key(COLUMN)   a name's romanization-invariant key (Korean)
//   surname_key(COLUMN)  a name's family-name key (Korean)
//   given_key(COLUMN)    a name's given-name key (Korean)
//   place(COLUMN)        the gazetteer place ("Yodok", "요덕", "Camp 15" are
//                        one); text the gazetteer does not know is its own key

#include <cstdint>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "link/table.h"

namespace uncounted::link {

enum class LinkType;
enum class ColumnKind;
class PreparedColumn;

enum class KeyTransform {
  kValue,
  kPrefix,
  kSuffix,
  kYear,
  kKoreanKey,
  kSurnameKey,
  kGivenKey,
  kPlace
};

struct BlockingKey {
  KeyTransform transform = KeyTransform::kValue;
  std::string column;
  int length = 0;  // for prefix/suffix
};

struct BlockingRule {
  std::vector<BlockingKey> keys;

  // "surname & prefix(given_name, 2)".
  std::string text() const;
  // Whether the rule reads COLUMN (its comparison is then not trained under
  // this rule: inside the block the column agrees by construction).
  bool uses_column(std::string_view column) const;
};

// Parses "surname & prefix(given_name, 2)". Throws invalid_input at WHERE.
BlockingRule parse_blocking_rule(std::string_view text, const std::string& where);

// The columns that keys read, each prepared once for all the rules of one
// linkage (a name column goes through korean::prepare once, not once per
// rule). Not thread-safe.
class KeyColumns {
 public:
  KeyColumns();
  ~KeyColumns();
  KeyColumns(const KeyColumns&) = delete;
  KeyColumns& operator=(const KeyColumns&) = delete;

  // Lends COLUMN already prepared as KIND (the comparisons' columns); it
  // must outlive this object.
  void lend(const std::string& column, ColumnKind kind, const PreparedColumn& prepared);
  // COLUMN of TABLE prepared as KIND: lent, or prepared on first use.
  const PreparedColumn& get(const Table& table, const std::string& column, ColumnKind kind);

 private:
  std::vector<std::tuple<std::string, ColumnKind, const PreparedColumn*>> columns_;
  std::vector<std::unique_ptr<PreparedColumn>> owned_;
};

// One 64-bit key per record (a hash of the rule's keys); 0 when any key is
// null. Throws invalid_input when the rule names a column the table lacks.
// COLUMNS, when given, shares prepared columns between rules.
std::vector<std::uint64_t> blocking_keys(const BlockingRule& rule, const Table& table,
                                         KeyColumns* columns = nullptr);

// The records grouped by key: ORDER lists records sorted by (key, source);
// each group is a range [begin, end) of ORDER. Groups that create no pair
// (one record, or one source under link_only) are left out, and so are
// groups of more than MAX_BLOCK_SIZE records when it is not 0 (block
// purging: a key that many records share, a common name alone, says little
// about any pair among them; their keys are set to 0 so that no later rule
// takes their pairs as already compared).
struct Group {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

struct Blocks {
  std::vector<std::uint64_t> keys;  // by record
  std::vector<std::uint32_t> order;
  std::vector<Group> groups;
  std::uint64_t pairs = 0;           // candidate pairs the rule creates (before deduplication)
  std::uint64_t largest_group = 0;   // records in the largest group kept
  std::uint64_t purged_groups = 0;   // groups over max_block_size, left out
  std::uint64_t purged_records = 0;  // records in them
  std::uint64_t purged_pairs = 0;    // pairs they would have created
  // The purged groups themselves (ranges of ORDER), and by record the
  // 1-based number of the purged group it was in (0: none; empty when
  // nothing was purged): what link/unscored_matches.h samples.
  std::vector<Group> purged;
  std::vector<std::uint32_t> purged_group;
};

// Groups TABLE's records under RULE and counts the pairs it would create,
// without creating them. Under link_only, pairs inside one source are not
// counted.
Blocks make_blocks(const BlockingRule& rule, const Table& table, LinkType link_type,
                   KeyColumns* columns = nullptr, std::uint64_t max_block_size = 0);

}  // namespace uncounted::link
