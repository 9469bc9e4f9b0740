#include "report/html_text.h"

#include <cstdio>

#include "report/svg_canvas.h"

namespace uncounted::report {

std::string h(std::string_view text) { return escape_html(text); }

std::string both(std::string_view en, std::string_view ko) {
  return h(en) + " <span class=\"ko\" lang=\"ko\">" + h(ko) + "</span>";
}

std::string figure(std::string_view value, std::string_view en, std::string_view ko) {
  return "<div class=\"figure\"><b>" + h(value) + "</b>" + both(en, ko) + "</div>";
}

std::string figure(std::string_view value, std::string_view en, std::string_view ko,
                   const std::string& comment_html) {
  return "<div class=\"figure\"><b>" + h(value) + "</b>" + both(en, ko) +
         "<div class=\"figure-note\">" + comment_html + "</div></div>";
}

std::string count(std::int64_t n) { return format_count(static_cast<double>(n)); }

std::string fixed(double x, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  return buf;
}

std::string percent(double share) { return fixed(100 * share, 1) + "%"; }

}  // namespace uncounted::report
