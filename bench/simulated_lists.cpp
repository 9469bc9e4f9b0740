#include "simulated_lists.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <vector>

#include "model/error.h"
#include "simulate/scenario.h"
#include "simulate/simulation.h"

namespace uncounted::bench {

link::Table simulated_lists(const SimulatedListsOptions& options) {
  const std::string file = options.scenario_file.empty()
                               ? std::string(UNCOUNTED_SOURCE_DIR) + "/bench/scenarios/camps.json"
                               : options.scenario_file;
  std::ifstream in(file);
  if (!in) throw invalid_input("cannot open the scenario", file);
  simulate::Scenario scenario = simulate::parse_scenario(nlohmann::json::parse(in), file);
  scenario.population.size = options.people;
  if (!simulate::parse_name_concentration(options.names, scenario.population.names)) {
    throw invalid_input("diverse, realistic or extreme", "--names");
  }
  for (auto& org : scenario.organizations) {
    org.writing.missing_name *= options.missingness;
    org.writing.missing_sex *= options.missingness;
    org.writing.missing_birth_year *= options.missingness;
    org.writing.missing_origin *= options.missingness;
  }
  const simulate::Simulation sim = simulate::run_simulation(scenario, options.seed);
  std::vector<Record> all;
  for (const auto& list : sim.lists) all.insert(all.end(), list.begin(), list.end());
  return link::table_from_records(all);
}

bool read_lists_option(int argc, char** argv, int& k, SimulatedListsOptions& options) {
  if (k + 1 >= argc) return false;
  const std::string a = argv[k];
  const char* value = argv[k + 1];
  if (a == "--people") {
    options.people = std::atoi(value);
  } else if (a == "--seed") {
    options.seed = std::strtoull(value, nullptr, 10);
  } else if (a == "--names") {
    options.names = value;
  } else if (a == "--scenario") {
    options.scenario_file = value;
  } else if (a == "--missingness") {
    options.missingness = std::atof(value);
  } else {
    return false;
  }
  ++k;
  return true;
}

bool load_simulated_lists(const SimulatedListsOptions& options, link::Table& table) {
  try {
    table = simulated_lists(options);
    return true;
  } catch (const Error& e) {
    std::fprintf(stderr, "%s: %s\n", e.where().c_str(), e.what());
    return false;
  }
}

}  // namespace uncounted::bench
