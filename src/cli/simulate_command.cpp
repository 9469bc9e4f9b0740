// `uncounted simulate --seed S --out DIR [--scenario FILE.json]`: synthetic
// lists from several organizations about a hidden population, with the
// truth beside them (src/simulate, docs/simulate.md).

#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/number_checks.h"
#include "cli/progress.h"
#include "io/json_depth.h"
#include "model/error.h"
#include "simulate/simulation.h"

namespace uncounted::cli {
namespace {

struct SimulateArgs {
  std::uint64_t seed = 1;
  std::string out;
  std::string scenario;
  int people = 0;
  std::string names;
  bool print_scenario = false;
};

simulate::Scenario load_scenario(const std::string& path) {
  if (path.empty()) return simulate::default_scenario();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw runtime_error("cannot open the scenario file", path);
  nlohmann::json document;
  try {
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (io::json_nested_deeper_than(text)) {
      throw invalid_input("the scenario is nested too deeply", path);
    }
    document = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw invalid_input("the scenario is not valid JSON (byte " + std::to_string(e.byte) + ")",
                        path);
  }
  return simulate::parse_scenario(document, path);
}

void run(const SimulateArgs& a, const GlobalOptions& global) {
  if (a.print_scenario) {
    std::cout << simulate::default_scenario_text();
    return;
  }
  if (a.out.empty()) throw usage_error("--out DIR is required", "simulate");
  simulate::Scenario scenario = load_scenario(a.scenario);
  if (a.people > 0) scenario.population.size = a.people;
  if (!a.names.empty() && !simulate::parse_name_concentration(a.names, scenario.population.names)) {
    throw usage_error("--names must be diverse, realistic or extreme", "--names");
  }
  Progress progress("simulate");
  const simulate::Simulation sim = simulate::run_simulation(
      scenario, a.seed,
      [&progress](std::size_t done, std::size_t total) { progress.update(done, total); });
  const simulate::WrittenFiles files = simulate::write_simulation(sim, a.out);
  std::size_t records = 0;
  for (const auto& list : sim.lists) records += list.size();
  if (global.json) {
    nlohmann::ordered_json j;
    j["scenario"] = scenario.name;
    j["seed"] = a.seed;
    j["names"] = simulate::to_string(scenario.population.names);
    j["people"] = sim.people.size();
    j["records"] = records;
    nlohmann::ordered_json lists = nlohmann::ordered_json::array();
    for (std::size_t o = 0; o < files.lists.size(); ++o)
      lists.push_back({{"source", scenario.organizations[o].code},
                       {"records", sim.lists[o].size()},
                       {"file", files.lists[o].string()}});
    j["lists"] = lists;
    j["truth"] = files.truth_json.string();
    j["truth_csv"] = files.truth_csv.string();
    j["captures"] = files.captures_csv.string();
    std::cout << j.dump(2) << "\n";
  } else {
    std::cout << "Simulated " << sim.people.size() << " people; " << records << " records in "
              << files.lists.size() << " lists:\n";
    for (std::size_t o = 0; o < files.lists.size(); ++o)
      std::cout << "  " << files.lists[o].string() << "  (" << sim.lists[o].size() << " records)\n";
    std::cout << "Truth: " << files.truth_json.string() << ", " << files.truth_csv.string()
              << "; true capture table: " << files.captures_csv.string() << "\n";
  }
}

void add_simulate(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<SimulateArgs>();
  auto* cmd = app.add_subcommand(
      "simulate", "Write synthetic lists from several organizations, with the ground truth");
  cmd->add_option("--seed", args->seed, "Random seed (same seed and scenario, same files)")
      ->capture_default_str()
      ->check(seed_check());
  cmd->add_option("--out", args->out,
                  "Folder for the lists (DIR/*.csv) and the truth (DIR/truth/)");
  cmd->add_option("--scenario", args->scenario,
                  "Scenario (JSON, see docs/simulate.md); default: the built-in one");
  cmd->add_option("--people", args->people,
                  "Override the scenario's population size (a quick way to scale)")
      ->check(CLI::Range(1, 2'000'000));
  cmd->add_option("--names", args->names,
                  "Override how concentrated given names are: diverse, realistic or extreme "
                  "(docs/simulate.md)");
  cmd->add_flag("--print-scenario", args->print_scenario,
                "Print the built-in scenario (a starting point for your own) and exit");
  cmd->callback([args, &global] { run(*args, global); });
}

const CommandRegistration simulate_registration("simulate", add_simulate);

}  // namespace
}  // namespace uncounted::cli
