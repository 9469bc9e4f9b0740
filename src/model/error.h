#pragma once
// The one error type of uncounted. Library code throws it; the command line
// and the server catch it at their edge and turn it into one line
// ("error: WHAT (WHERE)") and an exit code or an HTTP status.
//
// An Error's message and location must never contain anything identifying
// (a name, a place of origin, a note): say "row 12, column name", not the
// value.

#include <stdexcept>
#include <string>

namespace uncounted {

// What happened. The edges map it: the command line to the exit classes of
// ../shared/spec/cli.md (cli/exit_codes.h), the server to HTTP statuses
// (server/http_error.h).
enum class ErrorKind {
  kRuntime,       // something failed while running (I/O, out of memory, ...)
  kUsage,         // the command or request was made wrongly
  kInvalidInput,  // the input data is invalid
  kDenied,        // wrong passphrase, permission denied
  kNotFound,      // what was named does not exist (a user, a record)
  kConflict,      // the store changed meanwhile, or holds something in the way
  kCorrupt,       // the store or one of its files is damaged or altered
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string what, std::string where = {})
      : std::runtime_error(std::move(what)), kind_(kind), where_(std::move(where)) {}

  ErrorKind kind() const { return kind_; }
  // Where it happened: a file and line, a field, a command. May be empty.
  const std::string& where() const { return where_; }
  // "WHAT (WHERE)", or "WHAT" when there is no location.
  std::string one_line() const {
    return where_.empty() ? std::string(what()) : std::string(what()) + " (" + where_ + ")";
  }

 private:
  ErrorKind kind_;
  std::string where_;
};

inline Error runtime_error(std::string what, std::string where = {}) {
  return Error(ErrorKind::kRuntime, std::move(what), std::move(where));
}
inline Error usage_error(std::string what, std::string where = {}) {
  return Error(ErrorKind::kUsage, std::move(what), std::move(where));
}
inline Error invalid_input(std::string what, std::string where = {}) {
  return Error(ErrorKind::kInvalidInput, std::move(what), std::move(where));
}
inline Error denied(std::string what, std::string where = {}) {
  return Error(ErrorKind::kDenied, std::move(what), std::move(where));
}
inline Error not_found(std::string what, std::string where = {}) {
  return Error(ErrorKind::kNotFound, std::move(what), std::move(where));
}
inline Error conflict(std::string what, std::string where = {}) {
  return Error(ErrorKind::kConflict, std::move(what), std::move(where));
}
inline Error corrupt(std::string what, std::string where = {}) {
  return Error(ErrorKind::kCorrupt, std::move(what), std::move(where));
}

}  // namespace uncounted
