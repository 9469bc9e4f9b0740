#pragma once
// Fuzzy dates as witnesses and documenters write them, parsed into the
// interval of days the text allows (nothing narrower) and its precision.
// Used for event dates and for birth years alike. docs/dates.md lists every
// accepted form with worked examples; the conventions in short:
//
//   2009-03-14, 2009/03/14, 14.03.2009, 14 March 2009, Mar 14, 2009,
//     2009년 3월 14일                                -> that day          (day)
//   2009-03, March 2009, 2009년 3월                  -> that month        (month)
//   early/mid/late March 2009, 3월 초순/중순/하순   -> days 1-10/11-20/21-end (month)
//   spring/summer/autumn 2009, 2009년 봄            -> Mar-May/Jun-Aug/Sep-Nov (season)
//   winter 2009, 2009년 겨울, winter 2009/10        -> Dec 2009 - Feb 2010 (season)
//   early/mid/late 2009, 2009년 초/중반/말          -> Jan-Apr/Apr-Sep/Sep-Dec (season)
//   2009, 2009년, Juche 98, 주체98년                -> that year         (year)
//   2009/2010, 2009-2011, 1995-98, between 2005 and 2007, 2005~2007,
//     2005년부터 2007년까지, March-May 2009          -> the span          (years, or the
//                                                     finer unit within one year)
//   1990s, the 90s, 1990년대                         -> the decade        (decade)
//   early/mid/late 1990s, 1990년대 초/중반/말        -> 1990-93/1993-96/1996-99 (years)
//   c. 2005, ca 2005, circa/about/around 2005, ~2005, 2005?, 2005년경, 약 2005년
//                                                  -> widened by one year each side (years);
//                                                     a month by one month, a day by 3 days
//   before 2005, 2005년 이전                         -> 1900-01-01 .. 2004-12-31 (years)
//   after 2005, 2005년 이후                          -> 2006-01-01 .. 2100-12-31 (years)
//   since 2005 / until 2005                        -> like after / before, 2005 included
//
// Years must lie in 1900..2100. Juche 1 = 1912 (no Juche 0).

#include <optional>
#include <string_view>

#include "model/fuzzy_date.h"

namespace uncounted::dates {

// Parses TEXT (UTF-8) into its interval. Throws uncounted::Error of kind
// invalid input, whose message says why (never quoting the text) when TEXT
// is empty, not a date, out of range, or not valid UTF-8.
// Thread-safe; allocates only a small token buffer.
FuzzyDate parse_fuzzy_date(std::string_view text);

// The same without exceptions: nullopt where parse_fuzzy_date would throw.
std::optional<FuzzyDate> try_parse_fuzzy_date(std::string_view text);

}  // namespace uncounted::dates

namespace uncounted {
// The importer calls it unqualified as uncounted::parse_fuzzy_date.
using dates::parse_fuzzy_date;
using dates::try_parse_fuzzy_date;
}  // namespace uncounted
