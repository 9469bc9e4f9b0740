// The origin comparison of the default model reads, where a record has no
// origin, the place of an act or an arrest: one person's arrest in one list
// and their camp in another (with the origin) then agree on it. Other
// events never lend their place, a stated origin is never replaced, two
// borrowed places are not compared twice, and the settings say so in JSON
// and refuse a malformed fallback.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "link/candidate_pairs.h"
#include "link/comparison.h"
#include "link/settings.h"
#include "link/table.h"
#include "model/error.h"

namespace uncounted::link {
namespace {

Record record(const std::string& id, std::optional<std::string> origin, const std::string& event,
              const std::string& place) {
  Record r;
  r.source = "A";
  r.record_id = id;
  r.name = "김영철";
  r.origin = std::move(origin);
  r.event = event;
  r.event_place = place;
  return r;
}

int origin_level(const Settings& s, const std::vector<PreparedColumn>& columns, std::uint32_t i,
                 std::uint32_t j) {
  return s.comparisons[3].gamma(columns[3], i, j);
}

TEST(ColumnFallback, AnArrestLendsItsPlaceToARecordWithoutOrigin) {
  const Settings s = default_settings();
  ASSERT_EQ(s.comparisons[3].name, "origin");
  const Table table = table_from_records({
      record("0", "회령시", "detention_kwanliso", "Kwalliso 16"),  // stated origin
      record("1", std::nullopt, "arrest", "Hoeryong"),             // arrested at home
      record("2", std::nullopt, "detention_kwanliso", "회령시"),   // a camp event
      record("3", "청진시", "arrest", "Hoeryong"),                 // stated origin wins
      record("4", std::nullopt, "  Arrest ", "회령시"),            // as a CSV may write it
  });
  const std::vector<PreparedColumn> columns = prepare_columns(table, s);
  constexpr int kExact = 1;
  EXPECT_EQ(origin_level(s, columns, 0, 1), kExact);
  EXPECT_EQ(origin_level(s, columns, 0, 2), 0) << "a detention's place is not an origin";
  EXPECT_NE(origin_level(s, columns, 0, 3), kExact) << "a stated origin is never replaced";
  EXPECT_NE(origin_level(s, columns, 0, 3), 0);
  EXPECT_EQ(origin_level(s, columns, 0, 4), kExact) << "the event is read as written";
  // Two places that both came from the event are the event place's own
  // comparison: the origin does not count them again.
  EXPECT_EQ(origin_level(s, columns, 1, 4), 0);
}

TEST(ColumnFallback, RoundTripsThroughJsonAndRefusesAMalformedOne) {
  const Settings s = default_settings();
  const Settings back = settings_from_json(to_json(s));
  EXPECT_EQ(back.comparisons[3].fallback.column, "event_place");
  EXPECT_EQ(back.comparisons[3].fallback.when_column, "event");
  EXPECT_EQ(back.comparisons[3].fallback.when_values, s.comparisons[3].fallback.when_values);
  const auto columns = s.columns();
  EXPECT_NE(std::find(columns.begin(), columns.end(), "event"), columns.end());

  nlohmann::json j = to_json(s);
  j["comparisons"][3]["fallback"]["when_values"] = nlohmann::json::array();
  EXPECT_THROW(settings_from_json(j), Error);
  j["comparisons"][3]["fallback"] = {{"when_column", "event"}, {"when_values", {"arrest"}}};
  EXPECT_THROW(settings_from_json(j), Error);
  j["comparisons"][3]["fallback"] = "event_place";
  EXPECT_THROW(settings_from_json(j), Error);
  j["comparisons"][3]["fallback"] = {
      {"column", "event_place"}, {"when_column", "event"}, {"when_values", {1}}};
  EXPECT_THROW(settings_from_json(j), Error);
  j["comparisons"][3]["fallback"] = {
      {"column", 5}, {"when_column", "event"}, {"when_values", {"arrest"}}};
  EXPECT_THROW(settings_from_json(j), Error);
}

}  // namespace
}  // namespace uncounted::link
