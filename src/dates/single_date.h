#pragma once
// One date without range, approximation or open end: "14 March 2009",
// "2009-03", "2009년 봄", "late 1990s". fuzzy_date_parser.cpp combines these
// into ranges ("March-May 2009") and widens or opens them ("c. 2005",
// "before 2005").

#include <optional>
#include <span>

#include "dates/date_tokens.h"
#include "model/fuzzy_date.h"

namespace uncounted::dates {

inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2100;

// Parses TOKENS as one date. DEFAULT_YEAR, when given, is the year of a
// date that names only a month, day or season ("March" in "March-May 2009").
// Returns nullopt when the tokens are not one date; sets *problem when the
// reason is more specific than "not recognized" (a month 13, a year 1850).
std::optional<FuzzyDate> parse_single_date(std::span<const Token> tokens,
                                           std::optional<int> default_year, DateProblem* problem);

// The whole of YEAR, checked against kMinYear..kMaxYear.
std::optional<FuzzyDate> year_interval(int year, DateProblem* problem);

// A number that was written as a four-digit year (or came from a Juche year).
inline bool is_year_number(const Token& t) {
  return t.kind == TokenKind::kNumber && (t.digits == 4 || t.from_juche);
}

}  // namespace uncounted::dates
