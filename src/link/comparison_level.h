#pragma once
// One level of a comparison: a test on a pair of prepared values ("exact",
// "Jaro-Winkler at least 0.92", "years within 1", ...). A comparison's levels
// are tried in order and the first that holds gives the pair its level, so
// levels go from the strongest agreement to the weakest.

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>

namespace uncounted::link {

class PreparedColumn;

enum class LevelType {
  kExact,               // the normalized values are equal
  kJaroWinkler,         // Jaro-Winkler similarity >= threshold
  kJaro,                // Jaro similarity >= threshold
  kLevenshtein,         // edit distance <= threshold
  kDamerauLevenshtein,  // edit distance with transpositions <= threshold
  kWithin,              // intervals (years, days, numbers) at most threshold apart
  kOverlap,             // intervals share a point
  kHangulEqual,         // names share a Hangul reading (Korean)
  kJamoDistance,        // jamo edit distance of the best readings <= threshold (Korean)
  kRomanizationKey,     // same romanization-invariant key (Korean)
  kPlaceEqual,          // the same gazetteer id
  kSwapped,             // this column and the swap column trade places (given name <-> surname)
  kKoreanName,          // korean::compare's NameLevel >= threshold (1..5) (Korean)
  kPlaceWithin,         // gazetteer places, one within the other (camp in county, ...)
  kAny,                 // any two values (with a condition: the rest of its case)
  kInOrder,             // dates at most threshold apart, in the order of their events
};

// Which pairs a level is for, by the comparison's condition column
// (Comparison::condition_column): two records of the same event (an arrest
// in two lists) agree on its date and place far more often than two of one
// person's different events, and two different people of the same event
// (one camp) far more often than two random people.
enum class LevelCase {
  kAlways,     // whatever the condition
  kSame,       // both records have the same value of the condition column
  kDifferent,  // the values differ, or either is blank
};

// The NameLevel (as a number, korean/name_comparison.h) from which a Korean
// level TYPE holds: hangul_equal = a Hangul reading in common (4),
// romanization_key = equal sound key (3), jamo_distance <= 1 = one jamo
// apart (2), korean_name = its threshold.
double korean_level_floor(LevelType type, double threshold);
bool is_korean_level(LevelType type);

// "in_order" (dates): the two records' events are of different stages of
// the path of punishment (EventType::path_stage: an act, arrest,
// interrogation, detention, death), and the earlier stage's date is not
// after the later stage's, with at most THRESHOLD days between them. One
// person's arrest comes before the camp; of two different people's, in
// half the pairs the camp's date comes first.

struct ComparisonLevel {
  LevelType type = LevelType::kExact;
  double threshold = 0;
  LevelCase when = LevelCase::kAlways;

  // Whether the level holds for records I and J, both non-null in COLUMN.
  // Thread-safe, allocation-free.
  bool holds(const PreparedColumn& column, std::uint32_t i, std::uint32_t j) const;

  // "exact", "jaro_winkler >= 0.92", ... for explanations (the test
  // alone: Comparison::level_label adds its case).
  std::string label() const;
};

// JSON form: {"type": "jaro_winkler", "threshold": 0.92}, with "when":
// "same" or "different" for a level of one case of the condition. Throws
// invalid_input naming WHERE on an unknown type or a missing threshold.
ComparisonLevel level_from_json(const nlohmann::json& j, const std::string& where);
nlohmann::json to_json(const ComparisonLevel& level);

}  // namespace uncounted::link
