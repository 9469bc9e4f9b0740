#include "report/html_report.h"

#include <cmath>
#include <cstdio>

#include "report/charts.h"
#include "report/sensitivity_chart.h"
#include "report/svg_canvas.h"

namespace uncounted::report {
namespace {

constexpr const char* kStyle = R"css(
:root { --ink:#1d2330; --muted:#5b6475; --line:#d5d9e0; --accent:#1f5fa8; --warm:#c0502d; --ok:#2f7d4a; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans KR", "Malgun Gothic", sans-serif; color: var(--ink); background: #fafbfc; }
main { max-width: 1000px; margin: 0 auto; padding: 24px 20px 60px; }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 21px; margin: 36px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 20px 0 6px; }
.ko { color: var(--muted); font-weight: normal; }
p.note, .note { color: var(--muted); font-size: 14px; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.figure { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; min-width: 150px; }
.figure b { display: block; font-size: 22px; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: 14px; margin: 8px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
th { background: #eef1f5; }
svg { display: block; max-width: 100%; height: auto; background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; }
svg text { font-family: inherit; }
.axis { stroke: #8a93a3; stroke-width: 1; }
.grid { stroke: #eceff3; stroke-width: 1; }
.tick { font-size: 11px; fill: var(--muted); }
.label { font-size: 13px; fill: var(--ink); }
.legend { font-size: 12px; fill: var(--ink); }
.value, .value-small { font-size: 11px; fill: var(--muted); }
.stripe { fill: #f5f7fa; }
.none { fill: none; }
.bar-records { fill: var(--accent); }
.bar-persons { fill: #8fb3dc; }
.bar-overlap { fill: #35506f; }
.dot-on { fill: #35506f; }
.dot-off { fill: #dde2e8; }
.dot-link { stroke: #35506f; stroke-width: 3; }
.bar-nonmatch { fill: #b7bec9; }
.bar-match { fill: var(--accent); }
.threshold { stroke: var(--warm); stroke-width: 2; stroke-dasharray: 5 3; }
.documented { fill: #c9ced6; }
.chao { stroke: #6b7280; stroke-width: 3; }
.est-lcmcr { fill: var(--accent); }
.est-lcmcr-whisker { stroke: var(--accent); stroke-width: 2.5; }
.est-loglinear { fill: #7a4fa3; }
.est-loglinear-whisker { stroke: #7a4fa3; stroke-width: 2.5; }
.truth { fill: var(--warm); stroke: #fff; stroke-width: 1; }
.truth-line { stroke: var(--warm); stroke-width: 1.5; stroke-dasharray: 3 3; }
.note-svg { font-size: 12px; fill: var(--warm); }
.covered { color: var(--ok); font-weight: 600; }
.warn { color: var(--warm); font-weight: 600; }
.sens-loglinear { stroke: #7a4fa3; stroke-width: 2.5; fill: none; }
.sens-lcmcr { stroke: var(--accent); stroke-width: 2.5; fill: none; }
.sens-dga { stroke: #2e8b57; stroke-width: 2.5; fill: none; }
.band-loglinear { fill: #7a4fa3; fill-opacity: 0.12; }
.band-lcmcr { fill: #1f5fa8; fill-opacity: 0.12; }
.band-dga { fill: #2e8b57; fill-opacity: 0.12; }
.est-dga { fill: #2e8b57; }
.missed { color: var(--warm); font-weight: 600; }
footer { margin-top: 40px; font-size: 13px; color: var(--muted); border-top: 1px solid var(--line); padding-top: 10px; }
)css";

std::string h(std::string_view text) { return escape_html(text); }

// "English <span class=ko>한국어</span>"
std::string both(std::string_view en, std::string_view ko) {
  return h(en) + " <span class=\"ko\" lang=\"ko\">" + h(ko) + "</span>";
}

std::string figure(std::string_view value, std::string_view en, std::string_view ko) {
  return "<div class=\"figure\"><b>" + h(value) + "</b>" + both(en, ko) + "</div>";
}

std::string count(std::int64_t n) { return format_count(static_cast<double>(n)); }

std::string interval_text(const std::optional<Interval>& i) {
  if (!i) return "-";
  return format_count(i->point) + " <span class=\"note\">(" + format_count(i->lower) + "&ndash;" +
         (i->open_upper ? std::string("open") : format_count(i->upper)) + ")</span>";
}

std::string fixed(double x, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  return buf;
}

std::string documented_section(const ReportData& d) {
  std::string s =
      "<section id=\"documented\"><h2>" + both("What was documented", "기록된 내용") + "</h2>";
  std::int64_t records = 0;
  for (const auto& src : d.sources) records += src.records;
  s += "<div class=\"figures\">" + figure(count(records), "records", "기록") +
       figure(std::to_string(d.sources.size()), "sources", "출처") +
       figure(count(d.linkage.persons),
              d.linkage.linked ? "persons after linkage" : "records (not linked yet)",
              d.linkage.linked ? "연계 후 인물" : "기록 (연계 전)") +
       "</div>";
  s += "<h3>" + both("Records per source", "출처별 기록 수") + "</h3>" + records_chart(d);
  s += "<h3>" + both("Overlap between sources", "출처 간 중복") + "</h3>";
  s += "<p class=\"note\">" +
       both(
           "Each bar counts the persons recorded by exactly the sources marked below it. Overlaps "
           "are "
           "what multiple systems estimation learns from: the more people several sources share, "
           "the "
           "fewer are likely to be missing from all of them.",
           "각 막대는 아래에 표시된 출처들에만 기록된 인물의 수입니다. 출처 간 중복이 많을수록 "
           "어느 출처에도 "
           "기록되지 않은 사람은 적을 가능성이 큽니다.") +
       "</p>" + upset_chart(d);
  s += "</section>";
  return s;
}

std::string linkage_section(const ReportData& d) {
  const LinkageSummary& l = d.linkage;
  std::string s = "<section id=\"linkage\"><h2>" + both("Linkage quality", "연계 품질") + "</h2>";
  if (!l.linked) {
    return s + "<p>" +
           both("No linkage has been run yet: run `uncounted link`.",
                "아직 연계가 실행되지 않았습니다.") +
           "</p></section>";
  }
  s += "<div class=\"figures\">" +
       figure(count(l.pairs), "candidate pairs scored", "점수가 매겨진 후보 쌍") +
       figure(count(l.links), "pairs linked", "연계된 쌍") +
       figure(fixed(l.threshold, 2), "threshold (match probability)", "임계값 (일치 확률)") +
       figure(count(l.review_queue), "pairs waiting for review", "검토 대기 쌍") + "</div>";
  s += weight_histogram(l);
  s += "<p class=\"note\">" +
       both(
           "A pair's match weight adds up the evidence of every field (name, birth year, origin, "
           "dates, "
           "places): positive when the fields agree more than chance would make them. Pairs "
           "between the "
           "review bounds go to the review queue, where a person decides; until then the model's "
           "decision stands. Linkage errors move estimates: a missed link makes a person look like "
           "two "
           "(too high), a false link merges two (too low).",
           "일치 가중치는 이름, 출생연도, 출신지, 날짜, 장소의 증거를 합한 값입니다. 애매한 쌍은 "
           "검토 대기열로 가며, "
           "사람이 결정하기 전까지는 모델의 판단이 적용됩니다. 연계 누락은 추정을 높이고, 잘못된 "
           "연계는 낮춥니다.") +
       "</p></section>";
  return s;
}

std::string estimates_table(const ReportData& d) {
  std::string s = "<table><tr><th>" + both("stratum", "층") + "</th><th>" +
                  both("documented", "기록됨") + "</th><th>LCMCR (95%)</th><th>R&#770;</th><th>" +
                  both("log-linear", "로그선형") + " (95%)</th><th>" + both("model", "모형") +
                  "</th><th>Chao</th><th>" + both("width from linkage", "연계에서 온 폭") + "</th>";
  if (d.has_truth)
    s += "<th>" + both("true total", "실제") + "</th><th>" + both("LCMCR covers", "포함") + "</th>";
  s += "</tr>";
  for (const auto& row : d.estimates) {
    const auto& e = row.estimate;
    s += "<tr><td>" + h(stratum_label(e)) + "</td><td>" + count(e.observed) + "</td>";
    if (e.skipped) {
      s += "<td colspan=\"6\" class=\"note\">" + h(*e.skipped) + "</td>";
    } else {
      const auto lc = lcmcr_interval(e);
      const auto ll = loglinear_interval(e);
      s += "<td>" + interval_text(lc) + "</td><td>" + (e.lcmcr ? fixed(e.lcmcr->rhat, 2) : "-") +
           "</td>";
      s += "<td>" + interval_text(ll) + "</td><td>" +
           (ll ? h(e.loglinear->hierarchical[*e.loglinear->selected].label) : std::string("-")) +
           "</td>";
      s += "<td>" + format_count(e.chao.N) + "</td><td>" +
           (e.linkage && e.lcmcr ? fixed(100 * e.linkage->lcmcr, 0) + "%" : std::string("-")) +
           "</td>";
    }
    if (d.has_truth) {
      if (!row.truth) {
        s += "<td>-</td><td>-</td>";
      } else {
        const auto lc = lcmcr_interval(e);
        const double t = static_cast<double>(row.truth->total);
        const bool covered = lc && t >= lc->lower && t <= lc->upper;
        s += "<td>" + count(row.truth->total) + "</td><td class=\"" +
             (covered ? "covered\">yes 예" : "missed\">no 아니오") + "</td>";
      }
    }
    s += "</tr>";
  }
  return s + "</table>";
}

std::string sensitivity_section(const ReportData& d) {
  const std::string chart = sensitivity_chart(d);
  if (chart.empty()) return "";
  std::string s = "<h3 id=\"sensitivity\">" +
                  both("How much the answer depends on the choices", "선택에 따라 달라지는 정도") +
                  "</h3><p>" +
                  both(
                      "Each method again on the linkage made at thresholds from 0.2 (link "
                      "generously) to 0.95 (link only the surest pairs), one linkage each and "
                      "short LCMCR runs. Where the lines part, the answer depends on the choice.",
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
  for (const auto& w : d.sensitivity_warnings)
    s += "<p class=\"warn\">&#9888; " + h(w.stratum) + ": " + both(w.english, w.korean) + "</p>";
  return s;
}

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
       h(events.empty() ? "all" : events) + "</b>; " + both("strata: ", "층: ") + "<b>" +
       h(strata.empty() ? "none" : strata) + "</b>. " +
       both(
           "Each row compares the people documented with the estimated total (observed plus "
           "unobserved), "
           "with its 95% interval.",
           "각 행은 기록된 인원과 추정 총계(관측 + 미관측) 및 95% 구간을 비교합니다.") +
       "</p>";
  if (d.has_truth)
    s += "<p class=\"note\">" +
         both(
             "This store holds simulated lists: the diamonds are the true totals of the "
             "simulation (" +
                 d.truth_note + "), drawn to check the estimates.",
             "이 저장소는 모의 자료입니다. 마름모는 모의실험의 실제 총계입니다.") +
         "</p>";
  int pooled = 1;
  for (const auto& row : d.estimates)
    if (row.estimate.linkage) pooled = std::max(pooled, row.estimate.linkage->draws);
  s += "<p>" +
       (pooled > 1
            ? both("Each interval is pooled over " + std::to_string(pooled) +
                       " plausible linkages drawn from the scored pairs, so it holds the "
                       "linkage's uncertainty as well as the estimator's; the last column says "
                       "how much of LCMCR's width comes from the linkage.",
                   "각 구간은 점수가 매겨진 쌍에서 뽑은 " + std::to_string(pooled) +
                       "개의 그럴듯한 연계를 합친 것으로, 추정 방법의 불확실성과 함께 연계의 "
                       "불확실성도 담습니다. 마지막 열은 LCMCR 구간 폭 중 연계에서 온 몫입니다.")
            : both("No linked pair is uncertain: the intervals are of the one linkage.",
                   "불확실한 연계 쌍이 없어 구간은 하나의 연계에 대한 것입니다.")) +
       "</p>";
  s += estimates_chart(d) + estimates_table(d);
  for (const auto& row : d.estimates)
    for (const auto& w : row.estimate.warnings)
      s += "<p class=\"note\">&#9888; " + h(stratum_label(row.estimate)) + ": " + h(w) + "</p>";
  s += sensitivity_section(d);
  return s + "</section>";
}

std::string assumptions_section(const ReportData& d) {
  std::string s = "<section id=\"assumptions\"><h2>" +
                  both("What each estimate assumes", "각 추정의 가정") + "</h2>";
  s +=
      "<h3>" + both("Documented count", "기록된 인원") + "</h3><p>" +
      both(
          "People on at least one list, after linkage. It is a floor, not an estimate: everyone no "
          "organization reached is missing from it.",
          "하나 이상의 목록에 있는 인원입니다. 어떤 단체도 닿지 못한 사람은 빠져 있으므로 최소값일 "
          "뿐입니다.") +
      "</p>";
  s += "<h3>LCMCR</h3><p>" +
       both(
           "A Bayesian latent-class model (Manrique-Vallier 2016): people fall into a few hidden "
           "classes that "
           "differ in how easily each organization finds them. It allows heterogeneity and some "
           "dependence "
           "between lists, as long as within a class the lists are independent. It assumes the "
           "population "
           "is closed (nobody counted twice across periods), that linkage is right, and that the "
           "people no "
           "list found resemble some of the people the lists found. The interval is the central "
           "95% of the "
           "posterior (" +
               d.lcmcr_model + "; " + d.lcmcr_settings + ").",
           "잠재계층 모형: 사람들은 단체가 찾기 쉬운 정도가 다른 몇 개의 숨은 계층으로 나뉩니다. "
           "계층 안에서는 목록이 "
           "독립이라고 가정합니다. 모집단이 닫혀 있고, 연계가 정확하며, 어느 목록에도 없는 "
           "사람들이 관측된 사람들 중 "
           "일부와 닮았다고 가정합니다.") +
       "</p>";
  s += "<h3>" + both("Log-linear models", "로그선형 모형") + "</h3><p>" +
       both(
           "Models of the capture table with interactions between lists, chosen by BIC. The "
           "selected model "
           "(named by its interactions, e.g. [AB][C]) assumes that dependence between lists is "
           "what its "
           "terms say and that the highest-order interaction is zero. The interval is a "
           "profile-likelihood "
           "interval; 'open' means the data do not bound the total from above.",
           "목록 간 상호작용을 포함한 모형을 BIC로 선택합니다. 선택된 모형의 항이 목록 간 의존성을 "
           "설명하며, 최고차 "
           "상호작용은 0이라고 가정합니다. '열림'은 자료가 상한을 정하지 못한다는 뜻입니다.") +
       "</p>";
  s += "<h3>" + both("Chao's lower bound", "Chao 하한") + "</h3><p>" +
       both(
           "A floor under heterogeneous capture, from the people seen once and twice; an estimate "
           "well below "
           "it is suspect.",
           "한 번, 두 번 관측된 인원으로 계산한 하한입니다. 이보다 훨씬 낮은 추정은 "
           "의심스럽습니다.") +
       "</p>";
  s += "<h3>" + both("When not to trust any of them", "어떤 추정도 믿기 어려운 경우") + "</h3><p>" +
       both(
           "Small strata, lists that barely overlap, lists that only record people another list "
           "referred "
           "to them, and changes in who is documented over time all break these assumptions. Read "
           "the "
           "warnings next to each stratum.",
           "작은 층, 거의 겹치지 않는 목록, 다른 목록이 소개한 사람만 기록하는 목록, 시간에 따른 "
           "기록 방식의 변화는 "
           "가정을 깨뜨립니다. 각 층의 경고를 확인하십시오.") +
       "</p></section>";
  return s;
}

}  // namespace

std::string render_html(const ReportData& d) {
  std::string s = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">";
  // Nothing may be fetched: the page is read offline on documenters' laptops.
  s += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
       "'unsafe-inline'\">";
  s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  s += "<title>" + h(d.title) + " &middot; report / 보고서</title><style>" + kStyle +
       "</style></head><body><main>";
  s += "<header><h1>" + h(d.title) + "</h1><p class=\"note\">" +
       both("Report generated " + d.generated +
                ". Counts and estimates only: this page holds no names.",
            "생성 " + d.generated + ". 집계와 추정만 담고 있으며 이름은 없습니다.") +
       "</p></header>";
  s += documented_section(d) + linkage_section(d) + estimates_section(d) + assumptions_section(d);
  s += "<footer>uncounted &middot; " +
       both("multiple systems estimation after Fellegi-Sunter record linkage",
            "기록 연계 후 다중체계 추정") +
       "</footer></main></body></html>\n";
  return s;
}

}  // namespace uncounted::report
