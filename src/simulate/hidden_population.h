#pragma once
// The hidden population: the people a scenario says exist, whether or not
// any organization ever documents them, and what happened to each of them.
// This is the truth that the lists are drawn from and that estimates are
// checked against.

#include <string>
#include <vector>

#include "korean/hangul_name.h"
#include "model/civil_date.h"
#include "simulate/random_stream.h"
#include "simulate/scenario.h"

namespace uncounted::simulate {

struct TrueEvent {
  std::string code;  // event taxonomy code
  CivilDate date;
  std::string place_id;  // gazetteer id
};

struct TruePerson {
  std::string id;           // "P000123": the true_id column
  korean::HangulName name;  // as written in the North (리, 림)
  bool female = false;
  int birth_year = 0;
  std::string origin_id;          // a city or county of the gazetteer
  std::vector<TrueEvent> events;  // in time order
};

// Draws the population of SPEC from RANDOM: family names by their shares in
// data/surnames.tsv, given names from the syllables of
// data/korean_given_syllables.tsv weighted by how usual they are, origins
// among the gazetteer's cities and counties, and each person's path from
// arrest through interrogation and detention to release, transfer or death.
std::vector<TruePerson> draw_population(const PopulationSpec& spec, RandomStream& random);

}  // namespace uncounted::simulate
