#pragma once
// Importing record lists (CSV) and testimonies (JSONL) into the store.
// All-or-nothing by default: every file of one call is read and checked,
// every bad row reported with its file and line, and nothing is written
// unless all rows are good. With skip_invalid, the good rows are written
// and the bad ones go to a rejects file. Re-importing (source, record_id)
// updates in place. The whole call is one transaction with its audit entry.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "io/record_list.h"
#include "store/store.h"

namespace uncounted::store {

struct ImportOptions {
  bool skip_invalid = false;
  std::string rejects_path;  // required with skip_invalid
  std::string actor = "cli";
  // Called now and then with bytes read so far and bytes in all files.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

struct ImportReport {
  std::size_t rows = 0;  // data rows (CSV) or lines (JSONL) read
  std::size_t inserted = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t testimonies = 0;
  std::size_t rejected = 0;
  std::vector<io::RowError> errors;  // every bad row
  bool committed = false;
};

ImportReport import_files(Store& store, const std::vector<std::string>& files,
                          const ImportOptions& options);

}  // namespace uncounted::store
