#pragma once
// A minimal SVG writer for the report's charts: shapes and text appended to
// a string, every text escaped, numbers written with fixed precision so that
// the same data gives byte-identical charts. No fonts are loaded and no
// resource is referenced: the SVG is inline in a self-contained page.

#include <string>
#include <string_view>
#include <vector>

namespace uncounted::report {

// Every chart of the report is this wide (px); the page scales it down.
constexpr int kChartWidth = 960;

// Text with & < > " ' escaped for HTML and SVG (text and attribute values).
std::string escape_html(std::string_view text);

// Maps a numeric domain onto pixels, with "nice" tick values (1, 2, 5 x 10^k).
struct LinearScale {
  double domain_lo = 0, domain_hi = 1;
  double range_lo = 0, range_hi = 1;
  double operator()(double x) const;
  std::vector<double> ticks(int about) const;
};

// The upper end of a nice axis covering X: 1, 2, 2.5, 5 x 10^k.
double nice_ceiling(double x);

class SvgCanvas {
 public:
  // LABEL is the chart's accessible name (aria-label, <title>).
  SvgCanvas(int width, int height, std::string_view label);

  void rect(double x, double y, double w, double h, std::string_view css_class,
            std::string_view tooltip = {});
  void line(double x1, double y1, double x2, double y2, std::string_view css_class);
  // A polyline (CLOSED: a polygon) through POINTS (x, y).
  void path(const std::vector<std::pair<double, double>>& points, bool closed,
            std::string_view css_class, std::string_view tooltip = {});
  void circle(double cx, double cy, double r, std::string_view css_class,
              std::string_view tooltip = {});
  // ANCHOR: "start", "middle" or "end".
  void text(double x, double y, std::string_view content, std::string_view css_class,
            std::string_view anchor = "start");
  // A diamond centred on (cx, cy): the truth marker.
  void diamond(double cx, double cy, double r, std::string_view css_class,
               std::string_view tooltip = {});

  std::string str() const;  // the <svg> element

 private:
  int width_, height_;
  std::string label_;
  std::string body_;
};

// A number for people: 1234 -> "1,234"; fractions rounded to whole numbers.
std::string format_count(double x);

}  // namespace uncounted::report
