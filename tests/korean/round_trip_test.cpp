// Hangul -> each romanization -> parsed back: the original name must be
// among the candidates for at least 99% of the 600 names of
// tests/korean/data/hangul_names.txt, in every system and layout.

#include <gtest/gtest.h>

#include <cstdio>

#include "korean/romanized_name_parser.h"
#include "korean/romanizer.h"
#include "korean/utf8.h"
#include "test_tables.h"

namespace uncounted::korean {
namespace {

struct Layout {
  const char* label;
  RomanizationOptions options;
};

std::vector<Layout> layouts() {
  using S = RomanizationSystem;
  using G = GivenNameStyle;
  std::vector<Layout> out;
  auto add = [&out](const char* label, S system, G style, bool diacritics, bool apostrophes,
                    bool last, bool upper, bool conventional) {
    RomanizationOptions o;
    o.system = system;
    o.style = style;
    o.diacritics = diacritics;
    o.apostrophes = apostrophes;
    o.surname_last = last;
    o.upper_case = upper;
    o.conventional_surname = conventional;
    out.push_back({label, o});
  };
  add("RR joined", S::kRevised, G::kJoined, true, true, false, false, false);
  add("RR hyphenated", S::kRevised, G::kHyphenated, true, true, false, false, false);
  add("RR caps, common surname", S::kRevised, G::kJoined, true, true, false, true, true);
  add("RR surname last", S::kRevised, G::kHyphenated, true, true, true, false, true);
  add("MR", S::kMcCuneReischauer, G::kHyphenated, true, true, false, false, false);
  add("MR joined", S::kMcCuneReischauer, G::kJoined, true, true, false, false, false);
  add("MR ASCII", S::kMcCuneReischauer, G::kHyphenated, false, false, false, false, false);
  add("DPRK", S::kNorthKorean, G::kSpaced, false, true, false, false, false);
  add("DPRK diacritics", S::kNorthKorean, G::kSpaced, true, true, false, false, false);
  add("DPRK caps", S::kNorthKorean, G::kSpaced, false, true, false, true, false);
  return out;
}

TEST(RoundTrip, RomanizedNamesParseBackToTheirHangul) {
  const auto names = testing::read_lines(testing::data_path("hangul_names.txt"));
  ASSERT_GE(names.size(), 500u);
  for (const Layout& layout : layouts()) {
    int found = 0, first = 0;
    for (const std::string& line : names) {
      std::u32string text;
      decode_utf8(line, text);
      const HangulName name = split_hangul_name(text);
      ASSERT_FALSE(name.empty()) << "row of hangul_names.txt";
      const std::string roman = romanize(name, layout.options);
      const auto candidates = parse_romanized_name(roman);
      for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (candidates[i].name == name) {
          ++found;
          first += i == 0;
          break;
        }
      }
    }
    const double rate = static_cast<double>(found) / static_cast<double>(names.size());
    std::printf("round trip %-24s found %.4f, ranked first %.4f\n", layout.label, rate,
                static_cast<double>(first) / static_cast<double>(names.size()));
    EXPECT_GE(rate, 0.99) << layout.label;
  }
}

}  // namespace
}  // namespace uncounted::korean
