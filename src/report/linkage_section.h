#pragma once
// The report's linkage section: what the model learned (match weight, m and
// u per comparison level), how the scored pairs' weights fall about the
// threshold, how many records each person holds, and, on simulated lists,
// how right the linkage is against the true identities.

#include <string>

#include "report/report_data.h"

namespace uncounted::report {

std::string linkage_section(const ReportData& data);

// The headline comment on "persons after linkage" when the truth is known:
// how the count compares with the documented true persons and the whole
// simulated population (HTML, both languages); empty without truth.
std::string persons_comment(const ReportData& data);

}  // namespace uncounted::report
