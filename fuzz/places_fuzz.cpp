// libFuzzer target: gazetteer lookup of arbitrary bytes must never crash,
// and what it returns must be consistent (confidence in range, no id below
// the threshold, the best match not repeated among the alternatives).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "places/gazetteer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  using uncounted::places::Gazetteer;
  const uncounted::places::PlaceMatch m = uncounted::places::gazetteer().lookup(text);
  if (m.confidence < 0 || m.confidence > 1) std::abort();
  if (m.place && m.confidence < Gazetteer::kMinConfidence) std::abort();
  if (!m.place && m.confidence != 0) std::abort();
  for (const auto& c : m.alternatives) {
    if (c.place == nullptr || c.place == m.place) std::abort();
    if (c.confidence < 0 || c.confidence > 1) std::abort();
  }
  return 0;
}
