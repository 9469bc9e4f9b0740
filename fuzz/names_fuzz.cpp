// libFuzzer target over the Korean name machinery: the romanized-name
// parser, name preparation (script splitting, Hangul normalization) and
// comparison. Any bytes must give a defined result: no crash, no sanitizer
// report, scores in [0, 1], compare symmetric.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "korean/name_comparison.h"
#include "korean/romanized_name_parser.h"
#include "korean/romanizer.h"

using namespace uncounted::korean;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The input is two names separated by the first '|' (or one name).
  const std::size_t bar = bytes.find('|');
  const std::string_view a = bytes.substr(0, bar);
  const std::string_view b = bar == std::string_view::npos ? bytes : bytes.substr(bar + 1);

  for (const HangulCandidate& c : parse_romanized_name(a)) {
    if (c.name.length > kMaxNameSyllables || c.name.surname_length > c.name.length) std::abort();
    RomanizationOptions o;
    o.system = RomanizationSystem::kMcCuneReischauer;
    (void)romanize(c.name, o);
  }
  const PreparedName pa = prepare(a);
  const PreparedName pb = prepare(b);
  const NameComparison x = compare(pa, pb);
  const NameComparison y = compare(pb, pa);
  if (!(x.score >= 0.0f && x.score <= 1.0f)) std::abort();
  if (x.score != y.score || x.level != y.level) std::abort();
  (void)blocking_keys(pa);
  (void)hangul_readings(pb);
  return 0;
}
