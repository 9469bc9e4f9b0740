// Linkage benchmark: simulated lists of four organizations (about 100,000
// and 1,000,000 records by default), linked end to end with the default
// model (default_settings(), the one `uncounted link` uses with no
// settings); prints wall time per stage, candidate pairs per blocking rule,
// pairs compared per second, accuracy against the simulated truth and peak
// memory. With --syn100k also links the shared synthetic_100k A x B set
// (fastLink: 283 s); the files are gunzipped to /tmp first.
//
//   link_bench [--syn100k] [--settings FILE] [RECORDS...]
//
// --settings links the simulated lists with another model (a settings
// document; what it leaves out takes the default model's values).

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "link/accuracy.h"
#include "link/input_files.h"
#include "link/linker.h"
#include "link/settings.h"
#include "link/table.h"
#include "peak_memory.h"
#include "simulate/scenario.h"
#include "simulate/simulation.h"

namespace {

using namespace uncounted::link;

// RECORDS records, about, of simulated lists (`uncounted simulate`'s
// built-in scenario: four organizations, names in Hangul, DPRK and South
// Korean romanizations and press spellings, fuzzy years and dates, place
// aliases), scaled by population size; truth = the simulated person.
Table simulated_lists(std::size_t records, std::uint64_t seed) {
  // The built-in scenario writes about 4.28 records per person in its
  // hidden population (171,278 for 40,000 with seed 7).
  uncounted::simulate::Scenario scenario = uncounted::simulate::default_scenario();
  scenario.population.size = static_cast<int>(static_cast<double>(records) / 4.28 + 0.5);
  const uncounted::simulate::Simulation sim = uncounted::simulate::run_simulation(scenario, seed);
  std::vector<uncounted::Record> all;
  for (const auto& list : sim.lists) all.insert(all.end(), list.begin(), list.end());
  return table_from_records(all);
}

void report(const char* name, const Linker& linker, double wall) {
  const LinkResult& r = linker.result();
  const Table& t = linker.table();
  std::vector<std::string_view> truth(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) truth[i] = t.truth[i];
  const Accuracy a = measure_accuracy(truth, t.source, r.settings.link_type, r.clusters.entity,
                                      r.pairs, r.settings.threshold);
  const StageSeconds& s = r.seconds;
  std::printf("%s: %zu records, %llu candidate pairs, %zu entities\n", name, t.size(),
              static_cast<unsigned long long>(r.candidate_pairs), r.clusters.entities);
  std::printf(
      "  seconds: preparing %.2f, blocking %.2f, comparing %.2f, u+EM %.2f, predicting %.2f, "
      "clustering %.2f; linkage total %.2f, wall with input %.2f\n",
      s.preparing, s.blocking, s.comparing, s.estimating_u_and_em, s.predicting, s.clustering,
      s.total(), wall);
  for (const RuleCount& rule : r.rules) {
    std::printf("  rule %s: %llu pairs, %llu new, largest block %llu\n", rule.rule.c_str(),
                static_cast<unsigned long long>(rule.pairs),
                static_cast<unsigned long long>(rule.new_pairs),
                static_cast<unsigned long long>(rule.largest_block));
  }
  std::printf("  pairs compared per second: %.3g\n",
              s.comparing > 0 ? static_cast<double>(r.candidate_pairs) / s.comparing : 0.0);
  std::printf("  links: P %.5f R %.5f F1 %.5f; clusters: P %.5f R %.5f F1 %.5f\n",
              a.links.precision(), a.links.recall(), a.links.f1(), a.clusters.precision(),
              a.clusters.recall(), a.clusters.f1());
  std::printf("  peak memory %.0f MiB\n", uncounted::bench::peak_memory_mib());
  for (const std::string& w : r.warnings) std::printf("  warning: %s\n", w.c_str());
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::size_t> sizes;
  bool syn100k = false;
  std::string settings_file;
  for (int k = 1; k < argc; ++k) {
    if (std::string(argv[k]) == "--syn100k")
      syn100k = true;
    else if (std::string(argv[k]) == "--settings" && k + 1 < argc)
      settings_file = argv[++k];
    else if (const std::string arg = argv[k];
             !arg.empty() && arg.find_first_not_of("0123456789") == std::string::npos &&
             arg.size() < 10)
      sizes.push_back(std::stoull(arg));
    else {
      std::fprintf(stderr,
                   "usage: link_bench [RECORDS...] [--syn100k] [--settings FILE]\n"
                   "  RECORDS: sizes to simulate and link (default 100000 1000000)\n");
      return arg == "--help" || arg == "-h" ? 0 : 2;
    }
  }
  if (sizes.empty() && !syn100k) sizes = {100000, 1000000};
  for (std::size_t n : sizes) {
    const auto start = std::chrono::steady_clock::now();
    Table table = simulated_lists(n, 20261124);
    const double simulating =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    Linker linker(std::move(table),
                  settings_file.empty() ? default_settings() : read_settings_file(settings_file));
    linker.run();
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("simulating %.2f s\n", simulating);
    report(("simulated " + std::to_string(n)).c_str(), linker, wall);
  }
  if (syn100k) {
    const std::string dir = std::string(UNCOUNTED_SHARED_DIR) + "/data/linkage/synthetic_100k/";
    for (const char* f : {"A", "B"}) {
      const std::string cmd =
          "gunzip -c " + dir + "syn100k_" + f + ".csv.gz > /tmp/syn100k_" + f + ".csv";
      if (std::system(cmd.c_str()) != 0) return 1;
    }
    const auto start = std::chrono::steady_clock::now();
    const Settings settings = read_settings_file(std::string(UNCOUNTED_SOURCE_DIR) +
                                                 "/docs/settings/synthetic_100k.json");
    Linker linker(read_input_files({"/tmp/syn100k_A.csv", "/tmp/syn100k_B.csv"}, settings),
                  settings);
    linker.run();
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    report("synthetic_100k A x B", linker, wall);
  }
  return 0;
}
