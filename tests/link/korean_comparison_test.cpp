// The Korean, place and date levels of the default model, on prepared
// columns. Risks: a romanization of the same Hangul name that falls to
// "else" (or into another block), a common family name weighing as much as
// a rare one, a camp not found within its county, and fuzzy dates ("spring
// 2009", "Juche 51") that are read as unreadable.

#include <gtest/gtest.h>

#include "link/blocking_rule.h"
#include "link/predict.h"
#include "link/prepared_column.h"
#include "link/settings.h"

namespace uncounted::link {
namespace {

Column column_of(std::initializer_list<const char*> values) {
  Column c("x");
  for (const char* v : values) c.push_back(v);
  return c;
}

const Comparison& default_comparison(const Settings& s, const std::string& name) {
  for (const Comparison& c : s.comparisons) {
    if (c.name == name) return c;
  }
  throw std::runtime_error("no comparison " + name);
}

TEST(KoreanComparison, RomanizationsOfOneNameAgreeAboveElse) {
  const PreparedColumn col(
      column_of({"리철호", "Ri Chol Ho", "Lee Cheol-ho", "Chul Ho Lee", "김영수", ""}),
      ColumnKind::kName);
  const Settings s = default_settings();
  const Comparison& name = default_comparison(s, "name");
  const int else_level = name.else_level();
  for (std::uint32_t j = 1; j <= 3; ++j) {
    const int g = name.gamma(col, 0, j);
    EXPECT_GT(g, 0) << j;
    EXPECT_LT(g, else_level) << j << " " << name.level_label(g);
  }
  EXPECT_EQ(name.gamma(col, 0, 0), 1);           // same Hangul: the top level
  EXPECT_EQ(name.gamma(col, 0, 4), else_level);  // another person's name
  EXPECT_EQ(name.gamma(col, 0, 5), 0);           // null
}

TEST(KoreanComparison, BlockingKeySurvivesRomanization) {
  const PreparedColumn col(column_of({"리철호", "Ri Chol Ho", "Lee Cheol-ho", "김영수"}),
                           ColumnKind::kName);
  const std::uint64_t k0 = col.korean_key_hash(KeyTransform::kKoreanKey, col.id(0));
  EXPECT_NE(k0, 0u);
  EXPECT_EQ(col.korean_key_hash(KeyTransform::kKoreanKey, col.id(1)), k0);
  EXPECT_EQ(col.korean_key_hash(KeyTransform::kKoreanKey, col.id(2)), k0);
  EXPECT_NE(col.korean_key_hash(KeyTransform::kKoreanKey, col.id(3)), k0);
  EXPECT_EQ(col.korean_key_hash(KeyTransform::kSurnameKey, col.id(0)),
            col.korean_key_hash(KeyTransform::kSurnameKey, col.id(2)));
}

TEST(KoreanComparison, RareFamilyNameWeighsMoreThanKim) {
  Settings s = default_settings();
  const char* names[] = {"김철호", "김철호", "남궁철호", "남궁철호"};
  std::vector<PreparedColumn> columns;
  for (Comparison& c : s.comparisons) {
    c.m.assign(c.level_count(), 1.0 / c.level_count());
    c.u.assign(c.level_count(), 1.0 / c.level_count());
    Column raw(c.column);
    for (int i = 0; i < 4; ++i) raw.push_back(c.column == "name" ? names[i] : "");
    columns.emplace_back(raw, c.kind);
  }
  s.trained = true;
  const MatchWeights weights(s, columns);
  const double kim = weights.tf_adjustment(0, 1, 0);
  const double namgung = weights.tf_adjustment(0, 1, 2);
  EXPECT_LT(kim, 0);
  EXPECT_GT(namgung, 0);
  EXPECT_GT(namgung - kim, 5);  // Kim is a fifth of Koreans, Namgung far under 1%
}

TEST(PlaceComparison, CampIsWithinItsCountyButNotTheSamePlace) {
  PreparedColumn col(column_of({"Yodok", "요덕 15호 관리소", "Camp 15", "Chongjin", "Atlantis"}),
                     ColumnKind::kPlace);
  const Settings s = default_settings();
  const Comparison& place = default_comparison(s, "event_place");
  // Records of different kinds of event (no condition read: none is the
  // same): levels 4, 5 and "else" (6).
  EXPECT_EQ(place.gamma(col, 1, 2), 4);  // the same camp, two spellings
  EXPECT_EQ(place.gamma(col, 0, 1), 5);  // the camp lies in Yodok county
  EXPECT_EQ(place.gamma(col, 1, 3), 6);  // elsewhere
  EXPECT_EQ(place.gamma(col, 4, 4), 4);  // unknown text still equals itself
  EXPECT_EQ(place.gamma(col, 3, 4), 6);
  // Records of the same kind of event: levels 1, 2 and "any" (3).
  col.set_condition({1, 1, 1, 1, 1});
  EXPECT_EQ(place.gamma(col, 1, 2), 1);
  EXPECT_EQ(place.gamma(col, 0, 1), 2);
  EXPECT_EQ(place.gamma(col, 1, 3), 3);
  EXPECT_EQ(place.gamma(col, 4, 4), 1);
  // A blank kind of event is never the same as another.
  col.set_condition({1, 0, 1, 1, 0});
  EXPECT_EQ(place.gamma(col, 1, 2), 4);
  EXPECT_EQ(place.gamma(col, 4, 4), 4);
}

TEST(DateComparison, FuzzyDatesAndYearsAreIntervals) {
  const Settings s = default_settings();
  PreparedColumn dates(column_of({"spring 2009", "2009-04-02", "2010-03-01", "2013", "2030x"}),
                       ColumnKind::kDate);
  const Comparison& date = default_comparison(s, "event_date");
  EXPECT_EQ(dates.unparsed(), 1u);
  // Two kinds of event whose order is not known: levels 5 (overlap), 8
  // and 9 (within a year, five years) and "else" (10).
  EXPECT_EQ(date.gamma(dates, 0, 1), 5);   // overlap
  EXPECT_EQ(date.gamma(dates, 0, 2), 8);   // within a year
  EXPECT_EQ(date.gamma(dates, 0, 3), 9);   // within five years
  EXPECT_EQ(date.gamma(dates, 0, 4), 10);  // unreadable: else
  // One kind of event: levels 1, 2, 3 and "any" (4).
  dates.set_condition({2, 2, 2, 2, 2});
  EXPECT_EQ(date.gamma(dates, 0, 1), 1);
  EXPECT_EQ(date.gamma(dates, 0, 2), 2);
  EXPECT_EQ(date.gamma(dates, 0, 3), 3);
  EXPECT_EQ(date.gamma(dates, 0, 4), 4);

  // Two stages of one path (an arrest, then a camp): in their order,
  // levels 6 and 7; out of it, 8 and 9.
  dates.set_condition({1, 2, 2, 2, 2});
  dates.set_stages({2, 4, 4, 4, 4});      // record 0 an arrest, the rest detentions
  EXPECT_EQ(date.gamma(dates, 0, 1), 5);  // overlap comes first, whatever the order
  EXPECT_EQ(date.gamma(dates, 0, 2), 6);  // the camp within a year after the arrest
  EXPECT_EQ(date.gamma(dates, 0, 3), 7);  // within five years after
  EXPECT_EQ(date.gamma(dates, 0, 4), 10);
  dates.set_stages({4, 2, 2, 2, 2});      // record 0 the camp, the rest arrests
  EXPECT_EQ(date.gamma(dates, 0, 2), 8);  // an arrest a year after the camp
  EXPECT_EQ(date.gamma(dates, 3, 0), 9);  // an arrest in 2013 after a camp in 2009
  dates.set_stages({4, 4, 0, 0, 0});      // stages unknown (disappearance, ...)
  EXPECT_EQ(date.gamma(dates, 0, 2), 8);
  EXPECT_EQ(date.gamma(dates, 0, 3), 9);

  const PreparedColumn years(column_of({"1962", "c.1963", "Juche 51", "1960s", "1968"}),
                             ColumnKind::kYear);
  const Comparison& year = default_comparison(s, "birth_year");
  EXPECT_EQ(years.unparsed(), 0u);
  EXPECT_EQ(year.gamma(years, 0, 1), 1);  // c.1963 allows 1962
  EXPECT_EQ(year.gamma(years, 0, 2), 1);  // Juche 51 = 1962
  EXPECT_EQ(year.gamma(years, 0, 3), 1);  // within the decade
  EXPECT_EQ(year.gamma(years, 0, 4), 5);  // six years apart: else
}

}  // namespace
}  // namespace uncounted::link
