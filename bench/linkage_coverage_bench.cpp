// End-to-end coverage study: simulate -> link -> estimate, with and without
// the linkage's uncertainty carried into the estimate (estimates pooled
// over plausible linkages, pipeline/linkage_draws.h), against the true
// population size the simulator knows. docs/estimation.md ("Linkage
// uncertainty in the estimate") reports the figures.
//
//   linkage_coverage_bench --setting small|dependent|camps200k
//                          [--replicates R] [--first-seed S] [--draws M]
//                          [--people N]
//
// Settings (bench/scenarios/camps.json: four organizations, sparse lists,
// realistic Korean names):
//   small      3,000 people;
//   dependent  3,000 people, every referral's odds ratio times 4 and the
//              person effect shared by all organizations (strong positive
//              dependence between lists);
//   camps200k  200,000 people.
// Per replicate (seed = first seed + index): the estimates of everyone (no
// strata) by log-linear, LCMCR and dga on (a) the persons as linked, (b)
// pooled over M plausible linkages, (c) the true persons. One line per
// replicate on standard error; a Markdown table of coverage of the 95%
// interval, median width and median relative error on standard output.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "coverage_tally.h"
#include "estimate/linkage_pooling.h"
#include "estimate/population_estimate.h"
#include "link/linker.h"
#include "link/settings.h"
#include "link/table.h"
#include "peak_memory.h"
#include "pipeline/linkage_draws.h"
#include "pipeline/store_estimation.h"
#include "places/event_place.h"
#include "simulate/given_names.h"
#include "simulate/scenario.h"
#include "simulate/simulation.h"

namespace {

using namespace uncounted;

// KEEP, when given, says which records count (the others are left out).
estimate::CaptureTable capture_table(const link::Table& table,
                                     const std::vector<std::uint32_t>& entity,
                                     const std::vector<bool>& keep = {}) {
  const std::size_t lists = table.source_names.size();
  std::uint32_t entities = 0;
  for (std::uint32_t e : entity) entities = std::max(entities, e + 1);
  std::vector<std::uint32_t> history(entities, 0);
  for (std::size_t r = 0; r < table.size(); ++r)
    if (keep.empty() || keep[r]) history[entity[r]] |= 1u << table.source[r];
  estimate::CaptureTable t;
  t.lists = table.source_names;
  estimate::Stratum s;
  s.counts.assign(std::size_t{1} << lists, 0);
  for (std::uint32_t h : history)
    if (h != 0) ++s.counts[h];
  t.strata.push_back(std::move(s));
  return t;
}

// The camps' capture tables: records of a camp detention whose place reads
// (with the event's kind, as the store does) as the stratum's camp.
std::vector<estimate::CaptureTable> camp_tables(const simulate::Simulation& sim,
                                                const std::vector<Record>& all,
                                                const link::Table& table,
                                                const std::vector<std::uint32_t>& entity,
                                                const std::vector<bool>& keep) {
  std::vector<estimate::CaptureTable> out;
  for (const simulate::TrueStratum& stratum : sim.strata) {
    const std::string& camp = stratum.key.front().second;
    std::vector<bool> in(all.size(), false);
    for (std::size_t r = 0; r < all.size(); ++r) {
      if (all[r].event != "detention_kwanliso" || !all[r].event_place) continue;
      const places::PlaceMatch m = places::lookup_for_event(*all[r].event_place, all[r].event);
      in[r] = m.place != nullptr && m.place->id == camp && (keep.empty() || keep[r]);
    }
    out.push_back(capture_table(table, entity, in));
  }
  return out;
}

using bench::Interval;
using bench::intervals;
using bench::Tally;

}  // namespace

int main(int argc, char** argv) {
  std::string setting = "small";
  int replicates = 100, draws = 10, people = 0;
  std::uint64_t first_seed = 1;
  for (int k = 1; k < argc; ++k) {
    const std::string a = argv[k];
    if (a == "--setting" && k + 1 < argc) {
      setting = argv[++k];
    } else if (a == "--replicates" && k + 1 < argc) {
      replicates = std::atoi(argv[++k]);
    } else if (a == "--first-seed" && k + 1 < argc) {
      first_seed = std::strtoull(argv[++k], nullptr, 10);
    } else if (a == "--draws" && k + 1 < argc) {
      draws = std::atoi(argv[++k]);
    } else if (a == "--people" && k + 1 < argc) {
      people = std::atoi(argv[++k]);
    } else {
      std::fprintf(stderr,
                   "usage: linkage_coverage_bench --setting small|dependent|camps200k "
                   "[--replicates R] [--first-seed S] [--draws M] [--people N]\n");
      return 2;
    }
  }
  const std::string file = std::string(UNCOUNTED_SOURCE_DIR) + "/bench/scenarios/camps.json";
  std::ifstream in(file);
  simulate::Scenario scenario = simulate::parse_scenario(nlohmann::json::parse(in), file);
  if (setting == "small") {
    scenario.population.size = 3000;
  } else if (setting == "dependent") {
    scenario.population.size = 3000;
    scenario.shared_heterogeneity = 1.0;
    for (auto& o : scenario.organizations)
      for (auto& r : o.referrals) r.odds_ratio *= 4;
  } else if (setting == "camps200k") {
    scenario.population.size = 200000;
  } else {
    std::fprintf(stderr, "--setting: small, dependent or camps200k\n");
    return 2;
  }
  if (people > 0) scenario.population.size = people;
  const double truth = scenario.population.size;

  estimate::EstimateOptions options;
  options.method = estimate::Method::kAll;
  options.lcmcr.chains = 2;
  options.lcmcr.burn_in = 3000;
  options.lcmcr.iterations = 10000;
  estimate::EstimateOptions each = options;
  each.lcmcr.iterations = std::max<std::int64_t>(2000, options.lcmcr.iterations / draws);

  std::map<std::string, std::map<std::string, Tally>> tallies;  // kind -> method
  std::vector<double> shares;
  int default_named = 0, default_identified = 0;  // what auto chose, per replicate
  const auto start = std::chrono::steady_clock::now();
  for (int rep = 0; rep < replicates; ++rep) {
    const std::uint64_t seed = first_seed + static_cast<std::uint64_t>(rep);
    const simulate::Simulation sim = simulate::run_simulation(scenario, seed);
    std::vector<Record> all;
    for (const auto& list : sim.lists) all.insert(all.end(), list.begin(), list.end());
    link::Linker linker(link::table_from_records(all), link::default_settings());
    const link::LinkResult& result = linker.run();
    const link::Table& table = linker.table();

    std::map<std::string_view, std::uint32_t> person;
    std::vector<std::uint32_t> true_entity(table.size());
    for (std::size_t i = 0; i < table.size(); ++i)
      true_entity[i] =
          person.emplace(table.truth[i], static_cast<std::uint32_t>(person.size())).first->second;

    options.lcmcr.seed = seed;
    const auto own =
        estimate::estimate_population(capture_table(table, result.clusters.entity), options);
    const auto ideal = estimate::estimate_population(capture_table(table, true_entity), options);
    std::vector<bool> named(table.size());
    for (std::size_t r = 0; r < table.size(); ++r) named[r] = all[r].name.has_value();
    // Identified records: a name, a birth year and an origin as the list
    // wrote them (no fallback). Leaving the rest out thins each list
    // record by record, which leaves the population size the same, and
    // keeps only records whose pairs the linkage can tell apart.
    std::vector<bool> identified(table.size());
    for (std::size_t r = 0; r < table.size(); ++r)
      identified[r] = all[r].name && all[r].birth_year && all[r].origin;
    const auto own_named =
        estimate::estimate_population(capture_table(table, result.clusters.entity, named), options);
    const auto own_identified = estimate::estimate_population(
        capture_table(table, result.clusters.entity, identified), options);
    const auto ideal_identified =
        estimate::estimate_population(capture_table(table, true_entity, identified), options);
    const auto ideal_named =
        estimate::estimate_population(capture_table(table, true_entity, named), options);
    // The camps: each camp's estimate against its true total.
    using CampKind = std::tuple<const char*, const std::vector<std::uint32_t>*, std::vector<bool>>;
    for (const auto& [kind, entity, keep] :
         {CampKind{"camps: linked", &result.clusters.entity, {}},
          CampKind{"camps: linked, named records", &result.clusters.entity, named},
          CampKind{"camps: linked, identified records", &result.clusters.entity, identified},
          CampKind{"camps: true links", &true_entity, {}}}) {
      const auto tables = camp_tables(sim, all, table, *entity, keep);
      for (std::size_t c = 0; c < tables.size(); ++c) {
        try {
          const auto e = estimate::estimate_population(tables[c], options);
          for (const auto& [method, i] : intervals(e[0]))
            tallies[kind][method].add(i, static_cast<double>(sim.strata[c].total));
        } catch (const std::exception&) {
          // a camp with no overlap in this replicate: nothing to tally
        }
      }
    }
    const pipeline::PlausibleLinkages linkages(all, result);
    // Pooled over plausible linkages: with every record, and with the
    // named ones only (what `estimate` does by default).
    std::vector<std::vector<estimate::StratumEstimate>> runs, named_runs, identified_runs;
    for (int d = 0; d < draws; ++d) {
      each.lcmcr.seed = seed * 1000 + static_cast<std::uint64_t>(d);
      const auto entity = linkages.draw(seed, static_cast<std::uint64_t>(d));
      runs.push_back(estimate::estimate_population(capture_table(table, entity), each));
      named_runs.push_back(
          estimate::estimate_population(capture_table(table, entity, named), each));
      identified_runs.push_back(
          estimate::estimate_population(capture_table(table, entity, identified), each));
    }
    const auto pooled = estimate::pool_over_linkages(runs, options);
    const auto pooled_named = estimate::pool_over_linkages(named_runs, options);
    const auto pooled_identified = estimate::pool_over_linkages(identified_runs, options);
    // What `estimate` does by default (pipeline::CountedRecords::kAuto).
    std::size_t named_count = 0, identified_count = 0;
    for (std::size_t r = 0; r < table.size(); ++r) {
      named_count += named[r];
      identified_count += identified[r];
    }
    const bool auto_identified =
        pipeline::auto_counted_records(result.expected.recall, named_count, identified_count)
            .counted == pipeline::CountedRecords::kIdentified;
    const auto& pooled_default = auto_identified ? pooled_identified : pooled_named;
    ++(auto_identified ? default_identified : default_named);
    shares.push_back(pooled[0].linkage->lcmcr);

    // The expected recall beside the choice it made: the gate's margin.
    std::fprintf(stderr,
                 "seed %llu  persons %zu/%zu  uncertain pairs %zu  expected recall %.3f (auto: %s)",
                 static_cast<unsigned long long>(seed), result.clusters.entities, person.size(),
                 linkages.uncertain_pairs(), result.expected.recall,
                 auto_identified ? "identified" : "named");
    for (const auto& [kind, e] :
         {std::pair{"linked", &own[0]}, std::pair{"pooled", &pooled[0]},
          std::pair{"true links", &ideal[0]}, std::pair{"linked, named records", &own_named[0]},
          std::pair{"pooled, named records", &pooled_named[0]},
          std::pair{"true links, named records", &ideal_named[0]},
          std::pair{"linked, identified records", &own_identified[0]},
          std::pair{"pooled, identified records", &pooled_identified[0]},
          std::pair{"true links, identified records", &ideal_identified[0]},
          std::pair{"the default (auto)", &pooled_default[0]}}) {
      for (const auto& [method, i] : intervals(*e)) {
        tallies[kind][method].add(i, truth);
        std::fprintf(stderr, "  %s %s %.0f [%.0f-%.0f]", kind, method.c_str(), i.N, i.lower,
                     i.upper);
      }
    }
    std::fprintf(stderr, "\n");
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "Setting %s: %d replicates of %.0f people, %d plausible linkages each; %.0f s, "
      "peak %.0f MiB; median share of LCMCR's pooled width from linkage %.2f\n\n",
      setting.c_str(), replicates, truth, draws, seconds, bench::peak_memory_mib(),
      Tally::median(shares));
  std::printf(
      "The default (auto) counted the named records in %d replicates, the identified records "
      "in %d (the linkage's own expected recall under %.2g).\n\n",
      default_named, default_identified, pipeline::kIdentifiedBelowRecall);
  std::printf(
      "| persons from | method | coverage of 95%% | median width / N | median error |\n"
      "| --- | --- | --- | --- | --- |\n");
  for (const char* kind :
       {"linked", "pooled", "true links", "linked, named records", "pooled, named records",
        "true links, named records", "linked, identified records", "pooled, identified records",
        "true links, identified records", "the default (auto)", "camps: linked",
        "camps: linked, named records", "camps: linked, identified records", "camps: true links"}) {
    for (const auto& [method, t] : tallies[kind]) {
      std::printf("| %s | %s | %d/%d = %.2f | %.3f | %+.3f |\n", kind, method.c_str(), t.covered,
                  t.runs, static_cast<double>(t.covered) / std::max(1, t.runs),
                  Tally::median(t.widths), Tally::median(t.errors));
    }
  }
  return 0;
}
