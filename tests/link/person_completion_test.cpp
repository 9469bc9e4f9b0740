// Risk: a record's blank filled from its person's other records when they
// do not agree on it, or from a guess (an arrest's place read as the
// origin), or a filled value compared against the records it came from
// (the same evidence counted twice); and the rules that read a completed
// column pairing records of one person again.

#include "link/person_completion.h"

#include <gtest/gtest.h>

#include "link/candidate_pairs.h"
#include "link/settings.h"
#include "link/table.h"

namespace uncounted::link {
namespace {

Record record(const std::string& id, Sex sex, const std::string& birth_year,
              const std::string& origin) {
  Record r;
  r.source = "A";
  r.record_id = id;
  r.name = "김영철";
  r.sex = sex;
  r.birth_year = birth_year;
  r.origin = origin;
  r.event = "detention_kwanliso";
  r.event_date = "2009";
  r.event_place = "요덕";
  return r;
}

std::string text(const Table& table, const char* column, std::size_t row) {
  return std::string((*table.column(column))[row]);
}

TEST(PersonCompletion, FillsBlanksWhereThePersonsRecordsAgree) {
  const Settings s = default_settings();
  std::vector<Record> records = {
      record("0", Sex::kMale, "1962", "회령"),  // person 0
      record("1", Sex::kUnknown, "1962", ""),
      record("2", Sex::kMale, "", "Hoeryong"),  // the same origin, spelled otherwise
      record("3", Sex::kFemale, "1962", ""),    // person 1: birth years disagree
      record("4", Sex::kFemale, "1975", "함흥"),
      record("5", Sex::kUnknown, "", ""),   // person 1: a blank birth year stays blank
      record("6", Sex::kUnknown, "", ""),   // person 2: alone
      record("7", Sex::kMale, "1950", ""),  // person 3: its origin only a guess
      record("8", Sex::kUnknown, "", ""),
  };
  records[7].event = "arrest";
  records[7].event_place = "청진";
  const Table table = table_from_records(records);
  const std::vector<PreparedColumn> columns = prepare_columns(table, s);
  const std::vector<std::uint32_t> entity = {0, 0, 0, 1, 1, 1, 2, 3, 3};
  const PersonCompletion c = complete_from_persons(table, s, columns, entity, 4);

  // sex, birth year and origin; never the name or the event's date and place.
  ASSERT_EQ(c.comparisons.size(), 3u);
  EXPECT_EQ(s.comparisons[c.comparisons[0]].name, "sex");
  EXPECT_EQ(s.comparisons[c.comparisons[1]].name, "birth_year");
  EXPECT_EQ(s.comparisons[c.comparisons[2]].name, "origin");

  EXPECT_EQ(text(c.table, "sex", 1), "M");
  EXPECT_EQ(text(c.table, "origin", 1), "회령");
  EXPECT_EQ(text(c.table, "birth_year", 2), "1962");
  EXPECT_EQ(text(c.table, "origin", 2), "Hoeryong") << "a written value is never replaced";
  // Person 1: the birth years disagree, so none is filled; the sexes agree.
  EXPECT_EQ(text(c.table, "birth_year", 5), "");
  EXPECT_EQ(text(c.table, "sex", 5), "F");
  EXPECT_EQ(text(c.table, "origin", 3), "함흥");
  EXPECT_EQ(text(c.table, "origin", 5), "함흥");
  // Alone: nothing to take.
  EXPECT_EQ(text(c.table, "sex", 6), "");
  EXPECT_EQ(c.completed[6], 0);
  // Person 3: record 7's origin is the arrest's place (a fallback), which
  // fills nothing; record 8 takes the sex and birth year.
  EXPECT_EQ(text(c.table, "origin", 8), "");
  EXPECT_EQ(text(c.table, "birth_year", 8), "1950");
  EXPECT_EQ(c.completed[0], 0) << "record 0 left nothing blank";
  EXPECT_EQ(c.completed[1], 1 | 4) << "sex and origin";
  EXPECT_EQ(c.completed[8], 1 | 2) << "sex and birth year";
  // 1: sex, origin; 2: birth year; 3: origin; 5: sex, origin; 8: sex,
  // birth year.
  EXPECT_EQ(c.values_filled, 8u);
  EXPECT_EQ(c.records_completed, 5u);

  // The filled values read as the written ones do.
  const std::vector<PreparedColumn> filled = prepare_columns(c.table, s);
  EXPECT_EQ(s.comparisons[2].gamma(filled[2], 0, 2), 1) << "birth year: the same year";
  EXPECT_EQ(s.comparisons[3].gamma(filled[3], 1, 2), 1) << "origin: the same place";
}

TEST(PersonCompletion, ComparesAgainOnlyAcrossPersonsOnAValueTheRuleReads) {
  // Record 0's birth year (bit 2) was filled; rule 0 reads the birth year,
  // rule 1 the origin (bit 4).
  const std::vector<std::uint8_t> completed = {2, 0, 0, 0};
  const std::vector<std::uint32_t> entity = {0, 0, 1, 2};
  const PairFilter filter{&completed, &entity, {2, 4}};
  EXPECT_FALSE(filter.keeps(0, 0, 1)) << "one person's records";
  EXPECT_TRUE(filter.keeps(0, 0, 2));
  EXPECT_TRUE(filter.keeps(0, 2, 0));
  EXPECT_FALSE(filter.keeps(0, 2, 3)) << "neither record completed";
  EXPECT_FALSE(filter.keeps(1, 0, 2)) << "the rule's keys are as they were: compared before";
}

}  // namespace
}  // namespace uncounted::link
