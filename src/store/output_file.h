#pragma once
// Files a command writes beside a store (exports, reports, rejected rows,
// linkage outputs), written so that a wrong path cannot hurt the store:
//
//   - the store and its side files (the key file STORE.salt, the audit
//     head STORE.audit, SQLite's STORE-journal, -wal, -shm) are never an
//     output, --force or not;
//   - an existing file is replaced only when the user asked (--force);
//   - the content goes to a temporary file in the same folder (owner-only
//     permissions: it may hold names) and is renamed over the path only when
//     complete (and synced), so a failure leaves whatever was there
//     untouched.
//
//   store::check_output_path(out, global.store, force, "--out");
//   store::OutputFile file(out);
//   write(file.stream());
//   file.commit();  // or destroyed uncommitted: the temporary file goes
//
// Errors are uncounted::Error: usage_error for a refused path (exit 2),
// runtime_error for a failed write. Messages name the option and the path,
// never the content.

#include <string>

#include "io/output_file.h"

namespace uncounted::store {

// Throws usage_error when PATH is STORE_PATH or one of its side files, a
// folder, or (unless FORCE) an existing file. OPTION names the flag.
void check_output_path(const std::string& path, const std::string& store_path, bool force,
                       const std::string& option);

using io::OutputFile;

}  // namespace uncounted::store
