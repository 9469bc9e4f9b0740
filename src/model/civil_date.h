#pragma once
// A calendar day (proleptic Gregorian), and its conversion to a day count so
// that intervals can be compared and measured. Plain value, no I/O.

#include <cstdint>
#include <string>

namespace uncounted {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..days_in_month

  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);
bool is_valid(const CivilDate& date);

// Days since 1970-01-01 (negative before it).
std::int64_t to_days(const CivilDate& date);
CivilDate from_days(std::int64_t days);

// "YYYY-MM-DD" (years 0..9999).
std::string to_iso(const CivilDate& date);

}  // namespace uncounted
