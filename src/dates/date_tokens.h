#pragma once
// The words, numbers and marks of a fuzzy date, in any of the languages a
// witness or a documenter writes them in ("14 March 2009", "2009년 3월 14일",
// "Juche 98"). The tokenizer resolves every word to its meaning, so the
// grammar (fuzzy_date_parser.cpp) never compares strings.

#include <cstdint>
#include <string_view>
#include <vector>

namespace uncounted::dates {

enum class TokenKind : std::uint8_t {
  kNumber,      // value; digits = how many digits were written
  kMonthName,   // value 1..12 ("March", "Mar")
  kSeason,      // value 1 spring, 2 summer, 3 autumn, 4 winter (also 봄 여름 가을 겨울)
  kPart,        // value 0 early, 1 mid, 2 late (also 초, 중반, 말, 초순, 중순, 하순)
  kApprox,      // "c.", "circa", "about", "~" at the start; 경, 쯤 after
  kBefore,      // "before", 이전, 전
  kAfter,       // "after", 이후, 후
  kSince,       // "since"
  kUntil,       // "until", "till", "by"; 까지
  kFrom,        // "from"; 부터, 에서
  kBetween,     // "between"; 사이
  kAnd,         // "and"; 과, 와
  kTo,          // "to", "through", "-" is kDash
  kDash,        // - – — ‐
  kSlash,       // /
  kDot,         // .
  kTilde,       // ~ 〜 ～
  kYearMark,    // 년, 년도
  kMonthMark,   // 월
  kDayMark,     // 일
  kDecadeMark,  // 년대
  kPlural,      // the "s" of "1990s"
  kQuestion,    // ?
  kOpenParen,   // (
  kCloseParen,  // )
  kJuche,       // "Juche", 주체 (rewritten away by tokenize(): see below)
};

struct Token {
  TokenKind kind;
  int value = 0;
  int digits = 0;           // for kNumber
  bool from_juche = false;  // a kNumber that was written as a Juche year
};

// Why a text is not a date, for the error message (never the text itself).
enum class DateProblem : std::uint8_t {
  kNone,
  kEmpty,
  kUnrecognized,
  kInvalidUtf8,
  kTooLong,
  kYearOutOfRange,
  kMonthOutOfRange,
  kDayOutOfRange,
  kJucheYearZero,
  kJucheMismatch,
  kBackwardRange,
  kOpenEndOutOfRange,
};

// Splits TEXT into tokens; returns false (and sets *problem) when TEXT holds
// anything that is not part of a date vocabulary. Juche years are turned into
// Gregorian year numbers here ("Juche 98" -> 2009, from_juche set), and a
// Gregorian year in parentheses that repeats a Juche year ("Juche 98 (2009)")
// is checked and dropped. Ignorable words ("the", "of", "in"), commas,
// apostrophes, ordinal suffixes ("14th") and a dot after a word ("Mar.") are
// dropped.
bool tokenize(std::string_view text, std::vector<Token>& tokens, DateProblem* problem);

}  // namespace uncounted::dates
