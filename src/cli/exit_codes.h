#pragma once
// The command line's exit codes (../shared/spec/cli.md): 0 done, 1 failed
// while running (I/O, a damaged store, a conflict), 2 called wrongly (also
// naming something that does not exist), 3 invalid input data, 4 refused
// (wrong passphrase, permission denied).

#include "model/error.h"

namespace uncounted::cli {

inline int exit_code(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kUsage:
    case ErrorKind::kNotFound:
      return 2;
    case ErrorKind::kInvalidInput:
      return 3;
    case ErrorKind::kDenied:
      return 4;
    case ErrorKind::kRuntime:
    case ErrorKind::kConflict:
    case ErrorKind::kCorrupt:
      return 1;
  }
  return 1;
}

}  // namespace uncounted::cli
