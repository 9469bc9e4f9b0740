// Coverage study: simulated populations with known N, captured by 4 lists
// under different kinds of heterogeneity and list dependence; for each
// method, the bias of the point estimate and how often its 95% interval
// covers the truth. docs/estimation.md reports the figures.
//
//   estimate_coverage_bench [--replicates R] [--sweeps S]
//
// Every replicate is seeded from its index, so the study is reproducible.

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "estimate/chao_lower_bound.h"
#include "estimate/closed_population.h"
#include "estimate/lcmcr.h"
#include "estimate/loglinear.h"
#include "estimate/random_source.h"
#include "peak_memory.h"

using namespace uncounted::estimate;

namespace {

constexpr int kLists = 4;
constexpr int kTrueN = 2000;

struct Scenario {
  const char* name;
  const char* description;
  // Draws one person's capture pattern.
  std::function<unsigned(RandomSource&)> capture;
};

unsigned independent(RandomSource& rng, const double* p) {
  unsigned x = 0;
  for (int j = 0; j < kLists; ++j)
    if (rng.uniform() < p[j]) x |= 1u << j;
  return x;
}

std::vector<Scenario> scenarios() {
  return {
      {"independent", "homogeneous, independent lists, p = 0.15, 0.20, 0.25, 0.10",
       [](RandomSource& rng) {
         static const double p[] = {0.15, 0.20, 0.25, 0.10};
         return independent(rng, p);
       }},
      {"heterogeneous",
       "two latent classes: 80% hard to reach (p 0.05-0.12), 20% visible (p 0.45-0.70); lists "
       "independent within a class",
       [](RandomSource& rng) {
         static const double shy[] = {0.05, 0.08, 0.12, 0.06};
         static const double seen[] = {0.45, 0.60, 0.70, 0.50};
         return independent(rng, rng.uniform() < 0.8 ? shy : seen);
       }},
      {"dependent",
       "list dependence without heterogeneity: list B records 45% of list A's people and 10% of "
       "the rest (referral); C and D independent",
       [](RandomSource& rng) {
         unsigned x = 0;
         const bool a = rng.uniform() < 0.2;
         if (a) x |= 1;
         if (rng.uniform() < (a ? 0.45 : 0.10)) x |= 2;
         if (rng.uniform() < 0.2) x |= 4;
         if (rng.uniform() < 0.15) x |= 8;
         return x;
       }},
      {"heterogeneous+dependent",
       "the two latent classes above, and list B also favours list A's people (x3 odds)",
       [](RandomSource& rng) {
         const bool shy = rng.uniform() < 0.8;
         const double pa = shy ? 0.05 : 0.45, pc = shy ? 0.12 : 0.70, pd = shy ? 0.06 : 0.50;
         unsigned x = 0;
         const bool a = rng.uniform() < pa;
         if (a) x |= 1;
         double pb = shy ? 0.08 : 0.60;
         if (a) pb = 3 * pb / (1 + 2 * pb);  // odds times 3
         if (rng.uniform() < pb) x |= 2;
         if (rng.uniform() < pc) x |= 4;
         if (rng.uniform() < pd) x |= 8;
         return x;
       }},
  };
}

struct Outcome {
  bool ok = false;
  double N = 0, lower = 0, upper = 0;
};

struct Tally {
  int runs = 0, failed = 0, covered = 0, open = 0;
  double sum = 0, sum_sq_err = 0;
  std::vector<double> widths;
  void add(const Outcome& o) {
    ++runs;
    if (!o.ok || !std::isfinite(o.N)) {
      ++failed;
      return;
    }
    sum += o.N;
    sum_sq_err += (o.N - kTrueN) * (o.N - kTrueN);
    if (!std::isfinite(o.upper)) ++open;
    if (o.lower <= kTrueN && kTrueN <= o.upper) ++covered;
    widths.push_back(o.upper - o.lower);
  }
};

const char* kMethods[] = {"loglinear best BIC", "loglinear BIC-averaged", "lcmcr K=10",
                          "Mt (independence)",  "Mth Chao (LB)",          "Chao lower bound"};
constexpr int kMethodCount = 6;

std::vector<Outcome> estimate_all(const std::vector<std::int64_t>& counts, std::uint64_t seed,
                                  std::int64_t sweeps) {
  std::vector<Outcome> out(kMethodCount);
  const std::vector<std::string> lists = {"A", "B", "C", "D"};
  try {
    LoglinearOptions o;
    o.closed_models = false;
    o.profile_all_below = 0;
    o.profiled_models = 1;
    o.threads = 1;  // the tables share the cores
    const LoglinearResult r = fit_loglinear(counts, lists, o);
    if (r.selected) {
      const ModelFit& f = r.hierarchical[*r.selected];
      out[0] = {f.lower.has_value(), f.N, f.lower.value_or(NAN), f.upper.value_or(INFINITY)};
    }
    if (r.averaged) out[1] = {true, r.averaged->N, r.averaged->lower, r.averaged->upper};
  } catch (...) {
  }
  try {
    LcmcrOptions o;
    o.chains = 1;
    o.threads = 1;
    o.burn_in = sweeps / 5;
    o.iterations = sweeps;
    o.seed = seed;
    const LcmcrResult r = run_lcmcr(counts, kLists, o);
    out[2] = {true, r.median, r.lower, r.upper};
  } catch (...) {
  }
  const auto closed = closed_population_models(kLists);
  for (const auto& m : closed) {
    const int slot = m.name == "Mt" ? 3 : m.name == "Mth Chao (LB)" ? 4 : -1;
    if (slot < 0) continue;
    const ModelFit f = fit_model(m, counts);
    out[slot] = {f.usable() && f.lower.has_value(), f.N, f.lower.value_or(NAN),
                 f.upper.value_or(INFINITY)};
  }
  const ChaoBound c = chao_lower_bound(counts);
  out[5] = {true, c.N, c.lower, c.upper};
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int replicates = 200;
  std::int64_t sweeps = 20000;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--replicates")) replicates = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--sweeps")) sweeps = std::atoll(argv[i + 1]);
  }
  std::printf(
      "Coverage study: N = %d, 4 lists, %d replicates per scenario, LCMCR 1 chain x "
      "%lld sweeps after %lld burn-in\n\n",
      kTrueN, replicates, static_cast<long long>(sweeps), static_cast<long long>(sweeps / 5));
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  for (const Scenario& sc : scenarios()) {
    std::vector<std::vector<Outcome>> results(static_cast<std::size_t>(replicates));
    std::vector<double> observed(static_cast<std::size_t>(replicates));
    std::atomic<int> next{0};
    std::vector<std::thread> pool;
    for (unsigned w = 0; w < threads; ++w)
      pool.emplace_back([&] {
        for (int r; (r = next.fetch_add(1)) < replicates;) {
          RandomSource rng(1000 + static_cast<std::uint64_t>(r), 77);
          std::vector<std::int64_t> counts(1u << kLists, 0);
          for (int i = 0; i < kTrueN; ++i) ++counts[sc.capture(rng)];
          counts[0] = 0;
          std::int64_t n = 0;
          for (auto c : counts) n += c;
          observed[static_cast<std::size_t>(r)] = static_cast<double>(n);
          results[static_cast<std::size_t>(r)] =
              estimate_all(counts, 5000 + static_cast<std::uint64_t>(r), sweeps);
        }
      });
    for (auto& t : pool) t.join();
    double mean_n = 0;
    for (double n : observed) mean_n += n / replicates;
    std::printf("## %s: %s\nmean observed n = %.0f of %d\n\n", sc.name, sc.description, mean_n,
                kTrueN);
    std::printf(
        "| method | mean N | relative bias | RMSE | 95%% coverage | median width | "
        "failed | open |\n|---|---|---|---|---|---|---|---|\n");
    for (int m = 0; m < kMethodCount; ++m) {
      Tally t;
      for (const auto& r : results) t.add(r[static_cast<std::size_t>(m)]);
      const int good = t.runs - t.failed;
      std::sort(t.widths.begin(), t.widths.end());
      const double width = t.widths.empty() ? NAN : t.widths[t.widths.size() / 2];
      std::printf("| %s | %.0f | %+.1f%% | %.0f | %.1f%% | %.0f | %d | %d |\n", kMethods[m],
                  good ? t.sum / good : NAN, good ? 100 * (t.sum / good - kTrueN) / kTrueN : NAN,
                  good ? std::sqrt(t.sum_sq_err / good) : NAN,
                  good ? 100.0 * t.covered / good : NAN, width, t.failed, t.open);
    }
    std::printf("\n");
    std::fflush(stdout);
  }
  std::printf("peak memory: %.1f MiB\n", uncounted::bench::peak_memory_mib());
  return 0;
}
