#pragma once
// A whole simulation: the hidden population of a scenario, the lists that
// its organizations would compile about it, and the truth to check
// linkage and estimates against. Same scenario and seed, same output, on
// any machine.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/record.h"
#include "simulate/hidden_population.h"
#include "simulate/scenario.h"

namespace uncounted::simulate {

// One stratum of the truth: the people whose events (of the scenario's
// estimation events) fall into it, and how each organization saw them.
struct TrueStratum {
  std::vector<std::pair<std::string, std::string>> key;  // ("event_place", "kwanliso-15")
  std::int64_t total = 0;                                // people in the hidden population
  std::int64_t documented = 0;                           // of them, on at least one list
  // counts[pattern]: people seen by exactly the organizations of the
  // pattern's bits (bit o = organization o); counts[0] = never documented.
  std::vector<std::int64_t> counts;
};

struct Simulation {
  Scenario scenario;
  std::uint64_t seed = 0;
  std::vector<TruePerson> people;
  std::vector<std::vector<Record>> lists;  // one per organization, in scenario order
  std::vector<TrueStratum> strata;         // per scenario.estimation, sorted by key
  // documented[o][i]: indices into people[i].events that organization o
  // recorded (capture_process.h).
  std::vector<std::vector<std::vector<int>>> documented;
};

// Runs SCENARIO with SEED. PROGRESS, when set, is told (done, total) people.
Simulation run_simulation(const Scenario& scenario, std::uint64_t seed,
                          const std::function<void(std::size_t, std::size_t)>& progress = {});

// People per (event code, place id) in the hidden population and on at
// least one list: the finer truth behind the estimation strata.
struct EventPlaceTruth {
  std::string event, place_id;
  std::int64_t total = 0, documented = 0;
};
std::vector<EventPlaceTruth> truth_by_event_place(const Simulation& simulation);

// The truth as JSON: scenario name, seed, people, the estimation spec,
// `strata` (key, true_total, documented, captures) and `events` (by event
// and place).
nlohmann::ordered_json truth_to_json(const Simulation& simulation);

struct WrittenFiles {
  std::vector<std::filesystem::path> lists;  // DIR/<source>.csv
  std::filesystem::path truth_json, truth_csv, captures_csv;
};

// Writes the lists to DIR/<source>.csv (interchange format with true_id)
// and the truth to DIR/truth/ (truth.json, truth.csv, captures.csv: the true
// capture-history table for `estimate --table`), so that DIR/*.csv is
// exactly the lists. Creates DIR; throws runtime_error when it cannot write.
WrittenFiles write_simulation(const Simulation& simulation, const std::filesystem::path& dir);

// One record as a CSV row of the interchange columns (RFC 4180 quoting),
// without the line break.
std::string record_csv_row(const Record& record);
// The same row appended to ROW (no string of its own: for writing lists).
// KOREAN_SEX writes sex as 남/여 (an organization whose writing.sex_style is
// "korean") instead of M/F.
void append_record_csv_row(std::string& row, const Record& record, bool korean_sex = false);
// The header row that goes with record_csv_row.
std::string record_csv_header();

}  // namespace uncounted::simulate
