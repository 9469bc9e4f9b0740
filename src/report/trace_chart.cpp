#include "report/trace_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/stratum_names.h"
#include "report/stratum_total.h"
#include "report/svg_canvas.h"

namespace uncounted::report {
namespace {

constexpr double kPanelWidth = 450, kPanelHeight = 150, kPanelGap = 20, kPanelLeft = 56;
constexpr std::size_t kPointsPerChain = 240;  // enough to see drift; keeps the page small

std::string fixed(double x, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  return buf;
}

}  // namespace

std::string trace_chart(const ReportData& data, std::size_t max_panels) {
  std::vector<const StratumRow*> rows;
  for (const auto& row : data.estimates)
    if (!row.estimate.skipped && row.estimate.lcmcr && !row.estimate.lcmcr->draws.empty())
      rows.push_back(&row);
  if (rows.empty()) return "";
  if (rows.size() > max_panels) rows.resize(max_panels);
  const std::size_t lines = (rows.size() + 1) / 2;
  const int height = static_cast<int>(30 + (kPanelHeight + kPanelGap) * static_cast<double>(lines));
  SvgCanvas svg(kChartWidth, height, "LCMCR sampler traces per stratum / 층별 LCMCR 표본 경로");
  svg.text(10, 18,
           "Each line is one chain's draws of the total, in order. 선 하나가 사슬 하나의 총계 "
           "표본입니다.",
           "tick");
  for (std::size_t p = 0; p < rows.size(); ++p) {
    const auto& e = rows[p]->estimate;
    const double x0 = 10 + static_cast<double>(p % 2) * (kPanelWidth + 30);
    const double y0 = 30 + static_cast<double>(p / 2) * (kPanelHeight + kPanelGap);
    const double top = y0 + 22, bottom = y0 + kPanelHeight - 14;
    double lo = INFINITY, hi = -INFINITY;
    std::size_t longest = 1;
    for (const auto& chain : e.lcmcr->draws) {
      for (double d : chain) lo = std::min(lo, d), hi = std::max(hi, d);
      longest = std::max(longest, chain.size());
    }
    if (!(hi > lo)) hi = lo + 1;
    const LinearScale y{lo, hi, bottom, top};
    const LinearScale x{0, static_cast<double>(longest - 1), x0 + kPanelLeft, x0 + kPanelWidth};
    const bool mixed = lcmcr_mixed(e);
    const StratumName name = stratum_name(e);
    svg.text(x0 + kPanelLeft, y0 + 14,
             name.english + " " + name.korean + " · R̂ " + fixed(e.lcmcr->rhat, 3) + ", ESS " +
                 format_count(e.lcmcr->ess) + (mixed ? "" : " · not mixed 미수렴"),
             mixed ? "label" : "note-svg");
    svg.line(x0 + kPanelLeft, bottom, x0 + kPanelWidth, bottom, "axis");
    svg.line(x0 + kPanelLeft, top, x0 + kPanelLeft, bottom, "axis");
    for (double t : {lo, hi})
      svg.text(x0 + kPanelLeft - 4, y(t) + 4, format_count(t), "tick", "end");
    // Pooled over plausible linkages, the draws hold each linkage's chains
    // in turn: the first linkage's chains show the mixing (more lines would
    // hide it, and each linkage's own R-hat is in the table).
    const std::size_t linkages =
        e.linkage ? static_cast<std::size_t>(std::max(1, e.linkage->draws)) : 1;
    const std::size_t chains = std::max<std::size_t>(1, e.lcmcr->draws.size() / linkages);
    for (std::size_t c = 0; c < chains && c < e.lcmcr->draws.size(); ++c) {
      const auto& chain = e.lcmcr->draws[c];
      std::vector<std::pair<double, double>> points;
      const std::size_t step = std::max<std::size_t>(1, chain.size() / kPointsPerChain);
      for (std::size_t i = 0; i < chain.size(); i += step)
        points.emplace_back(x(static_cast<double>(i)), y(chain[i]));
      svg.path(points, false, "trace-" + std::to_string(c % 4),
               "chain " + std::to_string(c + 1) + " 사슬 " + std::to_string(c + 1));
    }
  }
  return svg.str();
}

}  // namespace uncounted::report
