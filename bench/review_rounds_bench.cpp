// The loop NGO statisticians run: link, let a reviewer decide the pairs at
// the head of the review queue, link again with the decisions, and so on.
// What does each hundred decisions buy? The reviewer here is the
// simulator's truth (a reviewer who never errs: an upper bound of the
// gain). One Markdown row per round on standard output.
//
//   review_rounds_bench --people N [--names diverse|realistic|extreme]
//                       [--seed S] [--rounds R] [--per-round K]
//                       [--as constraints|constraints-only|labels] [--header]
//
// --as constraints (default, what `uncounted link` does): decisions are
// must-link and cannot-link, and once they hold 20 matches and 20
// non-matches they recalibrate every probability
// (link/reviewer_calibration.h). --as constraints-only: must-link and
// cannot-link alone. --as labels: the decided pairs also train m
// (LinkOptions::labels: m from the decided matches, u from random pairs).
// The calibration error is over every scored pair, the decided ones too
// (a few hundred among 10^4 to 10^6).

#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "link/accuracy.h"
#include "link/linker.h"
#include "link/settings.h"
#include "peak_memory.h"
#include "simulated_lists.h"

namespace {

using namespace uncounted;

struct Round {
  link::Accuracy accuracy;
  std::size_t entities = 0;
  std::size_t queue = 0;
  double seconds = 0;
  std::vector<link::PairDecision> next;  // the head of the queue, decided
};

Round link_round(const link::Table& table, const std::vector<link::PairDecision>& decided,
                 const std::string& as, std::size_t per_round) {
  const auto start = std::chrono::steady_clock::now();
  link::Linker linker(table, link::default_settings());
  link::LinkOptions options;
  options.decisions = decided;
  options.calibrate_from_decisions = as == "constraints";
  if (as == "labels") options.labels = decided;
  const link::LinkResult& r = linker.run(options);
  Round out;
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::vector<std::string_view> truth(table.size());
  for (std::size_t i = 0; i < table.size(); ++i) truth[i] = table.truth[i];
  out.accuracy = link::measure_accuracy(truth, table.source, r.settings.link_type,
                                        r.clusters.entity, r.pairs, r.settings.threshold);
  out.entities = r.clusters.entities;
  std::set<std::pair<std::uint32_t, std::uint32_t>> seen;
  for (const link::PairDecision& d : decided) seen.insert(std::minmax(d.i, d.j));
  for (const link::ReviewItem& item : r.review) {
    if (item.kind != link::ReviewItem::Kind::kPair) continue;
    ++out.queue;
    if (out.next.size() < per_round && !seen.count(std::minmax(item.i, item.j))) {
      out.next.push_back({item.i, item.j, truth[item.i] == truth[item.j]});
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  bench::SimulatedListsOptions lists;
  int rounds = 5;
  std::size_t per_round = 100;
  std::string as = "constraints";
  bool header = false;
  for (int k = 1; k < argc; ++k) {
    const std::string a = argv[k];
    if (bench::read_lists_option(argc, argv, k, lists)) {
      continue;
    } else if (a == "--rounds" && k + 1 < argc) {
      rounds = std::atoi(argv[++k]);
    } else if (a == "--per-round" && k + 1 < argc) {
      per_round = static_cast<std::size_t>(std::atoll(argv[++k]));
    } else if (a == "--as" && k + 1 < argc) {
      as = argv[++k];
    } else if (a == "--header") {
      header = true;
    } else {
      std::fprintf(stderr,
                   "usage: review_rounds_bench --people N [--names diverse|realistic|extreme] "
                   "[--seed S] [--scenario FILE] [--missingness S] [--rounds R] [--per-round K] "
                   "[--as constraints|constraints-only|labels] "
                   "[--header]\n");
      return 2;
    }
  }
  if (header) {
    std::printf(
        "| people | names | seed | as | decisions | matches decided | pairwise P / R / F1 | "
        "cluster P / R / F1 | calibration error | entities found / true | pairs in the queue | "
        "cluster F1 gain per 100 decisions | link s | peak MiB |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    if (lists.people == 0) return 0;
  }
  if (lists.people <= 0 || rounds < 0 || per_round == 0 ||
      (as != "labels" && as != "constraints" && as != "constraints-only")) {
    std::fprintf(stderr, "--people N is required; --as constraints, constraints-only or labels\n");
    return 2;
  }
  link::Table table;
  if (!bench::load_simulated_lists(lists, table)) return 2;
  std::set<std::string_view> persons;
  for (std::size_t i = 0; i < table.size(); ++i) persons.insert(table.truth[i]);
  std::vector<link::PairDecision> decided;
  double previous_f1 = -1;
  std::size_t added = 0;  // decisions added before this round
  for (int round = 0; round <= rounds; ++round) {
    const Round r = link_round(table, decided, as, per_round);
    std::size_t matches = 0;
    for (const link::PairDecision& d : decided) matches += d.match;
    const link::Accuracy& a = r.accuracy;
    char gain[32] = "";
    if (previous_f1 >= 0) {
      std::snprintf(gain, sizeof gain, "%+.4f",
                    (a.clusters.f1() - previous_f1) * 100.0 / static_cast<double>(added));
    }
    std::printf(
        "| %d | %s | %llu | %s | %zu | %zu | %.3f / %.3f / %.3f | %.4f / %.4f / %.4f | %.3f | "
        "%zu / %zu | "
        "%zu | %s | %.1f | %.0f |\n",
        lists.people, lists.names.c_str(), static_cast<unsigned long long>(lists.seed), as.c_str(),
        decided.size(), matches, a.links.precision(), a.links.recall(), a.links.f1(),
        a.clusters.precision(), a.clusters.recall(), a.clusters.f1(), a.calibration_error,
        r.entities, persons.size(), r.queue, gain, r.seconds, bench::peak_memory_mib());
    std::fflush(stdout);
    previous_f1 = a.clusters.f1();
    if (r.next.empty()) break;
    decided.insert(decided.end(), r.next.begin(), r.next.end());
    added = r.next.size();
  }
  return 0;
}
