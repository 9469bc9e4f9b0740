#pragma once
// How one organization writes what it learnt about a person's event as a
// record of the interchange format (lists.md §1): its name style, how
// precisely it dates events, which spelling of a place it uses, what it
// leaves blank, and its mistakes (WritingSpec).

#include <string>
#include <unordered_map>
#include <vector>

#include "model/record.h"
#include "simulate/hidden_population.h"
#include "simulate/random_stream.h"
#include "simulate/scenario.h"

namespace uncounted::simulate {

class RecordWriter {
 public:
  RecordWriter(std::string source, const WritingSpec& spec);

  // The record of EVENT of PERSON, with RECORD_ID and true_id set.
  Record write(const TruePerson& person, const TrueEvent& event, std::string record_id,
               RandomStream& random);

 private:
  std::string write_date(CivilDate date, RandomStream& random) const;
  std::string write_place(const std::string& id, RandomStream& random);
  std::string write_birth_year(int year, RandomStream& random) const;
  // The spellings of place ID that the gazetteer reads back as ID (so that
  // the truth's strata and the estimates' strata name the same places).
  const std::vector<std::string>& spellings(const std::string& id);

  std::string source_;
  WritingSpec spec_;
  std::vector<double> name_weights_, date_weights_, place_weights_;
  std::unordered_map<std::string, std::vector<std::string>> spellings_;
};

// "2009-03-14" style text of an event date in the precision STYLE
// ("day", "month", "season", "year", "approximate", "decade"), in Korean
// when KOREAN. Exposed for tests; "missing" gives "".
std::string format_date(CivilDate date, const std::string& style, bool korean);

}  // namespace uncounted::simulate
