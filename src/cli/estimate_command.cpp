// `uncounted estimate`: population size from the linked persons in the store
// (capture histories by source, per stratum), or with `--table FILE` from a
// capture-history table (spec/cli.md, lists.md §3) without a store.

#include <unistd.h>

#include <cctype>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

#include "cli/command.h"
#include "cli/number_checks.h"
#include "cli/passphrase.h"
#include "cli/progress.h"
#include "estimate/estimate_output.h"
#include "estimate/lcmcr.h"
#include "estimate/population_estimate.h"
#include "link/linker.h"
#include "model/error.h"
#include "pipeline/linkage_quality.h"
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
  double max_seconds = 60;
  bool sensitivity = false;
  bool keep_unnamed = false;
  std::string records = "auto";
  std::int64_t min_observed = 0;
  std::int64_t min_list_records = 0;
  bool plain_strata = false;
};

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

// The sensitivity table: one row per stratum and method, one column per
// threshold ("N [lower-upper]"), then the warnings.
std::string sensitivity_text(const nlohmann::ordered_json& s) {
  std::ostringstream out;
  out << "Sensitivity to the linkage threshold (one linkage per threshold, short LCMCR runs):\n";
  std::map<std::string, std::map<double, std::string>> cells;
  for (const auto& p : s["points"]) {
    std::string stratum;
    for (const auto& [column, value] : p["stratum"].items())
      stratum += (stratum.empty() ? "" : ", ") + column + "=" + value.get<std::string>();
    auto whole = [](const nlohmann::ordered_json& x) {
      return x.is_number() ? std::to_string(std::llround(x.get<double>())) : std::string("-");
    };
    cells[(stratum.empty() ? "all" : stratum) + "  " + p["method"].get<std::string>()]
         [p["threshold"].get<double>()] =
             whole(p["N"]) + " [" + whole(p["lower"]) + "-" + whole(p["upper"]) + "]";
  }
  out << "  stratum, method";
  for (const auto& t : s["thresholds"]) out << "  | t=" << t.get<double>();
  out << "\n";
  for (const auto& [row, by_threshold] : cells) {
    out << "  " << row;
    for (const auto& t : s["thresholds"]) {
      const auto it = by_threshold.find(t.get<double>());
      out << "  | " << (it == by_threshold.end() ? "-" : it->second);
    }
    out << "\n";
  }
  for (const auto& w : s["warnings"])
    out << "  warning: " << w["stratum"].get<std::string>() << ": " << w["en"].get<std::string>()
        << "\n";
  return out.str();
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
  o.lcmcr.max_seconds = a.max_seconds;
  if (estimate::runs(o.method, estimate::Method::kLcmcr) && isatty(STDERR_FILENO))
    std::cerr << "LCMCR: " << a.chains << " chains x " << (a.burn_in + a.iterations)
              << " sweeps per stratum...\n";
  if (a.sensitivity && !a.table.empty())
    throw usage_error("--sensitivity reads the store's scored pairs; a table has none",
                      "--sensitivity");
  std::vector<estimate::StratumEstimate> results;
  std::optional<nlohmann::ordered_json> sensitivity;
  std::optional<nlohmann::json> quality;  // the store's linkage, by its own estimate
  std::optional<nlohmann::ordered_json> counted_records;  // which records made the histories
  if (a.table.empty()) {
    auto store = open_store(global);
    pipeline::StoreEstimateOptions from_store;
    from_store.lists = split_commas(a.lists);
    from_store.events = a.events;
    from_store.strata = split_commas(a.strata);
    from_store.estimate = o;
    from_store.linkage_draws = a.linkage_draws;
    if (a.keep_unnamed && a.records != "auto" && a.records != "all")
      throw usage_error("--keep-unnamed is --records all; give one of them", "--keep-unnamed");
    const auto counted = pipeline::parse_counted_records(a.keep_unnamed ? "all" : a.records);
    if (!counted)
      throw usage_error(
          "records to count: all, named, identified or auto (got '" + a.records + "')",
          "--records");
    from_store.counted = *counted;
    from_store.min_observed = a.min_observed;
    from_store.min_list_records = a.min_list_records;
    from_store.fuzzy_strata = !a.plain_strata;
    from_store.linkage_seed = a.seed;
    Progress progress("estimating over plausible linkages");
    from_store.progress = [&progress](int done, int total) {
      progress.update(static_cast<std::size_t>(done), static_cast<std::size_t>(total));
    };
    const pipeline::LinkedRecords linked(*store);
    quality = linked.quality();
    const auto choice = linked.counted_records(from_store.counted);
    counted_records = pipeline::counted_records_to_json(choice);
    results = linked.estimate(from_store);
    if (a.sensitivity) sensitivity = pipeline::sensitivity_to_json(linked.sensitivity(from_store));
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
    nlohmann::ordered_json doc = estimate::estimates_to_json(results, o);
    if (quality) {
      // Said as a warning too where the linkage itself expects to be off.
      const double precision = quality->value("precision", 1.0);
      const double recall = quality->value("recall", 1.0);
      if (precision < link::kTrustedExpectedAccuracy || recall < link::kTrustedExpectedAccuracy)
        std::cerr << "warning: " << pipeline::linkage_quality_text(*quality) << "\n";
      doc["linkage_quality"] = *quality;
    }
    if (counted_records) doc["records"] = *counted_records;
    if (sensitivity) {
      for (const auto& w : (*sensitivity)["warnings"])
        std::cerr << "warning: " << w["stratum"].get<std::string>() << ": "
                  << w["en"].get<std::string>() << "\n";
      doc["sensitivity"] = std::move(*sensitivity);
    }
    std::cout << doc.dump(2) << "\n";
  } else {
    std::cout << estimate::estimates_to_text(results, o);
    if (quality) {
      std::string line = pipeline::linkage_quality_text(*quality);
      if (!line.empty()) {
        line[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(line[0])));
        std::cout << line << "\n";
      }
    }
    if (counted_records)
      std::cout << "Records counted: " << (*counted_records)["counted"].get<std::string>() << " ("
                << (*counted_records)["why"].get<std::string>() << ")\n";
    if (sensitivity) std::cout << sensitivity_text(*sensitivity);
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
  cmd->add_option("--max-seconds", args->max_seconds,
                  "LCMCR runs on, --iterations sweeps at a time, until split R-hat <= 1.01 and "
                  "ESS >= 1000, or this time cap per stratum; 0: one fixed-length run")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 86400.0));
  cmd->add_option("--min-observed", args->min_observed,
                  "Strata with fewer people seen are listed as not estimated (store only)")
      ->capture_default_str()
      ->check(whole_number_check(0, 1'000'000'000));
  cmd->add_option("--min-list-records", args->min_list_records,
                  "Without --lists: sources with fewer records are not used as lists, and the "
                  "notes say which (store only)")
      ->capture_default_str()
      ->check(whole_number_check(0, 1'000'000'000));
  cmd->add_flag("--plain-strata", args->plain_strata,
                "A place that names only an area, or a date of several years, keeps its plain "
                "stratum (the area; the middle year) instead of falling in each stratum it "
                "allows across the plausible linkages");
  cmd->add_option("--records", args->records,
                  "Which linked records make the capture histories: all; named (nothing can "
                  "link a nameless record); identified (a name, a birth year and an origin: "
                  "where names are common the linkage splits the others' persons); auto: "
                  "identified when the linkage's own expected recall is under " +
                      pipeline::identified_below_recall_text() + ", else named (store only)")
      ->capture_default_str();
  cmd->add_flag("--keep-unnamed", args->keep_unnamed,
                "The same as --records all: count records without a name as persons of their "
                "own");
  cmd->add_flag("--sensitivity", args->sensitivity,
                "Also estimate on the linkages made at thresholds 0.2 to 0.95, and warn where "
                "the conclusion depends on the threshold or the method");
  cmd->add_option("--interval", args->interval, "Interval level")->capture_default_str();
  cmd->callback([args, &global] { run(*args, global); });
}

const CommandRegistration estimate_registration("estimate", add_estimate);

}  // namespace
}  // namespace uncounted::cli
