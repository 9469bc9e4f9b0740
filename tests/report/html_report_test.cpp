// The HTML report: self-contained (nothing fetched from anywhere), escaped,
// bilingual, with the true totals beside the estimates when known.

#include "report/html_report.h"

#include <gtest/gtest.h>

#include <regex>

#include "model/error.h"
#include "report/charts.h"
#include "report/store_report_data.h"
#include "report/svg_canvas.h"
#include "report/truth_matching.h"

namespace uncounted::report {
namespace {

ReportData sample() {
  ReportData d;
  d.title = "Test <report> & co";
  d.generated = "2024-01-01 00:00 UTC";
  d.events = {"detention_kwanliso"};
  d.strata = {"event_place"};
  d.sources = {{"A", 1200, 900}, {"B", 800, 700}, {"C", 400, 380}};
  d.intersections = {{0b001, 500}, {0b010, 300}, {0b011, 200}, {0b111, 50}, {0b100, 30}};
  d.linkage.linked = true;
  d.linkage.persons = 1500;
  d.linkage.threshold = 0.5;
  for (int i = -20; i < 30; ++i) d.linkage.weights.emplace_back(i * 0.5, i > 4);
  d.linkage.pairs = 50;
  d.linkage.links = 25;
  d.linkage.review_queue = 7;
  for (int s = 0; s < 3; ++s) {
    StratumRow row;
    row.estimate.stratum = {{"event_place", "kwanliso-1" + std::to_string(s + 4)}};
    row.estimate.observed = 600 + 100 * s;
    row.estimate.chao.N = 700 + 100 * s;
    estimate::LcmcrResult l;
    l.median = 900 + 100 * s;
    l.lower = 800 + 100 * s;
    l.upper = 1100 + 100 * s;
    l.rhat = 1.01;
    row.estimate.lcmcr = l;
    row.truth = TrueTotal{950 + 300 * s, 600};
    d.estimates.push_back(row);
  }
  d.has_truth = true;
  d.estimates[2].estimate.warnings = {"sparse <cells>"};
  return d;
}

TEST(HtmlReport, IsSelfContainedAndFetchesNothing) {
  const std::string html = render_html(sample());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
  // Four charts, bilingual headings.
  std::size_t svgs = 0;
  for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1))
    ++svgs;
  EXPECT_EQ(svgs, 4u);
  EXPECT_NE(html.find("추정"), std::string::npos);
  EXPECT_NE(html.find("What each estimate assumes"), std::string::npos);
}

TEST(HtmlReport, EscapesWhatItPrints) {
  const std::string html = render_html(sample());
  EXPECT_NE(html.find("Test &lt;report&gt; &amp; co"), std::string::npos);
  EXPECT_EQ(html.find("<report>"), std::string::npos);
  EXPECT_NE(html.find("sparse &lt;cells&gt;"), std::string::npos);
}

TEST(HtmlReport, ShowsTruthAndWhetherTheIntervalCoversIt) {
  const std::string html = render_html(sample());
  // Stratum 0: truth 950 in [800, 1100]; 1: 1250 in [900, 1200]? no; 2: 1550 no.
  std::size_t yes = 0, no = 0;
  for (std::size_t at = html.find("class=\"covered\""); at != std::string::npos;
       at = html.find("class=\"covered\"", at + 1))
    ++yes;
  for (std::size_t at = html.find("class=\"missed\""); at != std::string::npos;
       at = html.find("class=\"missed\"", at + 1))
    ++no;
  EXPECT_EQ(yes, 1u);
  EXPECT_EQ(no, 2u);
  const std::string chart = estimates_chart(sample());
  std::size_t diamonds = 0;
  for (std::size_t at = chart.find("class=\"truth\""); at != std::string::npos;
       at = chart.find("class=\"truth\"", at + 1))
    ++diamonds;
  EXPECT_EQ(diamonds, 3u + 1u);  // one per stratum and the legend's
}

// Strata whose totals differ a hundredfold each get an axis of their own,
// so the small stratum's estimate is not squashed against the left edge.
TEST(EstimatesChart, EachStratumHasItsOwnScale) {
  ReportData d = sample();
  auto& big = d.estimates[2];
  big.estimate.observed = 60000;
  big.estimate.chao.N = 70000;
  big.estimate.lcmcr->median = 90000;
  big.estimate.lcmcr->lower = 80000;
  big.estimate.lcmcr->upper = 110000;
  big.truth = TrueTotal{95000, 60000};
  const std::string chart = estimates_chart(d);
  // The circle of each row's LCMCR estimate: x from 210 (axis start) to 920.
  const auto circle_x = [&](const std::string& title) {
    const std::size_t t = chart.find("<title>" + title);
    EXPECT_NE(t, std::string::npos) << title;
    const std::size_t cx = chart.rfind("<circle cx=\"", t);
    return std::stod(chart.substr(cx + 12));
  };
  const double small = circle_x("LCMCR: 900 ");
  const double large = circle_x("LCMCR: 90,000 ");
  // Each point sits in the middle half of its own axis; on one shared axis
  // the small one would be at 210 + 710 * 900 / 115,000, about 216.
  EXPECT_GT(small, 210 + 0.3 * 710);
  EXPECT_LT(small, 210 + 0.9 * 710);
  EXPECT_GT(large, 210 + 0.3 * 710);
  EXPECT_LT(large, 210 + 0.9 * 710);
  EXPECT_NE(chart.find("Each row has its own scale"), std::string::npos);
}

TEST(HtmlReport, UnlinkedStoreSaysSo) {
  ReportData d = sample();
  d.linkage = LinkageSummary{};
  d.estimates.clear();
  d.has_truth = false;
  const std::string html = render_html(d);
  EXPECT_NE(html.find("No linkage has been run yet"), std::string::npos);
}

TEST(UpsetChart, DrawsOneBarPerIntersectionAndDotsPerSource) {
  const std::string svg = upset_chart(sample());
  std::size_t bars = 0, on = 0;
  for (std::size_t at = svg.find("bar-overlap"); at != std::string::npos;
       at = svg.find("bar-overlap", at + 1))
    ++bars;
  for (std::size_t at = svg.find("dot-on"); at != std::string::npos;
       at = svg.find("dot-on", at + 1))
    ++on;
  EXPECT_EQ(bars, 5u);
  EXPECT_EQ(on, 1u + 1u + 2u + 3u + 1u);
}

TEST(SvgCanvas, NiceTicksAndCounts) {
  EXPECT_EQ(format_count(1234567), "1,234,567");
  EXPECT_EQ(format_count(999.6), "1,000");
  EXPECT_EQ(nice_ceiling(1234), 2000);
  EXPECT_EQ(nice_ceiling(2100), 2500);
  const LinearScale s{0, 1000, 0, 100};
  const auto ticks = s.ticks(5);
  ASSERT_EQ(ticks.size(), 6u);
  EXPECT_EQ(ticks[1], 200);
  EXPECT_EQ(escape_html("<a href='x'>&\""), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;");
}

TEST(Truth, MatchesStrataByEveryKeyColumn) {
  const auto truth = nlohmann::json::parse(R"({"strata": [
    {"stratum": {"event_place": "kwanliso-15"}, "true_total": 812, "documented": 600},
    {"stratum": {"event_place": "kwanliso-14", "sex": "F"}, "true_total": 99}]})");
  const auto t = find_true_total(truth, {{"event_place", "kwanliso-15"}});
  ASSERT_TRUE(t);
  EXPECT_EQ(t->total, 812);
  EXPECT_EQ(t->documented, 600);
  EXPECT_FALSE(find_true_total(truth, {{"event_place", "kwanliso-14"}}));
  EXPECT_TRUE(find_true_total(truth, {{"event_place", "kwanliso-14"}, {"sex", "F"}}));
  EXPECT_FALSE(find_true_total(truth, {{"event_place", "unresolved"}}));
  ReportOptions o;
  o.truth = nlohmann::json::parse(
      R"({"strata": [], "estimation": {"events": ["detention_kwanliso"], "strata": ["event_place"]}})");
  adopt_truth_estimation(o);
  EXPECT_EQ(o.estimation.events, std::vector<std::string>{"detention_kwanliso"});
  ReportOptions bad;
  bad.truth = nlohmann::json::parse(R"({"people": 3})");
  EXPECT_THROW(adopt_truth_estimation(bad), Error);
}

}  // namespace
}  // namespace uncounted::report
