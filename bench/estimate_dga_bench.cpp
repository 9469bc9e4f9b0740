// dga speed: Bayesian model averaging over every decomposable graph
// (estimate/dga.h), as `estimate --method dga` runs it.
//
//   estimate_dga_bench              the reference tables on dga's own grids
//                                   (REFERENCE.md section 1.7), Kosovo on the
//                                   automatic grid, Madigan and York's five
//                                   lists, and a 200,000-person table
//   estimate_dga_bench --quick      Kosovo only
//   estimate_dga_bench --reference [REPEATS [THREADS]]
//                                   one line per reference table, in the form
//                                   bench/dga_versus_r.R prints: name,
//                                   seconds per call (the median of REPEATS),
//                                   mean, 2.5%, 50%, 97.5%; THREADS 0: all
//
// Prints calls per second (each call: every graph's posterior over the whole
// grid of unobserved counts, the quantiles and each graph's median) and
// peak memory. bench/dga_versus_r.sh sets the figures beside R's.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "estimate/capture_table.h"
#include "estimate/dga.h"
#include "peak_memory.h"

using namespace uncounted::estimate;

namespace {

CaptureTable load(const std::string& file) {
  std::ifstream in(std::string(UNCOUNTED_SHARED_DIR) + "/data/mse/" + file);
  return read_capture_table(in, file);
}

struct Timed {
  DgaResult result;
  double median_seconds = 0;
};

// REPEATS calls; the median call's time (as the R script reports it).
Timed time_calls(const std::vector<std::int64_t>& counts, int lists, const DgaOptions& options,
                 int repeats) {
  Timed t;
  std::vector<double> seconds;
  for (int r = 0; r < repeats; ++r) {
    const auto start = std::chrono::steady_clock::now();
    t.result = run_dga(counts, lists, options);
    seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(seconds.begin(), seconds.end());
  t.median_seconds = seconds[seconds.size() / 2];
  return t;
}

DgaOptions grid(double delta, std::int64_t missing_to) {
  DgaOptions o;
  o.delta = delta;
  o.missing_from = 0;
  o.missing_to = missing_to;
  return o;
}

void speed(const char* label, const std::vector<std::int64_t>& counts, int lists,
           const DgaOptions& options, int repeats) {
  const Timed t = time_calls(counts, lists, options, repeats);
  const DgaResult& r = t.result;
  const std::size_t points = r.missing_values.size();
  std::printf(
      "%-36s %3zu graphs x %7zu grid points: %8.1f calls/s (%7.2f ms each; "
      "N %.0f [%.0f - %.0f], top %s)\n",
      label, r.models.size(), points, 1 / t.median_seconds, 1000 * t.median_seconds, r.median,
      r.lower, r.upper, r.models.empty() ? "-" : r.models[0].label.c_str());
}

struct Reference {
  const char* name;
  const char* file;
  std::int64_t missing_to;
};

const Reference kReferences[] = {
    {"kosovo", "kosovo_4list.csv", 60000},
    {"hiv", "rcapture_hiv_4list.csv", 100000},
    {"lesbian", "rcapture_lesbian_4list.csv", 100000},
    {"diabetes", "rcapture_diabetes_4list.csv", 100000},
};

// The reference tables at delta 1/16 on dga's grids, in the R script's form.
void reference(int repeats, int threads) {
  for (const Reference& ref : kReferences) {
    const CaptureTable table = load(ref.file);
    DgaOptions o = grid(1.0 / 16, ref.missing_to);
    o.threads = threads;
    const Timed t =
        time_calls(table.strata[0].counts, static_cast<int>(table.lists.size()), o, repeats);
    std::printf("%s %.4f %.2f %.0f %.0f %.0f\n", ref.name, t.median_seconds, t.result.mean,
                t.result.lower, t.result.median, t.result.upper);
  }
}

// The expected 4-list table of 200,000 people in two classes: a share
// HARD seen with the first capture probabilities, the rest with the second.
std::vector<std::int64_t> large_table(double hard) {
  std::vector<std::int64_t> counts(16, 0);
  const double shy[4] = {0.10, 0.12, 0.08, 0.15};
  const double easy[4] = {0.45, 0.50, 0.40, 0.55};
  for (unsigned h = 1; h < 16; ++h) {
    double a = hard, b = 1 - hard;
    for (int j = 0; j < 4; ++j) {
      const bool in = (h >> j) & 1u;
      a *= in ? shy[j] : 1 - shy[j];
      b *= in ? easy[j] : 1 - easy[j];
    }
    counts[h] = static_cast<std::int64_t>(200000 * (a + b) + 0.5);
  }
  return counts;
}

}  // namespace

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  if (argc > 1 && std::strcmp(argv[1], "--reference") == 0) {
    reference(argc > 2 ? std::atoi(argv[2]) : 5, argc > 3 ? std::atoi(argv[3]) : 0);
    return 0;
  }
  const CaptureTable kosovo = load("kosovo_4list.csv");
  speed("Kosovo, delta 1/16, grid 0..60,000", kosovo.strata[0].counts, 4, grid(1.0 / 16, 60000),
        quick ? 5 : 20);
  DgaOptions one_core = grid(1.0 / 16, 60000);
  one_core.threads = 1;
  speed("Kosovo, the same on one core", kosovo.strata[0].counts, 4, one_core, quick ? 5 : 20);
  if (!quick) {
    speed("Kosovo, the automatic grid", kosovo.strata[0].counts, 4, DgaOptions{}, 20);
    for (const Reference& ref : kReferences) {
      if (std::strcmp(ref.name, "kosovo") == 0) continue;
      const CaptureTable table = load(ref.file);
      speed(ref.name, table.strata[0].counts, static_cast<int>(table.lists.size()),
            grid(1.0 / 16, ref.missing_to), 10);
    }
    // Madigan and York's five lists (dga's help example): 822 graphs.
    const std::vector<std::int64_t> my5 = {0,  27, 37, 19, 4, 4, 1, 1, 97, 22, 37, 25, 2, 1, 3, 5,
                                           83, 36, 34, 18, 3, 5, 0, 2, 30, 5,  23, 8,  0, 3, 0, 2};
    // dga's array is in R's order (list 1 varies fastest), as is ours.
    DgaOptions o = grid(0.5, 300);
    o.missing_from = 1;
    speed("Madigan-York, 5 lists, delta 1/2", my5, 5, o, 20);
    // Lists independent (one class): the graph of no edges wins.
    speed("200,000 people, one class", large_table(0), 4, DgaOptions{}, 5);
    // Two classes (80% hard to reach): no graph fits, the one of every
    // list wins and its heavy tail grows the grid 8-fold (the worst case).
    speed("200,000 people, two classes", large_table(0.8), 4, DgaOptions{}, 5);
  }
  std::printf("peak memory: %.1f MiB\n", uncounted::bench::peak_memory_mib());
  return 0;
}
