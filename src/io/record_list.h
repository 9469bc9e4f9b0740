#pragma once
// Reading a record list (../shared/spec/lists.md §1): each CSV row becomes a
// Record, or a RowError that says what is wrong and where. Streaming: one
// row at a time, so a million-row file needs no more memory than one row.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "io/csv_file.h"
#include "model/record.h"

namespace uncounted::io {

// A field longer than this is a row error (a 10 MB "name" is not a name).
inline constexpr std::size_t kMaxFieldBytes = 1u << 20;

struct RowError {
  std::string file;
  std::size_t line = 0;
  std::string reason;  // never quotes the row's values
  std::string where() const { return file + ":" + std::to_string(line); }
};

class RecordListReader {
 public:
  // Opens PATH and checks the header: throws invalid_input naming the
  // missing required columns (source, record_id, event).
  explicit RecordListReader(const std::string& path);

  // Reads the next row. Returns false at the end. Otherwise exactly one of
  // RECORD (valid row) or ERROR (invalid row) is set. RAW receives the row's
  // fields as read (for a rejects file). Malformed CSV (an unterminated
  // quote) throws: the rest of the file cannot be trusted.
  bool next(std::optional<Record>& record, std::optional<RowError>& error,
            std::vector<std::string>& raw);

  const std::vector<std::string>& header() const { return csv_.header(); }
  std::size_t line() const { return csv_.line(); }
  const std::string& path() const { return csv_.path(); }
  std::size_t bytes_read() const { return csv_.bytes_read(); }
  std::size_t size_bytes() const { return csv_.size_bytes(); }

 private:
  std::string validate(const std::vector<std::string>& fields, Record& record) const;

  CsvFile csv_;
  // Column index of each known field, or npos.
  std::size_t source_, record_id_, name_, sex_, birth_year_, origin_, event_, event_date_,
      event_place_, notes_, true_id_;
  std::vector<std::size_t> extra_columns_;
};

// Validation shared with the testimony reader and the web forms: each
// returns an empty string when the value is fine, else the reason.
std::string check_source_code(std::string_view source);
std::string check_record_id(std::string_view id);
// Parses "M", "F", "male", "female", "남", "여" (any case); blank is unknown.
std::optional<Sex> parse_sex(std::string_view text);
std::string check_event_code(std::string_view code);
std::string check_fuzzy_year(std::string_view text);
std::string check_fuzzy_date(std::string_view text);

}  // namespace uncounted::io
