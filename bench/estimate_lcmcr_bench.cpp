// LCMCR speed and agreement with the R package (REFERENCE.md §1.5).
//
//   estimate_lcmcr_bench            speed on Kosovo (K=10, K=20), a 6-list
//                                   20-stratum problem, and a pooled long run
//   estimate_lcmcr_bench --quick    Kosovo and HIV speed only
//
// Prints Gibbs sweeps per second per chain (the R package: 72,495 it/s on
// Kosovo with K=10, single-threaded) and peak memory.

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "estimate/capture_table.h"
#include "estimate/lcmcr.h"
#include "estimate/random_source.h"
#include "peak_memory.h"

using namespace uncounted::estimate;

namespace {

CaptureTable load(const std::string& file) {
  std::ifstream in(std::string(UNCOUNTED_SHARED_DIR) + "/data/mse/" + file);
  return read_capture_table(in, file);
}

// A 6-list table drawn from a two-class population (like Manrique-Vallier's
// simulation design), one per stratum, sizes from 300 to 6000.
std::vector<std::vector<std::int64_t>> six_list_strata(int strata) {
  std::vector<std::vector<std::int64_t>> out;
  RandomSource rng(2024);
  for (int s = 0; s < strata; ++s) {
    std::vector<std::int64_t> counts(64, 0);
    const int size = 300 + s * 300;
    for (int i = 0; i < size; ++i) {
      const bool shy = rng.uniform() < 0.8;
      unsigned pattern = 0;
      for (int j = 0; j < 6; ++j) {
        const double p = shy ? 0.05 + 0.02 * j : 0.4 + 0.08 * j;
        if (rng.uniform() < p) pattern |= 1u << j;
      }
      if (pattern) ++counts[pattern];
    }
    out.push_back(counts);
  }
  return out;
}

void speed(const char* label, const std::vector<std::int64_t>& counts, int lists, int k,
           std::int64_t sweeps) {
  LcmcrOptions o;
  o.classes = k;
  o.chains = 1;
  o.burn_in = 0;
  o.iterations = sweeps;
  o.thinning = 10;
  const LcmcrResult r = run_lcmcr(counts, lists, o);
  std::printf(
      "%-34s K=%-3d %10.0f sweeps/s per chain (wall), %10.0f per CPU second  "
      "(median N %.0f)\n",
      label, k, r.sweeps_per_second_per_chain, r.sweeps_per_cpu_second, r.median);
}

}  // namespace

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  const CaptureTable kosovo = load("kosovo_4list.csv");
  const auto& kc = kosovo.strata[0].counts;
  std::printf("hardware threads: %u\n", std::thread::hardware_concurrency());
  speed("Kosovo (4 lists, 15 cells)", kc, 4, 10, 1000000);
  speed("Kosovo (4 lists, 15 cells)", kc, 4, 20, 500000);
  const CaptureTable hiv = load("rcapture_hiv_4list.csv");
  speed("HIV (4 lists, 13 cells)", hiv.strata[0].counts, 4, 10, 1000000);

  // 6 lists, 20 strata: every stratum's chains, all strata in turn.
  const auto strata = six_list_strata(20);
  if (!quick) {
    LcmcrOptions o;
    o.chains = 4;
    o.burn_in = 10000;
    o.iterations = 100000;
    double seconds = 0, rate = 0, cpu_rate = 0;
    for (const auto& counts : strata) {
      const LcmcrResult r = run_lcmcr(counts, 6, o);
      seconds += r.seconds;
      rate += r.sweeps_per_second_per_chain;
      cpu_rate += r.sweeps_per_cpu_second;
    }
    std::printf(
        "6 lists x 20 strata, 4 chains x 110,500 sweeps each: %.1f s wall, "
        "%.0f sweeps/s per chain (wall), %.0f per CPU second (means over strata)\n",
        seconds, rate / 20, cpu_rate / 20);
  }
  if (!quick) {
    // The reference's 10-chain pool: 10 chains x (100,000 burn-in + 100,000
    // draws thinned by 20), i.e. 1,000,000 retained draws.
    LcmcrOptions o;
    o.chains = 10;
    o.burn_in = 100000;
    o.iterations = 2000000;
    o.thinning = 20;
    o.seed = 1001;
    const LcmcrResult r = run_lcmcr(kc, 4, o);
    std::printf(
        "Kosovo pooled 10 chains x 100,000 draws: median %.1f  2.5%% %.1f  97.5%% %.1f  "
        "mean %.1f  (R: 10434 / 9068 / 13883 / 10693.7)\n"
        "  R-hat %.4f  ESS %.0f  wall %.1f s  %.0f sweeps/s per chain\n",
        r.median, r.lower, r.upper, r.mean, r.rhat, r.ess, r.seconds,
        r.sweeps_per_second_per_chain);
  }
  std::printf("peak memory: %.1f MiB\n", uncounted::bench::peak_memory_mib());
  return 0;
}
