#pragma once
// Bayesian model averaging over decomposable graphical models (Madigan and
// York 1997, "Bayesian methods for estimation of the size of a closed
// population", Biometrika 84(1); HRDAG's R package dga, bma.cr): the third
// of HRDAG's standard estimators beside the log-linear models and LCMCR.
//
// Each decomposable graph on the lists is a model of their dependence; with
// a hyper-Dirichlet prior (delta per cell of the full table) the marginal
// likelihood of the complete table, unobserved cell included, is exact:
// the cliques' Dirichlet-multinomial terms over the separators'. Summed
// over every graph (uniform prior) and every value of the unobserved count
// on a grid (prior on N proportional to 1/N by default), it gives the
// posterior of N with no sampling: the same answer every run. 3 to 5 lists
// (8, 61 and 822 graphs, enumerated here by testing every graph for
// chordality).
//
//   DgaOptions o;                 // delta = 2^-lists, grid chosen from n
//   DgaResult r = run_dga(counts, 4, o);
//   r.median, r.lower, r.upper;   // quantiles of N
//   r.models[0].label;            // "[123][134]", the most probable graph
//
// Thread-safety: pure functions.

#include <cstdint>
#include <string>
#include <vector>

namespace uncounted::estimate {

struct DgaOptions {
  double delta = 0;  // hyper-Dirichlet parameter per cell; 0: 2^-lists
  // The unobserved count takes the values [missing_from, missing_to];
  // missing_to 0: chosen so that the posterior's tail is negligible
  // (max(10 n, 10,000), doubled while the top 1% of the grid holds more
  // than 1e-6 of the mass, up to 8 times that and at most 10^7; beyond, a
  // warning says the tail is truncated).
  std::int64_t missing_from = 0;
  std::int64_t missing_to = 0;
  double interval = 0.95;
  // Log prior of N on the grid, or empty: -log N (the package's default).
  std::vector<double> log_prior;
  // Threads for the graphs' posteriors; 0: every core. The answer is the
  // same for any number to the last digits (the blocks' sums are merged
  // in order), identical run to run with the same number.
  int threads = 0;
};

struct DgaModel {
  std::string label;       // cliques by list number, "[123][134]"
  double probability = 0;  // posterior probability of the graph
  double median = 0;       // median of N given the graph
};

struct DgaResult {
  std::int64_t observed = 0;
  double delta = 0;
  double mean = 0, median = 0, lower = 0, upper = 0, mode = 0;
  std::int64_t missing_from = 0, missing_to = 0;
  std::int64_t missing_step = 1;  // grid points are this many apart
  double mass_at_grid_end = 0;    // posterior mass in the top 1% of the grid
  std::vector<DgaModel> models;   // every graph, most probable first
  // The unobserved count at each grid point (every count up to 10,000
  // past missing_from, then the middles of cells of missing_step counts)
  // and the posterior mass there (of the whole cell).
  std::vector<double> missing_values;
  std::vector<double> posterior;
  std::vector<std::string> warnings;
  double seconds = 0;
};

// Runs model averaging on COUNTS (2^LISTS entries, bit j of the index =
// list j + 1; counts[0] ignored) for 3 <= LISTS <= 5. Throws usage_error
// for other list counts or bad options.
DgaResult run_dga(const std::vector<std::int64_t>& counts, int lists,
                  const DgaOptions& options = {});

// A decomposable graph as cliques and separators (bit masks of lists).
struct DecomposableGraph {
  std::vector<unsigned> cliques;
  std::vector<unsigned> separators;  // non-empty ones, with multiplicity
};

// Every decomposable graph on LISTS vertices (3: 8, 4: 61, 5: 822).
std::vector<DecomposableGraph> decomposable_graphs(int lists);

std::string graph_label(const DecomposableGraph& graph);

}  // namespace uncounted::estimate
