#pragma once
// A simulation scenario: the hidden population, what happened to it, and
// the organizations that document it, each with its own capture process
// and its own way of writing. Read from JSON (docs/simulate.md documents
// every field; data/scenario_default.json is the built-in default).
//
// Every field is checked when the scenario is read: a probability outside
// [0, 1], an empty population, no organization, an unknown place or event
// code, an unknown field (a typo would otherwise be silently ignored) is an
// invalid_input error naming the field ("organizations[1].capture").

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "simulate/given_names.h"

namespace uncounted::simulate {

// Named non-negative weights, in the order the scenario gives them.
using Weights = std::vector<std::pair<std::string, double>>;

struct PopulationSpec {
  int size = 0;                             // people in the hidden population
  int first_year = 1995, last_year = 2015;  // arrests happen in these years
  int birth_first = 1940, birth_last = 1995;
  double female_share = 0.4;
  // Why a person was arrested: foreign_media, smuggled_goods,
  // appearance_violation, family_punishment, forced_repatriation, other.
  Weights causes;
  // Where people are detained: gazetteer facility ids with weights.
  Weights facilities;
  double interrogation = 0.9;     // P(an interrogation is recorded as its own event)
  double transfer = 0.15;         // P(moved to a second facility)
  double death_in_custody = 0.1;  // P(dies in custody)
  double execution = 0.02;        // P(executed), exclusive of death in custody
  // How concentrated given names are (given_names.h): "diverse" by default.
  NameConcentration names = NameConcentration::kDiverse;
};

// How an organization writes its records.
struct WritingSpec {
  // hangul (DPRK form 리철호), hangul_south (이철호), dprk (Ri Chol Ho),
  // mr (Ri Ch'ŏl-ho), rr (Ri Cheolho / Lee Cheol-ho), press (Cheol-ho Lee,
  // given name first), both (리철호 (Ri Chol Ho)).
  Weights names;
  // day, month, season, year, approximate, decade, missing.
  Weights dates;
  double korean_dates = 0;  // share of dates written in Korean (2009년 3월)
  // name (English), hangul, alias (any other spelling), county (a
  // facility written as the county it lies in: "Yodok" for Camp 15, which
  // the gazetteer reads as the county), missing.
  Weights places;
  // How sex is written: "code" (M/F) or "korean" (남/여).
  std::string sex_style = "code";
  double name_typo = 0.02;  // P(one letter of the name is wrong)
  double place_typo = 0.01;
  double date_error = 0.02;        // P(the date is off by a year)
  double birth_year_error = 0.05;  // P(the birth year is off by 1-2 years)
  double missing_name = 0.02;
  double missing_sex = 0.1;
  double missing_birth_year = 0.2;
  double missing_origin = 0.2;
};

// Organization FROM's documenting a person raises this organization's odds
// of documenting them by ODDS_RATIO (referrals, shared informants): list
// dependence that independence models get wrong.
struct Referral {
  std::string from;
  double odds_ratio = 1;
};

struct OrganizationSpec {
  std::string code;                   // the `source` column
  double capture = 0.3;               // P(one event of a typical person is documented)
  double heterogeneity = -1;          // sd of the person effect (logit scale); <0: scenario's
  int first_year = 0, last_year = 0;  // documents events of these years (0: all)
  Weights place_odds;                 // odds multipliers per gazetteer id (a facility or an area)
  Weights event_odds;                 // odds multipliers per event code
  std::vector<Referral> referrals;    // only from organizations listed before this one
  WritingSpec writing;
};

struct EstimationSpec {
  std::vector<std::string> events = {"detention_kwanliso"};
  std::vector<std::string> strata = {"event_place"};
};

struct Scenario {
  std::string name = "custom";
  PopulationSpec population;
  // Person-level heterogeneity of capture (sd on the logit scale) and the
  // share of it that all organizations see alike (0: each organization
  // finds different people easy to reach; 1: the same people).
  double heterogeneity = 0.8;
  double shared_heterogeneity = 0.5;
  std::vector<OrganizationSpec> organizations;
  // What the truth's capture table and the demo's estimates are about.
  EstimationSpec estimation;
};

// Reads and checks a scenario. WHERE prefixes field names in errors (the
// file name). Throws invalid_input naming the offending field.
Scenario parse_scenario(const nlohmann::json& document, const std::string& where);

// The scenario of data/scenario_default.json, and its text.
Scenario default_scenario();
std::string default_scenario_text();

}  // namespace uncounted::simulate
