#include "report/linkage_section.h"

#include <cmath>

#include "report/charts.h"
#include "report/html_text.h"
#include "report/linkage_charts.h"

namespace uncounted::report {
namespace {

std::string accuracy_row(std::string_view en, std::string_view ko, const link::Confusion& c) {
  return "<tr><td>" + both(en, ko) + "</td><td>" + percent(c.precision()) + "</td><td>" +
         percent(c.recall()) + "</td><td>" + percent(c.f1()) + "</td><td>" +
         count(static_cast<std::int64_t>(c.false_positives)) + "</td><td>" +
         count(static_cast<std::int64_t>(c.false_negatives)) + "</td></tr>";
}

std::string accuracy_part(const LinkageSummary& l) {
  if (!l.accuracy) return "";
  const link::Accuracy& a = l.accuracy->accuracy;
  std::string s = "<h3 id=\"accuracy\">" +
                  both("Linkage against the simulation's truth", "모의 자료의 실제와 비교한 연계") +
                  "</h3><p>" +
                  both(
                      "Each simulated record carries its person's true identity, so the "
                      "linkage can be scored: precision is the share of links that join one "
                      "person's records, recall the share of one person's record pairs that "
                      "were joined.",
                      "모의 기록에는 실제 신원이 있어 연계를 채점할 수 있습니다. 정밀도는 연계 "
                      "중 같은 사람의 기록을 이은 비율, 재현율은 같은 사람의 기록 쌍 중 이어진 "
                      "비율입니다.") +
                  "</p>";
  s += "<div class=\"scroll\"><table><tr><th>" + both("measure", "측정") + "</th><th>" +
       both("precision", "정밀도") + "</th><th>" + both("recall", "재현율") +
       "</th><th>F1</th><th>" + both("false links", "잘못된 연계") + "</th><th>" +
       both("missed links", "놓친 연계") + "</th></tr>";
  s += accuracy_row("scored pairs at the threshold", "임계값 이상 점수 쌍", a.links);
  s += accuracy_row("pairs within persons", "인물 안의 쌍", a.clusters);
  s += "<tr><td>" + both("B-cubed (per record)", "B-cubed (기록별)") + "</td><td>" +
       percent(a.bcubed_precision) + "</td><td>" + percent(a.bcubed_recall) + "</td><td>" +
       percent(a.bcubed_f1()) + "</td><td>-</td><td>-</td></tr></table></div>";
  const auto split =
      static_cast<std::int64_t>(a.predicted_entities) - static_cast<std::int64_t>(a.true_entities);
  s += "<p class=\"note\">" +
       both(count(static_cast<std::int64_t>(l.accuracy->records)) + " records of " +
                count(static_cast<std::int64_t>(a.true_entities)) +
                " true persons were linked into " +
                count(static_cast<std::int64_t>(a.predicted_entities)) + " persons (" +
                (split >= 0 ? count(split) + " more" : count(-split) + " fewer") +
                "). Missed links split a person and push estimates up; false links merge "
                "two and push them down.",
            "기록 " + count(static_cast<std::int64_t>(l.accuracy->records)) + "건(실제 인물 " +
                count(static_cast<std::int64_t>(a.true_entities)) + "명)이 인물 " +
                count(static_cast<std::int64_t>(a.predicted_entities)) + "명으로 연계되었습니다(" +
                (split >= 0 ? count(split) + "명 많음" : count(-split) + "명 적음") +
                "). 놓친 연계는 한 사람을 둘로 나눠 추정을 높이고, 잘못된 연계는 둘을 합쳐 "
                "낮춥니다.") +
       "</p>";
  return s;
}

}  // namespace

std::string persons_comment(const ReportData& d) {
  const auto& acc = d.linkage.accuracy;
  if (!acc && !d.truth_people) return "";
  std::string en, ko;
  if (acc) {
    const auto truly = static_cast<std::int64_t>(acc->accuracy.true_entities);
    en = "true: " + count(truly) + " persons on the lists";
    ko = "실제: 목록에 있는 " + count(truly) + "명";
  }
  if (d.truth_people) {
    en += (en.empty() ? "the simulation holds " : ", of ") + count(*d.truth_people) +
          " people in all";
    ko += (ko.empty() ? "모의 인구 전체 " : ", 전체 ") + count(*d.truth_people) + "명";
  }
  if (acc && d.linkage.persons > static_cast<std::int64_t>(acc->accuracy.true_entities)) {
    en += "; the excess is people split by missed links (see linkage accuracy)";
    ko += "; 초과분은 놓친 연계로 나뉜 사람입니다(연계 정확도 참조)";
  }
  return both(en, ko);
}

std::string linkage_section(const ReportData& d) {
  const LinkageSummary& l = d.linkage;
  std::string s = "<section id=\"linkage\"><h2>" + both("Linkage quality", "연계 품질") + "</h2>";
  if (!l.linked) {
    return s + "<p>" +
           both("No linkage has been run yet: run `uncounted link`.",
                "아직 연계가 실행되지 않았습니다. `uncounted link`를 실행하십시오.") +
           "</p></section>";
  }
  s +=
      "<div class=\"figures\">" +
      figure(count(l.pairs), "candidate pairs scored", "점수가 매겨진 후보 쌍") +
      figure(count(l.links), "pairs linked", "연계된 쌍") +
      figure(fixed(l.threshold, 2) + " (" + fixed(weight_at_probability(l.threshold), 1) + " bits)",
             "threshold (match probability, weight)", "임계값 (일치 확률, 가중치)") +
      figure(count(l.review_queue), "pairs waiting for review", "검토 대기 쌍") + "</div>";
  if (l.expected) {
    const link::ExpectedAccuracy& e = *l.expected;
    s += "<h3 id=\"expected\">" +
         both("The model's own estimate of its accuracy", "모델이 스스로 추정한 정확도") +
         "</h3><div class=\"figures\">" +
         figure(fixed(e.precision, 3), "expected precision", "예상 정밀도") +
         figure(fixed(e.recall, 3), "expected recall", "예상 재현율") +
         figure(count(static_cast<std::int64_t>(std::llround(e.false_links))),
                "links expected false", "잘못되었을 연계") +
         figure(
             count(static_cast<std::int64_t>(std::llround(e.missed_matches + e.unscored_matches))),
             "matches expected missed", "놓쳤을 일치") +
         "</div><p class=\"note\">" +
         both(
             "From the match probabilities alone, without labels (as fastLink reports it): "
             "a link of probability p is false with chance 1 - p; the missed matches are "
             "those of the scored pairs under the threshold and, from a sample, of the pairs "
             "in blocks too large to compare. Records without a name are not counted. On "
             "simulated lists (docs/linkage.md) precision came within 0.04 of the truth with "
             "realistic names and was overstated with extremely common names; recall came "
             "within 0.03 at 60,000 people and more, and was overstated by up to 0.10 on "
             "smaller lists, where records without a name and names sharing no key hold the "
             "missed matches. "
             "Each missed match can make one person two, and raise an estimate.",
             "라벨 없이 일치 확률만으로 계산한 값입니다(fastLink 방식). 확률 p인 연계는 "
             "1 - p의 확률로 틀립니다. 놓친 일치는 임계값 아래의 점수 쌍과, 표본으로 추정한 "
             "비교하지 못한 큰 블록의 쌍에서 옵니다. 이름 없는 기록은 세지 않습니다. "
             "모의 목록에서 정밀도는 실제와 0.04 이내였고(매우 흔한 이름에서는 과대), 재현율은 "
             "6만 명 이상에서 0.03 이내, 작은 목록에서는 이름 없는 기록과 키를 공유하지 않는 "
             "이름 때문에 최대 0.10 "
             "과대했습니다. 놓친 일치 하나가 한 사람을 두 사람으로 만들어 추정을 높일 수 "
             "있습니다.") +
         "</p>";
  }
  s += "<h3>" + both("Match weights of the scored pairs", "점수 쌍의 일치 가중치") + "</h3>" +
       weight_histogram(l);
  s += "<p class=\"note\">" +
       both(
           "A pair's match weight adds up the evidence of every field (name, birth year, "
           "origin, dates, places) to the prior, in bits: positive when the fields agree more "
           "than chance would make them. The dashed line is the threshold's weight. Pairs "
           "between the review bounds go to the review queue, where a person decides; until "
           "then the model's decision stands. Linkage errors move estimates: a missed link "
           "makes a person look like two (too high), a false link merges two (too low).",
           "일치 가중치는 사전 확률에 이름, 출생연도, 출신지, 날짜, 장소의 증거를 비트 단위로 "
           "더한 값입니다. 점선은 임계값의 가중치입니다. 애매한 쌍은 검토 대기열로 가며, 사람이 "
           "결정하기 전까지는 모델의 판단이 적용됩니다. 연계 누락은 추정을 높이고, 잘못된 "
           "연계는 낮춥니다.") +
       "</p>";
  if (const std::string chart = model_chart(l); !chart.empty()) {
    s += "<h3 id=\"model\">" +
         both("What the model learned: m, u and match weight",
              "모델이 배운 것: m, u와 일치 가중치") +
         "</h3>" + chart + "<p class=\"note\">" +
         both(
             "For each comparison level, m is the share of pairs of the same person and u "
             "of different persons that fall in it (estimated by EM); the level adds "
             "log2(m/u) bits to a pair's weight. A long bar to the right is strong evidence "
             "for a match, to the left against.",
             "각 비교 수준에서 m은 같은 사람의 쌍, u는 다른 사람의 쌍이 그 수준에 속하는 "
             "비율입니다(EM 추정). 그 수준은 쌍의 가중치에 log2(m/u) 비트를 더합니다. 오른쪽으로 "
             "긴 막대는 일치의 강한 증거, 왼쪽은 불일치의 증거입니다.") +
         "</p>";
  }
  if (const std::string chart = cluster_size_chart(l); !chart.empty()) {
    s += "<h3 id=\"clusters\">" + both("Records per person", "인물당 기록 수") + "</h3>" + chart +
         "<p class=\"note\">" +
         both(
             "How many records each linked person holds. Persons with more records than "
             "there are lists hold duplicates within a list; a long tail of large persons "
             "can mean false links chaining different people together.",
             "연계된 인물마다 가진 기록 수입니다. 목록 수보다 기록이 많은 인물은 한 목록 안의 "
             "중복을 가진 것이며, 큰 인물이 많으면 잘못된 연계가 다른 사람들을 이었을 수 "
             "있습니다.") +
         "</p>";
  }
  return s + accuracy_part(l) + "</section>";
}

}  // namespace uncounted::report
