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

// The exit classes of ../shared/spec/cli.md.
enum class ErrorKind {
  kRuntime = 1,       // something failed while running (I/O, corrupt store, ...)
  kUsage = 2,         // the command was called wrongly
  kInvalidInput = 3,  // the input data is invalid
  kDenied = 4,        // wrong passphrase or permission denied
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string what, std::string where = {})
      : std::runtime_error(std::move(what)), kind_(kind), where_(std::move(where)) {}

  ErrorKind kind() const { return kind_; }
  int exit_code() const { return static_cast<int>(kind_); }
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

}  // namespace uncounted
