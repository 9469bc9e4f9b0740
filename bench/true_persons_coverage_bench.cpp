// Coverage of the estimators on the true persons: simulate, then estimate
// from the capture histories the simulator knows (no linkage), for everyone
// and for each camp, while the scenario's sources of list dependence move.
// It tells which assumption of the simulated world an estimator's bias
// comes from, apart from any linkage error. docs/estimation.md ("Why the
// camps are low") reports the figures.
//
//   true_persons_coverage_bench [--people N] [--replicates R] [--first-seed S]
//                               [--heterogeneity SD] [--shared RHO]
//                               [--referral-odds OR] [--capture-times F]
//
// The scenario is bench/scenarios/camps.json (four organizations, sparse
// lists) with --people people (default 200,000). The knobs replace the
// scenario's values: the person effect's standard deviation on the logit
// scale (every organization's, 0 = everyone equally easy to reach), the
// share of it all organizations see alike, every referral's odds ratio
// (1 = no referrals), and each organization's capture probability is
// multiplied by F (capped at 0.95). One line per replicate on standard
// error; a Markdown table of coverage of the 95% interval, median width and
// median relative error on standard output, for everyone (the population)
// and the camps (each camp against its true total).

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "coverage_tally.h"
#include "estimate/population_estimate.h"
#include "peak_memory.h"
#include "simulate/scenario.h"
#include "simulate/simulation.h"

namespace {

using namespace uncounted;

using bench::Interval;
using bench::intervals;
using bench::Tally;

// One stratum's capture table from pattern counts (COUNTS[0], the never
// documented, is dropped).
estimate::CaptureTable table_of(const std::vector<std::string>& lists,
                                std::vector<std::int64_t> counts) {
  counts[0] = 0;
  estimate::CaptureTable t;
  t.lists = lists;
  estimate::Stratum s;
  s.counts = std::move(counts);
  t.strata.push_back(std::move(s));
  return t;
}

// Each camp's capture patterns split by how many organizations documented
// the person's other events (0..lists): [camp][v][pattern].
std::vector<std::vector<std::vector<std::int64_t>>> camps_by_other_events(
    const simulate::Simulation& sim, std::size_t lists) {
  const auto& estimation = sim.scenario.estimation;
  std::vector<std::vector<std::vector<std::int64_t>>> out(
      sim.strata.size(), std::vector<std::vector<std::int64_t>>(
                             lists + 1, std::vector<std::int64_t>(std::size_t{1} << lists, 0)));
  for (std::size_t i = 0; i < sim.people.size(); ++i) {
    const auto& events = sim.people[i].events;
    for (std::size_t c = 0; c < sim.strata.size(); ++c) {
      const std::string& camp = sim.strata[c].key.front().second;
      auto in_camp = [&](std::size_t e) {
        return events[e].place_id == camp &&
               std::find(estimation.events.begin(), estimation.events.end(), events[e].code) !=
                   estimation.events.end();
      };
      bool held = false;
      for (std::size_t e = 0; e < events.size(); ++e) held = held || in_camp(e);
      if (!held) continue;
      std::uint32_t pattern = 0;
      std::size_t v = 0;
      for (std::size_t o = 0; o < lists; ++o) {
        bool other = false;
        for (int e : sim.documented[o][i]) {
          if (in_camp(static_cast<std::size_t>(e)))
            pattern |= 1u << o;
          else
            other = true;
        }
        v += other;
      }
      ++out[c][v][pattern];
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int people = 200000, replicates = 20;
  std::uint64_t first_seed = 1;
  double heterogeneity = NAN, shared = NAN, referral_odds = NAN, capture_times = 1;
  for (int k = 1; k < argc; ++k) {
    const std::string a = argv[k];
    const bool has_value = k + 1 < argc;
    if (a == "--people" && has_value) {
      people = std::atoi(argv[++k]);
    } else if (a == "--replicates" && has_value) {
      replicates = std::atoi(argv[++k]);
    } else if (a == "--first-seed" && has_value) {
      first_seed = std::strtoull(argv[++k], nullptr, 10);
    } else if (a == "--heterogeneity" && has_value) {
      heterogeneity = std::atof(argv[++k]);
    } else if (a == "--shared" && has_value) {
      shared = std::atof(argv[++k]);
    } else if (a == "--referral-odds" && has_value) {
      referral_odds = std::atof(argv[++k]);
    } else if (a == "--capture-times" && has_value) {
      capture_times = std::atof(argv[++k]);
    } else {
      std::fprintf(stderr,
                   "usage: true_persons_coverage_bench [--people N] [--replicates R] "
                   "[--first-seed S] [--heterogeneity SD] [--shared RHO] "
                   "[--referral-odds OR] [--capture-times F]\n");
      return 2;
    }
  }
  if (people <= 0 || replicates <= 0 || !(capture_times > 0)) {
    std::fprintf(stderr, "--people, --replicates and --capture-times must be positive\n");
    return 2;
  }
  const std::string file = std::string(UNCOUNTED_SOURCE_DIR) + "/bench/scenarios/camps.json";
  std::ifstream in(file);
  simulate::Scenario scenario = simulate::parse_scenario(nlohmann::json::parse(in), file);
  scenario.population.size = people;
  if (!std::isnan(heterogeneity)) {
    scenario.heterogeneity = heterogeneity;
    for (auto& o : scenario.organizations) o.heterogeneity = -1;  // the scenario's, for all
  }
  if (!std::isnan(shared)) scenario.shared_heterogeneity = shared;
  for (auto& o : scenario.organizations) {
    if (!std::isnan(referral_odds))
      for (auto& r : o.referrals) r.odds_ratio = referral_odds;
    o.capture = std::min(0.95, o.capture * capture_times);
  }
  std::vector<std::string> lists;
  for (const auto& o : scenario.organizations) lists.push_back(o.code);

  estimate::EstimateOptions options;
  options.method = estimate::Method::kAll;
  options.lcmcr.chains = 2;
  options.lcmcr.burn_in = 3000;
  options.lcmcr.iterations = 10000;

  std::map<std::string, std::map<std::string, Tally>> tallies;  // kind -> method
  std::map<std::string, std::vector<double>> documented;        // kind -> share documented
  const auto start = std::chrono::steady_clock::now();
  for (int rep = 0; rep < replicates; ++rep) {
    const std::uint64_t seed = first_seed + static_cast<std::uint64_t>(rep);
    const simulate::Simulation sim = simulate::run_simulation(scenario, seed);
    options.lcmcr.seed = seed;
    // Everyone: organization o saw person i when it documented any event.
    std::vector<std::int64_t> counts(std::size_t{1} << lists.size(), 0);
    for (std::size_t i = 0; i < sim.people.size(); ++i) {
      std::uint32_t pattern = 0;
      for (std::size_t o = 0; o < lists.size(); ++o)
        if (!sim.documented[o][i].empty()) pattern |= 1u << o;
      ++counts[pattern];
    }
    std::vector<std::pair<std::string, estimate::CaptureTable>> tables;
    std::vector<double> truths;
    tables.emplace_back("everyone", table_of(lists, counts));
    truths.push_back(people);
    for (const simulate::TrueStratum& s : sim.strata) {
      tables.emplace_back("camps", table_of(lists, s.counts));
      truths.push_back(static_cast<double>(s.total));
    }
    std::fprintf(stderr, "seed %llu", static_cast<unsigned long long>(seed));
    for (std::size_t t = 0; t < tables.size(); ++t) {
      const auto& [kind, table] = tables[t];
      documented[kind].push_back(static_cast<double>(table.strata[0].observed()) / truths[t]);
      try {
        const auto e = estimate::estimate_population(table, options);
        for (const auto& [method, i] : intervals(e[0])) {
          tallies[kind][method].add(i, truths[t]);
          if (method == "lcmcr")
            std::fprintf(stderr, "  %s %.0f [%.0f-%.0f] of %.0f", kind.c_str(), i.N, i.lower,
                         i.upper, truths[t]);
        }
      } catch (const std::exception& e) {
        std::fprintf(stderr, "  %s: %s", kind.c_str(), e.what());
      }
    }
    // The camps again, each split by how many organizations documented
    // the person's other events: people seen elsewhere by several lists are
    // the easy to reach, so within a split capture is less unequal. The
    // splits' estimates are added; their intervals combined as normal.
    const auto split = camps_by_other_events(sim, lists.size());
    for (std::size_t c = 0; c < split.size(); ++c) {
      std::map<std::string, Interval> sum;
      std::map<std::string, double> below, above;
      bool failed = false;
      for (const auto& counts : split[c]) {
        bool any = false;
        for (std::size_t k = 1; k < counts.size(); ++k) any = any || counts[k] > 0;
        if (!any) continue;
        try {
          const auto e = estimate::estimate_population(table_of(lists, counts), options);
          for (const auto& [method, i] : intervals(e[0])) {
            Interval& t = sum.try_emplace(method, Interval{0, 0, 0}).first->second;
            t.N += i.N;
            below[method] += (i.N - i.lower) * (i.N - i.lower);
            above[method] += (i.upper - i.N) * (i.upper - i.N);
          }
        } catch (const std::exception&) {
          failed = true;
        }
      }
      if (failed) continue;
      for (auto& [method, t] : sum) {
        t.lower = t.N - std::sqrt(below[method]);
        t.upper = t.N + std::sqrt(above[method]);
        tallies["camps, split by other events"][method].add(t, truths[c + 1]);
      }
    }
    std::fprintf(stderr, "\n");
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "%d replicates of %d people (heterogeneity %.2f, shared %.2f, referral odds %s, capture "
      "x%g); "
      "%.0f s, peak %.0f MiB. Share documented: everyone %.3f, camps %.3f (medians).\n\n",
      replicates, people, scenario.heterogeneity, scenario.shared_heterogeneity,
      std::isnan(referral_odds) ? "as the scenario" : std::to_string(referral_odds).c_str(),
      capture_times, seconds, bench::peak_memory_mib(), Tally::median(documented["everyone"]),
      Tally::median(documented["camps"]));
  std::printf(
      "| stratum | method | coverage of 95%% | median width / N | median error |\n"
      "| --- | --- | --- | --- | --- |\n");
  for (const char* kind : {"everyone", "camps", "camps, split by other events"}) {
    for (const auto& [method, t] : tallies[kind]) {
      std::printf("| %s | %s | %d/%d = %.2f | %.3f | %+.3f |\n", kind, method.c_str(), t.covered,
                  t.runs, static_cast<double>(t.covered) / std::max(1, t.runs),
                  Tally::median(t.widths), Tally::median(t.errors));
    }
  }
  return 0;
}
