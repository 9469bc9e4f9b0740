#include "report/charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "report/stratum_names.h"
#include "report/svg_canvas.h"

namespace uncounted::report {
namespace {

void x_axis(SvgCanvas& svg, const LinearScale& x, double y, double top, int ticks) {
  svg.line(x.range_lo, y, x.range_hi, y, "axis");
  for (double t : x.ticks(ticks)) {
    svg.line(x(t), top, x(t), y, "grid");
    svg.text(x(t), y + 16, format_count(t), "tick", "middle");
  }
}

// TEXT in lines of at most about MAX_BYTES bytes, broken between words
// (SVG text does not wrap). Hangul takes 3 bytes a letter and about twice a
// Latin letter's width, so bytes are a fair measure of width.
std::vector<std::string> wrap_words(const std::string& text, std::size_t max_bytes) {
  std::vector<std::string> lines(1);
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = std::min(text.find(' ', at), text.size());
    const std::string word = text.substr(at, end - at);
    if (!lines.back().empty() && lines.back().size() + 1 + word.size() > max_bytes)
      lines.emplace_back();
    lines.back() += (lines.back().empty() ? "" : " ") + word;
    at = end + 1;
  }
  return lines;
}

}  // namespace

std::string stratum_label(const estimate::StratumEstimate& e) {
  if (e.stratum.empty()) return "all";
  if (e.stratum.size() == 1) return e.stratum[0].second;
  std::string out;
  for (const auto& [column, value] : e.stratum)
    out += (out.empty() ? "" : ", ") + column + "=" + value;
  return out;
}

std::optional<Interval> lcmcr_interval(const estimate::StratumEstimate& e) {
  if (!e.lcmcr) return std::nullopt;
  return Interval{e.lcmcr->median, e.lcmcr->lower, e.lcmcr->upper, false};
}

std::optional<Interval> loglinear_interval(const estimate::StratumEstimate& e) {
  if (!e.loglinear || !e.loglinear->selected) return std::nullopt;
  const auto& m = e.loglinear->hierarchical[*e.loglinear->selected];
  Interval i{m.N, m.lower.value_or(m.N), m.upper.value_or(m.N), !m.upper.has_value()};
  if (!std::isfinite(i.point)) return std::nullopt;
  return i;
}

std::string records_chart(const ReportData& data) {
  const int row = 28, top = 30, left = 170;
  const int height = top + row * static_cast<int>(data.sources.size()) + 40;
  SvgCanvas svg(kChartWidth, height, "Records and persons per source / 출처별 기록과 인물");
  double most = 1;
  for (const auto& s : data.sources) most = std::max(most, static_cast<double>(s.records));
  const LinearScale x{0, nice_ceiling(most), left, kChartWidth - 40.0};
  const double bottom = top + row * static_cast<double>(data.sources.size());
  x_axis(svg, x, bottom, top - 6, 6);
  svg.rect(left, 6, 12, 12, "bar-records");
  svg.text(left + 18, 16, "records 기록", "legend");
  svg.rect(left + 130, 6, 12, 12, "bar-persons");
  svg.text(left + 148, 16, "persons (after linkage) 인물 (연계 후)", "legend");
  for (std::size_t j = 0; j < data.sources.size(); ++j) {
    const auto& s = data.sources[j];
    const double y = top + row * static_cast<double>(j);
    svg.text(left - 8, y + 17, s.source, "label", "end");
    svg.rect(left, y + 3, x(static_cast<double>(s.records)) - left, 11, "bar-records",
             s.source + ": " + format_count(static_cast<double>(s.records)) + " records");
    svg.rect(left, y + 14, x(static_cast<double>(s.persons)) - left, 9, "bar-persons",
             s.source + ": " + format_count(static_cast<double>(s.persons)) + " persons");
    svg.text(x(static_cast<double>(s.records)) + 4, y + 13,
             format_count(static_cast<double>(s.records)), "value");
  }
  return svg.str();
}

std::string upset_chart(const ReportData& data, std::size_t max_bars) {
  const std::size_t bars = std::min(max_bars, data.intersections.size());
  const std::size_t sets = data.sources.size();
  const double left = 230, bar_top = 20, bar_height = 200, dot_row = 24;
  const double column =
      std::min(44.0, (kChartWidth - left - 20) / std::max<double>(1, static_cast<double>(bars)));
  const double matrix_top = bar_top + bar_height + 24;
  const int height = static_cast<int>(matrix_top + dot_row * static_cast<double>(sets) + 16);
  SvgCanvas svg(kChartWidth, height,
                "Overlap of persons between sources (UpSet) / 출처 간 인물 중복");
  double most = 1;
  for (std::size_t b = 0; b < bars; ++b)
    most = std::max(most, static_cast<double>(data.intersections[b].persons));
  const LinearScale y{0, nice_ceiling(most), bar_top + bar_height, bar_top};
  svg.line(left - 6, bar_top + bar_height, left + column * static_cast<double>(bars),
           bar_top + bar_height, "axis");
  for (double t : y.ticks(4)) {
    svg.line(left - 6, y(t), left + column * static_cast<double>(bars), y(t), "grid");
    svg.text(left - 10, y(t) + 4, format_count(t), "tick", "end");
  }
  // Left of the tick labels (which end at left - 10), level with the top tick.
  svg.text(left - 56, bar_top + 4, "persons 인물", "tick", "end");
  // Set sizes to the left of the matrix, as UpSet plots show them.
  double largest_set = 1;
  for (const auto& s : data.sources)
    largest_set = std::max(largest_set, static_cast<double>(s.persons));
  for (std::size_t j = 0; j < sets; ++j) {
    const double cy = matrix_top + dot_row * static_cast<double>(j) + dot_row / 2;
    if (j % 2 == 0)
      svg.rect(0, cy - dot_row / 2, left + column * static_cast<double>(bars), dot_row, "stripe");
    const double persons = static_cast<double>(data.sources[j].persons);
    const double w = 80.0 * persons / largest_set;
    svg.rect(left - 14 - w, cy - 6, w, 12, "bar-persons", format_count(persons) + " persons");
    svg.text(left - 100, cy + 4, data.sources[j].source, "label", "end");
  }
  for (std::size_t b = 0; b < bars; ++b) {
    const Intersection& in = data.intersections[b];
    const double cx = left + column * (static_cast<double>(b) + 0.5);
    std::string who;
    for (std::size_t j = 0; j < sets; ++j)
      if (in.pattern >> j & 1) who += (who.empty() ? "" : " + ") + data.sources[j].source;
    const std::string tip = who + ": " + format_count(static_cast<double>(in.persons)) + " persons";
    svg.rect(cx - column * 0.35, y(static_cast<double>(in.persons)), column * 0.7,
             bar_top + bar_height - y(static_cast<double>(in.persons)), "bar-overlap", tip);
    svg.text(cx, y(static_cast<double>(in.persons)) - 4,
             format_count(static_cast<double>(in.persons)), "value-small", "middle");
    double first = -1, last = -1;
    for (std::size_t j = 0; j < sets; ++j) {
      const double cy = matrix_top + dot_row * static_cast<double>(j) + dot_row / 2;
      const bool on = in.pattern >> j & 1;
      svg.circle(cx, cy, 6, on ? "dot-on" : "dot-off");
      if (on) {
        if (first < 0) first = cy;
        last = cy;
      }
    }
    if (first >= 0 && last > first) svg.line(cx, first, cx, last, "dot-link");
  }
  return svg.str();
}

std::string weight_histogram(const LinkageSummary& linkage) {
  const int height = 260;
  SvgCanvas svg(kChartWidth, height, "Match weights of candidate pairs / 후보 쌍의 일치 가중치");
  if (linkage.weights.empty()) {
    svg.text(kChartWidth / 2.0, height / 2.0, "no scored pairs / 점수가 매겨진 쌍 없음", "label",
             "middle");
    return svg.str();
  }
  // The line sits at the weight whose probability is the threshold (0 bits
  // for 0.5), not at the lowest linked pair's weight: on small data no pair
  // may lie near the threshold, and the line drawn at the first linked bar
  // (9.5 bits on one small store) misstated where the model decides.
  const double threshold = weight_at_probability(linkage.threshold);
  double lo = threshold, hi = threshold;
  for (const auto& [w, linked] : linkage.weights) {
    lo = std::min(lo, w);
    hi = std::max(hi, w);
  }
  lo = std::floor(lo);
  hi = std::ceil(hi) + 1;
  const int bins = std::clamp(static_cast<int>(hi - lo) * 2, 10, 80);
  const double width = (hi - lo) / bins;
  std::vector<double> below(bins, 0), above(bins, 0);
  for (const auto& [w, linked] : linkage.weights) {
    const int b = std::clamp(static_cast<int>((w - lo) / width), 0, bins - 1);
    (linked ? above : below)[b] += 1;
  }
  double most = 1;
  for (int b = 0; b < bins; ++b) most = std::max(most, below[b] + above[b]);
  // The legend's row (y 6-18), then the threshold label's row, then the bars.
  const double left = 70, top = 44, bottom = height - 40.0;
  const LinearScale x{lo, hi, left, kChartWidth - 30.0};
  const LinearScale y{0, nice_ceiling(most), bottom, top};
  for (double t : y.ticks(4)) {
    svg.line(left, y(t), kChartWidth - 30.0, y(t), "grid");
    svg.text(left - 6, y(t) + 4, format_count(t), "tick", "end");
  }
  svg.line(left, bottom, kChartWidth - 30.0, bottom, "axis");
  for (double t : x.ticks(10)) svg.text(x(t), bottom + 16, format_count(t), "tick", "middle");
  svg.text((left + kChartWidth) / 2, height - 6.0, "match weight (log2 odds) 일치 가중치", "tick",
           "middle");
  for (int b = 0; b < bins; ++b) {
    const double x0 = x(lo + b * width) + 0.5, w = x(lo + (b + 1) * width) - x(lo + b * width) - 1;
    svg.rect(x0, y(below[b]), w, bottom - y(below[b]), "bar-nonmatch",
             format_count(below[b]) + " pairs below the threshold");
    svg.rect(x0, y(below[b] + above[b]), w, y(below[b]) - y(below[b] + above[b]), "bar-match",
             format_count(above[b]) + " pairs linked");
  }
  svg.line(x(threshold), top - 20, x(threshold), bottom, "threshold");
  char label[96];
  std::snprintf(label, sizeof label, "threshold 임계값: p = %.2f, weight %+.1f", linkage.threshold,
                threshold);
  const bool right_half = x(threshold) > (left + kChartWidth) / 2;
  svg.text(x(threshold) + (right_half ? -4 : 4), top - 6, label, "legend",
           right_half ? "end" : "start");
  svg.rect(left + 10, 6, 12, 12, "bar-nonmatch");
  svg.text(left + 28, 16, "not linked 미연계", "legend");
  svg.rect(left + 150, 6, 12, 12, "bar-match");
  svg.text(left + 168, 16, "linked 연계", "legend");
  return svg.str();
}

std::string estimates_chart(const ReportData& data) {
  const double left = 210, top = 40, block = 104, right = 40;
  const int height =
      static_cast<int>(top + block * static_cast<double>(data.estimates.size()) + 20);
  SvgCanvas svg(kChartWidth, height,
                "Estimated totals per stratum with 95% intervals / 층별 추정 총계와 95% 구간");
  // Each stratum has its own axis: the strata's totals differ by orders of
  // magnitude (a blank-place stratum can hold more people than every camp
  // together), and one shared axis would squash the small strata into its
  // first few pixels. A row's axis holds every point (documented,
  // estimates, Chao, truth) and the intervals up to twice the largest
  // point; a whisker past the axis ends in an arrow with its upper bound
  // written beside it.
  const auto row_scale = [&](const StratumRow& row) {
    const auto& e = row.estimate;
    double points = 1, uppers = 1;
    points = std::max(points, static_cast<double>(e.observed));
    if (!e.skipped) points = std::max(points, e.chao.N);
    for (const auto& i : {lcmcr_interval(e), loglinear_interval(e)}) {
      if (!i) continue;
      points = std::max(points, i->point);
      if (!i->open_upper) uppers = std::max(uppers, i->upper);
    }
    if (row.truth) points = std::max(points, static_cast<double>(row.truth->total));
    const double reach = std::min(std::max(uppers, points), 2 * points);
    return LinearScale{0, nice_ceiling(reach * 1.05), left, kChartWidth - right};
  };
  // Legend.
  double lx = left;
  svg.rect(lx, 8, 10, 10, "documented");
  svg.text(lx + 14, 17, "documented 기록됨", "legend");
  lx += 150;
  svg.circle(lx + 5, 13, 5, "est-lcmcr");
  svg.text(lx + 14, 17, "LCMCR", "legend");
  lx += 80;
  svg.circle(lx + 5, 13, 5, "est-loglinear");
  svg.text(lx + 14, 17, "log-linear 로그선형", "legend");
  lx += 150;
  svg.line(lx, 13, lx + 10, 13, "chao");
  svg.text(lx + 14, 17, "Chao lower bound 하한", "legend");
  lx += 170;
  if (data.has_truth) {
    svg.diamond(lx + 5, 13, 6, "truth");
    svg.text(lx + 14, 17, "true total 실제 총계", "legend");
  }
  svg.text(left, 33, "Each row has its own scale. 층마다 축척이 다릅니다.", "tick");

  LinearScale x{0, 1, left, kChartWidth - right};  // the row being drawn
  auto whisker = [&](double y, const Interval& i, const char* css, const std::string& name) {
    const bool clipped = !i.open_upper && i.upper > x.domain_hi;
    const double hi = i.open_upper || clipped ? kChartWidth - right : x(i.upper);
    svg.line(x(i.lower), y, hi, y, std::string(css) + "-whisker");
    svg.line(x(i.lower), y - 5, x(i.lower), y + 5, std::string(css) + "-whisker");
    if (clipped) {
      svg.line(hi - 6, y - 4, hi, y, std::string(css) + "-whisker");
      svg.line(hi - 6, y + 4, hi, y, std::string(css) + "-whisker");
      svg.text(hi - 8, y - 5, "→ " + format_count(i.upper), "value-small", "end");
    } else if (!i.open_upper) {
      svg.line(hi, y - 5, hi, y + 5, std::string(css) + "-whisker");
    }
    svg.circle(x(i.point), y, 5.5, css,
               name + ": " + format_count(i.point) + " (" + format_count(i.lower) + " - " +
                   (i.open_upper ? std::string("open") : format_count(i.upper)) + ")");
  };
  for (std::size_t s = 0; s < data.estimates.size(); ++s) {
    const auto& row = data.estimates[s];
    const auto& e = row.estimate;
    const double y0 = top + block * static_cast<double>(s);
    if (s % 2 == 0) svg.rect(0, y0, kChartWidth, block, "stripe");
    x = row_scale(row);
    if (!e.skipped) x_axis(svg, x, y0 + 80, y0 + 4, 5);
    const StratumName name = stratum_name(e);
    svg.text(left - 10, y0 + 26, name.english, "label", "end");
    svg.text(left - 10, y0 + 43, name.korean, "label", "end");
    svg.text(left - 10, y0 + 60,
             "documented 기록됨 " + format_count(static_cast<double>(e.observed)), "tick", "end");
    if (is_artefact(e)) {
      svg.text(left + 10, y0 + 30,
               "not a population: records whose " + e.stratum.front().first + " is " +
                   (e.stratum.front().second == "unknown" ? "blank" : "not understood") +
                   "; left out of totals",
               "note-svg");
      svg.text(left + 10, y0 + 48,
               "모집단이 아님: 값이 비었거나 알 수 없는 기록으로, 합계에서 제외", "note-svg");
      continue;
    }
    if (e.skipped) {
      const auto lines = wrap_words("not estimable 추정 불가: " + *e.skipped, 100);
      for (std::size_t k = 0; k < lines.size() && k < 4; ++k)
        svg.text(left + 10, y0 + 26 + 16 * static_cast<double>(k), lines[k], "note-svg");
      continue;
    }
    svg.rect(left, y0 + 10, x(static_cast<double>(e.observed)) - left, 12, "documented",
             "documented: " + format_count(static_cast<double>(e.observed)));
    if (e.chao.N > 0) svg.line(x(e.chao.N), y0 + 6, x(e.chao.N), y0 + 26, "chao");
    if (auto i = lcmcr_interval(e)) whisker(y0 + 42, *i, "est-lcmcr", "LCMCR");
    if (auto i = loglinear_interval(e)) whisker(y0 + 64, *i, "est-loglinear", "log-linear");
    if (row.truth) {
      const double tx = x(static_cast<double>(row.truth->total));
      svg.line(tx, y0 + 4, tx, y0 + block - 6, "truth-line");
      svg.diamond(tx, y0 + 16, 7, "truth",
                  "true total: " + format_count(static_cast<double>(row.truth->total)));
    }
  }
  return svg.str();
}

}  // namespace uncounted::report
