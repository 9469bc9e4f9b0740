#include "link/explain.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "link/candidate_pairs.h"

namespace uncounted::link {

Waterfall explain_pair(const Table& table, const Settings& settings,
                       const std::vector<PreparedColumn>& columns, const MatchWeights& weights,
                       std::uint32_t i, std::uint32_t j) {
  Waterfall w;
  w.left = table.key(i);
  w.right = table.key(j);
  const std::uint64_t gamma = comparison_vector(settings.comparisons, columns, i, j);
  double total = weights.prior_weight();
  const double lambda = settings.probability_two_random_records_match;
  w.steps.push_back({"prior", "", "", "", lambda, 1 - lambda, total, total});
  const int band = weights.name_band(gamma, i);
  for (std::size_t c = 0; c < settings.comparisons.size(); ++c) {
    const Comparison& comparison = settings.comparisons[c];
    const int g = gamma_of(gamma, static_cast<int>(c));
    const double bits = weights.comparison_weight(static_cast<int>(c), g, band);
    const double u = g == 0     ? 0
                     : band < 0 ? comparison.u[g - 1]
                                : comparison.u_name_agrees_at(g, band);
    total += bits;
    // A value read from the fallback column says so.
    auto value = [&](std::uint32_t r) {
      if (columns[c].is_null(r)) return std::string();
      std::string v(columns[c].text(r));
      if (columns[c].from_fallback(r)) v += " (" + comparison.fallback.column + ")";
      return v;
    };
    WaterfallStep step{comparison.name,
                       comparison.level_label(g),
                       value(i),
                       value(j),
                       g == 0 ? 0 : comparison.m[g - 1],
                       u,
                       bits,
                       total};
    w.steps.push_back(step);
    const double tf = weights.tf_adjustment(static_cast<int>(c), g, i);
    if (tf != 0) {
      total += tf;
      w.steps.push_back({"tf:" + comparison.name, "term frequency", step.left, step.right, 0,
                         columns[c].frequency(i), tf, total});
    }
  }
  w.match_weight = total;
  w.match_probability = probability_from_weight(total);
  return w;
}

nlohmann::json to_json(const Waterfall& w) {
  nlohmann::json steps = nlohmann::json::array();
  for (const WaterfallStep& s : w.steps) {
    nlohmann::json j{{"term", s.term}, {"weight", s.weight}, {"cumulative", s.cumulative}};
    if (s.term != "prior") {
      j["level"] = s.level;
      j["left"] = s.left;
      j["right"] = s.right;
    }
    if (s.term == "prior")
      j["probability_two_random_records_match"] = s.m;
    else if (s.term.rfind("tf:", 0) == 0)
      j["value_frequency"] = s.u;
    else if (s.level != "null") {
      j["m"] = s.m;
      j["u"] = s.u;
    }
    steps.push_back(j);
  }
  return {{"left", w.left},
          {"right", w.right},
          {"match_weight", w.match_weight},
          {"match_probability", w.match_probability},
          {"waterfall", steps}};
}

std::string to_text(const Waterfall& w) {
  std::string out = w.left + "  vs  " + w.right + "\n";
  char line[512];
  std::snprintf(line, sizeof line, "%-18s %-26s %9s %9s  %s\n", "term", "level", "bits", "total",
                "values");
  out += line;
  for (const WaterfallStep& s : w.steps) {
    const std::string values = s.term == "prior" ? "" : "'" + s.left + "' / '" + s.right + "'";
    std::snprintf(line, sizeof line, "%-18.18s %-26.26s %+9.3f %+9.3f  %s\n", s.term.c_str(),
                  s.level.c_str(), s.weight, s.cumulative, values.c_str());
    out += line;
  }
  std::snprintf(line, sizeof line, "match weight %+.3f, match probability %.6f\n", w.match_weight,
                w.match_probability);
  out += line;
  return out;
}

}  // namespace uncounted::link
