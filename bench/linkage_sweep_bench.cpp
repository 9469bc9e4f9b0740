// Linkage across scale and name concentration, checked against the truth
// the simulator knows: one configuration per run (so that peak memory is
// the run's own), one Markdown row on standard output. bench/linkage_sweep.sh
// runs the sweep of docs/linkage.md ("Linkage at scale").
//
//   linkage_sweep_bench --people N [--names diverse|realistic|extreme]
//                       [--seed S] [--scenario FILE] [--header]
//                       [--missingness S] [--max-block-size K] [--rule RULE]...
//                       [--oracle] [--diagnose] [--show-missed N]
//                       [--pattern-ceiling] [--completion|--no-completion]
//
// The scenario defaults to bench/scenarios/camps.json (the built-in four
// organizations with sparse lists: about 1.6 records per person, 71% of
// people documented). Per run: simulate; link with the default model (as
// `uncounted link` does); pairwise P/R/F1 of the links, cluster P/R/F1,
// entities found and true; the model's own expected precision and recall;
// the calibration error of the scored pairs; LCMCR (4 lists, 2 chains) on the
// capture histories of uncounted's persons and of the true persons, against
// the true population size; seconds and peak memory.
//
// What limits the linkage (docs/linkage.md, "What the records allow"):
// --missingness S scales every list's blank names, sexes, birth years and
// origins; --max-block-size K and --rule add candidate pairs; --oracle
// trains m from every true pair (a ceiling no real run reaches);
// --completion (--no-completion) links with (without) blanks filled from
// the persons' other records (person_completion.h; off by default);
// --pattern-ceiling prints on standard error the best pairwise F1 that any
// classifier of the pairs' comparison patterns could reach, the patterns'
// share of true matches read from the truth (docs/linkage.md, "What the
// records allow");
// --diagnose prints on standard error why each true pair was missed and
// each false pair made, the blocking rules' counts, the sum of the scored
// pairs' probabilities against the true matches among them, the
// calibration by tenth (same event or two events), the model's m and u of
// every level with the uncertain pairs (p 0.1-0.9) at that level (their
// mean probability against their share of true matches), and the best
// threshold's pairwise figures.

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "estimate/lcmcr.h"
#include "link/accuracy.h"
#include "link/estimate_u.h"
#include "link/linker.h"
#include "link/predict.h"
#include "link/settings.h"
#include "link/table.h"
#include "model/error.h"
#include "peak_memory.h"
#include "simulated_lists.h"

namespace {

using namespace uncounted;

// Capture-history counts (2^lists entries) of the persons ENTITY assigns
// to each record, lists being the table's sources.
std::vector<std::int64_t> capture_counts(const link::Table& table,
                                         const std::vector<std::uint32_t>& entity,
                                         std::size_t entities) {
  const std::size_t lists = table.source_names.size();
  std::vector<std::uint32_t> history(entities, 0);
  for (std::size_t r = 0; r < table.size(); ++r) history[entity[r]] |= 1u << table.source[r];
  std::vector<std::int64_t> counts(std::size_t{1} << lists, 0);
  for (std::uint32_t h : history) ++counts[h];
  counts[0] = 0;
  return counts;
}

estimate::LcmcrResult lcmcr(const std::vector<std::int64_t>& counts, int lists,
                            std::uint64_t seed) {
  estimate::LcmcrOptions o;
  o.chains = 2;
  o.iterations = 20000;
  o.burn_in = 5000;
  o.seed = seed;
  return estimate::run_lcmcr(counts, lists, o);
}

// Calibration by probability within two classes of pairs (SPLIT: 0 or 1,
// named by LABELS): the share of true matches against the mean
// probability, per tenth.
template <typename Split>
void print_calibration(const std::vector<link::ScoredPair>& pairs,
                       const std::vector<std::uint32_t>& true_entity,
                       const std::array<const char*, 2>& labels, Split split) {
  double n[2][10] = {}, sum_p[2][10] = {}, hits[2][10] = {};
  for (const auto& p : pairs) {
    const int k = split(p) ? 1 : 0;
    const int b = std::min(9, static_cast<int>(p.match_probability * 10));
    n[k][b] += 1;
    sum_p[k][b] += p.match_probability;
    hits[k][b] += true_entity[p.i] == true_entity[p.j];
  }
  for (int k = 0; k < 2; ++k) {
    for (int b = 0; b < 10; ++b) {
      if (n[k][b] == 0) continue;
      std::fprintf(stderr, "  calibration, %s, p %.1f-%.1f: %7.0f pairs, mean p %.3f, true %.3f\n",
                   labels[k], b / 10.0, (b + 1) / 10.0, n[k][b], sum_p[k][b] / n[k][b],
                   hits[k][b] / n[k][b]);
    }
  }
}

// Why each true pair was missed and each false pair made (on standard
// error): the pairs of one true person not in one entity, by what the
// linkage did with them, and what the two records hold in common.
// SHOW_MISSED: how many missed pairs whose records both hold a birth year
// and an origin to print whole (simulated records only).
void diagnose(const link::Table& t, const std::vector<std::uint32_t>& true_entity,
              const link::Linker& linker, int show_missed) {
  const link::LinkResult& r = linker.result();
  std::unordered_map<std::uint64_t, float> scored;
  scored.reserve(r.pairs.size() * 2);
  auto key = [](std::uint32_t i, std::uint32_t j) {
    if (i > j) std::swap(i, j);
    return (std::uint64_t{i} << 32) | j;
  };
  for (const auto& p : r.pairs) scored[key(p.i, p.j)] = p.match_probability;
  const double thr = r.settings.threshold;
  const link::Column* name = t.column("name");
  const link::Column* birth = t.column("birth_year");
  const link::Column* origin = t.column("origin");
  const link::Column* event = t.column("event");
  std::map<std::uint32_t, std::vector<std::uint32_t>> by_person;
  for (std::uint32_t i = 0; i < t.size(); ++i) by_person[true_entity[i]].push_back(i);
  std::map<std::string, std::uint64_t> missed;
  std::uint64_t true_pairs = 0;
  int printed_sample = 0;
  for (const auto& [person, recs] : by_person) {
    for (std::size_t a = 0; a < recs.size(); ++a) {
      for (std::size_t b = a + 1; b < recs.size(); ++b) {
        const std::uint32_t i = recs[a], j = recs[b];
        ++true_pairs;
        if (r.clusters.entity[i] == r.clusters.entity[j]) continue;
        std::string why;
        auto it = scored.find(key(i, j));
        if (name->is_null(i) || name->is_null(j)) {
          why = "a record without a name";
        } else if (it == scored.end()) {
          why = "not scored (no block, or under the floor)";
        } else if (it->second < thr) {
          why = "scored under the threshold";
        } else {
          why = "linked, separated by clustering";
        }
        const bool same_event = (*event)[i] == (*event)[j];
        const int shared = (!birth->is_null(i) && !birth->is_null(j)) +
                           (!origin->is_null(i) && !origin->is_null(j));
        if (shared == 2 && printed_sample < show_missed) {
          ++printed_sample;
          auto show = [&](std::uint32_t x) {
            std::string out = t.source_names[t.source[x]];
            for (const auto& c : t.columns) out += " | " + std::string(c[x]);
            return out;
          };
          std::fprintf(stderr, "    %s\n    %s  (%s, p %s)\n", show(i).c_str(), show(j).c_str(),
                       why.c_str(),
                       it == scored.end() ? "none" : std::to_string(it->second).c_str());
        }
        missed[why + (same_event ? ", same event" : ", other event") + ", " +
               std::to_string(shared) + " of birth year/origin in both"]++;
      }
    }
  }
  std::uint64_t total_missed = 0;
  for (const auto& [k, v] : missed) total_missed += v;
  std::fprintf(stderr, "true pairs %llu, missed %llu\n", (unsigned long long)true_pairs,
               (unsigned long long)total_missed);
  {
    double sum_p = 0;
    std::uint64_t true_scored = 0;
    for (const auto& p : r.pairs) {
      sum_p += p.match_probability;
      true_scored += true_entity[p.i] == true_entity[p.j];
    }
    std::fprintf(stderr, "scored pairs %zu: sum of p %.0f, true matches among them %llu\n",
                 r.pairs.size(), sum_p, (unsigned long long)true_scored);
  }
  {
    // Calibration by whether the two records come from one list, and by
    // what they describe: the same event, or two events of one person (an
    // arrest and a camp).
    print_calibration(r.pairs, true_entity, {"two lists", "one list"},
                      [&](const link::ScoredPair& p) { return t.source[p.i] == t.source[p.j]; });
    print_calibration(
        r.pairs, true_entity, {"own values", "persons' values"}, [&](const link::ScoredPair& p) {
          return link::comparison_vector(r.settings.comparisons, linker.columns(), p.i, p.j) !=
                 p.gamma;
        });
    const link::Column& event = *t.column("event");
    print_calibration(r.pairs, true_entity, {"same event", "other events"},
                      [&](const link::ScoredPair& p) { return event[p.i] != event[p.j]; });
    // The uncertain pairs (p 0.1-0.9) by the level of each comparison:
    // where the mean probability and the share of true matches part, that
    // comparison's evidence is off for those pairs.
    for (std::size_t c = 0; c < r.settings.comparisons.size(); ++c) {
      const link::Comparison& k = r.settings.comparisons[c];
      std::vector<double> cn(k.level_count() + 1, 0), cp(cn.size(), 0), ch(cn.size(), 0);
      for (const auto& p : r.pairs) {
        if (p.match_probability < 0.1 || p.match_probability >= 0.9) continue;
        const int g = link::gamma_of(p.gamma, static_cast<int>(c));
        cn[g] += 1;
        cp[g] += p.match_probability;
        ch[g] += true_entity[p.i] == true_entity[p.j];
      }
      // What the truth says among the scored pairs: m among true matches,
      // u among non-matches whose names agree (what u_name_agrees stands for).
      const int name = link::korean_name_comparison(r.settings.comparisons);
      const std::uint64_t agree_levels =
          name >= 0 ? link::whole_name_levels(r.settings.comparisons[name]) : 0;
      std::vector<double> tm(cn.size(), 0), tu(cn.size(), 0);
      for (const auto& p : r.pairs) {
        const int g = link::gamma_of(p.gamma, static_cast<int>(c));
        if (g == 0) continue;
        if (true_entity[p.i] == true_entity[p.j]) {
          tm[g] += 1;
        } else if (name >= 0 && ((agree_levels >> link::gamma_of(p.gamma, name)) & 1) != 0) {
          tu[g] += 1;
        }
      }
      double tm_sum = 0, tu_sum = 0;
      for (std::size_t g = 1; g < cn.size(); ++g) tm_sum += tm[g], tu_sum += tu[g];
      for (std::size_t g = 1; g < cn.size(); ++g) {
        std::fprintf(stderr,
                     "  model, %s %s: m %.4g u %.4g u_name_agrees %.4g (common / middling / "
                     "rare names %.4g / %.4g / %.4g) | true m %.4g, true u among name-agreeing "
                     "scored pairs %.4g\n",
                     k.name.c_str(), k.level_label(static_cast<int>(g)).c_str(), k.m[g - 1],
                     k.u[g - 1], k.u_name_agrees.empty() ? -1.0 : k.u_name_agrees[g - 1],
                     k.u_name_agrees_at(static_cast<int>(g), 0),
                     k.u_name_agrees_at(static_cast<int>(g), 1),
                     k.u_name_agrees_at(static_cast<int>(g), 2), tm_sum > 0 ? tm[g] / tm_sum : 0.0,
                     tu_sum > 0 ? tu[g] / tu_sum : 0.0);
      }
      for (std::size_t g = 0; g < cn.size(); ++g) {
        if (cn[g] < 100) continue;
        std::fprintf(stderr, "  uncertain pairs, %s %s: %7.0f pairs, mean p %.3f, true %.3f\n",
                     k.name.c_str(), k.level_label(static_cast<int>(g)).c_str(), cn[g],
                     cp[g] / cn[g], ch[g] / cn[g]);
      }
    }
    for (double prior : r.prior_rounds) std::fprintf(stderr, "  prior %.3g\n", prior);
    std::fprintf(stderr, "  name-agreeing pairs %llu, match share among them %.3g\n",
                 static_cast<unsigned long long>(r.training.name_agreeing_pairs),
                 r.training.name_agreeing_match_share);
    for (const auto& w : r.training.failed_fits)
      std::fprintf(stderr, "  failed fit: %s\n", w.c_str());
    std::fprintf(
        stderr, "  random sample: %llu pairs, match share %.3g (%.0f matches in all pairs)\n",
        static_cast<unsigned long long>(r.training.u_sample_pairs), r.training.u_sample_match_share,
        r.training.u_sample_match_share *
            static_cast<double>(link::total_pairs(t, r.settings.link_type)));
  }
  for (const auto& rule : r.rules) {
    std::fprintf(
        stderr,
        "rule %s: %llu pairs (%llu new), largest block %llu, purged %llu blocks / %llu pairs\n",
        rule.rule.c_str(), (unsigned long long)rule.pairs, (unsigned long long)rule.new_pairs,
        (unsigned long long)rule.largest_block, (unsigned long long)rule.purged_blocks,
        (unsigned long long)rule.purged_pairs);
  }
  for (const auto& [k, v] : missed)
    std::fprintf(stderr, "  missed %7llu  %s\n", (unsigned long long)v, k.c_str());
  std::map<std::uint32_t, std::vector<std::uint32_t>> by_entity;
  for (std::uint32_t i = 0; i < t.size(); ++i) by_entity[r.clusters.entity[i]].push_back(i);
  std::map<std::string, std::uint64_t> wrong;
  for (const auto& [e, recs] : by_entity) {
    for (std::size_t a = 0; a < recs.size(); ++a) {
      for (std::size_t b = a + 1; b < recs.size(); ++b) {
        const std::uint32_t i = recs[a], j = recs[b];
        if (true_entity[i] == true_entity[j]) continue;
        auto it = scored.find(key(i, j));
        const bool same_event = (*event)[i] == (*event)[j];
        std::string why =
            it != scored.end() && it->second >= thr ? "linked directly" : "joined through others";
        wrong[why + (same_event ? ", same event" : ", other event") +
              ", same source: " + (t.source[i] == t.source[j] ? "yes" : "no")]++;
      }
    }
  }
  for (const auto& [k, v] : wrong)
    std::fprintf(stderr, "  false  %7llu  %s\n", (unsigned long long)v, k.c_str());
  // The comparison vectors that give the most false links: where the model
  // believes evidence that is not there.
  struct PatternTally {
    double links = 0, false_links = 0, sum_p = 0;
  };
  std::unordered_map<std::uint64_t, PatternTally> patterns;
  for (const auto& p : r.pairs) {
    if (p.match_probability < thr) continue;
    PatternTally& k = patterns[p.gamma];
    k.links += 1;
    k.sum_p += p.match_probability;
    k.false_links += true_entity[p.i] != true_entity[p.j];
  }
  std::vector<std::pair<std::uint64_t, PatternTally>> worst(patterns.begin(), patterns.end());
  std::sort(worst.begin(), worst.end(), [](const auto& a, const auto& b) {
    return a.second.false_links > b.second.false_links;
  });
  for (std::size_t w = 0; w < std::min<std::size_t>(15, worst.size()); ++w) {
    const auto& [gamma, k] = worst[w];
    std::string levels;
    for (std::size_t c = 0; c < r.settings.comparisons.size(); ++c) {
      const link::Comparison& comparison = r.settings.comparisons[c];
      levels += (c ? ", " : "") + comparison.name + " " +
                comparison.level_label(link::gamma_of(gamma, static_cast<int>(c)));
    }
    std::fprintf(stderr, "  false links by pattern: %6.0f of %6.0f links (mean p %.3f): %s\n",
                 k.false_links, k.links, k.sum_p / k.links, levels.c_str());
  }
}

// Calibration of the pairs that agree on the whole name, by the weight
// the name's frequency added (bits; negative: a common name): where the
// rarest and the commonest part, the weight does not follow the frequency.
void calibration_by_name_frequency(const std::vector<std::uint32_t>& true_entity,
                                   const link::Settings& settings,
                                   const link::MatchWeights& weights,
                                   const std::vector<link::ScoredPair>& scored) {
  const int name = link::korean_name_comparison(settings.comparisons);
  if (name < 0) return;
  const std::uint16_t agree_levels = link::whole_name_levels(settings.comparisons[name]);
  std::vector<link::ScoredPair> whole;
  for (const auto& p : scored) {
    if (((agree_levels >> link::gamma_of(p.gamma, name)) & 1) != 0) whole.push_back(p);
  }
  for (const double cut : {-2.0, 2.0}) {
    char below[64], above[64];
    std::snprintf(below, sizeof below, "whole name, frequency bits < %+.0f", cut);
    std::snprintf(above, sizeof above, "whole name, frequency bits >= %+.0f", cut);
    print_calibration(whole, true_entity, {below, above}, [&](const link::ScoredPair& p) {
      return weights.tf_adjustment(name, link::gamma_of(p.gamma, name), p.i) >= cut;
    });
  }
}

// u among the pairs whose names agree, as the truth has it: a random
// sample of the pairs that share the name key (what training samples), the
// matches left out, by whether the whole names agree (the pairs that
// prediction weighs by u_name_agrees) or only the key.
void name_agreeing_truth(const link::Table& t, const std::vector<std::uint32_t>& true_entity,
                         const link::Settings& settings,
                         const std::vector<link::PreparedColumn>& columns,
                         const link::MatchWeights& weights) {
  const int name = link::korean_name_comparison(settings.comparisons);
  if (name < 0) return;
  const link::PreparedColumn& column = columns[name];
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;
  for (std::uint32_t r = 0; r < t.size(); ++r) {
    const std::uint32_t id = column.id(r);
    if (id == 0) continue;
    const std::uint64_t key = column.korean_key_hash(link::KeyTransform::kKoreanKey, id);
    if (key != 0) keyed.emplace_back(key, r);
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<std::size_t> starts, ends;
  std::vector<double> cumulative;
  double total = 0;
  for (std::size_t b = 0; b < keyed.size();) {
    std::size_t e = b;
    while (e < keyed.size() && keyed[e].first == keyed[b].first) ++e;
    const double size = static_cast<double>(e - b);
    if (size >= 2) {
      total += size * (size - 1) / 2;
      starts.push_back(b);
      ends.push_back(e);
      cumulative.push_back(total);
    }
    b = e;
  }
  if (total == 0) return;
  const std::uint16_t agree_levels = link::whole_name_levels(settings.comparisons[name]);
  const std::size_t nc = settings.comparisons.size();
  // [whole name agrees][comparison][level]
  std::vector<std::vector<std::vector<double>>> counts(
      2, std::vector<std::vector<double>>(nc, std::vector<double>(16, 0)));
  double pairs[2] = {0, 0}, matches[2] = {0, 0};
  // [band][0]: pairs; [1 + 2c]: comparison c not null; [2 + 2c]: at its first level.
  std::vector<std::vector<double>> by_band(link::kNameFrequencyBands,
                                           std::vector<double>(1 + 2 * nc, 0));
  std::mt19937_64 random(7);
  for (int k = 0; k < 1'000'000; ++k) {
    const double pick = std::uniform_real_distribution<double>(0, total)(random);
    const std::size_t b =
        std::upper_bound(cumulative.begin(), cumulative.end(), pick) - cumulative.begin();
    const std::size_t size = ends[b] - starts[b];
    const std::size_t x = random() % size, y = random() % size;
    if (x == y) continue;
    const std::uint32_t i = std::min(keyed[starts[b] + x].second, keyed[starts[b] + y].second);
    const std::uint32_t j = std::max(keyed[starts[b] + x].second, keyed[starts[b] + y].second);
    const std::uint64_t gamma = link::comparison_vector(settings.comparisons, columns, i, j);
    const int whole = ((agree_levels >> link::gamma_of(gamma, name)) & 1) != 0;
    pairs[whole] += 1;
    if (true_entity[i] == true_entity[j]) {
      matches[whole] += 1;
      continue;
    }
    for (std::size_t c = 0; c < nc; ++c)
      counts[whole][c][link::gamma_of(gamma, static_cast<int>(c))] += 1;
    if (whole) {
      // By the name's frequency band: is u among name-agreeing pairs the
      // same for rare and common names?
      const int band = std::max(0, weights.name_band(gamma, i));
      by_band[band][0] += 1;
      for (std::size_t c = 0; c < nc; ++c) {
        const int g = link::gamma_of(gamma, static_cast<int>(c));
        if (g == 0) continue;
        by_band[band][1 + 2 * c] += 1;
        by_band[band][2 + 2 * c] += g == 1;
      }
    }
  }
  for (int band = 0; band < link::kNameFrequencyBands; ++band) {
    std::string line;
    for (std::size_t c = 0; c < nc; ++c) {
      if (static_cast<int>(c) == name || by_band[band][1 + 2 * c] == 0) continue;
      char part[80];
      std::snprintf(part, sizeof part, " %s %.3f", settings.comparisons[c].name.c_str(),
                    by_band[band][2 + 2 * c] / by_band[band][1 + 2 * c]);
      line += part;
    }
    std::fprintf(stderr,
                 "  true u of the first level among whole-name non-matches, %s (%.0f pairs):%s\n",
                 band == 0   ? "common names"
                 : band == 1 ? "middling names"
                             : "rare names",
                 by_band[band][0], line.c_str());
  }
  {
    // What that makes u of a whole-name agreement among all pairs.
    const double n = static_cast<double>(t.size());
    const double sampled = pairs[0] + pairs[1];
    const double non_matches = total * (pairs[1] - matches[1]) / std::max(1.0, sampled);
    double u_whole = 0;
    const link::Comparison& k = settings.comparisons[name];
    for (int g = 1; g <= k.level_count(); ++g)
      if ((agree_levels >> g) & 1) u_whole += k.u[g - 1];
    std::fprintf(stderr,
                 "  key-sharing pairs %.0f; non-matches whose whole names agree %.0f: u %.3g "
                 "(model %.3g)\n",
                 total, non_matches, non_matches / (n * (n - 1) / 2), u_whole);
  }
  for (int whole = 0; whole < 2; ++whole) {
    std::fprintf(stderr, "  key-sharing sample, %s: %.0f pairs, match share %.4f\n",
                 whole ? "whole names agree" : "only the key", pairs[whole],
                 pairs[whole] > 0 ? matches[whole] / pairs[whole] : 0.0);
  }
  for (std::size_t c = 0; c < nc; ++c) {
    if (static_cast<int>(c) == name) continue;
    const link::Comparison& k = settings.comparisons[c];
    for (int g = 1; g <= k.level_count(); ++g) {
      double sum[2] = {0, 0};
      for (int whole = 0; whole < 2; ++whole) {
        for (int l = 1; l <= k.level_count(); ++l) {
          if (k.same_case(l) == k.same_case(g)) sum[whole] += counts[whole][c][l];
        }
      }
      const double all = counts[0][c][g] + counts[1][c][g];
      std::fprintf(stderr,
                   "  true u of %s %s: whole names agree %.4g, key-sharing %.4g; model "
                   "u_name_agrees %.4g, u %.4g\n",
                   k.name.c_str(), k.level_label(g).c_str(),
                   sum[1] > 0 ? counts[1][c][g] / sum[1] : 0.0,
                   sum[0] + sum[1] > 0 ? all / (sum[0] + sum[1]) : 0.0,
                   k.u_name_agrees.empty() ? -1.0 : k.u_name_agrees[g - 1], k.u[g - 1]);
    }
  }
}

// The pattern ceiling: the best pairwise F1 that any classifier reading a
// pair's comparison vector (all its levels jointly, not one by one), how
// common its name is and whether its records share a list could reach, with
// the share of true matches of each such pattern read from the truth itself
// (in sample, so generous). The pairs are every pair sharing the name key,
// with no block skipped, and every pair the linkage scored. A pair outside
// them is missed by any classifier of these patterns.
void pattern_ceiling(const link::Linker& linker, const std::vector<std::uint32_t>& true_entity,
                     std::uint64_t true_pairs) {
  const link::Table& t = linker.table();
  const link::LinkResult& r = linker.result();
  const link::Settings& s = r.settings;
  link::KeyColumns keys;
  link::lend_compared_columns(keys, s, linker.columns());
  const link::Blocks blocks = link::make_blocks(
      link::parse_blocking_rule("korean_key(name)", "ceiling"), t, s.link_type, &keys, 0);
  std::vector<std::uint32_t> key_count(t.size(), 0);
  for (const link::Group& g : blocks.groups) {
    for (std::uint32_t x = g.begin; x < g.end; ++x) key_count[blocks.order[x]] = g.end - g.begin;
  }
  struct Tally {
    std::uint64_t pairs = 0, matches = 0;
  };
  std::unordered_map<std::uint64_t, Tally> tally;
  auto count = [&](std::uint32_t i, std::uint32_t j) {
    const std::uint64_t gamma = link::comparison_vector(s.comparisons, linker.columns(), i, j);
    int band = 0;  // how common the name is: an octave of the records sharing its key
    for (std::uint32_t n = key_count[i]; n > 1; n >>= 1) ++band;
    const std::uint64_t key = gamma | static_cast<std::uint64_t>(band) << 56 |
                              static_cast<std::uint64_t>(t.source[i] == t.source[j]) << 62;
    Tally& k = tally[key];
    ++k.pairs;
    k.matches += true_entity[i] == true_entity[j];
  };
  std::uint64_t compared = 0;
  for (const link::Group& g : blocks.groups) {
    for (std::uint32_t x = g.begin; x < g.end; ++x) {
      for (std::uint32_t y = x + 1; y < g.end; ++y) {
        const std::uint32_t a = blocks.order[x];
        const std::uint32_t b = blocks.order[y];
        if (s.link_type == link::LinkType::kLinkOnly && t.source[a] == t.source[b]) continue;
        count(std::min(a, b), std::max(a, b));
        ++compared;
      }
    }
  }
  for (const link::ScoredPair& p : r.pairs) {
    if (blocks.keys[p.i] != 0 && blocks.keys[p.i] == blocks.keys[p.j]) continue;
    count(p.i, p.j);
    ++compared;
  }
  std::vector<Tally> patterns;
  patterns.reserve(tally.size());
  std::uint64_t reachable = 0;
  for (const auto& [key, k] : tally) {
    patterns.push_back(k);
    reachable += k.matches;
  }
  std::sort(patterns.begin(), patterns.end(), [](const Tally& x, const Tally& y) {
    return x.matches * y.pairs > y.matches * x.pairs;  // share of matches, highest first
  });
  double best_f1 = 0, best_p = 0, best_r = 0, half_p = 0, half_r = 0, half_f1 = 0;
  std::uint64_t tp = 0, links = 0;
  for (const Tally& k : patterns) {
    const bool at_least_half = 2 * k.matches >= k.pairs;
    tp += k.matches;
    links += k.pairs;
    const double p = static_cast<double>(tp) / static_cast<double>(links);
    const double rc = static_cast<double>(tp) / static_cast<double>(true_pairs);
    const double f1 = p + rc > 0 ? 2 * p * rc / (p + rc) : 0;
    if (f1 > best_f1) best_f1 = f1, best_p = p, best_r = rc;
    if (at_least_half) half_p = p, half_r = rc, half_f1 = f1;
  }
  std::fprintf(stderr,
               "pattern ceiling: %llu pairs compared in %zu patterns; %llu of %llu true pairs "
               "among them (recall at most %.3f)\n",
               static_cast<unsigned long long>(compared), patterns.size(),
               static_cast<unsigned long long>(reachable),
               static_cast<unsigned long long>(true_pairs),
               static_cast<double>(reachable) / static_cast<double>(true_pairs));
  std::fprintf(stderr,
               "pattern ceiling: linking every pattern at least half true: P %.3f R %.3f F1 "
               "%.3f; the best cut: P %.3f R %.3f F1 %.3f\n",
               half_p, half_r, half_f1, best_p, best_r, best_f1);
}

}  // namespace

int main(int argc, char** argv) {
  bench::SimulatedListsOptions lists_options;
  bool header = false;
  bool diagnosis = false;
  long long max_block_size = -1;
  std::vector<std::string> extra_rules;
  bool oracle = false;
  int show_missed = 0;
  bool ceiling = false;
  bool completion = link::default_settings().clustering.complete_from_persons;
  for (int k = 1; k < argc; ++k) {
    const std::string a = argv[k];
    if (bench::read_lists_option(argc, argv, k, lists_options)) {
      continue;
    } else if (a == "--max-block-size" && k + 1 < argc) {
      max_block_size = std::atoll(argv[++k]);
    } else if (a == "--rule" && k + 1 < argc) {
      extra_rules.push_back(argv[++k]);
    } else if (a == "--pattern-ceiling") {
      ceiling = true;
    } else if (a == "--no-completion") {
      completion = false;
    } else if (a == "--completion") {
      completion = true;
    } else if (a == "--oracle") {
      oracle = true;
    } else if (a == "--show-missed" && k + 1 < argc) {
      show_missed = std::atoi(argv[++k]);
      diagnosis = true;
    } else if (a == "--diagnose") {
      diagnosis = true;
    } else if (a == "--header") {
      header = true;
    } else {
      std::fprintf(stderr,
                   "usage: linkage_sweep_bench --people N [--names diverse|realistic|extreme] "
                   "[--seed S] [--scenario FILE] [--missingness S] [--max-block-size K] "
                   "[--rule RULE]... [--oracle] [--diagnose] [--show-missed N] "
                   "[--pattern-ceiling] [--completion|--no-completion] [--header]\n");
      return 2;
    }
  }
  const int people = lists_options.people;
  const std::uint64_t seed = lists_options.seed;
  const std::string& names = lists_options.names;
  const double missingness = lists_options.missingness;
  if (header) {
    std::printf(
        "| people | names | seed | records | pairwise P / R / F1 | cluster P / R / F1 | "
        "expected P / R | calibration error | entities found / true | LCMCR on own links | "
        "LCMCR on true links | true N | link s | peak MiB | variant |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- "
        "|\n");
    if (people == 0) return 0;
  }
  if (people <= 0) {
    std::fprintf(stderr, "--people N is required\n");
    return 2;
  }
  link::Table table;
  if (!bench::load_simulated_lists(lists_options, table)) return 2;

  const auto start = std::chrono::steady_clock::now();
  link::Settings settings = link::default_settings();
  settings.clustering.complete_from_persons = completion;
  for (const std::string& text : extra_rules) {
    try {
      settings.blocking_rules.push_back(link::parse_blocking_rule(text, "--rule"));
    } catch (const Error& e) {
      std::fprintf(stderr, "%s: %s\n", e.where().c_str(), e.what());
      return 2;
    }
    settings.training_blocking_rules.push_back(settings.blocking_rules.back());
  }
  if (max_block_size >= 0) settings.max_block_size = static_cast<std::uint64_t>(max_block_size);
  // --oracle: m trained from every true pair (the truth a real run never
  // has), u from random pairs as always: the ceiling of these comparisons.
  link::LinkOptions options;
  if (oracle) {
    std::map<std::string, std::vector<std::uint32_t>> members;
    for (std::uint32_t i = 0; i < table.size(); ++i)
      members[std::string(table.truth[i])].push_back(i);
    for (const auto& [id, recs] : members)
      for (std::size_t a = 0; a < recs.size(); ++a)
        for (std::size_t b = a + 1; b < recs.size(); ++b)
          options.labels.push_back({recs[a], recs[b], true});
  }
  link::Linker linker(std::move(table), settings);
  const link::LinkResult& r = linker.run(options);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double peak = bench::peak_memory_mib();

  const link::Table& t = linker.table();
  std::vector<std::string_view> truth(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) truth[i] = t.truth[i];
  const link::Accuracy a = link::measure_accuracy(truth, t.source, r.settings.link_type,
                                                  r.clusters.entity, r.pairs, r.settings.threshold);
  std::map<std::string_view, std::uint32_t> person;
  std::vector<std::uint32_t> true_entity(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) {
    true_entity[i] =
        person.emplace(truth[i], static_cast<std::uint32_t>(person.size())).first->second;
  }
  if (diagnosis) {
    diagnose(t, true_entity, linker, show_missed);
    calibration_by_name_frequency(true_entity, r.settings, *linker.weights(), r.pairs);
    name_agreeing_truth(t, true_entity, r.settings, linker.columns(), *linker.weights());
  }
  if (ceiling) pattern_ceiling(linker, true_entity, a.true_pairs);
  if (diagnosis || oracle) {
    const link::SweepPoint* best = nullptr;
    for (const auto& p : a.sweep) {
      if (!best || p.links.f1() > best->links.f1()) best = &p;
      if (diagnosis) {
        std::fprintf(stderr, "threshold %.3f: pairwise P %.3f R %.3f F1 %.3f\n", p.threshold,
                     p.links.precision(), p.links.recall(), p.links.f1());
      }
    }
    if (best) {
      std::fprintf(stderr, "best threshold %.3f: pairwise P %.3f R %.3f F1 %.3f\n", best->threshold,
                   best->links.precision(), best->links.recall(), best->links.f1());
    }
  }
  // What differs from the default run, for the last column.
  std::string variant;
  auto add = [&variant](const std::string& what) {
    variant += (variant.empty() ? "" : ", ") + what;
  };
  if (missingness != 1) {
    char text[48];
    std::snprintf(text, sizeof text, "blanks x%g", missingness);
    add(text);
  }
  if (max_block_size >= 0) add("max_block_size " + std::to_string(max_block_size));
  for (const std::string& rule : extra_rules) add("+ rule " + rule);
  if (oracle) add("m from the truth");
  if (completion != link::default_settings().clustering.complete_from_persons) {
    add(completion ? "completion from persons" : "no completion from persons");
  }
  if (variant.empty()) variant = "default";
  const int lists = static_cast<int>(t.source_names.size());
  const estimate::LcmcrResult own =
      lcmcr(capture_counts(t, r.clusters.entity, r.clusters.entities), lists, seed);
  const estimate::LcmcrResult ideal =
      lcmcr(capture_counts(t, true_entity, person.size()), lists, seed);
  auto covers = [&](const estimate::LcmcrResult& e) {
    return e.lower <= people && people <= e.upper ? "covers" : "misses";
  };
  std::printf(
      "| %d | %s | %llu | %zu | %.3f / %.3f / %.3f | %.3f / %.3f / %.3f | %.3f / %.3f | %.3f | "
      "%zu / %zu | %.0f [%.0f - %.0f] %s | %.0f [%.0f - %.0f] %s | %d | %.1f | %.0f | %s |\n",
      people, names.c_str(), static_cast<unsigned long long>(seed), t.size(), a.links.precision(),
      a.links.recall(), a.links.f1(), a.clusters.precision(), a.clusters.recall(), a.clusters.f1(),
      r.expected.precision, r.expected.recall, a.calibration_error, r.clusters.entities,
      person.size(), own.median, own.lower, own.upper, covers(own), ideal.median, ideal.lower,
      ideal.upper, covers(ideal), people, seconds, peak, variant.c_str());
  return 0;
}
