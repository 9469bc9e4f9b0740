// Simulation benchmark: the default scenario (data/scenario_default.json)
// with hidden populations of 10,000, 100,000 and 1,000,000 people by
// default; for each, the time to simulate (population, documentation,
// records, truth) and to write the lists and the truth to disk, people and
// records per second (wall clock; CPU seconds beside), bytes written and
// peak memory. Each size runs in a child process of its own, so that its
// peak memory is its own.
//
//   simulate_bench [--out DIR] [--seed S] [PEOPLE...]

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "peak_memory.h"
#include "simulate/simulation.h"

namespace {

namespace fs = std::filesystem;
using namespace uncounted::simulate;
using Clock = std::chrono::steady_clock;

// CPU seconds of this process so far: on a shared machine, the figure
// that other processes' load changes least.
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::uintmax_t bytes_under(const fs::path& dir) {
  std::uintmax_t total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) total += entry.file_size();
  return total;
}

// One size: simulate, write, report. Runs in its own process.
int bench_one(int people, std::uint64_t seed, const fs::path& out) {
  Scenario scenario = default_scenario();
  scenario.population.size = people;

  const double cpu_start = cpu_seconds();
  const auto start = Clock::now();
  const Simulation sim = run_simulation(scenario, seed);
  const double simulate_s = seconds_since(start);

  const auto write_start = Clock::now();
  write_simulation(sim, out);
  const double write_s = seconds_since(write_start);
  const double total_s = simulate_s + write_s;
  const double cpu_s = cpu_seconds() - cpu_start;

  std::size_t records = 0;
  for (const auto& list : sim.lists) records += list.size();
  std::size_t events = 0;
  for (const TruePerson& p : sim.people) events += p.events.size();

  std::printf("%d people: %zu events, %zu records in %zu lists, %zu strata\n", people, events,
              records, sim.lists.size(), sim.strata.size());
  std::printf("  simulate %.3f s, write %.3f s (%.1f MiB), total %.3f s wall, %.3f s CPU\n",
              simulate_s, write_s, static_cast<double>(bytes_under(out)) / (1024.0 * 1024.0),
              total_s, cpu_s);
  std::printf("  throughput: %.0f people/s, %.0f records/s written (simulate + write)\n",
              people / total_s, static_cast<double>(records) / total_s);
  std::printf("  peak memory: %.1f MiB\n", uncounted::bench::peak_memory_mib());
  std::fflush(stdout);
  std::error_code ec;
  fs::remove_all(out, ec);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path out = fs::temp_directory_path() / ("simulate_bench." + std::to_string(getpid()));
  std::uint64_t seed = 1;
  std::vector<int> sizes;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--out" && i + 1 < argc) {
      out = argv[++i];
    } else if (arg == "--seed" && i + 1 < argc) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (const int n = std::atoi(arg.c_str()); n > 0) {
      sizes.push_back(n);
    } else {
      std::fprintf(stderr, "usage: simulate_bench [--out DIR] [--seed S] [PEOPLE...]\n");
      return 2;
    }
  }
  if (sizes.empty()) sizes = {10'000, 100'000, 1'000'000};

  int status = 0;
  for (int people : sizes) {
    // A child per size: getrusage's peak is the process's, not the run's.
    const pid_t child = fork();
    if (child < 0) return bench_one(people, seed, out);
    if (child == 0) {
      try {
        std::_Exit(bench_one(people, seed, out));
      } catch (const std::exception& e) {
        std::fprintf(stderr, "%d people: %s\n", people, e.what());
        std::_Exit(1);
      }
    }
    int child_status = 0;
    waitpid(child, &child_status, 0);
    if (!WIFEXITED(child_status) || WEXITSTATUS(child_status) != 0) status = 1;
  }
  return status;
}
