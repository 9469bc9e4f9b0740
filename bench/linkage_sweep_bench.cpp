// Linkage across scale and name concentration, checked against the truth
// the simulator knows: one configuration per run (so that peak memory is
// the run's own), one Markdown row on standard output. bench/linkage_sweep.sh
// runs the sweep of docs/linkage.md ("Linkage at scale").
//
//   linkage_sweep_bench --people N [--names diverse|realistic|extreme]
//                       [--seed S] [--scenario FILE] [--header]
//
// The scenario defaults to bench/scenarios/camps.json (the built-in four
// organizations with sparse lists: about 1.6 records per person, 71% of
// people documented). Per run: simulate; link with the default model (as
// `uncounted link` does); pairwise P/R/F1 of the links, cluster P/R/F1,
// entities found and true; the model's own expected precision and recall;
// the calibration error of the scored pairs; LCMCR (4 lists, 2 chains) on the
// capture histories of uncounted's persons and of the true persons, against
// the true population size; seconds and peak memory.

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "estimate/lcmcr.h"
#include "link/accuracy.h"
#include "link/linker.h"
#include "link/settings.h"
#include "link/table.h"
#include "peak_memory.h"
#include "simulate/given_names.h"
#include "simulate/scenario.h"
#include "simulate/simulation.h"

namespace {

using namespace uncounted;

// Capture-history counts (2^lists entries) of the persons ENTITY assigns
// to each record, lists being the table's sources.
std::vector<std::int64_t> capture_counts(const link::Table& table,
                                         const std::vector<std::uint32_t>& entity,
                                         std::size_t entities) {
  const std::size_t lists = table.source_names.size();
  std::vector<std::uint32_t> history(entities, 0);
  for (std::size_t r = 0; r < table.size(); ++r) history[entity[r]] |= 1u << table.source[r];
  std::vector<std::int64_t> counts(std::size_t{1} << lists, 0);
  for (std::uint32_t h : history) ++counts[h];
  counts[0] = 0;
  return counts;
}

estimate::LcmcrResult lcmcr(const std::vector<std::int64_t>& counts, int lists,
                            std::uint64_t seed) {
  estimate::LcmcrOptions o;
  o.chains = 2;
  o.iterations = 20000;
  o.burn_in = 5000;
  o.seed = seed;
  return estimate::run_lcmcr(counts, lists, o);
}

}  // namespace

int main(int argc, char** argv) {
  int people = 0;
  std::uint64_t seed = 1;
  std::string names = "realistic";
  std::string scenario_file = std::string(UNCOUNTED_SOURCE_DIR) + "/bench/scenarios/camps.json";
  bool header = false;
  for (int k = 1; k < argc; ++k) {
    const std::string a = argv[k];
    if (a == "--people" && k + 1 < argc) {
      people = std::atoi(argv[++k]);
    } else if (a == "--seed" && k + 1 < argc) {
      seed = std::strtoull(argv[++k], nullptr, 10);
    } else if (a == "--names" && k + 1 < argc) {
      names = argv[++k];
    } else if (a == "--scenario" && k + 1 < argc) {
      scenario_file = argv[++k];
    } else if (a == "--header") {
      header = true;
    } else {
      std::fprintf(stderr,
                   "usage: linkage_sweep_bench --people N [--names diverse|realistic|extreme] "
                   "[--seed S] [--scenario FILE] [--header]\n");
      return 2;
    }
  }
  if (header) {
    std::printf(
        "| people | names | seed | records | pairwise P / R / F1 | cluster P / R / F1 | "
        "expected P / R | calibration error | entities found / true | LCMCR on own links | "
        "LCMCR on true links | true N | link s | peak MiB |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    if (people == 0) return 0;
  }
  if (people <= 0) {
    std::fprintf(stderr, "--people N is required\n");
    return 2;
  }
  std::ifstream in(scenario_file);
  if (!in) {
    std::fprintf(stderr, "cannot open %s\n", scenario_file.c_str());
    return 2;
  }
  simulate::Scenario scenario = simulate::parse_scenario(nlohmann::json::parse(in), scenario_file);
  scenario.population.size = people;
  if (!simulate::parse_name_concentration(names, scenario.population.names)) {
    std::fprintf(stderr, "--names: diverse, realistic or extreme\n");
    return 2;
  }
  const simulate::Simulation sim = simulate::run_simulation(scenario, seed);
  std::vector<Record> all;
  for (const auto& list : sim.lists) all.insert(all.end(), list.begin(), list.end());
  link::Table table = link::table_from_records(all);
  std::vector<Record>().swap(all);

  const auto start = std::chrono::steady_clock::now();
  link::Linker linker(std::move(table), link::default_settings());
  const link::LinkResult& r = linker.run();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double peak = bench::peak_memory_mib();

  const link::Table& t = linker.table();
  std::vector<std::string_view> truth(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) truth[i] = t.truth[i];
  const link::Accuracy a = link::measure_accuracy(truth, t.source, r.settings.link_type,
                                                  r.clusters.entity, r.pairs, r.settings.threshold);
  std::map<std::string_view, std::uint32_t> person;
  std::vector<std::uint32_t> true_entity(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) {
    true_entity[i] =
        person.emplace(truth[i], static_cast<std::uint32_t>(person.size())).first->second;
  }
  const int lists = static_cast<int>(t.source_names.size());
  const estimate::LcmcrResult own =
      lcmcr(capture_counts(t, r.clusters.entity, r.clusters.entities), lists, seed);
  const estimate::LcmcrResult ideal =
      lcmcr(capture_counts(t, true_entity, person.size()), lists, seed);
  auto covers = [&](const estimate::LcmcrResult& e) {
    return e.lower <= people && people <= e.upper ? "covers" : "misses";
  };
  std::printf(
      "| %d | %s | %llu | %zu | %.3f / %.3f / %.3f | %.3f / %.3f / %.3f | %.3f / %.3f | %.3f | "
      "%zu / %zu | %.0f [%.0f - %.0f] %s | %.0f [%.0f - %.0f] %s | %d | %.1f | %.0f |\n",
      people, names.c_str(), static_cast<unsigned long long>(seed), t.size(), a.links.precision(),
      a.links.recall(), a.links.f1(), a.clusters.precision(), a.clusters.recall(), a.clusters.f1(),
      r.expected.precision, r.expected.recall, a.calibration_error, r.clusters.entities,
      person.size(), own.median, own.lower, own.upper, covers(own), ideal.median, ideal.lower,
      ideal.upper, covers(ideal), people, seconds, peak);
  return 0;
}
