#include "report/svg_canvas.h"

#include <cmath>
#include <cstdio>

namespace uncounted::report {
namespace {

std::string num(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", std::isfinite(x) ? x : 0.0);
  return buf;
}

// Ends an element: self-closing, or with a <title> child (the tooltip).
std::string close(std::string_view tag, std::string_view tooltip) {
  if (tooltip.empty()) return "/>\n";
  return "><title>" + escape_html(tooltip) + "</title></" + std::string(tag) + ">\n";
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

double LinearScale::operator()(double x) const {
  if (domain_hi == domain_lo) return range_lo;
  return range_lo + (x - domain_lo) / (domain_hi - domain_lo) * (range_hi - range_lo);
}

std::vector<double> LinearScale::ticks(int about) const {
  std::vector<double> out;
  const double span = domain_hi - domain_lo;
  if (!(span > 0) || about < 1) return out;
  const double raw = span / about;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  double step = power;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    step = m * power;
    if (step >= raw) break;
  }
  for (double t = std::ceil(domain_lo / step) * step; t <= domain_hi + step * 1e-9; t += step)
    out.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
  return out;
}

double nice_ceiling(double x) {
  if (!(x > 0)) return 1;
  const double power = std::pow(10.0, std::floor(std::log10(x)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * power >= x) return m * power;
  return 10 * power;
}

SvgCanvas::SvgCanvas(int width, int height, std::string_view label)
    : width_(width), height_(height), label_(label) {}

void SvgCanvas::rect(double x, double y, double w, double h, std::string_view css_class,
                     std::string_view tooltip) {
  body_ += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(std::max(w, 0.0)) +
           "\" height=\"" + num(std::max(h, 0.0)) + "\" class=\"" + escape_html(css_class) + "\"";
  body_ += close("rect", tooltip);
}

void SvgCanvas::line(double x1, double y1, double x2, double y2, std::string_view css_class) {
  body_ += "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" +
           num(y2) + "\" class=\"" + escape_html(css_class) + "\"/>\n";
}

void SvgCanvas::path(const std::vector<std::pair<double, double>>& points, bool closed,
                     std::string_view css_class, std::string_view tooltip) {
  if (points.empty()) return;
  std::string d;
  for (const auto& [x, y] : points) d += (d.empty() ? "M" : " L") + num(x) + " " + num(y);
  if (closed) d += " Z";
  body_ += "<path d=\"" + d + "\" class=\"" + escape_html(css_class) + "\"";
  if (tooltip.empty()) {
    body_ += "/>\n";
  } else {
    body_ += "><title>" + escape_html(tooltip) + "</title></path>\n";
  }
}

void SvgCanvas::circle(double cx, double cy, double r, std::string_view css_class,
                       std::string_view tooltip) {
  body_ += "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + "\" class=\"" +
           escape_html(css_class) + "\"";
  body_ += close("circle", tooltip);
}

void SvgCanvas::diamond(double cx, double cy, double r, std::string_view css_class,
                        std::string_view tooltip) {
  body_ += "<path d=\"M" + num(cx) + " " + num(cy - r) + "L" + num(cx + r) + " " + num(cy) + "L" +
           num(cx) + " " + num(cy + r) + "L" + num(cx - r) + " " + num(cy) + "Z\" class=\"" +
           escape_html(css_class) + "\"";
  body_ += close("path", tooltip);
}

void SvgCanvas::text(double x, double y, std::string_view content, std::string_view css_class,
                     std::string_view anchor) {
  body_ += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" class=\"" + escape_html(css_class) +
           "\" text-anchor=\"" + escape_html(anchor) + "\">" + escape_html(content) + "</text>\n";
}

std::string SvgCanvas::str() const {
  return "<svg viewBox=\"0 0 " + std::to_string(width_) + " " + std::to_string(height_) +
         "\" width=\"" + std::to_string(width_) + "\" height=\"" + std::to_string(height_) +
         "\" role=\"img\" aria-label=\"" + escape_html(label_) + "\"><title>" +
         escape_html(label_) + "</title>\n" + body_ + "</svg>";
}

std::string format_count(double x) {
  if (!std::isfinite(x)) return "-";
  const long long n = std::llround(x);
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

}  // namespace uncounted::report
