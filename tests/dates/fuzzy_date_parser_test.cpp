// Every accepted form of a fuzzy date, with the exact interval it must give,
// and the inputs that must be refused with a clear error.

#include "dates/fuzzy_date_parser.h"

#include <gtest/gtest.h>

#include <string>

#include "model/error.h"

namespace uncounted::dates {
namespace {

struct Case {
  const char* text;
  const char* earliest;
  const char* latest;
  const char* precision;
};

// clang-format off
const Case kCases[] = {
    // ISO and numeric days
    {"2009-03-14", "2009-03-14", "2009-03-14", "day"},
    {"2009/03/14", "2009-03-14", "2009-03-14", "day"},
    {"2009.03.14", "2009-03-14", "2009-03-14", "day"},
    {"2009. 3. 14.", "2009-03-14", "2009-03-14", "day"},
    {"2009-3-4", "2009-03-04", "2009-03-04", "day"},
    {"14.03.2009", "2009-03-14", "2009-03-14", "day"},
    {"4.3.2009", "2009-03-04", "2009-03-04", "day"},
    {"14/03/2009", "2009-03-14", "2009-03-14", "day"},
    {"03/14/2009", "2009-03-14", "2009-03-14", "day"},
    {"14-03-2009", "2009-03-14", "2009-03-14", "day"},
    {"05/05/2009", "2009-05-05", "2009-05-05", "day"},
    {"2008-02-29", "2008-02-29", "2008-02-29", "day"},
    {"2000-02-29", "2000-02-29", "2000-02-29", "day"},
    {"1900-01-01", "1900-01-01", "1900-01-01", "day"},
    {"2100-12-31", "2100-12-31", "2100-12-31", "day"},
    // slashes with both numbers <= 12: either reading, so both
    {"03/04/2009", "2009-03-04", "2009-04-03", "month"},
    {"04/03/2009", "2009-03-04", "2009-04-03", "month"},
    // English day forms
    {"14 March 2009", "2009-03-14", "2009-03-14", "day"},
    {"14th March 2009", "2009-03-14", "2009-03-14", "day"},
    {"14th of March, 2009", "2009-03-14", "2009-03-14", "day"},
    {"March 14, 2009", "2009-03-14", "2009-03-14", "day"},
    {"Mar 14, 2009", "2009-03-14", "2009-03-14", "day"},
    {"Mar. 14 2009", "2009-03-14", "2009-03-14", "day"},
    {"march 1st 2009", "2009-03-01", "2009-03-01", "day"},
    {"14-Mar-2009", "2009-03-14", "2009-03-14", "day"},
    {"2009 March 14", "2009-03-14", "2009-03-14", "day"},
    {"SEPT 30 2001", "2001-09-30", "2001-09-30", "day"},
    // Korean days
    {"2009년 3월 14일", "2009-03-14", "2009-03-14", "day"},
    {"2009년3월14일", "2009-03-14", "2009-03-14", "day"},
    {"1997년 12월 1일에", "1997-12-01", "1997-12-01", "day"},
    // months
    {"2009-03", "2009-03-01", "2009-03-31", "month"},
    {"2009/3", "2009-03-01", "2009-03-31", "month"},
    {"2009.03", "2009-03-01", "2009-03-31", "month"},
    {"2009-10", "2009-10-01", "2009-10-31", "month"},
    {"03/2009", "2009-03-01", "2009-03-31", "month"},
    {"March 2009", "2009-03-01", "2009-03-31", "month"},
    {"march, 2009", "2009-03-01", "2009-03-31", "month"},
    {"Feb 2008", "2008-02-01", "2008-02-29", "month"},
    {"Feb 2009", "2009-02-01", "2009-02-28", "month"},
    {"February of 2009", "2009-02-01", "2009-02-28", "month"},
    {"Mar-2009", "2009-03-01", "2009-03-31", "month"},
    {"in December 1998", "1998-12-01", "1998-12-31", "month"},
    {"2009 Dec", "2009-12-01", "2009-12-31", "month"},
    {"2009년 3월", "2009-03-01", "2009-03-31", "month"},
    {"2009년 12월", "2009-12-01", "2009-12-31", "month"},
    {"early March 2009", "2009-03-01", "2009-03-10", "month"},
    {"mid-March 2009", "2009-03-11", "2009-03-20", "month"},
    {"late February 2009", "2009-02-21", "2009-02-28", "month"},
    {"2009년 3월 초순", "2009-03-01", "2009-03-10", "month"},
    {"2009년 3월 중순", "2009-03-11", "2009-03-20", "month"},
    {"2009년 4월 하순", "2009-04-21", "2009-04-30", "month"},
    // seasons (meteorological; winter Y = Dec Y .. Feb Y+1)
    {"spring 2009", "2009-03-01", "2009-05-31", "season"},
    {"Spring of 2009", "2009-03-01", "2009-05-31", "season"},
    {"the summer of 2009", "2009-06-01", "2009-08-31", "season"},
    {"autumn 2009", "2009-09-01", "2009-11-30", "season"},
    {"fall 2009", "2009-09-01", "2009-11-30", "season"},
    {"winter 2009", "2009-12-01", "2010-02-28", "season"},
    {"winter 2011", "2011-12-01", "2012-02-29", "season"},
    {"winter 2009/10", "2009-12-01", "2010-02-28", "season"},
    {"winter 2009-2010", "2009-12-01", "2010-02-28", "season"},
    {"2009 spring", "2009-03-01", "2009-05-31", "season"},
    {"2009년 봄", "2009-03-01", "2009-05-31", "season"},
    {"2009년 여름", "2009-06-01", "2009-08-31", "season"},
    {"2009년 가을", "2009-09-01", "2009-11-30", "season"},
    {"2009년 겨울", "2009-12-01", "2010-02-28", "season"},
    {"early 2009", "2009-01-01", "2009-04-30", "season"},
    {"mid-2009", "2009-04-01", "2009-09-30", "season"},
    {"mid 2009", "2009-04-01", "2009-09-30", "season"},
    {"late 2009", "2009-09-01", "2009-12-31", "season"},
    {"the end of 2009", "2009-09-01", "2009-12-31", "season"},
    {"beginning of 2009", "2009-01-01", "2009-04-30", "season"},
    {"2009년 초", "2009-01-01", "2009-04-30", "season"},
    {"2009년 중반", "2009-04-01", "2009-09-30", "season"},
    {"2009년 말", "2009-09-01", "2009-12-31", "season"},
    // years
    {"2009", "2009-01-01", "2009-12-31", "year"},
    {" 2009 ", "2009-01-01", "2009-12-31", "year"},
    {"2009년", "2009-01-01", "2009-12-31", "year"},
    {"2009년도", "2009-01-01", "2009-12-31", "year"},
    {"1962", "1962-01-01", "1962-12-31", "year"},
    {"the year 2000", "2000-01-01", "2000-12-31", "year"},
    {"1900", "1900-01-01", "1900-12-31", "year"},
    {"2100", "2100-01-01", "2100-12-31", "year"},
    // Juche years (Juche 1 = 1912)
    {"Juche 98", "2009-01-01", "2009-12-31", "year"},
    {"juche98", "2009-01-01", "2009-12-31", "year"},
    {"주체 98", "2009-01-01", "2009-12-31", "year"},
    {"주체98년", "2009-01-01", "2009-12-31", "year"},
    {"Juche 1", "1912-01-01", "1912-12-31", "year"},
    {"Juche 51", "1962-01-01", "1962-12-31", "year"},
    {"Juche 96 (2007)", "2007-01-01", "2007-12-31", "year"},
    {"2007 (Juche 96)", "2007-01-01", "2007-12-31", "year"},
    {"주체98년 3월", "2009-03-01", "2009-03-31", "month"},
    {"March Juche 98", "2009-03-01", "2009-03-31", "month"},
    // ranges
    {"2009/2010", "2009-01-01", "2010-12-31", "years"},
    {"2009-2011", "2009-01-01", "2011-12-31", "years"},
    {"2009 - 2011", "2009-01-01", "2011-12-31", "years"},
    {"2009–2011", "2009-01-01", "2011-12-31", "years"},
    {"1995-98", "1995-01-01", "1998-12-31", "years"},
    {"1960-1965", "1960-01-01", "1965-12-31", "years"},
    {"between 2005 and 2007", "2005-01-01", "2007-12-31", "years"},
    {"from 2005 to 2007", "2005-01-01", "2007-12-31", "years"},
    {"2005 to 2007", "2005-01-01", "2007-12-31", "years"},
    {"2005~2007", "2005-01-01", "2007-12-31", "years"},
    {"2005년~2007년", "2005-01-01", "2007-12-31", "years"},
    {"2005년부터 2007년까지", "2005-01-01", "2007-12-31", "years"},
    {"2005년과 2007년 사이", "2005-01-01", "2007-12-31", "years"},
    {"March-May 2009", "2009-03-01", "2009-05-31", "month"},
    {"March 2009 - May 2009", "2009-03-01", "2009-05-31", "month"},
    {"2009년 3월~5월", "2009-03-01", "2009-05-31", "month"},
    {"spring-summer 2009", "2009-03-01", "2009-08-31", "season"},
    {"2009-03-14 - 2009-03-20", "2009-03-14", "2009-03-20", "day"},
    {"Dec 2009 - Feb 2010", "2009-12-01", "2010-02-28", "years"},
    {"Juche 97-98", "2008-01-01", "2009-12-31", "years"},
    {"1990s-2000s", "1990-01-01", "2009-12-31", "decade"},
    // decades
    {"1990s", "1990-01-01", "1999-12-31", "decade"},
    {"1990's", "1990-01-01", "1999-12-31", "decade"},
    {"the 1990s", "1990-01-01", "1999-12-31", "decade"},
    {"the 90s", "1990-01-01", "1999-12-31", "decade"},
    {"'90s", "1990-01-01", "1999-12-31", "decade"},
    {"the 00s", "2000-01-01", "2009-12-31", "decade"},
    {"1960s", "1960-01-01", "1969-12-31", "decade"},
    {"1990년대", "1990-01-01", "1999-12-31", "decade"},
    {"90년대", "1990-01-01", "1999-12-31", "decade"},
    {"early 1990s", "1990-01-01", "1993-12-31", "years"},
    {"mid-1990s", "1993-01-01", "1996-12-31", "years"},
    {"mid 90s", "1993-01-01", "1996-12-31", "years"},
    {"late 1990s", "1996-01-01", "1999-12-31", "years"},
    {"1990년대 초", "1990-01-01", "1993-12-31", "years"},
    {"1990년대 초반", "1990-01-01", "1993-12-31", "years"},
    {"1990년대 중반", "1993-01-01", "1996-12-31", "years"},
    {"1990년대 말", "1996-01-01", "1999-12-31", "years"},
    {"90년대 후반", "1996-01-01", "1999-12-31", "years"},
    // approximations: a year widens by one year each side
    {"c. 2005", "2004-01-01", "2006-12-31", "years"},
    {"c.1962", "1961-01-01", "1963-12-31", "years"},
    {"ca 2005", "2004-01-01", "2006-12-31", "years"},
    {"ca. 2005", "2004-01-01", "2006-12-31", "years"},
    {"circa 2005", "2004-01-01", "2006-12-31", "years"},
    {"about 2005", "2004-01-01", "2006-12-31", "years"},
    {"around 2005", "2004-01-01", "2006-12-31", "years"},
    {"approx. 2005", "2004-01-01", "2006-12-31", "years"},
    {"~2005", "2004-01-01", "2006-12-31", "years"},
    {"2005?", "2004-01-01", "2006-12-31", "years"},
    {"2005 (approx.)", "2004-01-01", "2006-12-31", "years"},
    {"2005년경", "2004-01-01", "2006-12-31", "years"},
    {"2005년쯤", "2004-01-01", "2006-12-31", "years"},
    {"약 2005년", "2004-01-01", "2006-12-31", "years"},
    {"c. Juche 51", "1961-01-01", "1963-12-31", "years"},
    {"about March 2009", "2009-02-01", "2009-04-30", "month"},
    {"2009년 3월경", "2009-02-01", "2009-04-30", "month"},
    {"about 14 March 2009", "2009-03-11", "2009-03-17", "day"},
    {"c. 1990s", "1989-01-01", "2000-12-31", "decade"},
    {"c. 1960-1965", "1959-01-01", "1966-12-31", "years"},
    // open ends, bounded by the parser's years
    {"before 2005", "1900-01-01", "2004-12-31", "years"},
    {"after 2005", "2006-01-01", "2100-12-31", "years"},
    {"since 2005", "2005-01-01", "2100-12-31", "years"},
    {"until 2005", "1900-01-01", "2005-12-31", "years"},
    {"before March 2009", "1900-01-01", "2009-02-28", "years"},
    {"2005년 이전", "1900-01-01", "2004-12-31", "years"},
    {"2005년 이후", "2006-01-01", "2100-12-31", "years"},
    {"2005년부터", "2005-01-01", "2100-12-31", "years"},
    {"2007년까지", "1900-01-01", "2007-12-31", "years"},
    {"from 2005", "2005-01-01", "2100-12-31", "years"},
};
// clang-format on

class FuzzyDateCases : public ::testing::TestWithParam<Case> {};

TEST_P(FuzzyDateCases, ParsesToTheExactInterval) {
  const Case& c = GetParam();
  FuzzyDate d;
  ASSERT_NO_THROW(d = parse_fuzzy_date(c.text)) << c.text;
  EXPECT_EQ(to_iso(d.earliest), c.earliest) << c.text;
  EXPECT_EQ(to_iso(d.latest), c.latest) << c.text;
  EXPECT_EQ(to_string(d.precision), c.precision) << c.text;
  ASSERT_TRUE(try_parse_fuzzy_date(c.text).has_value());
  EXPECT_EQ(*try_parse_fuzzy_date(c.text), d);
}

INSTANTIATE_TEST_SUITE_P(Table, FuzzyDateCases, ::testing::ValuesIn(kCases));

TEST(FuzzyDateCases, TableIsLargeEnough) { EXPECT_GE(std::size(kCases), 100u); }

// The error message for TEXT, or "" when it parses.
std::string error_for(std::string_view text) {
  try {
    parse_fuzzy_date(text);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kInvalidInput);
    EXPECT_FALSE(try_parse_fuzzy_date(text).has_value());
    return e.what();
  }
  return "";
}

TEST(FuzzyDateErrors, RejectsWhatIsNotADate) {
  for (const char* text :
       {"yesterday",   "asdf",      "Paris",         "March",           "spring",
        "14",          "2009 2010", "2009-03-14-15", "between 2005",    "1995s",
        "2009년 13월", "봄",        "13 13 2009",    "2009 March 2010", "early",
        "Juche",       "s",         "199",           "-2005",           "2009년 3월 14일 15일",
        "03/14",       "3월 14일",  "2009.03.14.15", "2009 and",        "주체 오십",
        "1234567"}) {
    EXPECT_NE(error_for(text), "") << text;
  }
}

TEST(FuzzyDateErrors, SaysWhyWithoutQuotingTheText) {
  EXPECT_EQ(error_for(""), "empty date");
  EXPECT_EQ(error_for("   "), "empty date");
  EXPECT_EQ(error_for("2009-13-45"), "date has a month outside 1..12");
  EXPECT_EQ(error_for("2009-02-30"), "date has a day that its month does not have");
  EXPECT_EQ(error_for("2009-02-29"), "date has a day that its month does not have");
  EXPECT_EQ(error_for("Juche 0"), "there is no Juche year 0 (Juche 1 is 1912)");
  EXPECT_EQ(error_for("주체 0년"), "there is no Juche year 0 (Juche 1 is 1912)");
  EXPECT_EQ(error_for("Juche 98 (2010)"), "date's Juche year and Gregorian year disagree");
  EXPECT_EQ(error_for("1850"), "date has a year outside 1900..2100");
  EXPECT_EQ(error_for("2101-01-01"), "date has a year outside 1900..2100");
  EXPECT_EQ(error_for("Juche 190"), "date has a year outside 1900..2100");
  EXPECT_EQ(error_for("2011-2009"), "date range ends before it starts");
  EXPECT_EQ(error_for("before 1900"), "open-ended date lies outside 1900..2100");
  EXPECT_EQ(error_for("after 2100"), "open-ended date lies outside 1900..2100");
  EXPECT_EQ(error_for("yesterday").rfind("not a recognized date", 0), 0u);
  EXPECT_EQ(error_for("2009\xff"), "date is not valid UTF-8");
  EXPECT_EQ(error_for("\xc0\xaf"
                      "2009"),
            "date is not valid UTF-8");                                 // overlong '/'
  EXPECT_EQ(error_for("2009\xed\xa0\x80"), "date is not valid UTF-8");  // a surrogate
  EXPECT_EQ(error_for("2009\xe3\x80"), "date is not valid UTF-8");      // truncated
}

TEST(FuzzyDateErrors, RefusesHugeAndStrangeInputQuickly) {
  EXPECT_EQ(error_for(std::string(10 * 1024, '2')), "date is too long (over 200 bytes)");
  EXPECT_EQ(error_for(std::string(10 * 1024, ' ')), "date is too long (over 200 bytes)");
  EXPECT_NE(error_for("2009 \xF0\x9F\x98\x80"), "");  // emoji
  EXPECT_NE(error_for("\xF0\x9F\x98\x80"), "");
  EXPECT_NE(error_for(std::string("2009\0", 5)), "");  // an embedded NUL
  std::string many_tokens;
  for (int i = 0; i < 60; ++i) many_tokens += "- ";
  EXPECT_NE(error_for(many_tokens), "");
}

TEST(FuzzyDateErrors, BirthYearForms) {
  // The forms spec/lists.md gives for birth_year.
  EXPECT_EQ(parse_fuzzy_date("1962").precision, DatePrecision::kYear);
  EXPECT_EQ(parse_fuzzy_date("c.1962").earliest, (CivilDate{1961, 1, 1}));
  EXPECT_EQ(parse_fuzzy_date("1960-1965").latest, (CivilDate{1965, 12, 31}));
  EXPECT_EQ(parse_fuzzy_date("1960s").precision, DatePrecision::kDecade);
  EXPECT_EQ(parse_fuzzy_date("Juche 51"), parse_fuzzy_date("1962"));
}

TEST(FuzzyDateSpellings, SameEventSameInterval) {
  // The arrest of the assignment: three spellings, one month in common.
  const FuzzyDate spring = parse_fuzzy_date("spring 2009");
  const FuzzyDate march = parse_fuzzy_date("2009년 3월");
  const FuzzyDate juche = parse_fuzzy_date("Juche 98");
  EXPECT_TRUE(overlaps(spring, march));
  EXPECT_TRUE(overlaps(march, juche));
  EXPECT_TRUE(overlaps(spring, juche));
  EXPECT_FALSE(overlaps(spring, parse_fuzzy_date("summer 2009")));
}

}  // namespace
}  // namespace uncounted::dates
