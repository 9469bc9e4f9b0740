// The simulator: reproducible, consistent truth, capture probabilities that
// mean what the scenario says, names and dates that the rest of uncounted
// can read back, and clear errors for impossible scenarios.

#include "simulate/simulation.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "dates/fuzzy_date_parser.h"
#include "korean/name_comparison.h"
#include "model/error.h"
#include "model/event_type.h"
#include "places/gazetteer.h"
#include "simulate/name_writer.h"
#include "simulate/record_writer.h"

namespace uncounted::simulate {
namespace {

using nlohmann::json;

const bool kSanitized = std::getenv("UNCOUNTED_SANITIZED") != nullptr;

Scenario small_default(int people) {
  Scenario s = default_scenario();
  s.population.size = people;
  return s;
}

TEST(Simulation, SameSeedSameListsOtherSeedOtherLists) {
  const Scenario s = small_default(300);
  const Simulation a = run_simulation(s, 7), b = run_simulation(s, 7), c = run_simulation(s, 8);
  ASSERT_EQ(a.lists.size(), 4u);
  bool all_same = true, differs = false;
  for (std::size_t o = 0; o < a.lists.size(); ++o) {
    ASSERT_EQ(a.lists[o].size(), b.lists[o].size());
    for (std::size_t k = 0; k < a.lists[o].size(); ++k)
      all_same = all_same && record_csv_row(a.lists[o][k]) == record_csv_row(b.lists[o][k]);
    differs = differs || a.lists[o].size() != c.lists[o].size() ||
              record_csv_row(a.lists[o][0]) != record_csv_row(c.lists[o][0]);
  }
  EXPECT_TRUE(all_same);
  EXPECT_TRUE(differs);
}

TEST(Simulation, RecordsAreValidInterchangeRows) {
  const Simulation sim = run_simulation(small_default(kSanitized ? 200 : 1000), 3);
  std::set<std::pair<std::string, std::string>> ids;
  std::size_t with_place = 0, resolved_right = 0;
  std::map<std::string, const TruePerson*> people;
  for (const TruePerson& p : sim.people) people[p.id] = &p;
  for (const auto& list : sim.lists) {
    EXPECT_GT(list.size(), 50u);
    for (const Record& r : list) {
      EXPECT_TRUE(ids.insert({r.source, r.record_id}).second) << "duplicate record id";
      EXPECT_NE(find_event_type(r.event), nullptr) << r.event;
      ASSERT_TRUE(r.true_id.has_value());
      const TruePerson& p = *people.at(*r.true_id);
      if (r.event_date) {
        // Every written date parses (date_error aside, it holds the truth).
        EXPECT_NO_THROW(dates::parse_fuzzy_date(*r.event_date)) << *r.event_date;
      }
      if (r.event_place) {
        ++with_place;
        const auto match = places::gazetteer().lookup(*r.event_place);
        for (const TrueEvent& e : p.events)
          if (e.code == r.event && match.place && match.place->id == e.place_id) {
            ++resolved_right;
            break;
          }
      }
    }
  }
  // Places are written in spellings the gazetteer reads back; only typos
  // (1-2%) may defeat it.
  EXPECT_GT(static_cast<double>(resolved_right), 0.97 * static_cast<double>(with_place));
}

TEST(Simulation, TruthCountsAddUp) {
  const Simulation sim = run_simulation(small_default(800), 11);
  ASSERT_FALSE(sim.strata.empty());
  std::int64_t people_in_kwanliso = 0;
  for (const TruePerson& p : sim.people) {
    bool in = false;
    for (const TrueEvent& e : p.events) in = in || e.code == "detention_kwanliso";
    people_in_kwanliso += in;
  }
  std::int64_t sum_totals = 0;
  for (const TrueStratum& t : sim.strata) {
    ASSERT_EQ(t.key.size(), 1u);
    EXPECT_EQ(t.key[0].first, "event_place");
    EXPECT_EQ(t.key[0].second.rfind("kwanliso-", 0), 0u);
    std::int64_t sum = 0;
    for (auto c : t.counts) sum += c;
    EXPECT_EQ(sum, t.total);
    EXPECT_EQ(t.total - t.counts[0], t.documented);
    EXPECT_GT(t.documented, 0);
    EXPECT_LT(t.documented, t.total);
    sum_totals += t.total;
  }
  // Transfers between camps put some people in two strata.
  EXPECT_GE(sum_totals, people_in_kwanliso);
  EXPECT_LT(sum_totals, people_in_kwanliso * 13 / 10);
  // The documented people of a stratum are the people with a record of a
  // kwanliso detention at that camp on some list.
  const json truth = truth_to_json(sim);
  EXPECT_EQ(truth["strata"].size(), sim.strata.size());
  EXPECT_EQ(truth["people"], 800);
}

// With no heterogeneity the share of documented events is the capture
// probability; with a referral the overlap grows by about the odds ratio.
TEST(CaptureProcess, ProbabilitiesAndReferralsMeanWhatTheySay) {
  Scenario s = small_default(kSanitized ? 1500 : 5000);
  s.heterogeneity = 0;
  s.organizations.resize(2);
  s.organizations[0].capture = 0.3;
  s.organizations[0].place_odds.clear();
  s.organizations[0].event_odds.clear();
  s.organizations[0].first_year = 0;
  s.organizations[1] = s.organizations[0];
  s.organizations[1].code = "B";
  s.organizations[1].referrals.clear();
  auto overlap_odds = [](const Simulation& sim) {
    double both = 0, only_a = 0, only_b = 0, none = 0, events = 0, seen_a = 0;
    for (std::size_t i = 0; i < sim.people.size(); ++i) {
      const bool a = !sim.documented[0][i].empty(), b = !sim.documented[1][i].empty();
      both += a && b;
      only_a += a && !b;
      only_b += b && !a;
      none += !a && !b;
      events += static_cast<double>(sim.people[i].events.size());
      seen_a += static_cast<double>(sim.documented[0][i].size());
    }
    return std::pair{both * none / (only_a * only_b), seen_a / events};
  };
  const auto [independent, share] = overlap_odds(run_simulation(s, 5));
  EXPECT_NEAR(share, 0.3, 0.02);
  EXPECT_NEAR(independent, 1.0, 0.3);
  s.organizations[1].referrals = {{s.organizations[0].code, 4.0}};
  const auto [dependent, unused] = overlap_odds(run_simulation(s, 5));
  EXPECT_GT(dependent, 2.0);
}

TEST(NameWriter, EveryStyleReadsBackAsTheSameName) {
  // 리철호 from its syllables.
  korean::HangulName name = korean::split_hangul_name(U"리철호");
  RandomStream random(1);
  for (const char* style : {"hangul", "hangul_south", "dprk", "mr", "rr", "press", "both"}) {
    for (int k = 0; k < 10; ++k) {
      const std::string written = write_name(name, style, random);
      const auto c = korean::compare(korean::prepare(written), korean::prepare("리철호"));
      EXPECT_GT(c.score, 0.8) << style << ": " << written;
    }
  }
  EXPECT_EQ(write_name(name, "hangul", random), "리철호");
  EXPECT_EQ(write_name(name, "hangul_south", random), "이철호");
  const std::string press = write_name(name, "press", random);
  EXPECT_TRUE(press.ends_with(" Lee") || press.ends_with(" I")) << press;
}

TEST(NameWriter, TypoChangesOneThing) {
  RandomStream random(2);
  for (int k = 0; k < 50; ++k) {
    const std::string latin = with_typo("Ri Chol Ho", random);
    EXPECT_NE(latin, "Ri Chol Ho");
    EXPECT_LE(std::abs(static_cast<int>(latin.size()) - 10), 1);
    const std::string hangul = with_typo("리철호", random);
    EXPECT_NE(hangul, "리철호");
    EXPECT_EQ(hangul.substr(0, 3), "리");  // the family name is kept
  }
}

TEST(RecordWriter, DatesParseToIntervalsHoldingTheTrueDay) {
  const CivilDate day{2009, 1, 14};
  for (const char* style : {"day", "month", "season", "year", "approximate", "decade"}) {
    for (bool korean : {false, true}) {
      const std::string text = format_date(day, style, korean);
      const FuzzyDate d = dates::parse_fuzzy_date(text);
      EXPECT_LE(to_days(d.earliest), to_days(day)) << text;
      EXPECT_GE(to_days(d.latest), to_days(day)) << text;
    }
  }
  EXPECT_EQ(format_date(day, "season", false), "winter 2008");
  EXPECT_EQ(format_date(day, "missing", false), "");
}

void expect_invalid(const std::string& document, const std::string& field) {
  try {
    parse_scenario(json::parse(document), "s.json");
    ADD_FAILURE() << "accepted: " << document;
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kInvalidInput);
    EXPECT_NE(e.where().find(field), std::string::npos) << e.one_line();
  }
}

TEST(Scenario, ImpossibleParametersNameTheField) {
  const std::string pop = R"("population": {"size": 100, "facilities": {"kwanliso-15": 1}})";
  const std::string org = R"({"code": "A", "capture": 0.3})";
  EXPECT_NO_THROW(
      parse_scenario(json::parse("{" + pop + R"(, "organizations": [)" + org + "]}"), ""));
  expect_invalid("{" + pop + R"(, "organizations": [{"code": "A", "capture": 1.5}]})",
                 "organizations[0].capture");
  expect_invalid("{" + pop + R"(, "organizations": [{"code": "A", "capture": -0.1}]})",
                 "organizations[0].capture");
  expect_invalid(
      R"({"population": {"size": 0, "facilities": {"kwanliso-15": 1}}, "organizations": [)" + org +
          "]}",
      "population.size");
  expect_invalid("{" + pop + R"(, "organizations": []})", "organizations");
  expect_invalid("{" + pop + "}", "organizations");
  expect_invalid("{" + pop + R"(, "organizations": [{"code": "A", "captur": 0.3}]})",
                 "organizations[0].captur");
  expect_invalid(
      R"({"population": {"size": 10, "facilities": {"county-yodok": 1}}, "organizations": [)" +
          org + "]}",
      "population.facilities.county-yodok");
  expect_invalid("{" + pop + R"(, "organizations": [)" + org +
                     R"(, {"code": "B", "referrals": [{"from": "C"}]}]})",
                 "organizations[1].referrals[0].from");
  expect_invalid("{" + pop + R"(, "organizations": [{"code": "A", "writing": {"name_typo": 2}}]})",
                 "organizations[0].writing.name_typo");
  expect_invalid("{" + pop + R"(, "shared_heterogeneity": 1.2, "organizations": [)" + org + "]}",
                 "shared_heterogeneity");
}

TEST(Scenario, DefaultScenarioIsValid) {
  const Scenario s = default_scenario();
  EXPECT_EQ(s.organizations.size(), 4u);
  EXPECT_GT(s.population.size, 0);
}

}  // namespace
}  // namespace uncounted::simulate
