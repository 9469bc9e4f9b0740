#include "link/comparison_level.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "korean/name_comparison.h"
#include "link/prepared_column.h"
#include "link/string_similarity.h"
#include "model/error.h"

namespace uncounted::link {
namespace {

struct LevelName {
  LevelType type;
  const char* name;
  bool needs_threshold;
};

constexpr LevelName kLevelNames[] = {
    {LevelType::kExact, "exact", false},
    {LevelType::kJaroWinkler, "jaro_winkler", true},
    {LevelType::kJaro, "jaro", true},
    {LevelType::kLevenshtein, "levenshtein", true},
    {LevelType::kDamerauLevenshtein, "damerau_levenshtein", true},
    {LevelType::kWithin, "within", true},
    {LevelType::kOverlap, "overlap", false},
    {LevelType::kHangulEqual, "hangul_equal", false},
    {LevelType::kJamoDistance, "jamo_distance", true},
    {LevelType::kRomanizationKey, "romanization_key", false},
    {LevelType::kPlaceEqual, "place_equal", false},
    {LevelType::kSwapped, "swapped", false},
    {LevelType::kKoreanName, "korean_name", true},
    {LevelType::kPlaceWithin, "place_within", false},
    {LevelType::kAny, "any", false},
    {LevelType::kInOrder, "in_order", true},
};

const LevelName& entry(LevelType type) {
  for (const LevelName& e : kLevelNames) {
    if (e.type == type) return e;
  }
  return kLevelNames[0];
}

// Distance between two intervals: 0 when they overlap.
double interval_gap(double alo, double ahi, double blo, double bhi) {
  if (ahi < blo) return blo - ahi;
  if (bhi < alo) return alo - bhi;
  return 0;
}

}  // namespace

bool is_korean_level(LevelType t) {
  return t == LevelType::kHangulEqual || t == LevelType::kJamoDistance ||
         t == LevelType::kRomanizationKey || t == LevelType::kKoreanName;
}

double korean_level_floor(LevelType type, double threshold) {
  switch (type) {
    case LevelType::kHangulEqual:
      return 4;
    case LevelType::kRomanizationKey:
      return 3;
    case LevelType::kJamoDistance:
      return threshold >= 1 ? 2 : 4;
    default:
      return threshold;
  }
}

bool ComparisonLevel::holds(const PreparedColumn& c, std::uint32_t i, std::uint32_t j) const {
  switch (type) {
    case LevelType::kExact:
      return c.id(i) == c.id(j);
    case LevelType::kJaroWinkler:
      return c.id(i) == c.id(j) || jaro_winkler(c.text(i), c.text(j)) >= threshold;
    case LevelType::kJaro:
      return c.id(i) == c.id(j) || jaro(c.text(i), c.text(j)) >= threshold;
    case LevelType::kLevenshtein: {
      const int k = static_cast<int>(threshold);
      return c.id(i) == c.id(j) || levenshtein(c.text(i), c.text(j), k) <= k;
    }
    case LevelType::kDamerauLevenshtein: {
      const int k = static_cast<int>(threshold);
      return c.id(i) == c.id(j) || damerau_levenshtein(c.text(i), c.text(j), k) <= k;
    }
    case LevelType::kWithin:
    case LevelType::kOverlap: {
      if (c.lo(i) > c.hi(i) || c.lo(j) > c.hi(j)) return false;  // unreadable values
      const double gap = interval_gap(c.lo(i), c.hi(i), c.lo(j), c.hi(j));
      return type == LevelType::kOverlap ? gap == 0 : gap <= threshold;
    }
    case LevelType::kHangulEqual:
    case LevelType::kJamoDistance:
    case LevelType::kRomanizationKey:
    case LevelType::kKoreanName:
      return c.korean_level_holds(type, threshold, i, j);
    case LevelType::kPlaceEqual:
      return c.place_equal(i, j);
    case LevelType::kSwapped:
      return c.swapped(i, j);
    case LevelType::kPlaceWithin:
      return c.place_within(i, j);
    case LevelType::kAny:
      return true;
    case LevelType::kInOrder: {
      const int si = c.stage(i), sj = c.stage(j);
      if (si == 0 || sj == 0 || si == sj) return false;
      if (c.lo(i) > c.hi(i) || c.lo(j) > c.hi(j)) return false;  // unreadable values
      const std::uint32_t first = si < sj ? i : j, then = si < sj ? j : i;
      // The earlier stage's date may not begin after the later one's ends.
      if (c.lo(first) > c.hi(then)) return false;
      return interval_gap(c.lo(i), c.hi(i), c.lo(j), c.hi(j)) <= threshold;
    }
  }
  return false;
}

std::string ComparisonLevel::label() const {
  const LevelName& e = entry(type);
  if (!e.needs_threshold) return e.name;
  if (type == LevelType::kKoreanName) {
    return std::string(e.name) +
           " >= " + korean::to_string(static_cast<korean::NameLevel>(static_cast<int>(threshold)));
  }
  std::ostringstream out;
  const bool distance = type == LevelType::kLevenshtein || type == LevelType::kDamerauLevenshtein ||
                        type == LevelType::kWithin || type == LevelType::kJamoDistance ||
                        type == LevelType::kInOrder;
  out << e.name << (distance ? " <= " : " >= ") << threshold;
  return out.str();
}

ComparisonLevel level_from_json(const nlohmann::json& j, const std::string& where) {
  if (!j.is_object() || !j.contains("type") || !j["type"].is_string()) {
    throw invalid_input("a comparison level needs a \"type\"", where);
  }
  const std::string name = j["type"].get<std::string>();
  for (const LevelName& e : kLevelNames) {
    if (name != e.name) continue;
    ComparisonLevel level{e.type, 0};
    if (e.needs_threshold) {
      if (!j.contains("threshold") || !j["threshold"].is_number()) {
        throw invalid_input("level \"" + name + "\" needs a numeric \"threshold\"", where);
      }
      level.threshold = j["threshold"].get<double>();
      if (!std::isfinite(level.threshold) || level.threshold < 0) {
        throw invalid_input("level threshold must be a non-negative number", where);
      }
    }
    if (j.contains("when")) {
      const nlohmann::json& w = j["when"];
      if (w == "same") {
        level.when = LevelCase::kSame;
      } else if (w == "different") {
        level.when = LevelCase::kDifferent;
      } else {
        throw invalid_input("a level's \"when\" is \"same\" or \"different\"", where);
      }
    }
    return level;
  }
  throw invalid_input("unknown comparison level type \"" + name + "\"", where);
}

nlohmann::json to_json(const ComparisonLevel& level) {
  nlohmann::json j{{"type", entry(level.type).name}};
  if (entry(level.type).needs_threshold) j["threshold"] = level.threshold;
  if (level.when == LevelCase::kSame) j["when"] = "same";
  if (level.when == LevelCase::kDifferent) j["when"] = "different";
  return j;
}

}  // namespace uncounted::link
