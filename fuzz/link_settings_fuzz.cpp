// libFuzzer target: settings_from_json must either give settings or throw
// uncounted::Error (invalid input); never crash, hang or leak. Settings it
// accepts must survive the round trip to JSON and back unchanged, since
// `link --save-settings` writes them and `link --settings` reads them back.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

#include "link/settings.h"
#include "model/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return 0;
  uncounted::link::Settings s;
  try {
    s = uncounted::link::settings_from_json(j);
  } catch (const uncounted::Error& e) {
    if (e.kind() != uncounted::ErrorKind::kInvalidInput) std::abort();
    return 0;
  } catch (const nlohmann::json::exception&) {
    std::abort();  // a wrong type must be reported as invalid input, naming the field
  }
  const nlohmann::json once = uncounted::link::to_json(s);
  try {
    if (uncounted::link::to_json(uncounted::link::settings_from_json(once)) != once) std::abort();
  } catch (...) {
    std::abort();
  }
  return 0;
}
