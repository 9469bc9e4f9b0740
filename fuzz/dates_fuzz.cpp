// libFuzzer target: parse_fuzzy_date must either return an interval that
// makes sense or throw uncounted::Error; never crash, hang or leak.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "dates/fuzzy_date_parser.h"
#include "model/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const uncounted::FuzzyDate d = uncounted::parse_fuzzy_date(text);
    if (d.earliest_days() > d.latest_days()) std::abort();
    if (!uncounted::is_valid(d.earliest) || !uncounted::is_valid(d.latest)) std::abort();
    if (d.earliest.year < 1898 || d.latest.year > 2102) std::abort();
    if (uncounted::try_parse_fuzzy_date(text) != d) std::abort();
  } catch (const uncounted::Error& e) {
    if (e.kind() != uncounted::ErrorKind::kInvalidInput) std::abort();
    if (uncounted::try_parse_fuzzy_date(text).has_value()) std::abort();
  }
  return 0;
}
