#include "link/comparison.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "korean/name_comparison.h"
#include "link/prepared_column.h"
#include "link/string_similarity.h"
#include "model/error.h"

namespace uncounted::link {
namespace {

constexpr std::pair<ColumnKind, const char*> kKindNames[] = {
    {ColumnKind::kString, "string"}, {ColumnKind::kNumber, "number"}, {ColumnKind::kYear, "year"},
    {ColumnKind::kDate, "date"},     {ColumnKind::kName, "name"},     {ColumnKind::kPlace, "place"},
    {ColumnKind::kSex, "sex"},
};

// Probabilities are kept away from 0 so that no single level can make a
// weight infinite: one typo must never veto a pair outright.
constexpr double kMinProbability = 1e-6;

std::vector<double> probabilities(const nlohmann::json& j, const char* key, std::size_t size,
                                  const std::string& where) {
  if (!j.contains(key)) return {};
  const nlohmann::json& a = j[key];
  if (!a.is_array() || a.size() != size) {
    throw invalid_input(std::string("\"") + key + "\" must list one probability per level, " +
                            "plus one for \"else\" (" + std::to_string(size) + ")",
                        where);
  }
  std::vector<double> out;
  for (const nlohmann::json& v : a) {
    if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > 1) {
      throw invalid_input(std::string("\"") + key + "\" values must be probabilities", where);
    }
    out.push_back(v.get<double>());
  }
  return out;
}

bool is_interval_level(LevelType t) {
  return t == LevelType::kWithin || t == LevelType::kOverlap || t == LevelType::kInOrder;
}

}  // namespace

int Comparison::gamma(const PreparedColumn& column, std::uint32_t i, std::uint32_t j) const {
  if (column.is_null(i) || column.is_null(j)) return 0;
  if (column.from_fallback(i) && column.from_fallback(j)) return 0;
  const bool same = column.id(i) == column.id(j);
  const LevelCase skipped = condition_column.empty() ? LevelCase::kAlways  // no level has a case
                            : column.same_condition(i, j) ? LevelCase::kDifferent
                                                          : LevelCase::kSame;
  // Levels of one measure at several thresholds (Jaro-Winkler 0.92, 0.8)
  // share one computation: measured lazily, at most once per pair.
  double jw = -1;
  double jr = -1;
  int edit[2] = {-1, -1};  // levenshtein, damerau-levenshtein
  int name_level = -1;     // korean::compare, once for all Korean levels
  const int n = static_cast<int>(levels.size());
  for (int k = 0; k < n; ++k) {
    const ComparisonLevel& level = levels[k];
    if (level.when != LevelCase::kAlways && level.when == skipped) continue;
    bool holds = false;
    switch (level.type) {
      case LevelType::kExact:
        holds = same;
        break;
      case LevelType::kJaroWinkler:
        if (jw < 0) {
          const double floor = lowest_threshold(LevelType::kJaroWinkler);
          const TextSketch* a = column.sketch(i);
          const TextSketch* b = column.sketch(j);
          // The sketches' bound rejects most unrelated values without
          // reading their text (the margin keeps rounding on the safe side).
          if (same)
            jw = 1.0;
          else if (a != nullptr && b != nullptr && jaro_winkler_bound(*a, *b) < floor - 1e-9)
            jw = 0.0;
          else
            jw = jaro_winkler_at_least(column.text(i), column.text(j), floor);
        }
        holds = jw >= level.threshold;
        break;
      case LevelType::kJaro:
        if (jr < 0) jr = same ? 1.0 : jaro(column.text(i), column.text(j));
        holds = jr >= level.threshold;
        break;
      case LevelType::kLevenshtein:
      case LevelType::kDamerauLevenshtein: {
        const bool damerau = level.type == LevelType::kDamerauLevenshtein;
        int& d = edit[damerau ? 1 : 0];
        if (d < 0) {
          const int limit = max_edit_distance(level.type);
          const TextSketch* a = column.sketch(i);
          const TextSketch* b = column.sketch(j);
          if (same)
            d = 0;
          else if (a != nullptr && b != nullptr && edit_distance_bound(*a, *b) > limit)
            d = limit + 1;
          else
            d = damerau ? damerau_levenshtein(column.text(i), column.text(j), limit)
                        : levenshtein(column.text(i), column.text(j), limit);
        }
        holds = d <= static_cast<int>(level.threshold);
        break;
      }
      case LevelType::kHangulEqual:
      case LevelType::kJamoDistance:
      case LevelType::kRomanizationKey:
      case LevelType::kKoreanName:
        if (name_level < 0) name_level = static_cast<int>(column.name_level(i, j));
        holds = name_level >= korean_level_floor(level.type, level.threshold);
        break;
      default:
        holds = level.holds(column, i, j);
    }
    if (holds) return k + 1;
  }
  return n + 1;
}

double Comparison::lowest_threshold(LevelType type) const {
  double lowest = 1;
  for (const ComparisonLevel& level : levels) {
    if (level.type == type) lowest = std::min(lowest, level.threshold);
  }
  return lowest;
}

int Comparison::max_edit_distance(LevelType type) const {
  int limit = 0;
  for (const ComparisonLevel& level : levels) {
    if (level.type == type) limit = std::max(limit, static_cast<int>(level.threshold));
  }
  return limit;
}

double Comparison::log2_bayes_factor(int g) const {
  if (g == 0 || m.empty() || u.empty()) return 0;
  return std::log2(std::max(m[g - 1], kMinProbability) / std::max(u[g - 1], kMinProbability));
}

double Comparison::log2_bayes_factor_name_agrees(int g, int band) const {
  if (g == 0 || m.empty() || u.empty()) return 0;
  return std::log2(std::max(m[g - 1], kMinProbability) /
                   std::max(u_name_agrees_at(g, band), kMinProbability));
}

double Comparison::u_name_agrees_at(int g, int band) const {
  if (g == 0) return 0;
  if (!u_name_agrees_by_frequency.empty()) return u_name_agrees_by_frequency[band][g - 1];
  return u_name_agrees.empty() ? u[g - 1] : u_name_agrees[g - 1];
}

int korean_name_comparison(const std::vector<Comparison>& comparisons) {
  for (std::size_t c = 0; c < comparisons.size(); ++c) {
    const Comparison& k = comparisons[c];
    if (k.kind == ColumnKind::kName && !k.levels.empty() && is_korean_level(k.levels[0].type)) {
      return static_cast<int>(c);
    }
  }
  return -1;
}

std::uint16_t whole_name_levels(const Comparison& name) {
  std::uint16_t mask = 0;
  for (int g = 1; g <= static_cast<int>(name.levels.size()); ++g) {
    const ComparisonLevel& level = name.levels[g - 1];
    if (is_korean_level(level.type) && korean_level_floor(level.type, level.threshold) >=
                                           static_cast<double>(korean::NameLevel::kPhoneticKey)) {
      mask |= static_cast<std::uint16_t>(1u << g);
    }
  }
  return mask;
}

void Comparison::normalize_by_case(std::vector<double>& p) const {
  if (condition_column.empty()) return;
  double sum[2] = {0, 0};
  for (std::size_t l = 0; l < p.size(); ++l) sum[same_case(static_cast<int>(l) + 1)] += p[l];
  for (std::size_t l = 0; l < p.size(); ++l) {
    const double s = sum[same_case(static_cast<int>(l) + 1)];
    if (s > 0) p[l] /= s;
  }
}

std::string Comparison::level_label(int g) const {
  if (g == 0) return "null";
  if (g > static_cast<int>(levels.size())) return "else";
  const ComparisonLevel& level = levels[g - 1];
  if (level.when == LevelCase::kAlways) return level.label();
  return (level.when == LevelCase::kSame ? "same " : "different ") + condition_column + ": " +
         level.label();
}

std::string_view to_string(ColumnKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "string";
}

Comparison comparison_from_json(const nlohmann::json& j, const std::string& where) {
  if (!j.is_object()) throw invalid_input("a comparison must be a JSON object", where);
  Comparison c;
  if (!j.contains("column") || !j["column"].is_string() || j["column"].get<std::string>().empty()) {
    throw invalid_input("a comparison needs a \"column\"", where);
  }
  c.column = j["column"].get<std::string>();
  c.name = j.value("name", c.column);
  const std::string kind = j.value("kind", "string");
  bool known = false;
  for (const auto& [k, name] : kKindNames) {
    if (kind == name) {
      c.kind = k;
      known = true;
    }
  }
  if (!known) throw invalid_input("unknown column kind \"" + kind + "\"", where);
  if (!j.contains("levels") || !j["levels"].is_array() || j["levels"].empty()) {
    throw invalid_input("a comparison needs a non-empty \"levels\" array", where);
  }
  if (j["levels"].size() > static_cast<std::size_t>(kMaxLevels)) {
    throw invalid_input("a comparison has at most " + std::to_string(kMaxLevels) + " levels",
                        where);
  }
  for (std::size_t k = 0; k < j["levels"].size(); ++k) {
    const std::string at = where + ", level " + std::to_string(k + 1);
    ComparisonLevel level = level_from_json(j["levels"][k], at);
    const bool numeric =
        c.kind == ColumnKind::kYear || c.kind == ColumnKind::kDate || c.kind == ColumnKind::kNumber;
    if (is_interval_level(level.type) && !numeric) {
      throw invalid_input("interval levels need a year, date or number column", at);
    }
    if (is_korean_level(level.type) && c.kind != ColumnKind::kName) {
      throw invalid_input("Korean name levels need a column of kind \"name\"", at);
    }
    if (level.type == LevelType::kKoreanName &&
        (level.threshold < 1 || level.threshold >= korean::kNameLevelCount ||
         level.threshold != static_cast<int>(level.threshold))) {
      throw invalid_input("a korean_name threshold is a NameLevel from 1 to 5", at);
    }
    c.levels.push_back(level);
  }
  c.condition_column = j.value("condition_column", std::string());
  int last_same = -1;
  for (std::size_t k = 0; k < c.levels.size(); ++k) {
    const std::string at = where + ", level " + std::to_string(k + 1);
    if (c.levels[k].when == LevelCase::kSame) last_same = static_cast<int>(k);
    if (c.levels[k].when == LevelCase::kAlways && !c.condition_column.empty()) {
      throw invalid_input(
          "every level of a comparison with a \"condition_column\" needs "
          "\"when\" (same or different)",
          at);
    }
    if (c.levels[k].when != LevelCase::kAlways && c.condition_column.empty()) {
      throw invalid_input("a level with \"when\" needs the comparison's \"condition_column\"", at);
    }
    if (c.levels[k].type == LevelType::kInOrder && c.condition_column.empty()) {
      throw invalid_input(
          "an \"in_order\" level needs the comparison's \"condition_column\" (the kind of "
          "event, whose stage gives the order)",
          at);
    }
    if (c.levels[k].type == LevelType::kAny && c.levels[k].when == LevelCase::kAlways) {
      throw invalid_input("an \"any\" level needs \"when\" (else no later level is reached)", at);
    }
  }
  if (!c.condition_column.empty() &&
      (last_same < 0 || c.levels[last_same].type != LevelType::kAny)) {
    throw invalid_input(
        "the \"same\" levels must end with an \"any\" level (the rest of the "
        "same case; \"else\" is the rest of the different case)",
        where);
  }
  c.swap_column = j.value("swap_column", std::string());
  for (const ComparisonLevel& level : c.levels) {
    if (level.type == LevelType::kSwapped && c.swap_column.empty()) {
      throw invalid_input("a \"swapped\" level needs the comparison's \"swap_column\"", where);
    }
  }
  if (j.contains("fallback")) {
    const nlohmann::json& f = j["fallback"];
    const auto text = [&](const char* key) {
      if (!f.is_object() || !f.contains(key) || !f[key].is_string() ||
          f[key].get_ref<const std::string&>().empty()) {
        throw invalid_input(std::string("a fallback needs \"") + key + "\", a column name", where);
      }
      return f[key].get<std::string>();
    };
    c.fallback.column = text("column");
    c.fallback.when_column = text("when_column");
    if (!f.contains("when_values") || !f["when_values"].is_array() || f["when_values"].empty()) {
      throw invalid_input("a fallback needs \"when_values\", a non-empty array of strings", where);
    }
    for (const nlohmann::json& v : f["when_values"]) {
      if (!v.is_string()) {
        throw invalid_input("a fallback's \"when_values\" must be strings", where);
      }
      c.fallback.when_values.push_back(v.get<std::string>());
    }
  }
  c.term_frequency = j.value("term_frequency", false);
  c.m = probabilities(j, "m", c.levels.size() + 1, where);
  c.u = probabilities(j, "u", c.levels.size() + 1, where);
  c.u_name_agrees = probabilities(j, "u_name_agrees", c.levels.size() + 1, where);
  if (!c.u_name_agrees.empty() && c.kind == ColumnKind::kName) {
    throw invalid_input("u_name_agrees is for the comparisons other than the name", where);
  }
  if (j.contains("u_name_agrees_by_frequency")) {
    const nlohmann::json& bands = j["u_name_agrees_by_frequency"];
    if (!bands.is_array() || bands.size() != kNameFrequencyBands || c.u_name_agrees.empty()) {
      throw invalid_input("\"u_name_agrees_by_frequency\" must list " +
                              std::to_string(kNameFrequencyBands) +
                              " bands of u, beside \"u_name_agrees\"",
                          where);
    }
    for (const nlohmann::json& band : bands) {
      c.u_name_agrees_by_frequency.push_back(
          probabilities(nlohmann::json{{"u_name_agrees_by_frequency", band}},
                        "u_name_agrees_by_frequency", c.levels.size() + 1, where));
    }
  }
  return c;
}

nlohmann::json to_json(const Comparison& c) {
  nlohmann::json levels = nlohmann::json::array();
  for (const ComparisonLevel& l : c.levels) levels.push_back(to_json(l));
  nlohmann::json j{{"name", c.name},
                   {"column", c.column},
                   {"kind", std::string(to_string(c.kind))},
                   {"levels", levels},
                   {"term_frequency", c.term_frequency}};
  if (!c.swap_column.empty()) j["swap_column"] = c.swap_column;
  if (!c.condition_column.empty()) j["condition_column"] = c.condition_column;
  if (!c.fallback.empty()) {
    j["fallback"] = {{"column", c.fallback.column},
                     {"when_column", c.fallback.when_column},
                     {"when_values", c.fallback.when_values}};
  }
  if (!c.m.empty()) j["m"] = c.m;
  if (!c.u.empty()) j["u"] = c.u;
  if (!c.u_name_agrees.empty()) j["u_name_agrees"] = c.u_name_agrees;
  if (!c.u_name_agrees_by_frequency.empty()) {
    j["u_name_agrees_by_frequency"] = c.u_name_agrees_by_frequency;
  }
  return j;
}

}  // namespace uncounted::link
