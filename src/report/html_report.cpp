#include "report/html_report.h"

#include "report/charts.h"
#include "report/estimates_section.h"
#include "report/html_text.h"
#include "report/linkage_section.h"
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
/* Korean is read as much as English: the same ink, never the grey of a side note. */
.ko { color: var(--ink); font-weight: normal; word-break: keep-all; }
h1 .ko, h2 .ko, h3 .ko { color: #3a4456; }
p.note, .note { color: #3f4859; font-size: 14px; }
.note .ko { color: #3f4859; }
.figure-note { font-size: 12.5px; color: #3f4859; margin-top: 4px; max-width: 420px; }
.id { font-size: 12px; color: var(--muted); white-space: nowrap; }
.scroll { overflow-x: auto; }
td.stratum { min-width: 150px; }
table.estimates td { white-space: nowrap; }
table.estimates td.stratum, table.estimates td.model, table.estimates td.note, table.estimates td.unsure { white-space: normal; }
td.model { font-size: 12px; word-break: break-all; min-width: 120px; }
tr.artefact td { background: #fbf7f2; }
tr.total td { border-top: 2px solid #8a93a3; font-weight: 600; }
ul.warnings { font-size: 14px; padding-left: 20px; }
ul.warnings li { margin: 4px 0; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.figure { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; min-width: 150px; }
.figure b { display: block; font-size: 22px; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: 14px; margin: 8px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
th { background: #eef1f5; word-break: keep-all; vertical-align: bottom; }
svg { display: block; max-width: 100%; height: auto; background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; }
svg text { font-family: inherit; }
.axis { stroke: #8a93a3; stroke-width: 1; }
.grid { stroke: #eceff3; stroke-width: 1; }
.tick { font-size: 11px; fill: #4a5364; }
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
.unsure { color: #8a5a00; font-weight: 600; }
.bar-against { fill: #c0502d; }
.bar-m { fill: var(--accent); }
.bar-u { fill: #b7bec9; }
.trace-0 { stroke: var(--accent); stroke-width: 1; fill: none; opacity: 0.8; }
.trace-1 { stroke: var(--warm); stroke-width: 1; fill: none; opacity: 0.8; }
.trace-2 { stroke: #2e8b57; stroke-width: 1; fill: none; opacity: 0.8; }
.trace-3 { stroke: #7a4fa3; stroke-width: 1; fill: none; opacity: 0.8; }
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

// Each source described by what the report knows of it: its records, the
// persons they link to, how many of those no other source has.
std::string sources_table(const ReportData& d) {
  std::int64_t persons = 0;
  for (const auto& i : d.intersections) persons += i.persons;
  std::string s = "<div class=\"scroll\"><table><tr><th>" + both("source", "출처") + "</th><th>" +
                  both("records", "기록") + "</th><th>" + both("persons", "인물") + "</th><th>" +
                  both("records per person", "인물당 기록") + "</th><th>" +
                  both("only in this source", "이 출처에만") + "</th><th>" +
                  both("share of all persons", "전체 인물 중 비율") + "</th></tr>";
  for (std::size_t j = 0; j < d.sources.size(); ++j) {
    const SourceSummary& src = d.sources[j];
    std::int64_t alone = 0;
    for (const auto& i : d.intersections)
      if (j < 32 && i.pattern == (1u << j)) alone = i.persons;
    s += "<tr><td>" + h(src.source) + "</td><td>" + count(src.records) + "</td><td>" +
         count(src.persons) + "</td><td>" +
         (src.persons > 0 ? fixed(static_cast<double>(src.records) / src.persons, 2) : "-") +
         "</td><td>" + count(alone) +
         (src.persons > 0 ? " <span class=\"note\">(" +
                                percent(static_cast<double>(alone) / src.persons) + ")</span>"
                          : std::string()) +
         "</td><td>" + (persons > 0 ? percent(static_cast<double>(src.persons) / persons) : "-") +
         "</td></tr>";
  }
  s += "</table></div><p class=\"note\">" +
       both(
           "More than one record per person means the source documented some people more "
           "than once (several events or testimonies). A source whose people are mostly its "
           "own tells the estimate little about the others.",
           "인물당 기록이 1보다 많으면 그 출처가 일부 사람을 여러 번(여러 사건이나 증언) "
           "기록한 것입니다. 대부분의 인물이 그 출처에만 있으면 다른 출처에 대해 알려 주는 "
           "것이 적습니다.") +
       "</p>";
  return s;
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
              d.linkage.linked ? "연계 후 인물" : "기록 (연계 전)", persons_comment(d)) +
       "</div>";
  s += "<h3>" + both("Records per source", "출처별 기록 수") + "</h3>" + records_chart(d) +
       sources_table(d);
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
           "A floor under heterogeneous capture, from the people seen once (f1) and twice "
           "(f2): documented + f1² / (2 f2). It is a floor only when lists do not avoid "
           "one another and linkage missed nobody; a missed link turns one person seen twice "
           "into two seen once and raises it, so on imperfectly linked lists it can lie above "
           "the truth. An estimate below it is marked in the table (▲): either the "
           "estimate or the bound is wrong there, and the note under the table says which "
           "the truth supports when it is known.",
           "한 번(f1), 두 번(f2) 관측된 인원으로 계산한 하한입니다: 기록된 인원 + f1² / "
           "(2 f2). 목록들이 서로를 피하지 않고 연계 누락이 없을 때만 하한입니다. 놓친 연계는 두 "
           "번 관측된 한 사람을 한 번 관측된 두 사람으로 만들어 하한을 높이므로, 연계가 불완전한 "
           "목록에서는 실제보다 높을 수 있습니다. 이보다 낮은 추정은 표에 표시합니다(▲).") +
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
