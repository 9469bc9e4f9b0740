#pragma once
// A value that may be absent, as JSON: the value, or null. One rule for
// every JSON answer that shows a record (the web's record pages, `search
// --json`).

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace uncounted::io {

inline nlohmann::json or_null(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace uncounted::io
