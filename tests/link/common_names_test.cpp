// Risks when names are common (issue: linkage at the scale of the camps):
// an EM fit captured by people who share a name, taken as a model; a
// common name weighing as much as a rare one; clusters no person can be;
// two records of a deduplicated list in one person.

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "link/cluster.h"
#include "link/predict.h"
#include "link/prepared_column.h"
#include "link/settings.h"
#include "link/training.h"
#include "linked_pair.h"
#include "model/error.h"

namespace uncounted::link {
namespace {

using testing::link;

Comparison ladder(std::vector<double> u) {
  Comparison c;
  c.name = "birth_year";
  c.column = "birth_year";
  c.kind = ColumnKind::kYear;
  c.levels = {ComparisonLevel{LevelType::kWithin, 0}, ComparisonLevel{LevelType::kWithin, 1},
              ComparisonLevel{LevelType::kWithin, 5}};
  c.u = std::move(u);
  return c;
}

TEST(FitCheck, AcceptsASoundFit) {
  const Comparison c = ladder({0.05, 0.05, 0.2, 0.7});
  EXPECT_EQ(why_fit_fails(c, {0.85, 0.08, 0.04, 0.03}), nullptr);
}

TEST(FitCheck, RejectsAMatchClassThatIsNotMatches) {
  // What EM gave on 200,000 people with common names: agreement no likelier
  // among "matches" than among non-matches.
  const Comparison c = ladder({0.05, 0.05, 0.2, 0.7});
  EXPECT_NE(why_fit_fails(c, {0.04, 0.06, 0.2, 0.7}), nullptr);
}

TEST(FitCheck, RejectsAFartherLevelThatWeighsMore) {
  // Within 5 years weighing 4 bits more than the same year: no model of
  // people's records can mean that.
  const Comparison c = ladder({0.05, 0.05, 0.01, 0.89});
  EXPECT_NE(why_fit_fails(c, {0.5, 0.02, 0.45, 0.03}), nullptr);
}

TEST(FitCheck, RejectsNameMatchesThatMostlyDisagree) {
  Comparison name;
  name.name = "name";
  name.column = "name";
  name.kind = ColumnKind::kName;
  name.levels = {ComparisonLevel{LevelType::kKoreanName, 5},
                 ComparisonLevel{LevelType::kKoreanName, 4}};
  name.u = {2e-5, 6e-5, 0.99992};
  EXPECT_EQ(why_fit_fails(name, {0.3, 0.68, 0.02}), nullptr);
  // The fit EM found at a million records: likelihood ratios in order, yet
  // 96% of its "matches" have different names.
  EXPECT_NE(why_fit_fails(name, {0.0125, 0.0169, 0.9706}), nullptr);
}

TEST(NameFrequency, ACommonWholeNameWeighsLessThanARareOne) {
  // 김영희 four times, 김순남 once: the same family name, so only the whole
  // name's frequency tells them apart.
  Settings s = default_settings();
  const char* names[] = {"김영희", "김영희", "김영희", "김영희", "김순남", "Kim Yong Hui"};
  std::vector<PreparedColumn> columns;
  for (Comparison& c : s.comparisons) {
    c.m.assign(c.level_count(), 1.0 / c.level_count());
    c.u.assign(c.level_count(), 1.0 / c.level_count());
    Column raw(c.column);
    for (const char* n : names) raw.push_back(c.column == "name" ? n : "");
    columns.emplace_back(raw, c.kind);
  }
  s.trained = true;
  const MatchWeights weights(s, columns);
  const double common = weights.tf_adjustment(0, 1, 0);
  const double rare = weights.tf_adjustment(0, 1, 4);
  EXPECT_LT(common, rare);
  // The romanized record counts as common as its Hangul, whichever of
  // 김영희 and 김용희 its letters are read as first.
  EXPECT_LT(weights.tf_adjustment(0, 1, 5), rare);
  EXPECT_NEAR(weights.tf_adjustment(0, 1, 5), common, 0.5);
}

TEST(NameFrequency, OnePersonsRecordsDoNotMakeANameCommon) {
  // 20,000 records: 김영희 in 2,000 (as many people), 김순남 in 2 (one
  // person's two records), 김남순 in 2 (two people), the rest spread over
  // 400 given names without 순 or 남. Counting records, 김순남 and 김남순
  // weigh alike, as names two people share; counting other persons only,
  // 김순남 weighs as a name no one else holds, more than 김남순.
  const char* syllables[] = {"영", "철", "동", "명", "옥", "정", "성", "광", "춘", "혜",
                             "경", "미", "숙", "호", "수", "진", "현", "국", "희", "일"};
  std::vector<std::string> names(2000, "김영희");
  for (const char* n : {"김순남", "김순남", "김남순", "김남순"}) names.push_back(n);
  for (std::size_t k = 0; names.size() < 20'000; ++k) {
    names.push_back(std::string(k % 2 ? "이" : "박") + syllables[k % 20] +
                    syllables[(k / 20) % 20]);
  }
  std::vector<std::uint32_t> persons(names.size());
  for (std::uint32_t r = 0; r < persons.size(); ++r) persons[r] = r;
  persons[2001] = persons[2000];  // 김순남's two records: one person
  Settings s = default_settings();
  std::vector<PreparedColumn> columns;
  for (Comparison& c : s.comparisons) {
    c.m.assign(c.level_count(), 1.0 / c.level_count());
    c.u.assign(c.level_count(), 1.0 / c.level_count());
    Column raw(c.column);
    for (const std::string& n : names) raw.push_back(c.column == "name" ? n : "");
    columns.emplace_back(raw, c.kind);
  }
  s.trained = true;
  const MatchWeights counted(s, columns);
  const MatchWeights others(s, columns, &persons);
  const std::uint32_t common = 0, one_person = 2000, two_people = 2002;
  auto bits = [](const MatchWeights& w, std::uint32_t r) { return w.tf_adjustment(0, 1, r); };
  EXPECT_GT(bits(counted, one_person) - bits(counted, common), 5);  // 2 records against 2,000
  EXPECT_NEAR(bits(counted, one_person), bits(counted, two_people), 0.01);
  EXPECT_GT(bits(others, one_person) - bits(others, two_people), 0.5);
  EXPECT_GT(bits(others, one_person) - bits(counted, one_person), 1.0);
  EXPECT_NEAR(bits(others, common), bits(counted, common), 0.1);
}

TEST(NameFrequency, AgreementsWeighByHowCommonTheAgreedNameIs) {
  // Different people of one common name (김영희, 2,000 records) are nearly
  // all women: their sex agreeing says nothing. Of one rare name, half
  // agree by chance. u of sex among name-agreeing pairs, by band: common
  // u = m (no evidence), middling and rare 0.5 (one bit).
  std::vector<std::string> names(2000, "김영희");
  names.push_back("김순남");
  names.push_back("김순남");
  const char* syllables[] = {"영", "철", "동", "명", "옥", "정", "성", "광", "춘", "혜",
                             "경", "미", "숙", "호", "수", "진", "현", "국", "희", "일"};
  for (std::size_t k = 0; names.size() < 20'000; ++k) {
    names.push_back(std::string(k % 2 ? "이" : "박") + syllables[k % 20] +
                    syllables[(k / 20) % 20]);
  }
  Settings s = default_settings();
  std::vector<PreparedColumn> columns;
  int sex = -1;
  for (std::size_t c = 0; c < s.comparisons.size(); ++c) {
    Comparison& k = s.comparisons[c];
    k.m.assign(k.level_count(), 1.0 / k.level_count());
    k.u.assign(k.level_count(), 1.0 / k.level_count());
    Column raw(k.column);
    for (const std::string& n : names) {
      raw.push_back(k.column == "name" ? n : k.column == "sex" ? "F" : "");
    }
    columns.emplace_back(raw, k.kind);
    if (k.column == "sex") sex = static_cast<int>(c);
  }
  ASSERT_GE(sex, 0);
  Comparison& k = s.comparisons[sex];
  k.m = {0.99, 0.01};
  k.u = {0.5, 0.5};
  k.u_name_agrees = {0.8, 0.2};
  k.u_name_agrees_by_frequency = {{0.99, 0.01}, {0.5, 0.5}, {0.5, 0.5}};
  s.trained = true;
  // The settings file keeps the bands, and refuses a wrong number of them.
  const Comparison again = comparison_from_json(to_json(k), "again");
  EXPECT_EQ(again.u_name_agrees_by_frequency, k.u_name_agrees_by_frequency);
  nlohmann::json two_bands = to_json(k);
  two_bands["u_name_agrees_by_frequency"].erase(2);
  EXPECT_THROW(comparison_from_json(two_bands, "comparisons[1]"), Error);

  const MatchWeights weights(s, columns);
  const int name = korean_name_comparison(s.comparisons);
  // Both pairs agree exactly on the name (level 1) and on sex (level 1).
  const std::uint64_t gamma =
      (std::uint64_t{1} << (kGammaBits * name)) | (std::uint64_t{1} << (kGammaBits * sex));
  const std::uint32_t common = 0, rare = 2000;
  EXPECT_EQ(weights.name_band(gamma, common), 0);
  EXPECT_EQ(weights.name_band(gamma, rare), 2);
  EXPECT_NEAR(weights.comparison_weight(sex, 1, weights.name_band(gamma, common)), 0, 1e-9);
  EXPECT_NEAR(weights.comparison_weight(sex, 1, weights.name_band(gamma, rare)),
              std::log2(0.99 / 0.5), 1e-9);
  EXPECT_NEAR(weights.comparison_weight(sex, 1, -1), std::log2(0.99 / 0.5), 1e-9);
}

TEST(SexReading, KoreanAndEnglishAgree) {
  Column raw("sex");
  for (const char* v : {"남", "M", "male", "여", "F", "여성", "x"}) raw.push_back(v);
  const PreparedColumn col(raw, ColumnKind::kSex);
  EXPECT_EQ(col.id(0), col.id(1));
  EXPECT_EQ(col.id(0), col.id(2));
  EXPECT_EQ(col.id(3), col.id(4));
  EXPECT_EQ(col.id(3), col.id(5));
  EXPECT_NE(col.id(0), col.id(3));
  EXPECT_EQ(col.unparsed(), 1u);  // "x" is no sex, and equals only itself
}

TEST(ImplausibleCluster, BothSexesAreRefused) {
  // 0 and 1 are one man, 2 a woman with the same name: the strong link
  // 1-2 would make one person of both.
  RecordFacts facts;
  facts.sex = {'M', 'M', 'F'};
  const Clusters c = cluster_records(3, {0, 1, 2}, {link(0, 1, 20), link(1, 2, 15)}, 0.5, {},
                                     ClusteringSettings{}, {}, facts);
  EXPECT_EQ(c.entity[0], c.entity[1]);
  EXPECT_NE(c.entity[1], c.entity[2]);
  EXPECT_EQ(c.implausible_refused, 1u);
}

TEST(ImplausibleCluster, BirthYearsTwentyYearsApartAreRefusedButADecadeFits) {
  RecordFacts facts;
  facts.birth_lo = {1960, 1980, 1960};
  facts.birth_hi = {1960, 1980, 1969};  // record 2: "1960s"
  const Clusters c = cluster_records(3, {0, 1, 2}, {link(0, 1, 20), link(0, 2, 15)}, 0.5, {},
                                     ClusteringSettings{}, {}, facts);
  EXPECT_NE(c.entity[0], c.entity[1]);
  EXPECT_EQ(c.entity[0], c.entity[2]);
}

TEST(ImplausibleCluster, AReviewersMatchIsKeptAndFlagged) {
  RecordFacts facts;
  facts.sex = {'M', 'F'};
  const Clusters c =
      cluster_records(2, {0, 1}, {}, 0.5, {{0, 1, true}}, ClusteringSettings{}, {}, facts);
  EXPECT_EQ(c.entity[0], c.entity[1]);
  ASSERT_EQ(c.flagged.size(), 1u);
}

TEST(DeduplicatedList, NeverGivesOnePersonTwoRecords) {
  // Records 0 and 1 are both in source 0, declared deduplicated; 2 and 3
  // both in source 1, which is not.
  RecordFacts facts;
  facts.deduplicated_source = {true, false};
  const std::vector<ScoredPair> pairs{link(0, 1, 20), link(2, 3, 20)};
  const Clusters c =
      cluster_records(4, {0, 0, 1, 1}, pairs, 0.5, {}, ClusteringSettings{}, {}, facts);
  EXPECT_NE(c.entity[0], c.entity[1]);
  EXPECT_EQ(c.entity[2], c.entity[3]);
  EXPECT_EQ(c.deduplicated_refused, 1u);
}

}  // namespace
}  // namespace uncounted::link
