#include "report/sensitivity_chart.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "report/charts.h"
#include "report/stratum_names.h"
#include "report/svg_canvas.h"

namespace uncounted::report {
namespace {

constexpr double kLeft = 90, kRight = 30, kPanel = 190, kGap = 46, kTop = 40;

struct Figure {
  double threshold = 0, n = NAN, lower = NAN, upper = NAN;
};

// method -> its figures by threshold, for one stratum.
using Lines = std::map<std::string, std::vector<Figure>>;

void add(Lines& lines, const char* method, double t, double n, double lower, double upper) {
  if (std::isfinite(n)) lines[method].push_back({t, n, lower, upper});
}

}  // namespace

std::string sensitivity_chart(const ReportData& data, std::size_t max_panels) {
  // stratum label -> lines; documented count for ordering.
  std::map<std::string, Lines> strata;
  std::map<std::string, std::int64_t> documented;
  std::map<std::string, std::string>
      full_names;  // label -> "Kwanliso No. 15 Yodok 요덕 제15호 관리소"
  for (const auto& point : data.sensitivity) {
    for (const auto& e : point.estimates) {
      if (e.skipped) continue;
      const std::string label = stratum_label(e);
      documented[label] = std::max(documented[label], e.observed);
      const StratumName name = stratum_name(e);
      full_names[label] = name.english + " " + name.korean;
      Lines& lines = strata[label];
      if (const auto i = loglinear_interval(e))
        add(lines, "loglinear", point.threshold, i->point, i->lower,
            i->open_upper ? INFINITY : i->upper);
      if (const auto i = lcmcr_interval(e))
        add(lines, "lcmcr", point.threshold, i->point, i->lower, i->upper);
      if (e.dga) add(lines, "dga", point.threshold, e.dga->median, e.dga->lower, e.dga->upper);
    }
  }
  if (strata.empty()) return "";
  std::vector<std::string> order;
  for (const auto& [label, lines] : strata) order.push_back(label);
  std::stable_sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) {
    return documented[a] > documented[b];
  });
  if (order.size() > max_panels) order.resize(max_panels);

  std::map<std::string, double> truth;
  for (const auto& row : data.estimates)
    if (row.truth) truth[stratum_label(row.estimate)] = static_cast<double>(row.truth->total);

  const int height =
      static_cast<int>(kTop + (kPanel + kGap) * static_cast<double>(order.size()) + 10);
  SvgCanvas svg(kChartWidth, height,
                "Estimates against the linkage threshold, per method / 연계 임계값에 따른 방법별 "
                "추정치");
  const char* methods[] = {"loglinear", "lcmcr", "dga"};
  const char* names[] = {"log-linear 로그선형", "LCMCR", "dga"};
  double lx = kLeft;
  for (int m = 0; m < 3; ++m) {
    svg.line(lx, 13, lx + 18, 13, std::string("sens-") + methods[m]);
    svg.text(lx + 24, 17, names[m], "legend");
    lx += 170;
  }
  if (data.has_truth) {
    svg.line(lx, 13, lx + 18, 13, "truth-line");
    svg.text(lx + 24, 17, "true total 실제 총계", "legend");
  }
  svg.text(kLeft, 33,
           "Line: the estimate; band: its 95% interval. 선: 추정치, 띠: 95% 구간. Each panel has "
           "its own scale.",
           "tick");

  const LinearScale x{0.15, 1, kLeft, kChartWidth - kRight};
  for (std::size_t p = 0; p < order.size(); ++p) {
    const Lines& lines = strata[order[p]];
    const double top = kTop + static_cast<double>(p) * (kPanel + kGap) + 18;
    const double bottom = top + kPanel - 30;
    // The axis holds every estimate and interval bound up to twice the
    // largest estimate (an open or huge upper bound is drawn to the top).
    double most = 1, least = INFINITY;
    for (const auto& [method, figures] : lines) {
      for (const Figure& f : figures) {
        most = std::max(most, f.n);
        least = std::min(least, std::isfinite(f.lower) ? f.lower : f.n);
      }
    }
    double reach = most;
    for (const auto& [method, figures] : lines)
      for (const Figure& f : figures)
        if (std::isfinite(f.upper)) reach = std::max(reach, std::min(f.upper, 2 * most));
    const auto t = truth.find(order[p]);
    if (t != truth.end()) reach = std::max(reach, t->second), least = std::min(least, t->second);
    const double floor = std::max(0.0, least * 0.9);
    const LinearScale y{floor, nice_ceiling(reach * 1.05), bottom, top};
    svg.text(kLeft, top - 6,
             (full_names.count(order[p]) != 0 ? full_names[order[p]] : order[p]) +
                 " (documented 기록됨 " + format_count(static_cast<double>(documented[order[p]])) +
                 ")",
             "label");
    svg.line(kLeft, bottom, kChartWidth - kRight, bottom, "axis");
    svg.line(kLeft, top, kLeft, bottom, "axis");
    for (double v : y.ticks(4)) {
      if (v < y.domain_lo) continue;
      svg.line(kLeft, y(v), kChartWidth - kRight, y(v), "grid");
      svg.text(kLeft - 6, y(v) + 4, format_count(v), "tick", "end");
    }
    for (double v : {0.2, 0.35, 0.5, 0.65, 0.8, 0.95})
      svg.text(x(v), bottom + 14, std::to_string(v).substr(0, 4), "tick", "middle");
    svg.text((kLeft + kChartWidth - kRight) / 2, bottom + 28, "linkage threshold 연계 임계값",
             "tick", "middle");
    auto clamp_y = [&](double v) {
      return y(std::clamp(std::isfinite(v) ? v : y.domain_hi, y.domain_lo, y.domain_hi));
    };
    for (int m = 0; m < 3; ++m) {
      const auto it = lines.find(methods[m]);
      if (it == lines.end()) continue;
      std::vector<std::pair<double, double>> band, line;
      for (const Figure& f : it->second) band.emplace_back(x(f.threshold), clamp_y(f.upper));
      for (auto f = it->second.rbegin(); f != it->second.rend(); ++f)
        band.emplace_back(x(f->threshold), clamp_y(std::isfinite(f->lower) ? f->lower : f->n));
      for (const Figure& f : it->second) line.emplace_back(x(f.threshold), clamp_y(f.n));
      svg.path(band, true, std::string("band-") + methods[m]);
      svg.path(line, false, std::string("sens-") + methods[m]);
      for (const Figure& f : it->second)
        svg.circle(x(f.threshold), clamp_y(f.n), 3, std::string("est-") + methods[m],
                   std::string(names[m]) + ", threshold " +
                       std::to_string(f.threshold).substr(0, 4) + ": " + format_count(f.n) + " (" +
                       format_count(f.lower) + " - " +
                       (std::isfinite(f.upper) ? format_count(f.upper) : "open") + ")");
    }
    if (t != truth.end())
      svg.line(kLeft, y(t->second), kChartWidth - kRight, y(t->second), "truth-line");
  }
  return svg.str();
}

}  // namespace uncounted::report
