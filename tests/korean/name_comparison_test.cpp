// The linkage API: levels, symmetry, blocking keys that survive
// romanization, family-name shares.

#include "korean/name_comparison.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace uncounted::korean {
namespace {

NameComparison cmp(std::string_view a, std::string_view b) {
  return compare(prepare(a), prepare(b));
}

TEST(NameComparison, TheBriefsExample) {
  const NameComparison c = cmp("Ri Chol Ho", "이철호");
  EXPECT_GE(c.score, kDefaultMatchThreshold);
  EXPECT_EQ(c.level, NameLevel::kCandidateOverlap);
  const std::vector<std::string> readings = hangul_readings(prepare("Ri Chol Ho"));
  ASSERT_GE(readings.size(), 2u);
  EXPECT_EQ(readings[0], "리철호");
  EXPECT_EQ(readings[1], "이철호");
}

TEST(NameComparison, OnePersonAcrossLists) {
  const char* spellings[] = {"리철호",      "리철호 (Ri Chol Ho)", "Ri Chol Ho",  "Lee Cheol-ho",
                             "Chul Ho Lee", "LEE CHEOLHO",         "Yi Ch'ŏl-ho", "이 철호"};
  for (const char* a : spellings) {
    for (const char* b : spellings) {
      const NameComparison c = cmp(a, b);
      EXPECT_GE(c.score, kDefaultMatchThreshold) << a << " / " << b;
      EXPECT_GE(c.level, NameLevel::kCandidateOverlap) << a << " / " << b;
      EXPECT_TRUE(share_a_blocking_key(prepare(a), prepare(b))) << a << " / " << b;
    }
  }
}

TEST(NameComparison, LevelsAreOrdered) {
  EXPECT_EQ(cmp("김철호", "김철호").level, NameLevel::kExact);
  EXPECT_EQ(cmp("김철호", "김 철호").level, NameLevel::kExact);
  EXPECT_EQ(cmp("리철호", "이철호").level, NameLevel::kCandidateOverlap);  // initial-sound rule
  EXPECT_EQ(cmp("김철호", "김철효").level, NameLevel::kJamoEdit1);
  EXPECT_EQ(cmp("김철호", "김철수").level, NameLevel::kSurnameGivenSimilar);
  EXPECT_EQ(cmp("김철호", "박영희").level, NameLevel::kNone);
  EXPECT_GT(cmp("김철호", "김철호").score, cmp("Kim Chol Ho", "김철호").score);
  EXPECT_GT(cmp("Kim Chol Ho", "김철호").score, cmp("김철호", "김철효").score);
  EXPECT_GT(cmp("김철호", "김철효").score, cmp("김철호", "김철수").score);
  EXPECT_GT(cmp("김철호", "김철수").score, cmp("김철호", "박영희").score);
}

TEST(NameComparison, PhoneticKeyCatchesUnparsedSpellings) {
  // 정/종 differ in Hangul but not in DPRK ASCII; the phonetic key folds ㅓ/ㅗ.
  const NameComparison c = cmp("김정호", "김종호");
  EXPECT_EQ(c.level, NameLevel::kPhoneticKey);
  EXPECT_LT(c.score, cmp("김정호", "Kim Jong Ho").score);
}

TEST(NameComparison, SymmetricAndBounded) {
  const char* names[] = {"김철호", "Kim Chol Ho", "Park Young Soo", "박영수",          "John Smith",
                         "",       "Chul Ho Lee", "남궁민수",       "Namgoong Min-su", "🙂"};
  for (const char* a : names) {
    for (const char* b : names) {
      const NameComparison x = cmp(a, b), y = cmp(b, a);
      EXPECT_FLOAT_EQ(x.score, y.score) << a << " / " << b;
      EXPECT_EQ(x.level, y.level) << a << " / " << b;
      EXPECT_GE(x.score, 0.0f);
      EXPECT_LE(x.score, 1.0f);
    }
  }
}

TEST(NameComparison, BlockingKeysSeparateDifferentNames) {
  EXPECT_FALSE(share_a_blocking_key(prepare("김철호"), prepare("박철호")));
  EXPECT_FALSE(share_a_blocking_key(prepare("김철호"), prepare("김영희")));
  EXPECT_TRUE(share_a_blocking_key(prepare("Kim Chol Ho"), prepare("GIM CHEOLHO")));
  const BlockingKeys k = blocking_keys(prepare("Kim Chol Ho"));
  EXPECT_GE(k.count, 1);
  EXPECT_LE(k.count, 4);
}

TEST(SurnameShare, CensusFiguresAndFolding) {
  EXPECT_NEAR(surname_share("김"), 0.2151, 1e-4);
  EXPECT_NEAR(surname_share("이"), 0.1470, 1e-4);
  EXPECT_DOUBLE_EQ(surname_share("리"), surname_share("이"));
  EXPECT_DOUBLE_EQ(surname_share("림"), surname_share("임"));
  EXPECT_DOUBLE_EQ(surname_share("류"), surname_share("유"));
  EXPECT_GT(surname_share("남궁"), 0.0);
  EXPECT_DOUBLE_EQ(surname_share("없"), SurnameTable::kUnknownShare);
  EXPECT_DOUBLE_EQ(surname_share(""), SurnameTable::kUnknownShare);
}

TEST(SurnameTable, AtLeastAHundredNamesWithSpellings) {
  const auto& all = SurnameTable::instance().all();
  EXPECT_GE(all.size(), 100u);
  double total = 0;
  for (const Surname& s : all) {
    EXPECT_FALSE(s.spellings.empty());
    EXPECT_GT(s.share, 0.0);
    total += s.share;
  }
  EXPECT_GT(total, 0.9);
  EXPECT_LT(total, 1.0);
  // The North keeps the initial ㄹ: 리, 림, 량, 류, 로 are known.
  for (const char32_t* north : {U"리", U"림", U"량", U"류", U"로", U"라"})
    EXPECT_NE(SurnameTable::instance().find(north), nullptr);
}

}  // namespace
}  // namespace uncounted::korean
