#pragma once
// The report as one self-contained HTML page: inline CSS and SVG, no
// script, no font, image or link to anything outside the file (a Content
// Security Policy forbids it too), in Korean and English. It holds counts
// and estimates only, never a name.

#include <string>

#include "report/report_data.h"

namespace uncounted::report {

std::string render_html(const ReportData& data);

}  // namespace uncounted::report
