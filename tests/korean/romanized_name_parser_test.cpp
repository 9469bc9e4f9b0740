// Romanized names back to Hangul: the spellings the brief and the sources
// list (§1.1-1.5 of korea-domain.md), family name first or last, capitals,
// joined / hyphenated / spaced given names.

#include "korean/romanized_name_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace uncounted::korean {
namespace {

std::vector<std::string> readings(std::string_view text, int max = kDefaultMaxCandidates) {
  std::vector<std::string> out;
  for (const HangulCandidate& c : parse_romanized_name(text, max)) out.push_back(to_utf8(c.name));
  return out;
}
std::string best(std::string_view text) {
  const auto r = readings(text);
  return r.empty() ? std::string() : r.front();
}

TEST(RomanizedNameParser, OneNameInEverySpelling) {
  for (const char* spelling :
       {"Lee Cheol-ho", "Lee Cheolho", "LEE CHEOLHO", "Chul Ho Lee", "Chul-ho Lee", "Lee, Chul Ho",
        "Yi Ch'ŏl-ho", "Yi Ch'ol-ho", "Yi Chol-ho", "I Cheolho", "Rhee Chul-ho", "CheolHo Lee"}) {
    EXPECT_EQ(best(spelling), "이철호") << spelling;
  }
  // The North Korean form: 리 first, 이 among the candidates.
  EXPECT_THAT(readings("Ri Chol Ho"),
              ::testing::ElementsAre("리철호", "이철호", ::testing::_, ::testing::_, ::testing::_,
                                     ::testing::_, ::testing::_, ::testing::_));
}

TEST(RomanizedNameParser, PassportAndPressSyllables) {
  EXPECT_EQ(best("Park Young Soo"), "박영수");
  EXPECT_EQ(best("Choi Kyung Hee"), "최경희");
  EXPECT_EQ(best("Jung Joo-won"), "정주원");
  EXPECT_EQ(best("Pak Tong Gu"), "박동구");
  EXPECT_EQ(best("Kim Jong Il"), "김정일");
  EXPECT_EQ(best("Rim Kyong Ae"), "림경애");
  EXPECT_EQ(best("Ryang Chol Su"), "량철수");
  EXPECT_EQ(best("Yoon Sung-hee"), "윤성희");
  EXPECT_EQ(best("Lim Soo Jung"), "임수정");
  EXPECT_EQ(best("Kwon Hyuk"), "권혁");
  EXPECT_THAT(readings("Kim Jong Un"), ::testing::Contains("김정은"));
}

TEST(RomanizedNameParser, FamilyNameLastOrMarked) {
  EXPECT_EQ(best("Young-soo Park"), "박영수");
  EXPECT_EQ(best("Hee Kyung CHOI"), "최희경");
  EXPECT_EQ(best("Kim, Chul-ho"), "김철호");
  EXPECT_EQ(best("Kimcheolho"), "김철호");
}

TEST(RomanizedNameParser, CompoundFamilyNames) {
  EXPECT_EQ(best("Namgoong Min"), "남궁민");
  EXPECT_EQ(best("Hwangbo Kwan"), "황보관");
}

TEST(RomanizedNameParser, BoundedAndRanked) {
  const auto all = parse_romanized_name("Chol Ho Kim", 3);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_LE(all[0].cost, all[1].cost);
  EXPECT_LE(all[1].cost, all[2].cost);
  EXPECT_LE(parse_romanized_name("Kim Chol Ho").size(), std::size_t(kDefaultMaxCandidates));
}

TEST(RomanizedNameParser, NotKoreanGivesNothing) {
  EXPECT_TRUE(readings("John Smith").empty());
  EXPECT_TRUE(readings("").empty());
  EXPECT_TRUE(readings("12345").empty());
  EXPECT_TRUE(readings(std::string(300, 'a')).empty());
  EXPECT_TRUE(readings("Kim Chol Ho", 0).empty());
}

}  // namespace
}  // namespace uncounted::korean
