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

}  // namespace uncounted::bench
