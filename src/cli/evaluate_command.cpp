// uncounted evaluate --truth-column COL: the store's current linkage, or
// uncounted evaluate --input FILE... --truth-column COL [--links LINKS.csv]:
// accuracy of a linkage against ground truth: pairwise precision, recall and
// F1 (of links and of clusters), B-cubed, and a threshold sweep. Without
// --links the linkage is run here first.

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/number_checks.h"
#include "cli/passphrase.h"
#include "link/accuracy.h"
#include "link/input_files.h"
#include "link/linker.h"
#include "link/output_files.h"
#include "model/error.h"
#include "pipeline/store_evaluation.h"

namespace uncounted::cli {
namespace {

struct EvaluateArgs {
  std::vector<std::string> inputs;
  std::string settings;
  std::string truth_column;
  std::string truth_pattern;
  std::string links;
  std::string pairs;
  double threshold = -1;
  int threads = 0;
};

void print_text(const link::Accuracy& a) {
  auto line = [](const char* what, const link::Confusion& c) {
    std::printf("%-10s precision %.5f  recall %.5f  F1 %.5f  (TP %llu, FP %llu, FN %llu)\n", what,
                c.precision(), c.recall(), c.f1(),
                static_cast<unsigned long long>(c.true_positives),
                static_cast<unsigned long long>(c.false_positives),
                static_cast<unsigned long long>(c.false_negatives));
  };
  std::printf("true pairs %llu, true entities %zu, predicted entities %zu\n",
              static_cast<unsigned long long>(a.true_pairs), a.true_entities, a.predicted_entities);
  line("links", a.links);
  line("clusters", a.clusters);
  std::printf("%-10s precision %.5f  recall %.5f  F1 %.5f\n", "B-cubed", a.bcubed_precision,
              a.bcubed_recall, a.bcubed_f1());
  if (a.calibration.empty()) {
    // Without scored pairs (--links without --pairs) a sweep would be a
    // table of zeros: say what is missing instead.
    std::printf("threshold sweep and calibration: no scored pairs (give --pairs with --links)\n");
    return;
  }
  std::printf("threshold sweep (links):\n");
  for (const link::SweepPoint& s : a.sweep) {
    std::printf("  %.3f  P %.5f  R %.5f  F1 %.5f\n", s.threshold, s.links.precision(),
                s.links.recall(), s.links.f1());
  }
  if (!a.calibration.empty()) {
    std::printf("calibration (scored pairs; error %.4f):\n", a.calibration_error);
    for (const link::CalibrationBin& b : a.calibration) {
      std::printf("  [%.2f, %.2f)  %10llu pairs  predicted %.3f  true %.3f\n", b.low, b.high,
                  static_cast<unsigned long long>(b.pairs), b.predicted, b.observed);
    }
  }
}

void add_evaluate(CLI::App& app, GlobalOptions& global) {
  static EvaluateArgs args;
  auto* cmd = app.add_subcommand(
      "evaluate", "Precision, recall, F1 and cluster metrics of a linkage against ground truth");
  cmd->add_option("--input", args.inputs, "CSV lists (without a store)")->expected(1, -1);
  cmd->add_option("--settings", args.settings, "Settings document for the files' layout and model");
  cmd->add_option("--truth-column", args.truth_column, "Column with the true person id")
      ->required();
  cmd->add_option("--truth-pattern", args.truth_pattern,
                  "Regular expression whose first group is the person id (rec-(\\d+))");
  cmd->add_option("--links", args.links, "Links file written by `link --out` (else link here)");
  cmd->add_option("--pairs", args.pairs, "Pairs file written by `link --pairs-out` (for --links)");
  cmd->add_option("--threshold", args.threshold, "Link threshold (default: the settings')")
      ->check(probability_check());
  cmd->add_option("--threads", args.threads, "Threads (default: every core)")
      ->check(whole_number_check(0, 1024));
  cmd->callback([&global] {
    if (args.inputs.empty()) {
      // The store's current linkage, as `uncounted link` stored it.
      auto store = open_store(global);
      const pipeline::StoreEvaluation e = pipeline::evaluate_store(*store, args.truth_column);
      if (global.json) {
        nlohmann::json out = {{"threshold", e.threshold},
                              {"records", e.records},
                              {"records_without_truth", e.records_without_truth},
                              {"accuracy", link::to_json(e.accuracy)}};
        std::cout << out.dump(2) << "\n";
      } else {
        print_text(e.accuracy);
      }
      return;
    }
    link::Settings settings =
        args.settings.empty() ? link::default_settings() : link::read_settings_file(args.settings);
    settings.input.truth_column = args.truth_column;
    if (!args.truth_pattern.empty()) settings.input.truth_pattern = args.truth_pattern;
    if (args.threshold >= 0) settings.threshold = args.threshold;
    const double threshold = settings.threshold;
    const link::LinkType link_type = settings.link_type;
    link::Table input = link::read_input_files(args.inputs, settings);
    link::Linker linker(std::move(input), std::move(settings));
    const link::Table& table = linker.table();
    if (!table.has_truth) {
      throw invalid_input("no input file has the truth column " + args.truth_column,
                          "--truth-column");
    }
    std::vector<std::string_view> truth(table.size());
    for (std::size_t r = 0; r < table.size(); ++r) truth[r] = table.truth[r];
    std::vector<std::uint32_t> entity;
    std::vector<link::ScoredPair> pairs;
    nlohmann::json out;
    if (!args.links.empty()) {
      entity = link::read_links_csv(args.links, table);
      if (!args.pairs.empty()) pairs = link::read_pairs_csv(args.pairs, table);
    } else {
      link::LinkOptions options;
      options.threads = args.threads;
      const link::LinkResult& result = linker.run(options);
      for (const std::string& w : result.warnings) std::cerr << "warning: " << w << "\n";
      entity = result.clusters.entity;
      pairs = result.pairs;
      out["linkage"] = link::summary_json(linker);
    }
    const link::Accuracy accuracy =
        link::measure_accuracy(truth, table.source, link_type, entity, pairs, threshold);
    if (global.json) {
      out["threshold"] = threshold;
      out["accuracy"] = link::to_json(accuracy);
      std::cout << out.dump(2) << "\n";
    } else {
      print_text(accuracy);
    }
  });
}

const CommandRegistration evaluate_registration("evaluate", add_evaluate);

}  // namespace
}  // namespace uncounted::cli
