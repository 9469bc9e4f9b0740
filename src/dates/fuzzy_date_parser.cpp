#include "dates/fuzzy_date_parser.h"

#include <algorithm>
#include <span>
#include <vector>

#include "dates/date_tokens.h"
#include "dates/single_date.h"
#include "model/error.h"

namespace uncounted::dates {
namespace {

using Tokens = std::span<const Token>;

// Longer than any date anyone writes; keeps a pasted paragraph cheap to reject.
constexpr std::size_t kMaxTextBytes = 200;

enum class OpenEnd { kNone, kBefore, kUntil, kAfter, kSince };

bool is_range_separator(TokenKind k) {
  switch (k) {
    case TokenKind::kDash:
    case TokenKind::kSlash:
    case TokenKind::kTilde:
    case TokenKind::kTo:
    case TokenKind::kUntil:
    case TokenKind::kAnd:
    case TokenKind::kFrom:
      return true;
    default:
      return false;
  }
}

bool is_day_to_season(DatePrecision p) {
  return p == DatePrecision::kDay || p == DatePrecision::kMonth || p == DatePrecision::kSeason;
}

// "1995-98": the right end of a range of years, written with two digits.
std::optional<FuzzyDate> abbreviated_end_year(Tokens right, const FuzzyDate& left,
                                              DateProblem* problem) {
  if (right.size() != 1 || right[0].kind != TokenKind::kNumber || right[0].digits != 2 ||
      left.precision != DatePrecision::kYear) {
    return std::nullopt;
  }
  const int year = left.earliest.year / 100 * 100 + right[0].value;
  if (year <= left.earliest.year) return std::nullopt;
  return year_interval(year, problem);
}

struct Core {
  FuzzyDate date;
  bool is_range = false;
};

// "2009/2010", "March-May 2009", "2005년 3월~5월", "between 2005 and 2007":
// the first split at a separator whose two sides are both dates. A side
// that lacks a year borrows the other side's.
std::optional<Core> range(Tokens t, DateProblem* problem) {
  for (std::size_t i = 1; i + 1 < t.size(); ++i) {
    if (!is_range_separator(t[i].kind)) continue;
    const Tokens left = t.first(i);
    Tokens right = t.subspan(i + 1);
    std::optional<FuzzyDate> l, r = parse_single_date(right, std::nullopt, problem);
    if (r) {
      l = parse_single_date(left, std::nullopt, problem);
      if (!l) l = parse_single_date(left, r->earliest.year, problem);
    } else {
      l = parse_single_date(left, std::nullopt, problem);
      if (l) {
        r = parse_single_date(right, l->latest.year, problem);
        if (!r) r = abbreviated_end_year(right, *l, problem);
      }
    }
    if (!l || !r) continue;
    if (r->latest_days() < l->earliest_days()) {
      *problem = DateProblem::kBackwardRange;
      continue;
    }
    DatePrecision precision = DatePrecision::kYears;
    if (l->precision == DatePrecision::kDecade && r->precision == DatePrecision::kDecade) {
      precision = DatePrecision::kDecade;
    } else if (is_day_to_season(l->precision) && is_day_to_season(r->precision) &&
               l->earliest.year == r->latest.year) {
      precision = std::max(l->precision, r->precision);
    }
    return Core{{l->earliest, r->latest, precision}, true};
  }
  return std::nullopt;
}

std::optional<Core> core(Tokens t, DateProblem* problem) {
  if (auto single = parse_single_date(t, std::nullopt, problem)) return Core{*single, false};
  return range(t, problem);
}

// "c. 2005" and its kin: one year each side for a year or coarser, one month
// for a month or season, three days for a day.
FuzzyDate widened(const FuzzyDate& d) {
  FuzzyDate w = d;
  if (d.precision == DatePrecision::kDay) {
    w.earliest = from_days(d.earliest_days() - 3);
    w.latest = from_days(d.latest_days() + 3);
  } else if (d.precision == DatePrecision::kMonth || d.precision == DatePrecision::kSeason) {
    const CivilDate before = from_days(to_days({d.earliest.year, d.earliest.month, 1}) - 1);
    w.earliest = {before.year, before.month, 1};
    const CivilDate after = from_days(d.latest_days() + 1);
    const CivilDate next{after.year, after.month, 1};
    w.latest = {next.year, next.month, days_in_month(next.year, next.month)};
  } else {
    w.earliest = {d.earliest.year - 1, 1, 1};
    w.latest = {d.latest.year + 1, 12, 31};
    if (d.precision == DatePrecision::kYear) w.precision = DatePrecision::kYears;
  }
  return w;
}

// "before 2005" allows any day from the parser's first year to the end of
// 2004; "after 2005" any day from 2006 to the parser's last year. Wide, but
// it is what the text says, and linkage still learns that 2007 is excluded.
std::optional<FuzzyDate> opened(const FuzzyDate& d, OpenEnd end, DateProblem* problem) {
  const CivilDate first{kMinYear, 1, 1}, last{kMaxYear, 12, 31};
  FuzzyDate o{first, last, DatePrecision::kYears};
  switch (end) {
    case OpenEnd::kNone:
      return d;
    case OpenEnd::kBefore:
      if (d.earliest_days() <= to_days(first)) break;
      o.latest = from_days(d.earliest_days() - 1);
      return o;
    case OpenEnd::kUntil:
      o.latest = d.latest;
      return o;
    case OpenEnd::kAfter:
      if (d.latest_days() >= to_days(last)) break;
      o.earliest = from_days(d.latest_days() + 1);
      return o;
    case OpenEnd::kSince:
      o.earliest = d.earliest;
      return o;
  }
  *problem = DateProblem::kOpenEndOutOfRange;
  return std::nullopt;
}

std::optional<FuzzyDate> parse_tokens(std::vector<Token>& all, DateProblem* problem) {
  // Parentheses carry nothing once Juche years are resolved: "2005 (approx.)".
  std::erase_if(all, [](const Token& t) {
    return t.kind == TokenKind::kOpenParen || t.kind == TokenKind::kCloseParen;
  });
  Tokens t(all);
  bool approximate = false, between = false, from = false;
  OpenEnd end = OpenEnd::kNone;
  OpenEnd trailing_until = OpenEnd::kNone;
  // Korean writes "2009. 3. 14." with a final dot.
  while (!t.empty() && t.back().kind == TokenKind::kDot) t = t.first(t.size() - 1);
  for (bool changed = true; changed && !t.empty();) {
    changed = true;
    const TokenKind first = t.front().kind, last = t.back().kind;
    if (first == TokenKind::kApprox || first == TokenKind::kTilde) {
      approximate = true;
      t = t.subspan(1);
    } else if (last == TokenKind::kApprox || last == TokenKind::kQuestion) {
      approximate = true;
      t = t.first(t.size() - 1);
    } else if (end == OpenEnd::kNone && !from && first >= TokenKind::kBefore &&
               first <= TokenKind::kUntil) {
      end = first == TokenKind::kBefore  ? OpenEnd::kBefore
            : first == TokenKind::kAfter ? OpenEnd::kAfter
            : first == TokenKind::kSince ? OpenEnd::kSince
                                         : OpenEnd::kUntil;
      t = t.subspan(1);
    } else if (end == OpenEnd::kNone && trailing_until == OpenEnd::kNone &&
               (last == TokenKind::kBefore || last == TokenKind::kAfter ||
                last == TokenKind::kFrom || last == TokenKind::kTilde ||
                last == TokenKind::kDash)) {
      end = last == TokenKind::kBefore  ? OpenEnd::kBefore
            : last == TokenKind::kAfter ? OpenEnd::kAfter
                                        : OpenEnd::kSince;  // "2005년부터", "2005~"
      t = t.first(t.size() - 1);
    } else if (last == TokenKind::kUntil && trailing_until == OpenEnd::kNone &&
               end == OpenEnd::kNone) {
      // "2007년까지" is "until 2007", but "2005년부터 2007년까지" is a range.
      trailing_until = OpenEnd::kUntil;
      t = t.first(t.size() - 1);
    } else if (first == TokenKind::kFrom && !from && end == OpenEnd::kNone) {
      from = true;  // "from 2005 to 2007", or alone "from 2005" = since
      t = t.subspan(1);
    } else if (!between && (first == TokenKind::kBetween || last == TokenKind::kBetween)) {
      between = true;
      t = first == TokenKind::kBetween ? t.subspan(1) : t.first(t.size() - 1);
    } else {
      changed = false;
    }
  }
  if (t.empty()) return std::nullopt;
  auto parsed = core(t, problem);
  if (!parsed) return std::nullopt;
  if (between && !parsed->is_range) return std::nullopt;
  if (!parsed->is_range) {
    if (from) end = OpenEnd::kSince;
    if (trailing_until != OpenEnd::kNone) {
      if (end != OpenEnd::kNone) return std::nullopt;
      end = trailing_until;
    }
  }
  FuzzyDate date = approximate ? widened(parsed->date) : parsed->date;
  return opened(date, end, problem);
}

std::optional<FuzzyDate> parse(std::string_view text, DateProblem* problem) {
  if (text.size() > kMaxTextBytes) {
    *problem = DateProblem::kTooLong;
    return std::nullopt;
  }
  std::vector<Token> tokens;
  tokens.reserve(16);
  if (!tokenize(text, tokens, problem)) return std::nullopt;
  if (tokens.empty()) {
    *problem = DateProblem::kEmpty;
    return std::nullopt;
  }
  return parse_tokens(tokens, problem);
}

std::string message(DateProblem problem) {
  switch (problem) {
    case DateProblem::kEmpty:
      return "empty date";
    case DateProblem::kInvalidUtf8:
      return "date is not valid UTF-8";
    case DateProblem::kTooLong:
      return "date is too long (over 200 bytes)";
    case DateProblem::kYearOutOfRange:
      return "date has a year outside 1900..2100";
    case DateProblem::kMonthOutOfRange:
      return "date has a month outside 1..12";
    case DateProblem::kDayOutOfRange:
      return "date has a day that its month does not have";
    case DateProblem::kJucheYearZero:
      return "there is no Juche year 0 (Juche 1 is 1912)";
    case DateProblem::kJucheMismatch:
      return "date's Juche year and Gregorian year disagree";
    case DateProblem::kBackwardRange:
      return "date range ends before it starts";
    case DateProblem::kOpenEndOutOfRange:
      return "open-ended date lies outside 1900..2100";
    case DateProblem::kNone:
    case DateProblem::kUnrecognized:
      break;
  }
  return "not a recognized date (e.g. 2009-03-14, March 2009, spring 2009, 2009/2010, 1990s, "
         "c. 2005, 2009년 3월, Juche 98)";
}

}  // namespace

FuzzyDate parse_fuzzy_date(std::string_view text) {
  DateProblem problem = DateProblem::kNone;
  if (auto date = parse(text, &problem)) return *date;
  throw invalid_input(message(problem));
}

std::optional<FuzzyDate> try_parse_fuzzy_date(std::string_view text) {
  DateProblem problem = DateProblem::kNone;
  return parse(text, &problem);
}

}  // namespace uncounted::dates
