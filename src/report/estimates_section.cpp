#include "report/estimates_section.h"

#include <algorithm>
#include <cmath>

#include "report/charts.h"
#include "report/html_text.h"
#include "report/sensitivity_chart.h"
#include "report/stratum_names.h"
#include "report/stratum_total.h"
#include "report/svg_canvas.h"
#include "report/trace_chart.h"
#include "report/warning_text.h"

namespace uncounted::report {
namespace {

std::string interval_text(const std::optional<Interval>& i) {
  if (!i) return "-";
  return format_count(i->point) + "<br><span class=\"note\">(" + format_count(i->lower) +
         "&ndash;" + (i->open_upper ? std::string("open 열림") : format_count(i->upper)) +
         ")</span>";
}

std::string name_cell(const StratumName& name) {
  return "<td class=\"stratum\">" + h(name.english) + " <span class=\"ko\" lang=\"ko\">" +
         h(name.korean) + "</span> <span class=\"id\">" + h(name.id) + "</span></td>";
}

std::string verdict_cell(Coverage c) {
  switch (c) {
    case Coverage::kCovered:
      return "<td class=\"covered\">yes 예</td>";
    case Coverage::kMissed:
      return "<td class=\"missed\">no 아니오</td>";
    case Coverage::kNotJudged:
      return "<td class=\"unsure\" title=\"chains not mixed / 사슬 미수렴\">" +
             both("not judged: chains not mixed", "판단 보류") + "</td>";
    case Coverage::kUnknown:
      break;
  }
  return "<td>-</td>";
}

const char* kNotMixed =
    " <span class=\"warn\" title=\"split R-hat above 1.01: chains not mixed / 사슬 "
    "미수렴\">&#9888;</span>";
const char* kBelowChao = " <span class=\"warn\" title=\"an estimate lies below\">&#9650;</span>";

std::string header(bool truth) {
  std::string s = "<div class=\"scroll\"><table class=\"estimates\"><tr><th>" +
                  both("stratum", "층") + "</th><th>" + both("documented", "기록됨") +
                  "</th><th>LCMCR (95%)</th><th>R&#770;</th><th>" + both("log-linear", "로그선형") +
                  " (95%)</th><th>" + both("model", "모형") + "</th><th>" +
                  both("Chao bound", "Chao 하한") + "</th><th>" +
                  both("width from linkage", "연계에서 온 폭") + "</th>";
  if (truth)
    s += "<th>" + both("true total", "실제 총계") + "</th><th>" +
         both("LCMCR covers", "LCMCR 포함") + "</th>";
  return s + "</tr>";
}

std::string stratum_row(const StratumRow& row, bool truth) {
  const auto& e = row.estimate;
  std::string s = std::string("<tr") + (is_artefact(e) ? " class=\"artefact\"" : "") + ">" +
                  name_cell(stratum_name(e)) + "<td>" + count(e.observed) + "</td>";
  if (is_artefact(e)) {
    s += "<td colspan=\"6\" class=\"note\">" +
         both("not a population: records whose " + e.stratum.front().first + " is " +
                  (e.stratum.front().second == "unknown" ? "blank" : "not understood") +
                  " belong to the other strata's people; not estimated apart and left out of "
                  "the total",
              "모집단이 아님: 값이 비었거나 알 수 없는 기록은 다른 층의 사람들에 속합니다. 따로 "
              "추정하지 않고 합계에서 제외합니다") +
         "</td>";
  } else if (e.skipped) {
    s += "<td colspan=\"6\" class=\"note\">" + both(*e.skipped, korean_warning(*e.skipped)) +
         "</td>";
  } else {
    const auto lc = lcmcr_interval(e);
    const auto ll = loglinear_interval(e);
    const bool chao_above = (lc && below_chao(e, lc->point)) || (ll && below_chao(e, ll->point));
    s += "<td>" + interval_text(lc) + (lc && !lcmcr_mixed(e) ? kNotMixed : "") + "</td><td>" +
         (e.lcmcr ? fixed(e.lcmcr->rhat, 2) : "-") + "</td>";
    s += "<td>" + interval_text(ll) + "</td><td class=\"model\">" +
         (ll ? h(e.loglinear->hierarchical[*e.loglinear->selected].label) : std::string("-")) +
         "</td>";
    s += "<td>" + format_count(e.chao.N) + (chao_above ? kBelowChao : "") + "</td><td>" +
         (e.linkage && e.lcmcr && std::isfinite(e.linkage->lcmcr)
              ? fixed(100 * e.linkage->lcmcr, 0) + "%"
              : std::string("-")) +
         "</td>";
  }
  if (truth) {
    s += row.truth ? "<td>" + count(row.truth->total) + "</td>" : "<td>-</td>";
    s += verdict_cell(lcmcr_coverage(row));
  }
  return s + "</tr>";
}

std::string total_row(const StrataTotal& t, bool truth) {
  std::string s = "<tr class=\"total\"><td class=\"stratum\">" +
                  both("Total of " + std::to_string(t.strata) + " strata",
                       "층 " + std::to_string(t.strata) + "개 합계") +
                  "</td><td>" + count(t.documented) + "</td><td>" + interval_text(t.lcmcr) +
                  (t.lcmcr && !t.lcmcr_mixed ? kNotMixed : "") + "</td><td>-</td><td>" +
                  (t.loglinear ? format_count(*t.loglinear) + "<br><span class=\"note\">" +
                                     both("sum of points", "점추정 합") + "</span>"
                               : std::string("-")) +
                  "</td><td>-</td><td>-</td><td>-</td>";
  if (truth) {
    s += t.truth ? "<td>" + count(*t.truth) + "</td>" : "<td>-</td>";
    Coverage c = Coverage::kUnknown;
    if (t.truth && t.lcmcr) {
      const double x = static_cast<double>(*t.truth);
      c = !t.lcmcr_mixed                               ? Coverage::kNotJudged
          : x >= t.lcmcr->lower && x <= t.lcmcr->upper ? Coverage::kCovered
                                                       : Coverage::kMissed;
    }
    s += verdict_cell(c);
  }
  return s + "</tr>";
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

std::string estimates_table(const ReportData& d) {
  std::string s = header(d.has_truth);
  for (const auto& row : d.estimates) s += stratum_row(row, d.has_truth);
  const auto total = total_across_strata(d);
  if (total && total->strata > 0) s += total_row(*total, d.has_truth);
  s += "</table></div>";
  if (total && total->strata > 0) {
    s += "<p class=\"note\">" +
         both(
             "The total adds the strata's LCMCR posteriors draw by draw (the strata are "
             "estimated independently), so its interval is that of the sum, narrower than "
             "the sum of the intervals; log-linear models give no interval for a sum.",
             "합계는 층별 LCMCR 사후 표본을 하나씩 더한 것으로(층은 독립적으로 추정됨), 구간은 "
             "합의 구간이며 구간들의 합보다 좁습니다. 로그선형 모형은 합의 구간을 주지 "
             "않습니다.") +
         "</p>";
    if (!total->artefacts.empty())
      s += "<p class=\"note\">" +
           both("Left out of the total as no population of their own: " + join(total->artefacts) +
                    " (" + count(total->artefact_documented) +
                    " documented people, who belong to the other strata or to none of them).",
                "고유한 모집단이 아니어서 합계에서 제외: 값이 비었거나 알 수 없는 기록 " +
                    count(total->artefact_documented) + "명(다른 층에 속하는 사람들).") +
           "</p>";
    if (!total->not_estimated.empty())
      s += "<p class=\"note\">" +
           both("Not estimated, so not in the total: " + join(total->not_estimated) + " (" +
                    count(total->not_estimated_documented) + " documented people).",
                "추정하지 못해 합계에 없는 층: 기록된 " + count(total->not_estimated_documented) +
                    "명.") +
           "</p>";
  }
  return s;
}

// Where an estimate lies below Chao's bound the figures disagree: say
// which, and whether the truth (when known) sides with the bound.
std::string chao_note(const ReportData& d) {
  int below = 0, truth_below = 0, with_truth = 0;
  for (const auto& row : d.estimates) {
    const auto& e = row.estimate;
    if (e.skipped || is_artefact(e)) continue;
    const auto lc = lcmcr_interval(e);
    const auto ll = loglinear_interval(e);
    if ((lc && below_chao(e, lc->point)) || (ll && below_chao(e, ll->point))) ++below;
    if (row.truth) {
      ++with_truth;
      truth_below += below_chao(e, static_cast<double>(row.truth->total));
    }
  }
  if (below == 0) return "";
  std::string en = "&#9650; In " + std::to_string(below) + (below == 1 ? " stratum" : " strata") +
                   " an estimate lies below Chao's bound. The bound holds only when no list "
                   "avoids the people another list found and the linkage missed nobody: "
                   "missed links add people seen once and raise it.";
  std::string ko = "&#9650; 층 " + std::to_string(below) +
                   "개에서 추정치가 Chao 하한보다 낮습니다. 하한은 어떤 목록도 다른 목록이 찾은 "
                   "사람을 피하지 않고 연계 누락이 없을 때만 성립합니다. 놓친 연계는 한 번 관측된 "
                   "사람을 늘려 하한을 높입니다.";
  if (with_truth > 0 && truth_below > 0) {
    en += " Here the true total itself lies below the bound in " + std::to_string(truth_below) +
          " of " + std::to_string(with_truth) +
          " strata: the bound does not hold for these lists, and the estimates below it are "
          "not suspect for that reason alone.";
    ko += " 여기서는 실제 총계도 층 " + std::to_string(with_truth) + "개 중 " +
          std::to_string(truth_below) +
          "개에서 하한보다 낮습니다. 이 목록에는 하한이 성립하지 않으며, 그 아래의 추정치가 "
          "그 이유만으로 의심스럽지는 않습니다.";
  } else {
    en += " Either the estimate or the bound is wrong here: read the stratum's warnings.";
    ko += " 추정치나 하한 중 하나가 틀렸으니 층의 경고를 확인하십시오.";
  }
  return "<p class=\"note\">" + en + " <span class=\"ko\" lang=\"ko\">" + ko + "</span></p>";
}

std::string warnings_list(const ReportData& d) {
  std::string s;
  for (const auto& row : d.estimates) {
    if (is_artefact(row.estimate)) continue;
    const StratumName name = stratum_name(row.estimate);
    // One line per distinct warning: pooled runs repeat a warning with
    // other numbers ("stopped at the time cap ... (24000 sweeps per chain)").
    std::vector<std::string> said;
    for (const auto& w : row.estimate.warnings) {
      const std::string ko = korean_warning(w);
      if (std::find(said.begin(), said.end(), ko) != said.end()) continue;
      said.push_back(ko);
      s += "<li>" + h(name.english) + ": " + h(w) + "<br><span class=\"ko\" lang=\"ko\">" +
           h(name.korean) + ": " + h(ko) + "</span></li>";
    }
  }
  if (s.empty()) return "";
  return "<h3>" + both("Warnings", "경고") + "</h3><ul class=\"warnings\">" + s + "</ul>";
}

std::string sensitivity_part(const ReportData& d) {
  const std::string chart = sensitivity_chart(d);
  if (chart.empty()) return "";
  std::string s = "<h3 id=\"sensitivity\">" +
                  both("How much the answer depends on the choices", "선택에 따라 달라지는 정도") +
                  "</h3><p>" +
                  both(
                      "Each method again on the linkage made at thresholds from 0.2 (link "
                      "generously) to 0.95 (link only the surest pairs), one linkage each and "
                      "short LCMCR runs. Where the lines part, the answer depends on the "
                      "choice.",
                      "연계 임계값을 0.2(넓게 연계)에서 0.95(가장 확실한 쌍만 연계)까지 바꾸어 "
                      "만든 연계마다 각 방법을 다시 적용했습니다. 선이 갈라지는 곳에서는 답이 "
                      "선택에 따라 달라집니다.") +
                  "</p>" + chart;
  if (d.sensitivity_warnings.empty()) {
    s += "<p class=\"note\">" +
         both("In every stratum the intervals of all thresholds and methods overlap.",
              "모든 층에서 모든 임계값과 방법의 구간이 서로 겹칩니다.") +
         "</p>";
  }
  for (const auto& w : d.sensitivity_warnings) {
    std::string name = w.stratum;
    for (const auto& row : d.estimates)
      if (stratum_label(row.estimate) == w.stratum) name = stratum_name(row.estimate).english;
    s += "<p class=\"warn\">&#9888; " + h(name) + ": " + both(w.english, w.korean) + "</p>";
  }
  return s;
}

std::string traces_part(const ReportData& d) {
  const std::string chart = trace_chart(d);
  if (chart.empty()) return "";
  return "<h3 id=\"traces\">" + both("LCMCR sampler traces", "LCMCR 표본 경로") + "</h3>" + chart +
         "<p class=\"note\">" +
         both(
             "Chains that overlap like one band have mixed; chains apart or drifting have "
             "not, and their interval is not yet the posterior's (the table then withholds "
             "its verdict).",
             "한 띠처럼 겹치는 사슬은 수렴한 것입니다. 떨어져 있거나 흘러가는 사슬은 수렴하지 "
             "않았으며, 그 구간은 아직 사후분포의 구간이 아닙니다(표는 판단을 보류합니다).") +
         "</p>";
}

}  // namespace

std::string estimates_section(const ReportData& d) {
  std::string s =
      "<section id=\"estimates\"><h2>" + both("How many people: estimates", "추정 인원") + "</h2>";
  if (!d.linkage.linked)
    return s + "<p>" + both("Estimates need a linkage first.", "추정에는 연계가 먼저 필요합니다.") +
           "</p></section>";
  std::string events;
  for (const auto& e : d.events) events += (events.empty() ? "" : ", ") + e;
  std::string strata;
  for (const auto& c : d.strata) strata += (strata.empty() ? "" : ", ") + c;
  s += "<p>" + both("Events counted: ", "집계한 사건: ") + "<b>" +
       h(events.empty() ? "all 전체" : events) + "</b>; " + both("strata: ", "층: ") + "<b>" +
       h(strata.empty() ? "none 없음" : strata) + "</b>. " +
       both(
           "Each row compares the people documented with the estimated total (observed plus "
           "unobserved), with its 95% interval.",
           "각 행은 기록된 인원과 추정 총계(관측 + 미관측) 및 95% 구간을 비교합니다.") +
       "</p>";
  if (d.has_truth)
    s += "<p class=\"note\">" +
         both(
             "This store holds simulated lists: the diamonds are the true totals of the "
             "simulation (" +
                 d.truth_note + "), drawn to check the estimates.",
             "이 저장소는 모의 자료입니다. 마름모는 모의실험의 실제 총계로, 추정을 점검하려고 "
             "그렸습니다.") +
         "</p>";
  int pooled = 1;
  for (const auto& row : d.estimates)
    if (row.estimate.linkage) pooled = std::max(pooled, row.estimate.linkage->draws);
  s +=
      "<p>" +
      (pooled > 1 ? both("Each interval is pooled over " + std::to_string(pooled) +
                             " plausible linkages drawn from the scored pairs, so it holds the "
                             "linkage's uncertainty as well as the estimator's; a column says how "
                             "much of LCMCR's width comes from the linkage.",
                         "각 구간은 점수가 매겨진 쌍에서 뽑은 " + std::to_string(pooled) +
                             "개의 그럴듯한 연계를 합친 것으로, 추정 방법의 불확실성과 함께 연계의 "
                             "불확실성도 담습니다. 한 열은 LCMCR 구간 폭 중 연계에서 온 몫입니다.")
                  : both("No linked pair is uncertain: the intervals are of the one linkage.",
                         "불확실한 연계 쌍이 없어 구간은 하나의 연계에 대한 것입니다.")) +
      "</p>";
  s += estimates_chart(d) + estimates_table(d) + chao_note(d) + warnings_list(d);
  s += sensitivity_part(d) + traces_part(d);
  return s + "</section>";
}

}  // namespace uncounted::report
