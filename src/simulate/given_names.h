#pragma once
// How concentrated the simulated people's given names are. Korean names are
// far less diverse than letter-by-letter draws: within one birth cohort and
// sex a handful of given names (영수, 영철, 영희, 순희, 정숙 ...) cover a large
// share of people, and the family-name table alone has sum p^2 of about 0.08.
// Linkage that holds on diverse names can collapse on real ones, so the
// simulator can draw either (docs/simulate.md, data/README.md "Given names").
//
//   diverse    two syllables drawn independently by the syllable prior (the
//              simulator's names before the concentration knob; same draws)
//   realistic  a share of each cohort and sex takes one of its popular
//              names (Supreme Court birth-registration figures, see
//              data/README.md), the rest two syllables drawn with the
//              common syllables strongly preferred
//   extreme    most people take a popular name, the rest are built from
//              the few dozen most common syllables only
//
// Thread-safety: immutable after construction.

#include <string>
#include <vector>

#include "korean/hangul_name.h"
#include "simulate/random_stream.h"

namespace uncounted::simulate {

enum class NameConcentration { kDiverse, kRealistic, kExtreme };

// "diverse", "realistic", "extreme"; nullopt-like false for anything else.
bool parse_name_concentration(const std::string& text, NameConcentration& out);
std::string to_string(NameConcentration c);

class GivenNameModel {
 public:
  explicit GivenNameModel(NameConcentration concentration);

  NameConcentration concentration() const { return concentration_; }
  // Appends a given name for a person of this sex and birth year to NAME
  // (whose family name is already there). Diverse names ignore both.
  void draw(bool female, int birth_year, korean::HangulName& name, RandomStream& random) const;

 private:
  struct Cohort {
    std::vector<korean::HangulName> names;  // given names only
    std::vector<double> weights;
  };
  const Cohort& cohort(bool female, int birth_year) const;
  void draw_syllables(korean::HangulName& name, RandomStream& random) const;

  NameConcentration concentration_;
  double popular_share_male_ = 0, popular_share_female_ = 0;
  std::vector<Cohort> male_, female_;  // by decade of birth, 1940s .. 1980s and later
  std::vector<korean::SyllableIndex> syllables_;
  std::vector<double> syllable_weights_;
};

}  // namespace uncounted::simulate
