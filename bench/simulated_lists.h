#pragma once
// Simulated lists for the linkage benchmarks: the scenario of FILE (default
// bench/scenarios/camps.json) at PEOPLE people and the name concentration
// NAMES, every list's blank names, sexes, birth years and origins scaled by
// MISSINGNESS (1: the scenario's own), simulated with SEED and read into one
// link::Table with the truth column. Throws uncounted::Error on a bad
// scenario or name concentration.

#include <cstdint>
#include <string>

#include "link/table.h"

namespace uncounted::bench {

struct SimulatedListsOptions {
  int people = 0;
  std::string names = "realistic";  // diverse, realistic, extreme
  std::uint64_t seed = 1;
  double missingness = 1;
  std::string scenario_file;  // empty: bench/scenarios/camps.json
};

link::Table simulated_lists(const SimulatedListsOptions& options);

// Reads the option at ARGV[K] if it is one of the lists' own (--people N,
// --seed S, --names C, --scenario FILE, --missingness S), moving K past
// its value; false (K unchanged) otherwise.
bool read_lists_option(int argc, char** argv, int& k, SimulatedListsOptions& options);

// simulated_lists into TABLE; false, with one line on standard error, when
// the scenario or the name concentration is refused.
bool load_simulated_lists(const SimulatedListsOptions& options, link::Table& table);

}  // namespace uncounted::bench
