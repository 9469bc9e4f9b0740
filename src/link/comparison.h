#pragma once
// A comparison: how one column (or one concept) of two records is compared,
// as an ordered list of levels, with the Fellegi-Sunter parameters of each
// level. Level index ("gamma") 0 means "null in either record" and carries
// no evidence; 1..L are the explicit levels in order; L + 1 is "everything
// else" (the values disagree).

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "link/comparison_level.h"

namespace uncounted::link {

// How a column's text is prepared before comparing.
enum class ColumnKind {
  kString,  // trimmed, lower-cased, inner spaces collapsed
  kNumber,  // a decimal number
  kYear,    // a (fuzzy) year: 1962, c.1962, 1960-1965, 1960s, Juche 51
  kDate,    // a (fuzzy) date, as an interval of days
  kName,    // a person's name, Korean-aware (Hangul and romanizations)
  kPlace,   // a place, matched to the gazetteer when possible
  kSex,     // M/F, male/female, 남/여 (io::parse_sex, as the importer reads it)
};

// At most 14 explicit levels so that a pair's level (0..15) fits in 4 bits
// and a whole comparison vector of up to kMaxComparisons in one uint64.
inline constexpr int kMaxLevels = 14;
inline constexpr int kMaxComparisons = 14;
inline constexpr int kGammaBits = 4;

// Where a comparison's column is blank, a value read from another column
// when a third says the two mean the same: the default model reads a
// record's origin, else the place of an act or an arrest (foreign media,
// smuggled goods, ... are acts where people live, and people are arrested
// where they live; a forced returnee's arrest at the border is the
// exception, which EM weighs through m).
struct ColumnFallback {
  std::string column;                    // e.g. event_place
  std::string when_column;               // e.g. event
  std::vector<std::string> when_values;  // e.g. arrest, foreign_media
  bool empty() const { return column.empty(); }
};

struct Comparison {
  std::string name;    // unique within the settings, e.g. "surname"
  std::string column;  // the input column compared
  // The partner column of a "swapped" level (e.g. surname for given_name).
  std::string swap_column;
  ColumnFallback fallback;  // empty: none
  // The column whose agreement splits the levels into cases (levels with
  // "when": same / different; comparison_level.h LevelCase): the default
  // model's event date and place, by the kind of event. Empty: none.
  std::string condition_column;
  ColumnKind kind = ColumnKind::kString;
  std::vector<ComparisonLevel> levels;
  // Adjust the exact level's weight by how common the value is (Kim vs
  // Namgung): u of an exact agreement becomes the value's frequency.
  bool term_frequency = false;
  // P(level | match) and P(level | non-match) for levels 1..L+1 (index 0 is
  // level 1). Empty until trained or given.
  std::vector<double> m;
  std::vector<double> u;
  // u among pairs whose Korean names agree as a whole (the name comparison
  // at a level of the same sound or closer), where it differs from u: names
  // follow sex and birth cohort (영철 is a man born around 1960), so two
  // different people with one name agree on sex and birth year far more
  // often than two random people. Empty: u. Never set on the name itself.
  std::vector<double> u_name_agrees;
  // The same by how common the agreed name is (kNameFrequencyBands bands,
  // name_frequency_band): different people of one rare name agree on sex
  // far less often than those of 김영호. Empty: u_name_agrees for all.
  std::vector<std::vector<double>> u_name_agrees_by_frequency;

  int level_count() const { return static_cast<int>(levels.size()) + 1; }  // with "else"
  int else_level() const { return static_cast<int>(levels.size()) + 1; }

  // The level (gamma) of records I and J. Thread-safe, allocation-free.
  int gamma(const class PreparedColumn& column, std::uint32_t i, std::uint32_t j) const;

  // The lowest threshold among the levels of similarity TYPE.
  double lowest_threshold(LevelType type) const;
  // The largest threshold among the levels of edit-distance TYPE.
  int max_edit_distance(LevelType type) const;
  // log2(m/u) of level GAMMA (0 for the null level).
  double log2_bayes_factor(int gamma) const;
  // The same among pairs whose names agree and whose name is of frequency
  // band BAND (u_name_agrees_at).
  double log2_bayes_factor_name_agrees(int gamma, int band) const;
  // u of level GAMMA among pairs whose names agree, of band BAND:
  // u_name_agrees_by_frequency, or u_name_agrees, or u.
  double u_name_agrees_at(int gamma, int band) const;
  // Label of level GAMMA: "null", a level's label ("same event: overlap"
  // for a level of one case of the condition), or "else".
  std::string level_label(int gamma) const;
  // Whether level GAMMA (1..L+1) is of the "same" case of the condition.
  bool same_case(int gamma) const {
    return gamma <= static_cast<int>(levels.size()) && levels[gamma - 1].when == LevelCase::kSame;
  }
  // Scales P (m or u, one value per level 1..L+1) to sum to 1 within each
  // case of the condition: m and u of a conditioned comparison are shares
  // given the case, so that whether two records describe the same kind of
  // event is no evidence by itself (EM would otherwise take "the same
  // kind of event" for the match class) and both event comparisons read
  // it without counting it twice. Nothing without a condition column.
  void normalize_by_case(std::vector<double>& p) const;
};

// The comparisons' Korean name comparison (the first of kind name with
// Korean levels), or -1; and the mask of its levels (bit g for level g)
// that agree on the whole name: the same Hangul, a reading in common, the
// same sound key.
int korean_name_comparison(const std::vector<Comparison>& comparisons);
std::uint16_t whole_name_levels(const Comparison& name);

// Bands of a name's frequency, by the bits its frequency adds to a
// whole-name agreement (MatchWeights::tf_adjustment): common (below -1),
// middling, rare (+2 and above).
inline constexpr int kNameFrequencyBands = 3;
inline int name_frequency_band(double frequency_bits) {
  return frequency_bits < -1 ? 0 : frequency_bits < 2 ? 1 : 2;
}

std::string_view to_string(ColumnKind kind);
Comparison comparison_from_json(const nlohmann::json& j, const std::string& where);
nlohmann::json to_json(const Comparison& comparison);

}  // namespace uncounted::link
