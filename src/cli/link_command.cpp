// uncounted link: record linkage of the store's records (persons, scored
// pairs and the review queue are written back, respecting reviewers'
// decisions), or with --input FILE... --out FILE on CSV lists without a
// store. Trains the model (or reuses a trained settings document), scores
// candidate pairs, clusters records into persons.

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/number_checks.h"
#include "cli/passphrase.h"
#include "cli/progress.h"
#include "link/input_files.h"
#include "link/linker.h"
#include "link/output_files.h"
#include "model/error.h"
#include "pipeline/store_linkage.h"
#include "store/output_file.h"

namespace uncounted::cli {
namespace {

struct LinkArgs {
  std::vector<std::string> inputs;
  std::string out;
  std::string settings;
  std::string save_settings;
  std::string pairs_out;
  std::string review_out;
  std::string decisions;
  std::string labels;
  std::vector<std::string> explain;
  std::vector<std::string> deduplicated;
  double threshold = -1;
  std::uint64_t max_pairs = 0;
  int threads = 0;
  bool retrain = false;
};

double peak_memory_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux: kilobytes
}

link::Settings load_settings(const LinkArgs& args) {
  link::Settings s =
      args.settings.empty() ? link::default_settings() : link::read_settings_file(args.settings);
  if (args.threshold >= 0) {
    if (args.threshold > 1) throw usage_error("--threshold must be a probability", "--threshold");
    s.threshold = args.threshold;
    s.min_expected_precision = 0;  // the analyst's threshold is kept
  }
  if (args.max_pairs > 0) s.max_pairs = args.max_pairs;
  for (const std::string& source : args.deduplicated) {
    if (std::find(s.clustering.deduplicated_sources.begin(),
                  s.clustering.deduplicated_sources.end(),
                  source) == s.clustering.deduplicated_sources.end()) {
      s.clustering.deduplicated_sources.push_back(source);
    }
  }
  return s;
}

std::pair<std::uint32_t, std::uint32_t> parse_pair(const std::string& text,
                                                   const link::Table& table) {
  // "SOURCE:ID,SOURCE:ID"
  const std::size_t comma = text.find(',');
  if (comma == std::string::npos) {
    throw usage_error("--explain takes SOURCE:ID,SOURCE:ID", "--explain");
  }
  const auto a = table.find(text.substr(0, comma));
  const auto b = table.find(text.substr(comma + 1));
  if (!a || !b) throw usage_error("--explain names a record that is not in the input", "--explain");
  return {*a, *b};
}

// Progress bars, one per stage, on a terminal only.
struct StageProgress {
  std::string stage;
  std::unique_ptr<Progress> bar;
  void operator()(const std::string& s, std::size_t done, std::size_t total) {
    if (s != stage) {
      bar = std::make_unique<Progress>(s);
      stage = s;
    }
    bar->update(done, total);
  }
};

void link_store(const LinkArgs& args, const GlobalOptions& global) {
  if (!args.out.empty() || !args.explain.empty() || !args.decisions.empty() ||
      !args.labels.empty()) {
    throw usage_error("--out, --explain, --decisions and --labels go with --input", "link");
  }
  auto store = open_store(global);
  pipeline::StoreLinkOptions options;
  options.settings = link::to_json(load_settings(args));
  options.actor = actor_name(global);
  options.link.threads = args.threads;
  options.link.retrain = args.retrain;
  StageProgress progress;
  options.link.progress = std::ref(progress);
  const pipeline::StoreLinkOutcome outcome = pipeline::link_store(*store, options);
  progress.bar.reset();
  nlohmann::json summary = outcome.summary;
  summary["run"] = outcome.run_id;
  summary["peak_memory_mib"] = peak_memory_mib();
  if (global.json) {
    std::cout << summary.dump(2) << "\n";
    return;
  }
  // A person reads a few lines; the whole summary is `--json`.
  auto count = [&summary](const char* key) {
    return summary.contains(key) ? summary[key].dump() : std::string("-");
  };
  std::cout << "Linked the store's records (run " << outcome.run_id << "):\n"
            << "  records " << count("records") << " from " << count("sources") << " sources\n"
            << "  candidate pairs " << count("candidate_pairs") << ", links above the threshold "
            << count("links_above_threshold") << ", refused by the clustering guards "
            << count("links_refused") << "\n"
            << "  persons " << count("entities") << ", pairs waiting for review "
            << count("review_pairs") << ", reviewers' decisions respected "
            << count("decisions_respected") << "\n";
  if (summary.contains("expected")) {
    const auto& e = summary["expected"];
    std::printf(
        "  the model's own estimate: precision %.3f, recall %.3f (of the pairs it scored)\n",
        e.value("precision", 0.0), e.value("recall", 0.0));
  }
  if (summary.contains("seconds"))
    std::printf("  %.1f s, peak memory %.0f MiB (all figures: --json)\n",
                summary["seconds"].value("total", 0.0), summary.value("peak_memory_mib", 0.0));
}

void add_link(CLI::App& app, GlobalOptions& global) {
  static LinkArgs args;
  auto* cmd = app.add_subcommand(
      "link", "Link records into persons: train, score candidate pairs, cluster");
  cmd->add_option("--input", args.inputs, "CSV lists to link (without a store)")->expected(1, -1);
  cmd->add_option("--out", args.out, "Where to write source,record_id,entity_id,match_probability");
  cmd->add_option("--settings", args.settings,
                  "Settings document (JSON): input layout, comparisons, blocking, model");
  cmd->add_option("--save-settings", args.save_settings, "Write the trained model here (JSON)");
  cmd->add_option("--pairs-out", args.pairs_out, "Write the scored pairs here (CSV)");
  cmd->add_option("--review-out", args.review_out, "Write the review queue here (CSV)");
  cmd->add_option("--decisions", args.decisions,
                  "Human decisions (CSV source_l,record_id_l,source_r,record_id_r,match)");
  cmd->add_option("--labels", args.labels, "Labelled pairs to train m and u from (same format)");
  cmd->add_option("--explain", args.explain,
                  "Print the waterfall of a pair: SOURCE:ID,SOURCE:ID (repeatable)");
  cmd->add_option("--threshold", args.threshold, "Link at this match probability or above")
      ->check(probability_check());
  cmd->add_option("--max-pairs", args.max_pairs,
                  "Refuse blocking rules creating more pairs (default 200000000)")
      ->check(whole_number_check(1, 1'000'000'000'000));
  cmd->add_option("--threads", args.threads, "Threads (default: every core)")
      ->check(whole_number_check(0, 1024));
  cmd->add_option("--deduplicated", args.deduplicated,
                  "Sources that list each person at most once (never two of their records in "
                  "one person)")
      ->expected(1, -1);
  cmd->add_flag("--retrain", args.retrain, "Train even if the settings hold a trained model");
  cmd->callback([&global] {
    if (args.inputs.empty()) {
      link_store(args, global);
      return;
    }
    if (args.out.empty()) throw usage_error("--input needs --out FILE", "link");
    // Outputs are remade on every run, so they may replace files, but never
    // the store's (a wrong path must not cost the store).
    for (const auto& [path, option] :
         {std::pair{args.out, "--out"}, std::pair{args.pairs_out, "--pairs-out"},
          std::pair{args.review_out, "--review-out"},
          std::pair{args.save_settings, "--save-settings"}}) {
      if (!path.empty()) store::check_output_path(path, global.store, true, option);
    }
    link::Settings settings = load_settings(args);
    link::InputReport input;
    link::Table table = link::read_input_files(args.inputs, settings, &input);
    link::Linker linker(std::move(table), std::move(settings));
    for (const std::string& w : input.warnings) std::cerr << "warning: " << w << "\n";
    link::LinkOptions options;
    options.threads = args.threads;
    options.retrain = args.retrain;
    if (!args.decisions.empty()) {
      options.decisions = link::read_decisions_csv(args.decisions, linker.table());
    }
    if (!args.labels.empty())
      options.labels = link::read_decisions_csv(args.labels, linker.table());
    StageProgress progress;
    options.progress = std::ref(progress);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> explain;
    for (const std::string& e : args.explain) explain.push_back(parse_pair(e, linker.table()));

    const link::LinkResult& result = linker.run(options);
    progress.bar.reset();
    for (const std::string& w : result.warnings) std::cerr << "warning: " << w << "\n";
    link::write_links_csv(args.out, linker);
    if (!args.pairs_out.empty()) link::write_pairs_csv(args.pairs_out, linker);
    if (!args.review_out.empty()) link::write_review_csv(args.review_out, linker);
    if (!args.save_settings.empty()) {
      // The threshold this run was given, not the one it raised to: the
      // raise is worked out again on each run's own probabilities
      // (min_expected_precision stays in the file), so a later run whose
      // probabilities are better (reviewers' decisions) may link below it.
      link::Settings saved = result.settings;
      if (result.threshold_given >= 0) saved.threshold = result.threshold_given;
      link::write_settings_file(args.save_settings, saved);
    }

    if (global.json) {
      nlohmann::json summary = link::summary_json(linker);
      summary["peak_memory_mib"] = peak_memory_mib();
      if (!explain.empty()) {
        summary["explanations"] = nlohmann::json::array();
        for (auto [i, j] : explain)
          summary["explanations"].push_back(to_json(linker.explain(i, j)));
      }
      std::cout << summary.dump(2) << "\n";
      return;
    }
    std::cout << "Linked " << linker.table().size() << " records: " << result.candidate_pairs
              << " candidate pairs, " << result.links << " links, " << result.clusters.entities
              << " entities (" << result.seconds.total() << " s).\n";
    for (auto [i, j] : explain) std::cout << "\n" << to_text(linker.explain(i, j));
  });
}

const CommandRegistration link_registration("link", add_link);

}  // namespace
}  // namespace uncounted::cli
