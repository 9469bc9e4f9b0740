// Risk: the default model reading two of one person's events (an arrest in
// one list, the camp after it in another) no better than two people's. A
// person's events come in the order of the path of punishment (an act,
// arrest, interrogation, detention, death: EventType::path_stage), so the
// event date's "in_order" levels must hold for an arrest dated before a
// camp and not for one dated after it, whatever the lists' spelling of the
// event code, and never for kinds with no place on the path.

#include <gtest/gtest.h>

#include "link/candidate_pairs.h"
#include "link/comparison.h"
#include "link/settings.h"
#include "link/table.h"
#include "model/event_type.h"

namespace uncounted::link {
namespace {

Record record(const std::string& id, const std::string& event, const std::string& date) {
  Record r;
  r.source = "A";
  r.record_id = id;
  r.name = "김영철";
  r.event = event;
  r.event_date = date;
  return r;
}

TEST(EventOrder, StagesFollowThePathOfPunishment) {
  auto stage = [](const char* code) { return find_event_type(code)->path_stage; };
  EXPECT_LT(stage("foreign_media"), stage("arrest"));
  EXPECT_LT(stage("forced_repatriation"), stage("interrogation"));
  EXPECT_LT(stage("arrest"), stage("interrogation"));
  EXPECT_LT(stage("interrogation"), stage("detention_kwanliso"));
  EXPECT_EQ(stage("detention_kwanliso"), stage("detention_kyohwaso"));  // transfers: no order
  EXPECT_LT(stage("detention_other"), stage("death_in_custody"));
  EXPECT_EQ(stage("execution"), stage("death_in_custody"));
  EXPECT_EQ(stage("disappearance"), 0);
  EXPECT_EQ(stage("escape"), 0);
  EXPECT_EQ(stage("other"), 0);
}

TEST(EventOrder, AnArrestBeforeTheCampIsInOrderAndOneAfterItIsNot) {
  const Settings s = default_settings();
  ASSERT_EQ(s.comparisons[4].name, "event_date");
  const Comparison& date = s.comparisons[4];
  const Table table = table_from_records({
      record("0", "  Arrest ", "2009-03-14"),            // as a CSV may write it
      record("1", "detention_kwanliso", "2009-09"),      // the camp months later
      record("2", "detention_kwanliso", "2008-06"),      // a camp before the arrest
      record("3", "detention_kyohwaso", "2012"),         // three years later
      record("4", "disappearance", "2009-09"),           // no place on the path
      record("5", "death_in_custody", "2009-10-01"),     // after the camp
      record("6", "detention_kwanliso", "spring 2009"),  // overlaps the arrest
  });
  const std::vector<PreparedColumn> columns = prepare_columns(table, s);
  const PreparedColumn& c = columns[4];
  EXPECT_EQ(c.stage(0), 2);
  EXPECT_EQ(c.stage(1), 4);
  EXPECT_EQ(c.stage(4), 0);
  // Levels of two kinds of event: 5 overlap, 6 in order within a year, 7 in
  // order within five years, 8 and 9 within a year and five years
  // otherwise, 10 else.
  EXPECT_EQ(date.gamma(c, 0, 1), 6);
  EXPECT_EQ(date.gamma(c, 1, 0), 6) << "the order of the two records does not matter";
  EXPECT_EQ(date.gamma(c, 0, 2), 8) << "a camp nine months before the arrest";
  EXPECT_EQ(date.gamma(c, 0, 3), 7);
  EXPECT_EQ(date.gamma(c, 0, 4), 8) << "a disappearance has no order";
  EXPECT_EQ(date.gamma(c, 1, 5), 6) << "death after the camp";
  EXPECT_EQ(date.gamma(c, 2, 5), 7);
  EXPECT_EQ(date.gamma(c, 0, 6), 5) << "overlapping dates: overlap, whatever the order";
  // Two detentions (a transfer) are of one stage: no order either way.
  EXPECT_EQ(date.gamma(c, 2, 3), 9);
}

}  // namespace
}  // namespace uncounted::link
