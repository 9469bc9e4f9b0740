#pragma once
// Reading CSV lists in any layout into a Table, as a settings document's
// "input" section describes: which column is the record id, where the source
// comes from (a column, or each file is a source), CSV quirks. No conversion
// step: Febrl, ONS or a partner's spreadsheet are read as they are.

#include <string>
#include <vector>

#include "link/settings.h"
#include "link/table.h"

namespace uncounted::link {

struct InputReport {
  std::size_t rows = 0;
  // Columns the model reads that some file lacks (null there), by file.
  std::vector<std::string> warnings;
};

// Reads FILES. Keeps the columns SETTINGS.columns() names (null where a
// file lacks one) and the truth column when there is one. Throws
// invalid_input when a required column is missing, when no file has any
// column the model compares, or when (source, record_id) repeats.
Table read_input_files(const std::vector<std::string>& files, const Settings& settings,
                       InputReport* report = nullptr);

// The source code of a file that is its own source: "dir/cis.csv" -> "cis".
std::string source_name_of_file(const std::string& path);

}  // namespace uncounted::link
