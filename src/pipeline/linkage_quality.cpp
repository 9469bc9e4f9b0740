#include "pipeline/linkage_quality.h"

#include <cmath>
#include <cstdio>

#include "store/linkage_table.h"

namespace uncounted::pipeline {

std::optional<nlohmann::json> linkage_quality(store::Database& db) {
  const std::optional<store::LinkRun> run = store::latest_link_run(db);
  if (!run) return std::nullopt;
  const nlohmann::json summary = nlohmann::json::parse(run->summary, nullptr, false);
  if (!summary.is_object() || !summary.contains("expected") || !summary["expected"].is_object())
    return std::nullopt;
  return summary["expected"];
}

std::string linkage_quality_text(const nlohmann::json& q) {
  const auto number = [&q](const char* key) {
    return q.contains(key) && q[key].is_number() ? q[key].get<double>() : std::nan("");
  };
  const double precision = number("precision"), recall = number("recall");
  if (!std::isfinite(precision) || !std::isfinite(recall)) return "";
  const double false_links = number("false_links");
  const double missed =
      number("missed_matches") +
      (std::isfinite(number("unscored_matches")) ? number("unscored_matches") : 0);
  const double unnamed = number("unnamed_records");
  char line[400];
  std::snprintf(line, sizeof line,
                "the linkage, by its own estimate: precision %.3f, recall %.3f; about %.0f links "
                "false and %.0f matches missed (%s records without a name not counted): a "
                "missed match makes one person two and raises the estimates",
                precision, recall, std::isfinite(false_links) ? false_links : 0.0,
                std::isfinite(missed) ? missed : 0.0,
                std::isfinite(unnamed) ? std::to_string(std::llround(unnamed)).c_str() : "the");
  return line;
}

}  // namespace uncounted::pipeline
