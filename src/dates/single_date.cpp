#include "dates/single_date.h"

#include <algorithm>

namespace uncounted::dates {
namespace {

using Tokens = std::span<const Token>;

void note(DateProblem* problem, DateProblem p) {
  if (*problem == DateProblem::kNone || *problem == DateProblem::kUnrecognized) *problem = p;
}

bool year_ok(int year, DateProblem* problem) {
  if (year >= kMinYear && year <= kMaxYear) return true;
  note(problem, DateProblem::kYearOutOfRange);
  return false;
}

bool month_ok(int month, DateProblem* problem) {
  if (month >= 1 && month <= 12) return true;
  note(problem, DateProblem::kMonthOutOfRange);
  return false;
}

CivilDate month_start(int year, int month) {
  // Months outside 1..12 roll into the neighbouring years (winter, widening).
  const int index = year * 12 + (month - 1);
  const int y = index >= 0 ? index / 12 : (index - 11) / 12;
  return {y, index - y * 12 + 1, 1};
}

CivilDate month_end(int year, int month) {
  const CivilDate start = month_start(year, month);
  return {start.year, start.month, days_in_month(start.year, start.month)};
}

FuzzyDate months(int year, int first_month, int last_month, DatePrecision precision) {
  return {month_start(year, first_month), month_end(year, last_month), precision};
}

bool is_number(Tokens t, std::size_t i) { return i < t.size() && t[i].kind == TokenKind::kNumber; }
bool is_small(Tokens t, std::size_t i) { return is_number(t, i) && t[i].digits <= 2; }
bool is_separator(const Token& t) {
  return t.kind == TokenKind::kDash || t.kind == TokenKind::kSlash || t.kind == TokenKind::kDot;
}

std::optional<FuzzyDate> day_interval(int year, int month, int day, DateProblem* problem) {
  if (!year_ok(year, problem) || !month_ok(month, problem)) return std::nullopt;
  const CivilDate d{year, month, day};
  if (!is_valid(d)) {
    note(problem, DateProblem::kDayOutOfRange);
    return std::nullopt;
  }
  return FuzzyDate{d, d, DatePrecision::kDay};
}

std::optional<FuzzyDate> month_interval(int year, int month, DateProblem* problem) {
  if (!year_ok(year, problem) || !month_ok(month, problem)) return std::nullopt;
  return months(year, month, month, DatePrecision::kMonth);
}

// Seasons are meteorological: spring Mar-May, summer Jun-Aug, autumn
// Sep-Nov, and winter Y is Dec Y to the end of Feb Y+1.
FuzzyDate season_interval(int year, int season) {
  const int first = 3 * season;  // 3, 6, 9, 12
  return months(year, first, first + 2, DatePrecision::kSeason);
}

// early = Jan-Apr, mid = Apr-Sep, late = Sep-Dec: they overlap, because a
// witness's "mid-2009" may well be April or September.
FuzzyDate part_of_year(int year, int part) {
  static constexpr int kFirst[] = {1, 4, 9};
  static constexpr int kLast[] = {4, 9, 12};
  return months(year, kFirst[part], kLast[part], DatePrecision::kSeason);
}

// 초순/상순 = days 1-10, 중순 = 11-20, 하순 = 21-end (the Korean definitions),
// and the same for "early/mid/late March".
FuzzyDate part_of_month(int year, int month, int part) {
  static constexpr int kFirst[] = {1, 11, 21};
  const int last = part == 0 ? 10 : part == 1 ? 20 : days_in_month(year, month);
  return {{year, month, kFirst[part]}, {year, month, last}, DatePrecision::kMonth};
}

// The 1990s = 1990-1999; early = 1990-93, mid = 1993-96, late = 1996-99.
FuzzyDate decade_interval(int decade, int part) {
  if (part < 0) return {{decade, 1, 1}, {decade + 9, 12, 31}, DatePrecision::kDecade};
  static constexpr int kFirst[] = {0, 3, 6};
  return {
      {decade + kFirst[part], 1, 1}, {decade + kFirst[part] + 3, 12, 31}, DatePrecision::kYears};
}

// "1990s", "90s", "1990년대", "90년대". A two-digit decade 30-90 is in the
// 1900s, 00-20 in the 2000s ("the 20s" are the 2020s; write 1920s for those).
std::optional<int> decade_start(const Token& t) {
  if (t.value % 10 != 0) return std::nullopt;
  if (t.digits == 4 || t.from_juche) {
    // The whole decade must lie in the parser's years: "2100s" would end in
    // 2109 (found by fuzz/dates_fuzz).
    if (t.value < kMinYear || t.value + 9 > kMaxYear) return std::nullopt;
    return t.value;
  }
  if (t.digits == 2 || (t.digits == 1 && t.value == 0)) {
    return t.value >= 30 ? 1900 + t.value : 2000 + t.value;
  }
  return std::nullopt;
}

// Numeric forms with separators: 2009-03-14, 2009/3/14, 2009.03.14,
// 14.03.2009, 03/14/2009, 2009-03, 03/2009.
std::optional<FuzzyDate> numeric_date(Tokens t, DateProblem* problem) {
  if (t.size() == 3 && is_separator(t[1])) {
    if (is_year_number(t[0]) && is_small(t, 2)) {
      // "1995-98" is a range of years, not month 98: leave it to the range parser.
      if (t[2].value > 12 && t[1].kind != TokenKind::kDot) return std::nullopt;
      return month_interval(t[0].value, t[2].value, problem);
    }
    if (is_small(t, 0) && is_year_number(t[2]))
      return month_interval(t[2].value, t[0].value, problem);
    return std::nullopt;
  }
  if (t.size() != 5 || !is_separator(t[1]) || t[1].kind != t[3].kind) return std::nullopt;
  if (is_year_number(t[0]) && is_small(t, 2) && is_small(t, 4)) {
    return day_interval(t[0].value, t[2].value, t[4].value, problem);
  }
  if (!(is_small(t, 0) && is_small(t, 2) && is_year_number(t[4]))) return std::nullopt;
  const int a = t[0].value, b = t[2].value, year = t[4].value;
  if (a > 12 && b > 12) {
    note(problem, DateProblem::kMonthOutOfRange);
    return std::nullopt;
  }
  // Dots are day-first (14.03.2009). With dashes or slashes the order is
  // day-first in Europe and month-first in the US: a number over 12 decides,
  // otherwise the interval covers both readings.
  if (t[1].kind == TokenKind::kDot || a > 12 || a == b) return day_interval(year, b, a, problem);
  if (b > 12) return day_interval(year, a, b, problem);
  const auto day_first = day_interval(year, b, a, problem);
  const auto month_first = day_interval(year, a, b, problem);
  if (!day_first || !month_first) return std::nullopt;
  const std::int64_t d1 = day_first->earliest_days(), d2 = month_first->earliest_days();
  return FuzzyDate{from_days(std::min(d1, d2)), from_days(std::max(d1, d2)), DatePrecision::kMonth};
}

// "winter 2009/10", "winter 2009-2010": the winter that starts in 2009.
std::optional<FuzzyDate> split_winter(Tokens t, DateProblem* problem) {
  if (t.size() != 4 || t[0].kind != TokenKind::kSeason || t[0].value != 4 ||
      !is_year_number(t[1]) || (t[2].kind != TokenKind::kSlash && t[2].kind != TokenKind::kDash) ||
      !is_number(t, 3)) {
    return std::nullopt;
  }
  const int year = t[1].value;
  const bool next = is_year_number(t[3]) ? t[3].value == year + 1
                                         : t[3].digits == 2 && t[3].value == (year + 1) % 100;
  if (!next || !year_ok(year, problem)) return std::nullopt;
  return season_interval(year, 4);
}

// Dates made of words and numbers in any order: "14 March 2009",
// "March 14, 2009", "spring 2009", "2009년 3월 14일", "late 1990s",
// "1990년대 말", "mid-March 2009".
struct Components {
  int year = -1, month = -1, day = -1, season = -1, part = -1, decade = -1;
  bool month_named = false, bare_day = false;
};

bool set_once(int& slot, int value) {
  if (slot >= 0) return false;
  slot = value;
  return true;
}

std::optional<Components> components(Tokens t) {
  Components c;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const Token& tok = t[i];
    const TokenKind next = i + 1 < t.size() ? t[i + 1].kind : TokenKind::kQuestion;
    switch (tok.kind) {
      case TokenKind::kDash:
      case TokenKind::kSlash: {
        // Only as glue: "mid-1990s", "14-Mar-2009", "Mar/2009".
        const TokenKind prev = i > 0 ? t[i - 1].kind : TokenKind::kQuestion;
        const bool after_part = prev == TokenKind::kPart;
        const bool glue = (prev == TokenKind::kNumber && next == TokenKind::kMonthName) ||
                          (prev == TokenKind::kMonthName && next == TokenKind::kNumber);
        if (!after_part && !glue) return std::nullopt;
        break;
      }
      case TokenKind::kNumber:
        if (next == TokenKind::kDecadeMark || next == TokenKind::kPlural) {
          const auto start = decade_start(tok);
          if (!start || !set_once(c.decade, *start)) return std::nullopt;
          ++i;
        } else if (next == TokenKind::kYearMark) {
          if (!is_year_number(tok) || !set_once(c.year, tok.value)) return std::nullopt;
          ++i;
        } else if (next == TokenKind::kMonthMark) {
          if (tok.digits > 2 || !set_once(c.month, tok.value)) return std::nullopt;
          ++i;
        } else if (next == TokenKind::kDayMark) {
          if (tok.digits > 2 || !set_once(c.day, tok.value)) return std::nullopt;
          ++i;
        } else if (is_year_number(tok)) {
          if (!set_once(c.year, tok.value)) return std::nullopt;
        } else if (tok.digits <= 2) {
          if (!set_once(c.day, tok.value)) return std::nullopt;
          c.bare_day = true;
        } else {
          return std::nullopt;
        }
        break;
      case TokenKind::kMonthName:
        if (!set_once(c.month, tok.value)) return std::nullopt;
        c.month_named = true;
        break;
      case TokenKind::kSeason:
        if (!set_once(c.season, tok.value)) return std::nullopt;
        break;
      case TokenKind::kPart:
        if (!set_once(c.part, tok.value)) return std::nullopt;
        break;
      default:
        return std::nullopt;
    }
  }
  return c;
}

std::optional<FuzzyDate> worded_date(Tokens t, std::optional<int> default_year,
                                     DateProblem* problem) {
  auto parsed = components(t);
  if (!parsed) return std::nullopt;
  Components c = *parsed;
  if (c.decade >= 0) {
    if (c.year >= 0 || c.month >= 0 || c.day >= 0 || c.season >= 0) return std::nullopt;
    if (!year_ok(c.decade, problem)) return std::nullopt;
    return decade_interval(c.decade, c.part);
  }
  if (c.year < 0) {
    // Only a month, day or season may borrow the other end's year.
    if (!default_year || (c.month < 0 && c.season < 0)) return std::nullopt;
    c.year = *default_year;
  }
  if (!year_ok(c.year, problem)) return std::nullopt;
  if (c.bare_day && !c.month_named) return std::nullopt;
  if (c.day >= 0 && (c.month < 0 || c.part >= 0)) return std::nullopt;
  if (c.season >= 0 && (c.month >= 0 || c.day >= 0 || c.part >= 0)) return std::nullopt;
  if (c.day >= 0) return day_interval(c.year, c.month, c.day, problem);
  if (c.month >= 0) {
    if (!month_ok(c.month, problem)) return std::nullopt;
    if (c.part >= 0) return part_of_month(c.year, c.month, c.part);
    return month_interval(c.year, c.month, problem);
  }
  if (c.season >= 0) return season_interval(c.year, c.season);
  if (c.part >= 0) return part_of_year(c.year, c.part);
  return year_interval(c.year, problem);
}

}  // namespace

std::optional<FuzzyDate> year_interval(int year, DateProblem* problem) {
  if (!year_ok(year, problem)) return std::nullopt;
  return FuzzyDate{{year, 1, 1}, {year, 12, 31}, DatePrecision::kYear};
}

std::optional<FuzzyDate> parse_single_date(Tokens tokens, std::optional<int> default_year,
                                           DateProblem* problem) {
  if (tokens.empty()) return std::nullopt;
  if (auto d = numeric_date(tokens, problem)) return d;
  if (auto d = split_winter(tokens, problem)) return d;
  return worded_date(tokens, default_year, problem);
}

}  // namespace uncounted::dates
