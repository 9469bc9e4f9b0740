#include "server/http_error.h"

#include <nlohmann/json.hpp>

namespace uncounted::server {

int http_status(const Error& error) {
  switch (error.kind()) {
    case ErrorKind::kInvalidInput:
    case ErrorKind::kUsage:
      return 400;
    case ErrorKind::kDenied:
      return 403;
    case ErrorKind::kNotFound:
      return 404;
    case ErrorKind::kConflict:
      return 409;
    case ErrorKind::kRuntime:
    case ErrorKind::kCorrupt:
      return 500;
  }
  return 500;
}

std::string error_body(const std::string& message) {
  return nlohmann::json{{"error", message}}.dump(-1, ' ', false,
                                                 nlohmann::json::error_handler_t::replace);
}

}  // namespace uncounted::server
