// Log-linear estimation speed: the whole model search with its profile-
// likelihood intervals, as `estimate --method loglinear` runs it.
//
//   estimate_loglinear_bench            Kosovo (4 lists), HIV (4 lists), the
//                                       5-list simulated table, 6-occasion hares
//   estimate_loglinear_bench --quick    Kosovo only
//
// Prints searches per second (each search: every model's fit and the
// profile-likelihood refits of the best ones) and peak memory.

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "estimate/capture_table.h"
#include "estimate/loglinear.h"
#include "peak_memory.h"

using namespace uncounted::estimate;

namespace {

CaptureTable load(const std::string& file) {
  std::ifstream in(std::string(UNCOUNTED_SHARED_DIR) + "/data/mse/" + file);
  return read_capture_table(in, file);
}

void speed(const char* label, const CaptureTable& table, int repeats) {
  const auto& counts = table.strata[0].counts;
  LoglinearResult result;
  const auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < repeats; ++r) result = fit_loglinear(counts, table.lists);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::size_t profiled = 0;
  for (const auto& m : result.hierarchical)
    if (m.lower) ++profiled;
  for (const auto& m : result.closed)
    if (m.lower) ++profiled;
  const double n = result.selected ? result.hierarchical[*result.selected].N : 0;
  std::printf(
      "%-32s %zu hierarchical + %zu closed models, %zu profiled: %8.2f searches/s "
      "(%.1f ms each; selected N %.0f)\n",
      label, result.hierarchical.size(), result.closed.size(), profiled, repeats / seconds,
      1000 * seconds / repeats, n);
}

}  // namespace

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  speed("Kosovo (4 lists)", load("kosovo_4list.csv"), quick ? 5 : 20);
  if (!quick) {
    speed("HIV (4 lists)", load("rcapture_hiv_4list.csv"), 20);
    speed("simulated (5 lists)", load("sim_mv2016_design1_seed100_5list.csv"), 3);
    speed("hares (6 occasions)", load("rcapture_hare_6occ.csv"), 3);
  }
  std::printf("peak memory: %.1f MiB\n", uncounted::bench::peak_memory_mib());
  return 0;
}
