// libFuzzer target: one JSONL testimony line. Any input must be accepted
// (with records) or rejected with a reason, never crash.

#include <cstdint>
#include <string>

#include "io/testimony.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string line(reinterpret_cast<const char*>(data), size);
  uncounted::io::Testimony testimony;
  const std::string why = uncounted::io::parse_testimony(line, testimony);
  if (why.empty() && testimony.source.empty()) __builtin_trap();  // accepted without a source
  return 0;
}
