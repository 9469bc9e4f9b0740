// Hangul arithmetic and the many ways one syllable reaches us: NFD jamo,
// compatibility jamo typed letter by letter, stray spaces, bad UTF-8.

#include "korean/hangul.h"

#include <gtest/gtest.h>

#include "korean/hangul_name.h"
#include "korean/name_text.h"
#include "korean/utf8.h"

namespace uncounted::korean {
namespace {

std::u32string u32(std::string_view s) {
  std::u32string out;
  decode_utf8(s, out);
  return out;
}

TEST(Hangul, DecomposeAndComposeAreInverse) {
  for (int s = 0; s < kSyllableCount; ++s) {
    const Jamo j = decompose(static_cast<SyllableIndex>(s));
    ASSERT_EQ(compose(j), s);
  }
  const Jamo kim = decompose(syllable_index(U'김'));
  EXPECT_EQ(kim.lead, kLeadG);
  EXPECT_EQ(kim.vowel, 20);  // ㅣ
  EXPECT_EQ(kim.tail, 16);   // ㅁ
}

TEST(Hangul, ComposesConjoiningJamo) {
  // 김철호 in NFD: ᄀ ᅵ ᆷ ᄎ ᅥ ᆯ ᄒ ᅩ
  const std::u32string nfd = {0x1100, 0x1175, 0x11B7, 0x110E, 0x1165, 0x11AF, 0x1112, 0x1169};
  EXPECT_EQ(normalize_hangul(nfd), U"김철호");
  // A precomposed open syllable followed by a conjoining tail: 기 + ᆷ.
  EXPECT_EQ(normalize_hangul(std::u32string{U'기', 0x11B7}), U"김");
}

TEST(Hangul, ComposesCompatibilityJamo) {
  EXPECT_EQ(normalize_hangul(u32("ㄱㅣㅁㅊㅓㄹㅎㅗ")), U"김철호");
  EXPECT_EQ(normalize_hangul(u32("ㅇㅣㅇㅕㅇㅎㅢ")), U"이영희");
  // A lone consonant cannot make a syllable and is kept.
  EXPECT_EQ(normalize_hangul(u32("ㅋ")), U"ㅋ");
}

TEST(Hangul, DropsSpacesInsideHangulNames) {
  EXPECT_EQ(normalize_hangul(u32("김 철호")), U"김철호");
  EXPECT_EQ(normalize_hangul(u32("김  철 호")), U"김철호");
  EXPECT_EQ(normalize_hangul(u32("김철호 (Kim)")), U"김철호 (Kim)");
}

TEST(Hangul, InitialSoundRule) {
  auto rule = [](char32_t c) {
    return syllable_code_point(apply_initial_sound_rule(syllable_index(c)));
  };
  EXPECT_EQ(rule(U'리'), U'이');
  EXPECT_EQ(rule(U'림'), U'임');
  EXPECT_EQ(rule(U'류'), U'유');
  EXPECT_EQ(rule(U'량'), U'양');
  EXPECT_EQ(rule(U'로'), U'노');
  EXPECT_EQ(rule(U'라'), U'나');
  EXPECT_EQ(rule(U'려'), U'여');
  EXPECT_EQ(rule(U'녀'), U'여');
  EXPECT_EQ(rule(U'김'), U'김');
  EXPECT_EQ(rule(U'노'), U'노');
}

TEST(Utf8, IllFormedBytesBecomeReplacementCharacters) {
  std::u32string out;
  EXPECT_FALSE(
      decode_utf8("a\xFF"
                  "b",
                  out));
  EXPECT_EQ(out, (std::u32string{U'a', kReplacementCharacter, U'b'}));
  EXPECT_FALSE(decode_utf8("\xE1\x84", out));  // truncated
  EXPECT_EQ(out, std::u32string(1, kReplacementCharacter));
  EXPECT_FALSE(decode_utf8("\xED\xA0\x80", out));  // a surrogate
  EXPECT_FALSE(decode_utf8("\xC0\xAF", out));      // overlong
  EXPECT_TRUE(decode_utf8("김철호", out));
  EXPECT_EQ(encode_utf8(out), "김철호");
}

TEST(HangulName, SplitsFamilyName) {
  const HangulName a = split_hangul_name(U"김철호");
  EXPECT_EQ(a.surname_length, 1);
  EXPECT_EQ(a.given_length(), 2);
  const HangulName b = split_hangul_name(U"남궁민수");
  EXPECT_EQ(b.surname_length, 2);
  EXPECT_EQ(to_utf8(b), "남궁민수");
  // Two syllables: 남궁 alone is not split as a compound family name.
  EXPECT_EQ(split_hangul_name(U"남궁").surname_length, 1);
  EXPECT_TRUE(split_hangul_name(U"").empty());
  EXPECT_TRUE(split_hangul_name(U"김철호김철호김철호").empty());  // over 8 syllables
}

TEST(NameText, SplitsScripts) {
  const NameText t = split_name_text("리철호 (Ri Chol Ho)");
  EXPECT_EQ(to_utf8(t.hangul), "리철호");
  EXPECT_NE(t.roman.find("Ri Chol Ho"), std::string::npos);
  EXPECT_FALSE(t.other_script);
  const NameText e = split_name_text("김철호 🙂");
  EXPECT_EQ(to_utf8(e.hangul), "김철호");
  EXPECT_TRUE(e.other_script);
  EXPECT_TRUE(split_name_text(std::string(2000, 'a')).too_long);
}

}  // namespace
}  // namespace uncounted::korean
