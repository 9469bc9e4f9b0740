#include "report/linkage_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "report/svg_canvas.h"

namespace uncounted::report {
namespace {

std::string bits(double w) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.1f", w);
  return buf;
}

std::string share(double p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, p < 0.01 && p > 0 ? "%.1e" : "%.2f", p);
  return buf;
}

}  // namespace

double ComparisonLevelWeight::weight() const {
  constexpr double kFloor = 1e-12;
  return std::log2(std::max(m, kFloor) / std::max(u, kFloor));
}

double weight_at_probability(double p) {
  p = std::clamp(p, 1e-12, 1 - 1e-12);
  return std::log2(p / (1 - p));
}

std::string model_chart(const LinkageSummary& linkage) {
  if (linkage.comparisons.empty()) return "";
  constexpr double kRow = 19, kGroup = 24, kTop = 46;
  constexpr double kLabelEnd = 250, kWeightLo = 270, kWeightHi = 600, kMuLo = 650,
                   kMuHi = kChartWidth - 20;
  const bool calibrated = linkage.calibration_decisions > 0;
  double rows = calibrated ? 2 : 1, groups = 1;  // the prior's, and the calibration's
  double most = std::max(std::abs(linkage.prior_weight), std::abs(linkage.calibration_shift));
  for (const auto& c : linkage.comparisons) {
    groups += 1;
    rows += static_cast<double>(c.levels.size());
    for (const auto& l : c.levels) most = std::max(most, std::min(std::abs(l.weight()), 30.0));
  }
  const int height = static_cast<int>(kTop + kGroup * groups + kRow * rows + 30);
  SvgCanvas svg(kChartWidth, height,
                "Match weight and m, u of each comparison level / 비교 수준별 일치 가중치와 m, u");
  const double reach = nice_ceiling(std::max(most, 1.0));
  const LinearScale w{-reach, reach, kWeightLo, kWeightHi};
  const LinearScale p{0, 1, kMuLo, kMuHi - 120};  // the values are written right of the bars
  svg.text((kWeightLo + kWeightHi) / 2, 14, "match weight (bits) 일치 가중치", "label", "middle");
  svg.text((kMuLo + kMuHi) / 2, 14, "m and u 일치·불일치 확률", "label", "middle");
  svg.rect(kMuLo, 22, 10, 10, "bar-m");
  svg.text(kMuLo + 14, 31, "m: same person 같은 사람", "legend");
  svg.rect(kMuLo + 170, 22, 10, 10, "bar-u");
  svg.text(kMuLo + 184, 31, "u: others 다른 사람", "legend");
  double y = kTop;
  const double first = y;
  auto level_row = [&](const std::string& label, double weight, const std::string& tip,
                       std::optional<std::pair<double, double>> mu) {
    const double clamped = std::clamp(weight, -reach, reach);
    svg.text(kLabelEnd, y + 13, label, "tick", "end");
    const double x0 = w(0), x1 = w(clamped);
    svg.rect(std::min(x0, x1), y + 3, std::abs(x1 - x0), kRow - 6,
             weight >= 0 ? "bar-match" : "bar-against", tip);
    // A negative weight's value goes right of the zero line, clear of the
    // level labels that a long bar to the left would reach.
    svg.text(weight >= 0 ? x1 + 4 : x0 + 4, y + 13, bits(weight), "value", "start");
    if (mu) {
      svg.rect(kMuLo, y + 2, p(mu->first) - kMuLo, (kRow - 4) / 2, "bar-m",
               "m = " + share(mu->first));
      svg.rect(kMuLo, y + 2 + (kRow - 4) / 2, p(mu->second) - kMuLo, (kRow - 4) / 2, "bar-u",
               "u = " + share(mu->second));
      svg.text(kMuHi, y + 13, share(mu->first) + " / " + share(mu->second), "value", "end");
    }
    y += kRow;
  };
  svg.text(10, y + 16, "prior 사전 확률", "label");
  y += kGroup;
  level_row("two records at random 무작위 두 기록", linkage.prior_weight,
            "prior: " + bits(linkage.prior_weight) + " bits", std::nullopt);
  if (calibrated) {
    // Added to every pair's weight after the comparisons.
    level_row("reviewers' calibration 검토자 보정", linkage.calibration_shift,
              "added to every pair: " + bits(linkage.calibration_shift) + " bits, fitted on " +
                  std::to_string(linkage.calibration_decisions) + " decisions / 모든 쌍에 더함, " +
                  std::to_string(linkage.calibration_decisions) + "건의 결정으로 맞춤",
              std::nullopt);
  }
  for (const auto& c : linkage.comparisons) {
    svg.text(10, y + 16, c.name + (c.column == c.name ? "" : " (" + c.column + ")"), "label");
    y += kGroup;
    for (const auto& l : c.levels)
      level_row(l.label, l.weight(),
                c.name + " " + l.label + ": " + bits(l.weight()) + " bits (m " + share(l.m) +
                    ", u " + share(l.u) + ")",
                std::make_pair(l.m, l.u));
  }
  svg.line(w(0), first, w(0), y, "axis");
  for (double t : w.ticks(6)) svg.text(w(t), y + 16, format_count(t), "tick", "middle");
  for (double t : {0.0, 0.5, 1.0}) svg.text(p(t), y + 16, share(t), "tick", "middle");
  return svg.str();
}

std::string cluster_size_chart(const LinkageSummary& linkage) {
  constexpr std::size_t kMostShown = 10;  // the last bar holds 10 or more
  std::vector<double> persons(kMostShown + 1, 0);
  double total = 0;
  for (std::size_t k = 1; k < linkage.cluster_sizes.size(); ++k) {
    persons[std::min(k, kMostShown)] += static_cast<double>(linkage.cluster_sizes[k]);
    total += static_cast<double>(linkage.cluster_sizes[k]);
  }
  if (total == 0) return "";
  const int height = 230;
  SvgCanvas svg(kChartWidth, height, "Persons by number of records / 기록 수별 인물");
  const double left = 70, right = kChartWidth - 30.0, top = 20, bottom = height - 44.0;
  const double most = *std::max_element(persons.begin(), persons.end());
  const LinearScale y{0, nice_ceiling(most), bottom, top};
  for (double t : y.ticks(4)) {
    svg.line(left, y(t), right, y(t), "grid");
    svg.text(left - 6, y(t) + 4, format_count(t), "tick", "end");
  }
  svg.line(left, bottom, right, bottom, "axis");
  const double column = (right - left) / static_cast<double>(kMostShown);
  for (std::size_t k = 1; k <= kMostShown; ++k) {
    const double x = left + column * static_cast<double>(k - 1);
    const std::string label = std::to_string(k) + (k == kMostShown ? "+" : "");
    svg.rect(x + column * 0.15, y(persons[k]), column * 0.7, bottom - y(persons[k]), "bar-overlap",
             format_count(persons[k]) + " persons with " + label + " records");
    svg.text(x + column / 2, y(persons[k]) - 4, format_count(persons[k]), "value-small", "middle");
    svg.text(x + column / 2, bottom + 16, label, "tick", "middle");
  }
  svg.text((left + right) / 2, height - 8.0, "records per person 인물당 기록 수", "tick", "middle");
  return svg.str();
}

}  // namespace uncounted::report
