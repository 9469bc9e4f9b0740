#pragma once
// Errors as the API answers them: a status and a JSON body
// {"error": "..."} whose message never contains identifying data (the same
// rule as uncounted::Error's messages, which are passed through).

#include <stdexcept>
#include <string>

#include "model/error.h"

namespace uncounted::server {

// An answer other than success, thrown by endpoint handlers.
class HttpError : public std::runtime_error {
 public:
  HttpError(int status, std::string message, std::string code = {})
      : std::runtime_error(std::move(message)), status_(status), code_(std::move(code)) {}
  int status() const { return status_; }
  // A word for programs ("totp_required"), sent as "code" beside "error".
  const std::string& code() const { return code_; }

 private:
  int status_;
  std::string code_;
};

// The HTTP status of a library error: invalid input and usage 400, denied
// 403, runtime 500.
int http_status(const Error& error);

// {"error": MESSAGE} as text.
std::string error_body(const std::string& message);

}  // namespace uncounted::server
