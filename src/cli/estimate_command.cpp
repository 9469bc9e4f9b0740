// `uncounted estimate`: population size from the linked persons in the store
// (capture histories by source, per stratum), or with `--table FILE` from a
// capture-history table (spec/cli.md, lists.md §3) without a store.

#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/command.h"
#include "cli/number_checks.h"
#include "cli/passphrase.h"
#include "cli/progress.h"
#include "estimate/estimate_output.h"
#include "estimate/lcmcr.h"
#include "estimate/population_estimate.h"
#include "model/error.h"
#include "pipeline/store_estimation.h"

namespace uncounted::cli {
namespace {

struct EstimateArgs {
  std::string table;
  std::string method = "all";
  std::string lists;
  std::vector<std::string> events;
  std::string strata;
  std::uint64_t seed = 1;
  std::int64_t iterations = 100000;
  std::int64_t burn_in = 10000;
  int chains = 4;
  int classes = 10;
  int thinning = 10;
  double interval = 0.95;
  double delta = 0;
  int linkage_draws = 20;
};

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

void run(const EstimateArgs& a, const GlobalOptions& global) {
  if (!a.table.empty() && !a.events.empty())
    throw usage_error("--event selects linked records; a capture table has no events", "--event");
  if (!(a.interval > 0 && a.interval < 1))
    throw usage_error("the interval level must be between 0 and 1", "--interval");
  estimate::EstimateOptions o;
  o.method = estimate::parse_method(a.method);
  o.loglinear.interval = a.interval;
  o.lcmcr.interval = a.interval;
  o.dga.delta = a.delta;
  o.lcmcr.seed = a.seed;
  o.lcmcr.iterations = a.iterations;
  o.lcmcr.burn_in = a.burn_in;
  o.lcmcr.chains = a.chains;
  o.lcmcr.classes = a.classes;
  o.lcmcr.thinning = a.thinning;
  if (estimate::runs(o.method, estimate::Method::kLcmcr) && isatty(STDERR_FILENO))
    std::cerr << "LCMCR: " << a.chains << " chains x " << (a.burn_in + a.iterations)
              << " sweeps per stratum...\n";
  std::vector<estimate::StratumEstimate> results;
  if (a.table.empty()) {
    auto store = open_store(global);
    pipeline::StoreEstimateOptions from_store;
    from_store.lists = split_commas(a.lists);
    from_store.events = a.events;
    from_store.strata = split_commas(a.strata);
    from_store.estimate = o;
    from_store.linkage_draws = a.linkage_draws;
    from_store.linkage_seed = a.seed;
    Progress progress("estimating over plausible linkages");
    from_store.progress = [&progress](int done, int total) {
      progress.update(static_cast<std::size_t>(done), static_cast<std::size_t>(total));
    };
    results = pipeline::estimate_store(*store, from_store);
  } else {
    std::ifstream in(a.table, std::ios::binary);
    if (!in) throw runtime_error("cannot open the table file", a.table);
    estimate::TableReadOptions read;
    read.strata = split_commas(a.strata);
    read.lists = split_commas(a.lists);
    results = estimate::estimate_population(estimate::read_capture_table(in, a.table, read), o);
  }
  if (global.json) {
    for (const auto& e : results) {
      if (e.skipped) std::cerr << "warning: a stratum was skipped: " << *e.skipped << "\n";
      for (const auto& w : e.warnings) std::cerr << "warning: " << w << "\n";
    }
    std::cout << estimate::estimates_to_json(results, o).dump(2) << "\n";
  } else {
    std::cout << estimate::estimates_to_text(results, o);
  }
}

void add_estimate(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<EstimateArgs>();
  auto* cmd =
      app.add_subcommand("estimate", "Estimate the population size (multiple systems estimation)");
  cmd->add_option("--table", args->table,
                  "Capture-history table (CSV: one 0/1 column per list, count); without it, the "
                  "linked persons of the store");
  cmd->add_option("--method", args->method, "loglinear, lcmcr, dga or all")->capture_default_str();
  cmd->add_option("--delta", args->delta,
                  "dga: the hyper-Dirichlet prior per cell (default 2^-lists, the package's "
                  "suggestion); the estimate can depend strongly on it")
      ->check(CLI::Range(1e-9, 1e3));
  cmd->add_option("--linkage-draws", args->linkage_draws,
                  "Plausible linkages to pool when the store's linkage has uncertain pairs, so "
                  "that the interval holds the linkage's uncertainty (1: the stored linkage only)")
      ->capture_default_str()
      ->check(whole_number_check(1, pipeline::kMostLinkageDraws));
  cmd->add_option("--lists", args->lists, "Use only these lists, e.g. A,B,C (default: all)");
  cmd->add_option("--event", args->events, "Event codes whose records count (store only)");
  cmd->add_option("--strata", args->strata, "Stratum columns, e.g. event_place,year");
  cmd->add_option("--seed", args->seed, "Random seed of the LCMCR chains")
      ->capture_default_str()
      ->check(seed_check());
  cmd->add_option("--iterations", args->iterations, "LCMCR sweeps per chain after burn-in")
      ->capture_default_str()
      ->check(whole_number_check(1, estimate::kMostSweeps));
  cmd->add_option("--burn-in", args->burn_in, "LCMCR sweeps discarded first")
      ->capture_default_str()
      ->check(whole_number_check(0, estimate::kMostSweeps));
  cmd->add_option("--chains", args->chains, "LCMCR chains (run in parallel)")
      ->capture_default_str()
      ->check(whole_number_check(1, estimate::kMostChains));
  cmd->add_option("--classes", args->classes, "LCMCR latent classes K")
      ->capture_default_str()
      ->check(whole_number_check(1, estimate::kMostClasses));
  cmd->add_option("--thinning", args->thinning, "Keep every n-th LCMCR sweep")
      ->capture_default_str()
      ->check(whole_number_check(1, 1'000'000'000));
  cmd->add_option("--interval", args->interval, "Interval level")->capture_default_str();
  cmd->callback([args, &global] { run(*args, global); });
}

const CommandRegistration registration("estimate", add_estimate);

}  // namespace
}  // namespace uncounted::cli
