// Names that are not names: every one gets a defined result, never a crash
// or an exception (the suite also runs under ASan + UBSan).

#include <gtest/gtest.h>

#include <string>

#include "korean/name_comparison.h"
#include "korean/romanized_name_parser.h"

namespace uncounted::korean {
namespace {

const std::string kBad[] = {
    "",
    " ",
    "John Smith",
    "김철호 🙂",
    "🙂🙂🙂",
    "Kim \xF0\x9F\x99\x82 Chol Ho",
    "\xFF\xFE\xFD",
    "김\xC3철호",
    std::string("Kim\0Chol", 8),
    "李哲浩",
    "Иван Петров",
    "Kim-Kim-Kim-Kim-Kim-Kim-Kim-Kim-Kim-Kim",
    ",,,,----''''",
    "ㅋㅋㅋ",
    "a",
    std::string(10 * 1024, 'a'),
    std::string(10 * 1024, ' '),
    [] {
      std::string s;
      for (int i = 0; i < 3000; ++i) s += "김";
      return s;
    }(),
    [] {
      std::string s;
      for (int i = 0; i < 2000; ++i) s += "Kim ";
      return s;
    }(),
};

TEST(BadInput, PrepareAndCompareAreDefined) {
  const PreparedName good = prepare("김철호");
  for (const std::string& bad : kBad) {
    PreparedName p;
    ASSERT_NO_THROW(p = prepare(bad));
    const NameComparison c = compare(p, good);
    EXPECT_GE(c.score, 0.0f);
    EXPECT_LE(c.score, 1.0f);
    // Noise around the name itself ("김철호 🙂") may match; nothing else may.
    const bool holds_the_name =
        bad.find("철호") != std::string::npos || bad.find("Chol Ho") != std::string::npos;
    if (!holds_the_name) {
      EXPECT_LT(c.score, kDefaultMatchThreshold) << "bad input matched a name";
    }
    EXPECT_NO_THROW(blocking_keys(p));
    EXPECT_NO_THROW(hangul_readings(p));
    EXPECT_NO_THROW(parse_romanized_name(bad));
  }
}

TEST(BadInput, EmptyAndForeignNamesHaveNoReadings) {
  EXPECT_EQ(prepare("").count, 0);
  EXPECT_TRUE(prepare("").empty());
  EXPECT_EQ(prepare("John Smith").count, 0);
  EXPECT_EQ(prepare(std::string(10 * 1024, 'a')).count, 0);
  // Identical foreign text still compares as identical; different does not.
  EXPECT_EQ(compare(prepare("John Smith"), prepare("JOHN SMITH")).level, NameLevel::kExact);
  EXPECT_EQ(compare(prepare("John Smith"), prepare("Jane Smith")).level, NameLevel::kNone);
  EXPECT_EQ(compare(prepare(""), prepare("")).level, NameLevel::kNone);
}

TEST(BadInput, HangulSurvivesNoiseAroundIt) {
  EXPECT_EQ(hangul_readings(prepare("김철호 🙂")).front(), "김철호");
  EXPECT_EQ(hangul_readings(prepare("김\xFF철호")).front(), "김");  // the first Hangul run
  EXPECT_GE(compare(prepare("Kim \xF0\x9F\x99\x82 Chol Ho"), prepare("김철호")).score,
            kDefaultMatchThreshold);
}

}  // namespace
}  // namespace uncounted::korean
