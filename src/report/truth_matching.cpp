#include "report/truth_matching.h"

#include "model/error.h"

namespace uncounted::report {

std::optional<TrueTotal> find_true_total(
    const nlohmann::json& truth, const std::vector<std::pair<std::string, std::string>>& key) {
  if (!truth.contains("strata") || !truth["strata"].is_array()) return std::nullopt;
  for (const auto& s : truth["strata"]) {
    const auto& k = s.value("stratum", nlohmann::json::object());
    if (!k.is_object() || k.size() != key.size()) continue;
    bool same = true;
    for (const auto& [column, value] : key)
      same = same && k.contains(column) && k[column].is_string() && k[column] == value;
    if (same && s.contains("true_total"))
      return TrueTotal{s["true_total"].get<std::int64_t>(), s.value("documented", std::int64_t{0})};
  }
  return std::nullopt;
}

void adopt_truth_estimation(ReportOptions& options) {
  if (!options.truth) return;
  const nlohmann::json& t = *options.truth;
  if (!t.is_object() || !t.contains("strata") || !t["strata"].is_array())
    throw invalid_input("not a truth document of `uncounted simulate` (no strata)", "--truth");
  if (!t.contains("estimation")) return;
  try {
    auto& e = options.estimation;
    if (e.events.empty() && t["estimation"].contains("events"))
      e.events = t["estimation"]["events"].get<std::vector<std::string>>();
    if (e.strata.empty() && t["estimation"].contains("strata"))
      e.strata = t["estimation"]["strata"].get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception&) {
    throw invalid_input("the truth's estimation field is malformed", "--truth");
  }
}

}  // namespace uncounted::report
