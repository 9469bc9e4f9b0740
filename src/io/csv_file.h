#pragma once
// A CSV file with a header row: columns found by name (case-insensitively),
// and every row checked to have as many fields as the header.

#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/csv_reader.h"

namespace uncounted::io {

class CsvFile {
 public:
  // Opens PATH ("-" is standard input) and reads the header. Throws
  // runtime_error when the file cannot be opened and invalid_input when it
  // is empty or its header is malformed (empty or repeated column names).
  explicit CsvFile(const std::string& path, CsvOptions options = {});

  const std::vector<std::string>& header() const { return header_; }
  // Index of the column named NAME (ASCII case-insensitive), if any.
  std::optional<std::size_t> column(std::string_view name) const;

  // Reads the next data row; skips blank lines. Throws invalid_input when
  // the row's field count differs from the header's, unless CHECK_COUNT is
  // false (then the caller checks, e.g. to reject just that row).
  bool next(std::vector<std::string>& fields, bool check_count = true);
  std::size_t line() const { return reader_->line(); }
  const std::string& path() const { return path_; }
  std::size_t bytes_read() const { return reader_->bytes_read(); }
  // Size of the file in bytes, or 0 when unknown (standard input).
  std::size_t size_bytes() const { return size_bytes_; }

 private:
  std::string path_;
  std::unique_ptr<std::ifstream> file_;
  std::unique_ptr<CsvReader> reader_;
  std::vector<std::string> header_;
  std::size_t size_bytes_ = 0;
};

// ASCII-lowercase copy of S (column names are matched this way).
std::string ascii_lower(std::string_view s);

}  // namespace uncounted::io
