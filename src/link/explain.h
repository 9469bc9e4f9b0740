#pragma once
// The waterfall: why a pair got its match weight, term by term. The prior,
// then each comparison's level with its m, u and log2(m/u), then the
// term-frequency adjustment, summing to the match weight.

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "link/predict.h"
#include "link/settings.h"

namespace uncounted::link {

struct WaterfallStep {
  std::string term;   // "prior", a comparison's name, or "tf:NAME"
  std::string level;  // the level's label ("exact", "null", "else", ...)
  std::string left;   // the compared values (empty for the prior)
  std::string right;
  double m = 0;
  double u = 0;
  double weight = 0;      // bits added by this term
  double cumulative = 0;  // running total
};

struct Waterfall {
  std::string left;  // "SOURCE:RECORD_ID"
  std::string right;
  std::vector<WaterfallStep> steps;
  double match_weight = 0;
  double match_probability = 0;
};

// The waterfall of records I and J.
Waterfall explain_pair(const Table& table, const Settings& settings,
                       const std::vector<PreparedColumn>& columns, const MatchWeights& weights,
                       std::uint32_t i, std::uint32_t j);

nlohmann::json to_json(const Waterfall& waterfall);
// A plain-text table, one line per term.
std::string to_text(const Waterfall& waterfall);

}  // namespace uncounted::link
