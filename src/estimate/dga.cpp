#include "estimate/dga.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <tuple>

#include "model/error.h"
#include "model/parallel.h"

namespace uncounted::estimate {
namespace {

// Adjacency as bit masks: adjacent[v] holds v's neighbours.
using Adjacency = std::vector<unsigned>;

bool complete(const Adjacency& adjacent, unsigned set) {
  for (unsigned rest = set; rest != 0; rest &= rest - 1) {
    const int v = std::countr_zero(rest);
    if ((adjacent[v] & set) != (set & ~(1u << v))) return false;
  }
  return true;
}

// Chordal: vertices can be removed one by one, each simplicial (its
// remaining neighbours form a clique) when it goes.
bool chordal(const Adjacency& adjacent, int p) {
  unsigned left = (1u << p) - 1;
  while (left != 0) {
    bool removed = false;
    for (unsigned rest = left; rest != 0; rest &= rest - 1) {
      const int v = std::countr_zero(rest);
      if (complete(adjacent, adjacent[v] & left)) {
        left &= ~(1u << v);
        removed = true;
        break;
      }
    }
    if (!removed) return false;
  }
  return true;
}

// One mathematical summary of a stratum's table per list subset A: the
// log Dirichlet-multinomial term of its marginal table as a function of the
// unobserved count (dga's CompLogML), with alpha = delta 2^(p - |A|) per
// marginal cell; the unobserved people fall in the all-absent cell.
struct Marginal {
  double cells_term = 0;  // sum over present cells of lgamma(n + alpha) - cells lgamma(alpha)
  double absent = 0;      // observed people absent from every list of A
  double alpha = 0;
};

double log_sum_exp_add(double a, double b) {
  if (a == -std::numeric_limits<double>::infinity()) return b;
  if (b == -std::numeric_limits<double>::infinity()) return a;
  const double m = std::max(a, b);
  return m + std::log(std::exp(a - m) + std::exp(b - m));
}

// OUT[k] = lgamma(VALUES[k] + OFFSET) for every grid point. Where the grid
// steps by one, lgamma(x + 1) = lgamma(x) + log(x): a logarithm instead of
// a log-gamma, several times cheaper. The exact value is taken again every
// kExactEvery points, so the rounding of the running sum stays under 1e-9.
void lgamma_along(const std::vector<double>& values, double offset, double* out) {
  constexpr std::size_t kExactEvery = 256;
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (k % kExactEvery != 0 && values[k] == values[k - 1] + 1) {
      out[k] = out[k - 1] + std::log(values[k - 1] + offset);
    } else {
      out[k] = std::lgamma(values[k] + offset);
    }
  }
}

// Below this, exp() of a log weight relative to its graph's top is under
// 1e-26 of the top, and even 10^7 such grid points weigh under 1e-19 of the
// graph's mass: counted as zero without calling exp.
constexpr double kNegligibleLog = -60;

}  // namespace

std::vector<DecomposableGraph> decomposable_graphs(int p) {
  if (p < 1 || p > 6) throw usage_error("decomposable graphs are enumerated for 1 to 6 lists");
  std::vector<std::pair<int, int>> edges;
  for (int a = 0; a < p; ++a)
    for (int b = a + 1; b < p; ++b) edges.emplace_back(a, b);
  std::vector<DecomposableGraph> out;
  for (std::uint64_t set = 0; set < (std::uint64_t{1} << edges.size()); ++set) {
    Adjacency adjacent(p, 0);
    for (std::size_t e = 0; e < edges.size(); ++e) {
      if ((set >> e) & 1) {
        adjacent[edges[e].first] |= 1u << edges[e].second;
        adjacent[edges[e].second] |= 1u << edges[e].first;
      }
    }
    if (!chordal(adjacent, p)) continue;
    DecomposableGraph g;
    // Maximal complete subsets.
    const unsigned all = (1u << p) - 1;
    for (unsigned s = 1; s <= all; ++s) {
      if (!complete(adjacent, s)) continue;
      bool maximal = true;
      for (int v = 0; v < p && maximal; ++v) {
        if (!(s & (1u << v)) && complete(adjacent, s | (1u << v))) maximal = false;
      }
      if (maximal) g.cliques.push_back(s);
    }
    // Separators: the intersections along a maximum-weight spanning forest
    // of the cliques (weight = shared lists); empty ones are left out.
    std::vector<std::tuple<int, std::size_t, std::size_t>> links;
    for (std::size_t a = 0; a < g.cliques.size(); ++a)
      for (std::size_t b = a + 1; b < g.cliques.size(); ++b) {
        const int w = std::popcount(g.cliques[a] & g.cliques[b]);
        if (w > 0) links.emplace_back(w, a, b);
      }
    std::sort(links.begin(), links.end(),
              [](const auto& x, const auto& y) { return std::get<0>(x) > std::get<0>(y); });
    std::vector<std::size_t> parent(g.cliques.size());
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&](std::size_t x) {
      while (parent[x] != x) x = parent[x] = parent[parent[x]];
      return x;
    };
    for (const auto& [w, a, b] : links) {
      const std::size_t ra = find(a), rb = find(b);
      if (ra == rb) continue;
      parent[ra] = rb;
      g.separators.push_back(g.cliques[a] & g.cliques[b]);
    }
    out.push_back(std::move(g));
  }
  return out;
}

std::string graph_label(const DecomposableGraph& graph) {
  std::vector<std::string> parts;
  for (unsigned c : graph.cliques) {
    std::string s = "[";
    for (int v = 0; v < 32; ++v)
      if (c & (1u << v)) s += std::to_string(v + 1);
    parts.push_back(s + "]");
  }
  std::sort(parts.begin(), parts.end());
  std::string out;
  for (const std::string& s : parts) out += s;
  return out;
}

DgaResult run_dga(const std::vector<std::int64_t>& counts, int p, const DgaOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  if (p < 3 || p > 5) throw usage_error("dga needs 3 to 5 lists", "--method dga");
  const std::size_t cells = std::size_t{1} << p;
  if (counts.size() != cells) throw usage_error("dga: the table needs 2^lists counts");
  DgaResult r;
  for (std::size_t h = 1; h < cells; ++h) {
    if (counts[h] < 0) throw usage_error("dga: counts must not be negative");
    r.observed += counts[h];
  }
  if (r.observed == 0) throw invalid_input("dga: nobody is on any list");
  r.delta = options.delta > 0 ? options.delta : std::ldexp(1.0, -p);
  if (!(options.interval > 0 && options.interval < 1)) {
    throw usage_error("the interval level must be between 0 and 1", "--interval");
  }
  const double n = static_cast<double>(r.observed);

  // Per list subset: the marginal table's constant part.
  std::vector<Marginal> marginal(cells);
  double log_factorials = 0;
  for (std::size_t h = 1; h < cells; ++h) log_factorials += std::lgamma(counts[h] + 1.0);
  for (unsigned a = 1; a < cells; ++a) {
    Marginal& m = marginal[a];
    const int size = std::popcount(a);
    m.alpha = r.delta * std::ldexp(1.0, p - size);
    std::vector<double> table(std::size_t{1} << size, 0);
    for (std::size_t h = 1; h < cells; ++h) {
      // The pattern of h on A's lists, as an index into the marginal.
      std::size_t k = 0;
      int bit = 0;
      for (int v = 0; v < p; ++v) {
        if (a & (1u << v)) {
          if (h & (std::size_t{1} << v)) k |= std::size_t{1} << bit;
          ++bit;
        }
      }
      table[k] += static_cast<double>(counts[h]);
    }
    m.absent = table[0];
    m.cells_term = -static_cast<double>(table.size()) * std::lgamma(m.alpha);
    for (std::size_t k = 1; k < table.size(); ++k) m.cells_term += std::lgamma(table[k] + m.alpha);
  }
  const std::vector<DecomposableGraph> graphs = decomposable_graphs(p);
  const double total_alpha = r.delta * static_cast<double>(cells);
  const int threads = options.threads > 0 ? options.threads : model::default_thread_count();

  std::int64_t from = options.missing_from;
  std::int64_t to = options.missing_to;
  if (from < 0 || (to != 0 && to < from)) throw usage_error("dga: bad grid of unobserved counts");
  const bool auto_grid = to == 0;
  if (auto_grid) to = std::max<std::int64_t>(10 * r.observed, 10000);
  // Grid points STEP apart: every count when the user gives the grid or the
  // observed are few (Kosovo's 4,400: step 1, the package's answer to the
  // unit); beyond 10,000 people a step of n / 10,000, so that quantiles keep
  // 4 significant digits and 200,000 people cost what 10,000 do.
  const std::int64_t step = auto_grid ? std::max<std::int64_t>(1, r.observed / 10000) : 1;
  // The automatic grid grows at most 8-fold: a graph that leaves the
  // unobserved count free (the saturated one) has a tail like N^(delta-2),
  // which no grid holds; growing it to 10^7 took 28 s and 1.5 GB on 4,500
  // people, for an upper bound the warning below already disowns.
  const std::int64_t most = std::min<std::int64_t>(to * 8, 10'000'000);
  if (!options.log_prior.empty() &&
      options.log_prior.size() != static_cast<std::size_t>(to - from + 1)) {
    throw usage_error("dga: the prior must give one value per grid point");
  }

  // The list subsets some graph uses (cliques and separators), and each
  // one's row in the grid loop's table of terms.
  std::vector<std::size_t> row(cells, 0);
  std::vector<unsigned> used;
  for (const DecomposableGraph& graph : graphs) {
    for (unsigned a : graph.cliques) used.push_back(a);
    for (unsigned a : graph.separators) used.push_back(a);
  }
  std::sort(used.begin(), used.end());
  used.erase(std::unique(used.begin(), used.end()), used.end());
  for (std::size_t i = 0; i < used.size(); ++i) row[used[i]] = i;

  for (;;) {
    // Grid points: every count up to 10,000 past FROM (where a graph that
    // leaves the unobserved count free piles its mass), then one point per
    // STEP counts, at the middle of its cell, weighing the cell's width.
    std::vector<double> values, widths;
    const std::int64_t unit_until =
        step == 1 ? to + 1 : std::min<std::int64_t>(to + 1, from + 10000);
    for (std::int64_t x = from; x < unit_until; ++x) {
      values.push_back(static_cast<double>(x));
      widths.push_back(1);
    }
    for (std::int64_t x = unit_until; x <= to; x += step) {
      const std::int64_t width = std::min<std::int64_t>(step, to - x + 1);
      values.push_back(static_cast<double>(x) + static_cast<double>(width - 1) / 2);
      widths.push_back(static_cast<double>(width));
    }
    const std::size_t grid = values.size();
    const auto missing = [&](std::size_t k) { return values[k]; };
    // Terms of every graph that depend on the unobserved count n0 alone:
    // the multinomial coefficient and the prior on N, and the normalizer
    // that each clique brings and each separator takes away.
    std::vector<double> base(grid), normalizer(grid), scratch(grid);
    lgamma_along(values, n + 1, base.data());
    lgamma_along(values, 1, scratch.data());
    for (std::size_t k = 0; k < grid; ++k) {
      const double prior =
          options.log_prior.empty() ? -std::log(missing(k) + n) : options.log_prior[k];
      base[k] += -log_factorials - scratch[k] + prior;
    }
    lgamma_along(values, n + total_alpha, normalizer.data());
    const double lgamma_total_alpha = std::lgamma(total_alpha);
    for (double& v : normalizer) v = lgamma_total_alpha - v;
    // Per list subset that some graph uses: lgamma(n0 + absent + alpha) plus
    // its constant part, one row of TERMS each.
    std::vector<double> terms(used.size() * grid);
    model::parallel_for(used.size(), threads, [&](std::size_t i, int) {
      const Marginal& m = marginal[used[i]];
      double* t = terms.data() + i * grid;
      lgamma_along(values, m.absent + m.alpha, t);
      for (std::size_t k = 0; k < grid; ++k) t[k] += m.cells_term;
    });

    // Each graph's log weights on the grid. The graphs are shared among the
    // threads in fixed contiguous blocks, each block summed in its own
    // accumulator with a running maximum so that nothing underflows, and
    // the blocks merged in order: the same answer on every run.
    const double neg_inf = -std::numeric_limits<double>::infinity();
    std::vector<double> graph_log_mass(graphs.size(), neg_inf);
    std::vector<double> graph_median(graphs.size(), 0);
    const int blocks = std::max(1, std::min<int>(threads, static_cast<int>(graphs.size())));
    std::vector<std::vector<double>> block_posterior(blocks, std::vector<double>(grid, 0.0));
    std::vector<double> block_scale(blocks, neg_inf);  // posterior[k] = exp(log weight - scale)
    model::parallel_for(blocks, blocks, [&](std::size_t b, int) {
      std::vector<double>& posterior = block_posterior[b];
      double& scale = block_scale[b];
      std::vector<double> w(grid);
      const std::size_t first = graphs.size() * b / blocks;
      const std::size_t last = graphs.size() * (b + 1) / blocks;
      for (std::size_t g = first; g < last; ++g) {
        const DecomposableGraph& graph = graphs[g];
        const double components = static_cast<double>(graph.cliques.size()) -
                                  static_cast<double>(graph.separators.size());
        for (std::size_t k = 0; k < grid; ++k) w[k] = base[k] + components * normalizer[k];
        for (unsigned c : graph.cliques) {
          const double* t = terms.data() + row[c] * grid;
          for (std::size_t k = 0; k < grid; ++k) w[k] += t[k];
        }
        for (unsigned sep : graph.separators) {
          const double* t = terms.data() + row[sep] * grid;
          for (std::size_t k = 0; k < grid; ++k) w[k] -= t[k];
        }
        const double top = *std::max_element(w.begin(), w.end());
        if (top > scale) {
          const double shrink = scale == neg_inf ? 0.0 : std::exp(scale - top);
          for (double& v : posterior) v *= shrink;
          scale = top;
        }
        double mass = 0;
        for (std::size_t k = 0; k < grid; ++k) {
          const double d = w[k] - top;
          const double e = d < kNegligibleLog ? 0.0 : std::exp(d) * widths[k];
          mass += e;
          w[k] = e;
        }
        // Given the graph: its median.
        double running = 0;
        std::size_t median = grid - 1;
        for (std::size_t k = 0; k < grid; ++k) {
          running += w[k];
          if (running >= 0.5 * mass) {
            median = k;
            break;
          }
        }
        graph_median[g] = n + std::round(missing(median));
        graph_log_mass[g] = top + std::log(mass);
        if (top - scale < kNegligibleLog) continue;
        const double factor = std::exp(top - scale);
        for (std::size_t k = 0; k < grid; ++k) posterior[k] += w[k] * factor;
      }
    });
    double scale = *std::max_element(block_scale.begin(), block_scale.end());
    std::vector<double> posterior(grid, 0.0);
    for (int b = 0; b < blocks; ++b) {
      if (block_scale[b] == neg_inf) continue;
      const double factor = std::exp(block_scale[b] - scale);
      for (std::size_t k = 0; k < grid; ++k) posterior[k] += block_posterior[b][k] * factor;
    }
    double total = 0;
    for (double v : posterior) total += v;
    for (double& v : posterior) v /= total;
    double log_total = neg_inf;
    for (double m : graph_log_mass) log_total = log_sum_exp_add(log_total, m);

    const std::size_t tail = std::max<std::size_t>(1, grid / 100);
    double tail_mass = 0;
    for (std::size_t k = grid - tail; k < grid; ++k) tail_mass += posterior[k];
    if (auto_grid && tail_mass > 1e-6 && to < most && options.log_prior.empty()) {
      to = std::min<std::int64_t>(to * 2, most);
      continue;
    }
    r.missing_from = from;
    r.missing_step = step;
    r.missing_to = to;
    r.missing_values = values;
    r.mass_at_grid_end = tail_mass;
    if (tail_mass > 1e-6) {
      r.warnings.push_back("dga: " + std::to_string(tail_mass) +
                           " of the posterior lies in the top 1% of the grid of unobserved "
                           "counts: the grid truncates a heavy tail, and the upper bound is "
                           "too low (a graph that leaves the unobserved count free carries "
                           "weight)");
    }
    auto quantile = [&](double q) {
      double running = 0;
      for (std::size_t k = 0; k < grid; ++k) {
        running += posterior[k];
        if (running >= q) return n + std::round(missing(k));
      }
      return n + static_cast<double>(to);
    };
    const double tail_p = (1 - options.interval) / 2;
    r.lower = quantile(tail_p);
    r.median = quantile(0.5);
    r.upper = quantile(1 - tail_p);
    std::size_t mode = 0;
    for (std::size_t k = 0; k < grid; ++k) {
      r.mean += posterior[k] * (n + missing(k));
      if (posterior[k] > posterior[mode]) mode = k;
    }
    r.mode = n + std::round(missing(mode));
    for (std::size_t g = 0; g < graphs.size(); ++g) {
      r.models.push_back(
          {graph_label(graphs[g]), std::exp(graph_log_mass[g] - log_total), graph_median[g]});
    }
    std::stable_sort(r.models.begin(), r.models.end(), [](const DgaModel& a, const DgaModel& b) {
      return a.probability > b.probability;
    });
    // The graph that joins every list leaves the unobserved count free: the
    // overlap says nothing about it, and its posterior is the prior's
    // (piled at "nobody unobserved", with a tail no grid holds). On 167,000
    // linked people it won and gave 167,046 [167,043 - 531,951].
    double saturated = 0;
    DecomposableGraph whole;
    whole.cliques = {static_cast<unsigned>(cells - 1)};
    const std::string complete = graph_label(whole);
    for (const DgaModel& m : r.models)
      if (m.label == complete) saturated = m.probability;
    if (saturated > 0.05) {
      char line[300];
      std::snprintf(line, sizeof line,
                    "dga: the graph that joins every list, under which the lists' overlap says "
                    "nothing about the people on none, has posterior probability %.2f: the "
                    "estimate is largely the prior's, not the data's; do not use it",
                    saturated);
      r.warnings.push_back(line);
    }
    r.posterior = std::move(posterior);
    break;
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace uncounted::estimate
