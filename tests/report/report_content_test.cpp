// What the report concludes must agree with itself: the threshold line at
// the threshold's weight, artefact strata out of the total, no "covers:
// yes" on chains that have not mixed, camps by name, the linkage model and
// the sampler drawn, every estimator warning in Korean too.

#include <gtest/gtest.h>

#include <cmath>
#include <regex>

#include "estimate/linkage_pooling.h"
#include "report/charts.h"
#include "report/html_report.h"
#include "report/linkage_charts.h"
#include "report/stratum_names.h"
#include "report/stratum_total.h"
#include "report/svg_canvas.h"
#include "report/trace_chart.h"
#include "report/warning_text.h"

namespace uncounted::report {
namespace {

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

StratumRow camp(int number, std::int64_t observed, double median, double lower, double upper,
                std::int64_t truth) {
  StratumRow row;
  row.estimate.stratum = {{"event_place", "kwanliso-" + std::to_string(number)}};
  row.estimate.observed = observed;
  row.estimate.chao.N = static_cast<double>(observed) * 1.1;
  estimate::LcmcrResult l;
  l.median = median;
  l.lower = lower;
  l.upper = upper;
  l.rhat = 1.002;
  l.ess = 2000;
  // Two chains of draws spread evenly over the interval, in an order of
  // the camp's own (401 is prime: i * number mod 401 visits every step).
  for (int c = 0; c < 2; ++c) {
    l.draws.emplace_back();
    for (int i = 0; i <= 400; ++i)
      l.draws.back().push_back(lower + (upper - lower) * ((i * number + c) % 401) / 400.0);
  }
  row.estimate.lcmcr = l;
  row.truth = TrueTotal{truth, observed};
  return row;
}

StratumRow blank_place(std::int64_t observed) {
  StratumRow row;
  row.estimate.stratum = {{"event_place", "unknown"}};
  row.estimate.observed = observed;
  row.estimate.skipped =
      "the records' event_place is blank: they are no population of their own and are not "
      "estimated apart (they count in an estimate without strata)";
  return row;
}

ReportData camps() {
  ReportData d;
  d.events = {"detention_kwanliso"};
  d.strata = {"event_place"};
  d.sources = {{"A", 100, 90}, {"B", 80, 70}};
  d.intersections = {{0b01, 50}, {0b10, 30}, {0b11, 40}};
  d.linkage.linked = true;
  d.linkage.persons = 120;
  d.estimates = {camp(14, 600, 900, 800, 1000, 950), camp(15, 700, 1000, 900, 1100, 1050),
                 blank_place(305)};
  d.has_truth = true;
  return d;
}

// The x1 of the chart's threshold line.
double threshold_x(const std::string& svg) {
  const std::size_t at = svg.find("class=\"threshold\"");
  EXPECT_NE(at, std::string::npos);
  const std::size_t line = svg.rfind("<line x1=\"", at);
  return std::stod(svg.substr(line + 10));
}

TEST(WeightHistogram, ThresholdLineSitsAtTheThresholdsWeight) {
  // Small data: every linked pair weighs 9.5 bits or more, none lies near 0.
  LinkageSummary l;
  l.linked = true;
  l.threshold = 0.5;
  for (double w : {-6.0, -4.0, -2.5, 9.5, 11.0, 14.0}) l.weights.emplace_back(w, w > 0);
  const std::string svg = weight_histogram(l);
  // The axis runs from floor(-6) to ceil(14) + 1 over x 70..930.
  const LinearScale x{-6, 15, 70, 930};
  EXPECT_NEAR(threshold_x(svg), x(0.0), 0.1);
  EXPECT_GT(std::abs(threshold_x(svg) - x(9.5)), 100);
  EXPECT_NE(svg.find("p = 0.50, weight +0.0"), std::string::npos);
  // p = 0.9 is log2(9) = 3.17 bits.
  l.threshold = 0.9;
  EXPECT_NEAR(threshold_x(weight_histogram(l)), x(std::log2(9.0)), 0.1);
  EXPECT_NEAR(weight_at_probability(0.5), 0, 1e-12);
}

TEST(StrataTotal, LeavesTheBlankPlaceOutAndSumsThePosteriors) {
  const auto t = total_across_strata(camps());
  ASSERT_TRUE(t);
  EXPECT_EQ(t->strata, 2u);
  EXPECT_EQ(t->documented, 1300);  // not 1,605: the 305 with a blank place stay out
  EXPECT_EQ(t->artefact_documented, 305);
  ASSERT_EQ(t->artefacts.size(), 1u);
  EXPECT_EQ(t->artefacts[0], "place left blank");
  ASSERT_TRUE(t->truth);
  EXPECT_EQ(*t->truth, 2000);
  ASSERT_TRUE(t->lcmcr);
  // Uniform draws over [800, 1000] and [900, 1100] summed: median 1,900,
  // interval narrower than the sum of the intervals (1,700 - 2,100).
  EXPECT_NEAR(t->lcmcr->point, 1900, 5);
  EXPECT_GT(t->lcmcr->lower, 1720);
  EXPECT_LT(t->lcmcr->upper, 2080);

  const std::string html = render_html(camps());
  EXPECT_NE(html.find("Total of 2 strata"), std::string::npos);
  EXPECT_NE(html.find("class=\"artefact\""), std::string::npos);
  EXPECT_NE(html.find("not a population"), std::string::npos);
  EXPECT_NE(html.find("장소 미기재"), std::string::npos);
  EXPECT_TRUE(is_artefact(camps().estimates[2].estimate));
  EXPECT_FALSE(is_artefact(camps().estimates[0].estimate));
}

TEST(Coverage, ChainsThatHaveNotMixedGetNoVerdict) {
  ReportData d = camps();
  EXPECT_EQ(lcmcr_coverage(d.estimates[0]), Coverage::kCovered);
  d.estimates[0].estimate.lcmcr->rhat = 1.08;
  d.estimates[0].estimate.lcmcr->warnings = {
      "split R-hat above 1.01: the chains have not mixed; run longer"};
  d.estimates[0].estimate.warnings = {
      "lcmcr: split R-hat above 1.01: the chains have not mixed; run longer"};
  EXPECT_EQ(lcmcr_coverage(d.estimates[0]), Coverage::kNotJudged);
  const std::string html = render_html(d);
  // Stratum 15 still covers its truth; 14 (not mixed) and the total (one
  // of its strata not mixed) are not judged.
  EXPECT_EQ(occurrences(html, "class=\"covered\""), 1u);
  EXPECT_EQ(occurrences(html, "class=\"unsure\""), 2u);
  EXPECT_NE(html.find("not judged: chains not mixed"), std::string::npos);
  EXPECT_NE(html.find("사슬이 섞이지 않았으니"), std::string::npos);  // the warning in Korean
}

TEST(Names, CampsAppearByTheirNamesInBothLanguages) {
  const StratumName n = stratum_name(camps().estimates[1].estimate);
  EXPECT_EQ(n.english, "Kwanliso No. 15 Yodok");
  EXPECT_EQ(n.korean, "요덕 제15호 관리소");
  EXPECT_EQ(n.id, "kwanliso-15");
  const std::string chart = estimates_chart(camps());
  EXPECT_NE(chart.find(">Kwanliso No. 14 Kaechon</text>"), std::string::npos);
  EXPECT_EQ(chart.find(">kwanliso-14</text>"), std::string::npos);
  const std::string html = render_html(camps());
  EXPECT_NE(html.find("Kwanliso No. 15 Yodok <span class=\"ko\" lang=\"ko\">요덕 제15호 관리소"),
            std::string::npos);
}

TEST(ChaoBound, AnEstimateBelowItIsMarkedAndExplained) {
  ReportData d = camps();
  for (auto& row : d.estimates)
    if (!row.estimate.skipped) row.estimate.chao.N = 1200;  // above LCMCR and the truth
  const std::string html = render_html(d);
  EXPECT_NE(html.find("an estimate lies below Chao's bound"), std::string::npos);
  EXPECT_NE(html.find("the true total itself lies below the bound in 2 of 2"), std::string::npos);
  // Without such a stratum there is no such note.
  EXPECT_EQ(render_html(camps()).find("lies below Chao"), std::string::npos);
}

TEST(ModelChart, DrawsEachLevelsWeightAndItsMandU) {
  LinkageSummary l;
  l.prior_weight = -9;
  l.comparisons = {{"name", "name", {{"exact", 0.9, 0.1}, {"else", 0.05, 0.8}}}};
  const std::string svg = model_chart(l);
  EXPECT_NE(svg.find("+3.2"), std::string::npos);           // log2(0.9 / 0.1)
  EXPECT_NE(svg.find("-4.0"), std::string::npos);           // log2(0.05 / 0.8)
  EXPECT_NE(svg.find("-9.0"), std::string::npos);           // the prior
  EXPECT_EQ(occurrences(svg, "class=\"bar-m\""), 2u + 1u);  // and the legend's
  EXPECT_EQ(occurrences(svg, "class=\"bar-against\""), 2u);
  EXPECT_TRUE(model_chart(LinkageSummary{}).empty());
}

TEST(ModelChart, TheReviewersCalibrationIsARowWhenFitted) {
  LinkageSummary l;
  l.prior_weight = -9;
  l.comparisons = {{"name", "name", {{"exact", 0.9, 0.1}}}};
  EXPECT_EQ(model_chart(l).find("검토자 보정"), std::string::npos);
  l.calibration_shift = -1.75;
  l.calibration_decisions = 64;
  const std::string svg = model_chart(l);
  EXPECT_NE(svg.find("calibration 검토자 보정"), std::string::npos);
  EXPECT_NE(svg.find("-1.8"), std::string::npos);
  EXPECT_NE(svg.find("fitted on 64 decisions"), std::string::npos);
  EXPECT_EQ(occurrences(svg, "class=\"bar-against\""), 2u);  // the prior and the shift
}

TEST(LinkageSection, ShowsTheModelsOwnEstimateOfItsAccuracy) {
  ReportData d = camps();
  d.linkage.linked = true;
  EXPECT_EQ(render_html(d).find("expected recall"), std::string::npos);
  link::ExpectedAccuracy e;
  e.precision = 0.935;
  e.recall = 0.765;
  e.false_links = 1234;
  e.missed_matches = 20000;
  e.unscored_matches = 45000;
  d.linkage.expected = e;
  const std::string html = render_html(d);
  EXPECT_NE(html.find("expected recall"), std::string::npos);
  EXPECT_NE(html.find("예상 재현율"), std::string::npos);
  EXPECT_NE(html.find("0.765"), std::string::npos);
  EXPECT_NE(html.find("0.935"), std::string::npos);
  EXPECT_NE(html.find("65,000"), std::string::npos);  // missed among scored and unscored pairs
  EXPECT_NE(html.find("1,234"), std::string::npos);
}

TEST(ClusterSizes, OneBarPerSizeTheLastHoldingTheTail) {
  LinkageSummary l;
  l.cluster_sizes = {0, 50, 20, 5, 0, 0, 0, 0, 0, 0, 0, 1, 2};
  const std::string svg = cluster_size_chart(l);
  EXPECT_NE(svg.find("50 persons with 1 records"), std::string::npos);
  EXPECT_NE(svg.find("3 persons with 10+ records"), std::string::npos);
}

TEST(Traces, OneLinePerChainPerStratum) {
  const std::string svg = trace_chart(camps());
  EXPECT_EQ(occurrences(svg, "class=\"trace-0\""), 2u);
  EXPECT_EQ(occurrences(svg, "class=\"trace-1\""), 2u);
  EXPECT_NE(render_html(camps()).find("LCMCR sampler traces"), std::string::npos);
}

TEST(Korean, EveryEstimatorWarningHasItsKorean) {
  for (const char* w : {
           "lcmcr: split R-hat above 1.01: the chains have not mixed; run longer",
           "lcmcr: stopped at the time cap of 30 s before split R-hat <= 1.01 and ESS >= 1000 "
           "(40000 sweeps per chain)",
           "lcmcr: effective sample size below 400: the interval is imprecise; run longer or "
           "with more chains",
           "lcmcr: draws reach the sampler's cap of 21 times the observed count: the data say "
           "little about the unobserved",
           "12 of 15 capture patterns are empty: the table is sparse and interactions may not "
           "be estimable",
           "list 3 is empty in this stratum",
           "fewer than 20 people observed: intervals will be wide",
           "the profile interval is open above 3 N",
           "the fit did not converge",
           "N is more than 100 times the observed count: the model is unstable",
           "fewer than 50 people seen: too few for the overlap between lists to say anything "
           "stable (merge strata, or estimate without them)",
           "the lists do not overlap: nobody is on more than one list, so the overlap gives no "
           "information about the people on none",
           "4 records without a name were left out: nothing can link them",
           "145750 records without a name, a birth year or an origin were left out: the "
           "linkage's own expected recall is 0.820, under 0.95",
           "the lists documented 4400 of an estimated 10500 (42%): more people are unseen than "
           "seen, and the estimate rests on the unseen being as easy to reach as the seen",
       }) {
    EXPECT_TRUE(has_korean_warning(w)) << w;
  }
  EXPECT_EQ(korean_warning("12 of 15 capture patterns are empty: sparse"),
            "포획 유형 15개 중 12개가 비어 있습니다: 표가 희소하여 상호작용을 추정하지 못할 수 "
            "있습니다");
  // The records left out for want of a birth year or an origin are not
  // said to be nameless, and keep their count.
  const std::string identified = korean_warning(
      "145750 records without a name, a birth year or an origin were left out: the linkage's "
      "own expected recall is 0.820, under 0.95");
  EXPECT_NE(identified.find("출생 연도"), std::string::npos) << identified;
  EXPECT_NE(identified.find("145750"), std::string::npos) << identified;
  EXPECT_EQ(identified.find("이름 없는 기록"), std::string::npos) << identified;
  EXPECT_NE(identified.find("0.95 미만"), std::string::npos) << identified;  // the gate
  // Pooled over linkages: the model's label may hold digits of its own.
  const std::string selected = korean_warning(
      "log-linear: the selected model was [L1L2][L3] in 5 of 10 linkages; the list of models is "
      "that of one linkage");
  EXPECT_NE(selected.find("연계 10개 중 5개에서 [L1L2][L3]"), std::string::npos) << selected;
  const std::string estimable = korean_warning(
      "estimable on 7 of 10 linkages only; pooled over those (first reason: the lists do not "
      "overlap: nobody is on more than one list)");
  EXPECT_NE(estimable.find("연계 10개 중 7개에서만"), std::string::npos) << estimable;
  EXPECT_NE(estimable.find("목록이 겹치지 않습니다"), std::string::npos) << estimable;
  // The unseen outnumber the seen: the counts keep their places.
  const std::string unseen = korean_warning(
      "the lists documented 4400 of an estimated 10500 (42%): more people are unseen than seen");
  EXPECT_NE(unseen.find("추정 총계 10500명 중 4400명(42%)"), std::string::npos) << unseen;
  // Pooled runs that have not mixed: their width share is not known (the
  // warning speaks of chains, not of the time cap it follows).
  const std::string share =
      korean_warning(std::string("lcmcr: ") + estimate::kWidthShareUnknownWarning);
  EXPECT_NE(share.find("연계에서 오는 몫을 알 수 없습니다"), std::string::npos) << share;
  EXPECT_EQ(share.find("시간 제한"), std::string::npos) << share;
  // A time cap the pooled linkages shared keeps both figures.
  const std::string shared = korean_warning(
      "lcmcr: stopped at the time cap of 6 s per linkage (20 linkages share --max-seconds) "
      "before split R-hat <= 1.01 and ESS >= 100 (165000 sweeps per chain)");
  EXPECT_NE(shared.find("연계 20개가 시간 제한을 나눠 써(연계마다 6초)"), std::string::npos)
      << shared;
  EXPECT_FALSE(has_korean_warning("something new"));
  // What the web API sends: the same Korean where known, nothing where not.
  EXPECT_EQ(known_korean_warning("lcmcr: split R-hat above 1.01: the chains have not mixed"),
            korean_warning("lcmcr: split R-hat above 1.01: the chains have not mixed"));
  EXPECT_FALSE(known_korean_warning("something new").has_value());
  EXPECT_NE(korean_warning("something new").find("영어로만"), std::string::npos);
}

TEST(Style, KoreanIsInkNotGreyAndHeadersKeepWordsWhole) {
  const std::string html = render_html(camps());
  EXPECT_NE(html.find(".ko { color: var(--ink)"), std::string::npos);
  EXPECT_TRUE(std::regex_search(html, std::regex(R"(th \{[^}]*word-break: keep-all)")));
}

}  // namespace
}  // namespace uncounted::report
