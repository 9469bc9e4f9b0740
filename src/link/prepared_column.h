#pragma once
// A column made ready for comparing: every distinct normalized value once
// (interned to a 32-bit id, 0 = null), with what each comparison kind needs
// precomputed per distinct value (intervals for years and dates, gazetteer
// ids for places, Hangul readings and keys for names). Comparing two records
// then reads two ids and a few flat arrays: no parsing, no allocation.
//
// Thread-safety: immutable after construction; safe to read from any thread.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "link/blocking_rule.h"
#include "link/comparison.h"
#include "link/korean_name_values.h"
#include "link/place_values.h"
#include "link/string_similarity.h"
#include "link/table.h"

namespace uncounted::link {

class PreparedColumn {
 public:
  // SWAP, if given, is the partner column of a "swapped" level (given name
  // and surname written in each other's place).
  PreparedColumn(const Column& raw, ColumnKind kind, const Column* swap = nullptr);

  ColumnKind kind() const { return kind_; }
  std::size_t size() const { return ids_.size(); }
  std::uint32_t id(std::uint32_t record) const { return ids_[record]; }
  bool is_null(std::uint32_t record) const { return ids_[record] == 0; }
  // Whether RECORD's value was read from the comparison's fallback column
  // (comparison.h ColumnFallback); two such values are the fallback
  // column's own comparison, and are not compared again.
  bool from_fallback(std::uint32_t record) const {
    return !from_fallback_.empty() && from_fallback_[record];
  }
  void set_from_fallback(std::vector<bool> flags) { from_fallback_ = std::move(flags); }
  // Whether I and J have the same value of the comparison's condition
  // column (Comparison::condition_column), neither blank.
  bool same_condition(std::uint32_t i, std::uint32_t j) const {
    return !condition_.empty() && condition_[i] != 0 && condition_[i] == condition_[j];
  }
  // The condition column's values, interned (0 = blank).
  void set_condition(std::vector<std::uint32_t> ids) { condition_ = std::move(ids); }
  // Per record, the stage of its event on the path of punishment
  // (EventType::path_stage; 0: none or not an event column), for "in_order".
  void set_stages(std::vector<std::uint8_t> stages) { stages_ = std::move(stages); }
  int stage(std::uint32_t record) const { return stages_.empty() ? 0 : stages_[record]; }
  // Number of distinct non-null values.
  std::size_t distinct() const { return value_ends_.size() - 1; }
  // The normalized text of value ID (1-based).
  std::string_view value(std::uint32_t id) const {
    return std::string_view(values_).substr(value_ends_[id - 1],
                                            value_ends_[id] - value_ends_[id - 1]);
  }
  std::string_view text(std::uint32_t record) const { return value(ids_[record]); }
  // Sketch of the record's text for cheap similarity bounds (kind string;
  // nullptr for other kinds and for null).
  const TextSketch* sketch(std::uint32_t record) const {
    return sketches_.empty() || ids_[record] == 0 ? nullptr : &sketches_[ids_[record]];
  }
  // The value's share among the non-null records (for term frequencies).
  double frequency(std::uint32_t record) const {
    return non_null_ == 0 ? 0.0 : static_cast<double>(counts_[ids_[record]]) / non_null_;
  }
  // Interval of the value (years, days or the number itself); lo > hi when
  // the text could not be read as one (then interval levels never hold).
  double lo(std::uint32_t record) const { return lo_[ids_[record]]; }
  double hi(std::uint32_t record) const { return hi_[ids_[record]]; }
  // How many values of a year/date/number column could not be parsed.
  std::size_t unparsed() const { return unparsed_; }

  // Korean name levels (hangul_equal, jamo_distance, romanization_key).
  bool korean_level_holds(LevelType type, double threshold, std::uint32_t i, std::uint32_t j) const;
  // Same gazetteer id; for text the gazetteer does not know, the same
  // normalized text.
  bool place_equal(std::uint32_t i, std::uint32_t j) const;
  // Both found in the gazetteer, one within the other (or the same).
  bool place_within(std::uint32_t i, std::uint32_t j) const {
    return !places_.empty() && places_.within(ids_[i], ids_[j]);
  }
  // The NameLevel of two non-null records of a name column (kNone when the
  // column is not of kind name). No allocation.
  korean::NameLevel name_level(std::uint32_t i, std::uint32_t j) const {
    return names_.empty() ? korean::NameLevel::kNone : names_.level(ids_[i], ids_[j]);
  }
  // Population share of the family name of value ID (name columns); 0 when
  // unknown.
  double surname_share(std::uint32_t id) const {
    return names_.empty() ? 0.0 : names_.surname_share(id);
  }
  // This column of I equals the partner column of J and the other way round.
  bool swapped(std::uint32_t i, std::uint32_t j) const;
  // Hash of a Korean name key of value ID (1-based); 0 when the value has
  // no Korean reading.
  std::uint64_t korean_key_hash(KeyTransform key, std::uint32_t id) const;
  // The name's best reading, its given syllables, its sound key
  // (KoreanNameValues); 0 when none.
  std::uint64_t korean_reading_key(std::uint32_t id) const {
    return names_.empty() ? 0 : names_.reading_key(id);
  }
  std::uint64_t korean_given_reading_key(std::uint32_t id) const {
    return names_.empty() ? 0 : names_.given_reading_key(id);
  }
  std::uint64_t korean_given_sound_key(std::uint32_t id) const {
    return names_.empty() ? 0 : names_.given_sound_key(id);
  }
  bool korean_from_hangul(std::uint32_t id) const {
    return !names_.empty() && names_.from_hangul(id);
  }
  std::uint64_t korean_sound_key(std::uint32_t id) const {
    return names_.empty() ? 0 : names_.sound_key(id);
  }
  // The gazetteer index of value ID (1-based) of a place column; -1 when the
  // gazetteer does not know the text (or the column is not of kind place).
  std::int32_t place_index(std::uint32_t id) const {
    return places_.empty() ? -1 : places_.place(id);
  }

 private:
  ColumnKind kind_;
  std::vector<std::uint32_t> ids_;
  std::vector<bool> from_fallback_;       // empty: no fallback
  std::vector<std::uint32_t> condition_;  // empty: no condition column
  std::vector<std::uint8_t> stages_;      // empty: no condition column
  std::vector<std::uint32_t> swap_ids_;   // partner column's values, same dictionary
  std::string values_;
  std::vector<std::uint32_t> value_ends_{0};
  std::vector<std::uint32_t> counts_;  // by id
  std::size_t non_null_ = 0;
  std::vector<double> lo_, hi_;       // by id
  std::vector<TextSketch> sketches_;  // by id, kind string only
  std::size_t unparsed_ = 0;
  KoreanNameValues names_;  // kind name only
  PlaceValues places_;      // kind place only
};

// Trimmed, ASCII-lower-cased, runs of white space collapsed to one space.
std::string normalize_text(std::string_view text);

// A year as an interval of years: "1962", "c.1962", "1960-1965",
// "1960s", "Juche 51". Returns false when TEXT is none of these.
bool parse_year_interval(std::string_view text, double& lo, double& hi);
// A date as an interval of days since 1970-01-01: "2009-03-14",
// "20090314", "2009-03", "2009", and whatever the dates module reads.
bool parse_date_interval(std::string_view text, double& lo, double& hi);

}  // namespace uncounted::link
