// Hangul names written out in each system, against spellings published in
// the systems' own documents (korea-domain.md §1.1-1.2) and well-known names.

#include "korean/romanizer.h"

#include <gtest/gtest.h>

#include "korean/utf8.h"

namespace uncounted::korean {
namespace {

HangulName name(std::string_view utf8) {
  std::u32string text;
  decode_utf8(utf8, text);
  return split_hangul_name(text);
}

std::string rr(std::string_view n, GivenNameStyle style = GivenNameStyle::kSystemDefault) {
  RomanizationOptions o;
  o.style = style;
  return romanize(name(n), o);
}
std::string mr(std::string_view n, bool diacritics = true, bool apostrophes = true) {
  RomanizationOptions o;
  o.system = RomanizationSystem::kMcCuneReischauer;
  o.diacritics = diacritics;
  o.apostrophes = apostrophes;
  return romanize(name(n), o);
}
std::string dprk(std::string_view n) {
  RomanizationOptions o;
  o.system = RomanizationSystem::kNorthKorean;
  o.diacritics = false;
  return romanize(name(n), o);
}

TEST(Romanizer, RevisedRomanization) {
  EXPECT_EQ(rr("김철호"), "Gim Cheolho");
  EXPECT_EQ(rr("김철호", GivenNameStyle::kHyphenated), "Gim Cheol-ho");
  EXPECT_EQ(rr("리철호"), "Ri Cheolho");
  // Names are not assimilated: 한복남 is Boknam, not Bongnam (passport rule).
  EXPECT_EQ(rr("한복남"), "Han Boknam");
  EXPECT_EQ(rr("정은희"), "Jeong Eunhui");
  EXPECT_EQ(rr("남궁민수"), "Namgung Minsu");
}

TEST(Romanizer, McCuneReischauer) {
  EXPECT_EQ(mr("김대중"), "Kim Tae-jung");  // voiced after a vowel
  EXPECT_EQ(mr("박정희"), "Pak Chŏng-hŭi");
  EXPECT_EQ(mr("최은희"), "Ch'oe Ŭn-hŭi");
  EXPECT_EQ(mr("이승만"), "Yi Sŭng-man");
  EXPECT_EQ(mr("최은희", false, false), "Choe Un-hui");
  EXPECT_EQ(mr("최은희", false, true), "Ch'oe Un-hui");
}

TEST(Romanizer, McCuneReischauerJoinedAppliesLiquidRule) {
  RomanizationOptions o;
  o.system = RomanizationSystem::kMcCuneReischauer;
  o.style = GivenNameStyle::kJoined;
  EXPECT_EQ(romanize(name("김철호"), o), "Kim Ch'ŏrho");
}

TEST(Romanizer, NorthKoreanSystem) {
  // Examples of the DPRK rules (UNGEGN WP 46): each given-name syllable apart.
  EXPECT_EQ(dprk("박동구"), "Pak Tong Gu");
  EXPECT_EQ(dprk("안복철"), "An Pok Chol");
  EXPECT_EQ(dprk("리철호"), "Ri Chol Ho");
  EXPECT_EQ(dprk("리설주"), "Ri Sol Ju");
  EXPECT_EQ(dprk("김정은"), "Kim Jong Un");
  EXPECT_EQ(dprk("림창호"), "Rim Chang Ho");
  RomanizationOptions o;
  o.system = RomanizationSystem::kNorthKorean;
  EXPECT_EQ(romanize(name("김정은"), o), "Kim Jŏng Ŭn");
}

TEST(Romanizer, PassportAndPressForms) {
  RomanizationOptions o;
  o.upper_case = true;
  o.conventional_surname = true;
  EXPECT_EQ(romanize(name("이철호"), o), "LEE CHEOLHO");
  EXPECT_EQ(romanize(name("박정희"), o), "PARK JEONGHUI");
  o.upper_case = false;
  o.surname_last = true;
  o.style = GivenNameStyle::kSpaced;
  EXPECT_EQ(romanize(name("최철호"), o), "Cheol Ho Choi");
  // The North form keeps its R spelling.
  o.surname_last = false;
  EXPECT_EQ(romanize(name("리철호"), o), "Ri Cheol Ho");
}

TEST(Romanizer, AsciiMatchingForm) {
  EXPECT_EQ(romanize_ascii(name("김철호"), RomanizationSystem::kMcCuneReischauer), "kim chorho");
  EXPECT_EQ(romanize_ascii(name("김철호"), RomanizationSystem::kNorthKorean), "kim cholho");
  EXPECT_EQ(romanize(HangulName{}, {}), "");
}

}  // namespace
}  // namespace uncounted::korean
