// libFuzzer target: parse_scenario (`uncounted simulate --scenario FILE`)
// must either give a scenario or throw uncounted::Error (invalid input)
// naming the field; never crash, hang or leak, and never let a JSON type
// error escape as an exception of the JSON library.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

#include "model/error.h"
#include "simulate/scenario.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return 0;
  try {
    const uncounted::simulate::Scenario s = uncounted::simulate::parse_scenario(j, "fuzz.json");
    if (s.organizations.empty()) std::abort();
  } catch (const uncounted::Error& e) {
    if (e.kind() != uncounted::ErrorKind::kInvalidInput) std::abort();
  } catch (const nlohmann::json::exception&) {
    std::abort();  // a wrong type must be reported as invalid input, naming the field
  }
  return 0;
}
