#include "cli/number_checks.h"

#include <cmath>
#include <limits>
#include <string>

namespace uncounted::cli {
namespace {

// The value of TEXT if it is a decimal whole number that fits 64 bits.
bool parse_whole(const std::string& text, std::uint64_t& value) {
  if (text.empty() || text.size() > 20) return false;
  value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    const auto digit = static_cast<std::uint64_t>(c - '0');
    if (value > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) return false;
    value = value * 10 + digit;
  }
  return true;
}

}  // namespace

CLI::Validator whole_number_check(std::uint64_t min, std::uint64_t max) {
  const std::string range = std::to_string(min) + " to " + std::to_string(max);
  return CLI::Validator(
      [min, max, range](std::string& text) -> std::string {
        std::uint64_t value = 0;
        if (!parse_whole(text, value) || value < min || value > max)
          return "wants a whole number from " + range + ", not '" + text + "'";
        return {};
      },
      "NUMBER in " + range);
}

CLI::Validator seed_check() {
  return whole_number_check(0, std::numeric_limits<std::uint64_t>::max());
}

CLI::Validator probability_check() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        std::size_t used = 0;
        double value = std::nan("");
        try {
          value = std::stod(text, &used);
        } catch (const std::exception&) {
          used = 0;
        }
        if (used != text.size() || !std::isfinite(value) || value < 0 || value > 1)
          return "wants a probability from 0 to 1, not '" + text + "'";
        return {};
      },
      "PROBABILITY");
}

}  // namespace uncounted::cli
