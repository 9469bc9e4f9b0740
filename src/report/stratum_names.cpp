#include "report/stratum_names.h"

#include "places/gazetteer.h"

namespace uncounted::report {
namespace {

bool is_artefact_value(const std::string& value) {
  return value == "unknown" || value == "unresolved";
}

// One stratum column's value in both languages.
StratumName value_name(const std::string& column, const std::string& value) {
  if (value == "unknown") {
    if (column == "event_place") return {"place left blank", "장소 미기재", value};
    if (column == "year") return {"year left blank", "연도 미기재", value};
    return {column + " left blank", column + " 미기재", value};
  }
  if (value == "unresolved") return {"place not understood", "장소 불명", value};
  if (column == "event_place") {
    if (const places::Place* p = places::gazetteer().find(value))
      return {p->name, p->hangul.empty() ? p->name : p->hangul, value};
  }
  if (column == "sex") {
    if (value == "M") return {"men", "남성", value};
    if (value == "F") return {"women", "여성", value};
  }
  if (column == "year") return {value, value + "년", value};
  return {value, value, value};
}

}  // namespace

StratumName stratum_name(const estimate::StratumEstimate& e) {
  if (e.stratum.empty()) return {"all", "전체", "all"};
  StratumName out;
  for (const auto& [column, value] : e.stratum) {
    const StratumName part = value_name(column, value);
    const bool first = out.id.empty();
    out.english += (first ? "" : ", ") + part.english;
    out.korean += (first ? "" : ", ") + part.korean;
    out.id += (first ? "" : ", ") + (e.stratum.size() == 1 ? value : column + "=" + value);
  }
  return out;
}

bool is_artefact(const estimate::StratumEstimate& e) {
  for (const auto& [column, value] : e.stratum)
    if (is_artefact_value(value)) return true;
  return false;
}

}  // namespace uncounted::report
