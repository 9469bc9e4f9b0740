// `uncounted report --out FILE.html [--truth truth.json]`: the self-contained
// HTML report of a store (src/report, docs/report.md).

#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/command.h"
#include "cli/number_checks.h"
#include "cli/passphrase.h"
#include "estimate/lcmcr.h"
#include "io/json_depth.h"
#include "model/error.h"
#include "report/html_report.h"
#include "report/store_report_data.h"
#include "report/truth_matching.h"
#include "store/output_file.h"

namespace uncounted::cli {
namespace {

struct ReportArgs {
  std::string out;
  std::string truth;
  std::vector<std::string> events;
  std::string strata;
  std::string lists;
  std::string method = "all";
  std::uint64_t seed = 1;
  std::int64_t iterations = 20000;
  std::int64_t burn_in = 2000;
  int chains = 2;
  std::string title = "uncounted";
  bool force = false;
};

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

nlohmann::json read_truth(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw runtime_error("cannot open the truth file", path);
  try {
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (io::json_nested_deeper_than(text)) {
      throw invalid_input("the truth file is nested too deeply", path);
    }
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw invalid_input("the truth file is not valid JSON (byte " + std::to_string(e.byte) + ")",
                        path);
  }
}

void write_file(const std::string& path, const std::string& text) {
  store::OutputFile file(path);
  file.stream() << text;
  file.commit();
}

void run(const ReportArgs& a, const GlobalOptions& global) {
  if (a.out.empty()) throw usage_error("--out FILE.html is required", "report");
  store::check_output_path(a.out, global.store, a.force, "--out");
  if (a.iterations < 100 || a.burn_in < 0 || a.chains < 1)
    throw usage_error("need --iterations >= 100, --burn-in >= 0, --chains >= 1", "report");
  report::ReportOptions o;
  o.title = a.title;
  o.estimation.events = a.events;
  o.estimation.strata = split_commas(a.strata);
  o.estimation.lists = split_commas(a.lists);
  o.estimation.estimate.method = estimate::parse_method(a.method);
  o.estimation.estimate.lcmcr.seed = a.seed;
  o.estimation.estimate.lcmcr.iterations = a.iterations;
  o.estimation.estimate.lcmcr.burn_in = a.burn_in;
  o.estimation.estimate.lcmcr.chains = a.chains;
  if (!a.truth.empty()) {
    o.truth = read_truth(a.truth);
    report::adopt_truth_estimation(o);
  }
  auto store = open_store(global);
  o.stage = [&global](const std::string& stage) {
    if (!global.json) std::cerr << "report: " << stage << "...\n";
  };
  report::ReportData data = report::gather_report_data(*store, o);
  if (!a.truth.empty()) data.truth_note = "from the truth file";
  write_file(a.out, report::render_html(data));
  if (global.json) {
    nlohmann::ordered_json j;
    j["report"] = a.out;
    j["sources"] = data.sources.size();
    j["linked"] = data.linkage.linked;
    j["strata"] = data.estimates.size();
    j["truth"] = data.has_truth;
    std::cout << j.dump() << "\n";
  } else {
    std::cout << "Report written to " << a.out << "\n";
  }
}

void add_report(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<ReportArgs>();
  auto* cmd = app.add_subcommand("report", "Write a self-contained HTML report with charts");
  cmd->add_option("--out", args->out, "The HTML file to write (never the store or its files)")
      ->required();
  cmd->add_flag("--force", args->force, "Replace --out if it exists");
  cmd->add_option("--truth", args->truth,
                  "truth.json of `uncounted simulate`: draw the true totals beside the estimates");
  cmd->add_option("--event", args->events,
                  "Event codes whose records count (default: all, or the truth's)");
  cmd->add_option("--strata", args->strata, "Stratum columns, e.g. event_place,year");
  cmd->add_option("--lists", args->lists, "Sources to use as lists (default: all)");
  cmd->add_option("--method", args->method, "loglinear, lcmcr or all")->capture_default_str();
  cmd->add_option("--seed", args->seed, "LCMCR seed")->capture_default_str()->check(seed_check());
  cmd->add_option("--iterations", args->iterations, "LCMCR sweeps per chain after burn-in")
      ->capture_default_str()
      ->check(whole_number_check(1, estimate::kMostSweeps));
  cmd->add_option("--burn-in", args->burn_in, "LCMCR sweeps discarded first")
      ->capture_default_str()
      ->check(whole_number_check(0, estimate::kMostSweeps));
  cmd->add_option("--chains", args->chains, "LCMCR chains")
      ->capture_default_str()
      ->check(whole_number_check(1, estimate::kMostChains));
  cmd->add_option("--title", args->title, "Title of the report")->capture_default_str();
  cmd->callback([args, &global] { run(*args, global); });
}

const CommandRegistration report_registration("report", add_report);

}  // namespace
}  // namespace uncounted::cli
