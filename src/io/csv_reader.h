#pragma once
// Streaming reader of RFC 4180 CSV: UTF-8 with an optional BOM, LF or CRLF
// line ends, quoted fields with embedded commas, quotes and line breaks.
// Every malformed row is an uncounted::Error (invalid_input) whose location
// is "FILE:LINE"; the message never quotes the row's content.

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace uncounted::io {

struct CsvOptions {
  char delimiter = ',';
  // Febrl's files put a space after each comma; its toolkit skips it.
  bool trim_leading_space = false;
  // A longer field is an error, not an out-of-memory crash.
  std::size_t max_field_bytes = 16u << 20;
  bool validate_utf8 = true;
};

class CsvReader {
 public:
  // Reads from IN (which must outlive the reader). FILE_NAME is used only in
  // error locations.
  CsvReader(std::istream& in, std::string file_name, CsvOptions options = {});

  // Reads the next row into FIELDS (reusing its capacity). Returns false at
  // the end of the input. A blank line is a row with one empty field; callers
  // that do not want those skip them. Throws invalid_input on malformed input.
  bool next(std::vector<std::string>& fields);

  // The 1-based line on which the row last returned by next() began.
  std::size_t line() const { return row_line_; }
  const std::string& file_name() const { return file_name_; }
  // Bytes consumed so far (for progress reporting).
  std::size_t bytes_read() const { return bytes_read_; }

 private:
  int get();
  int peek();
  void refill();
  void check_field(const std::string& field) const;

  std::istream& in_;
  std::string file_name_;
  CsvOptions options_;
  std::vector<char> buffer_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  std::size_t line_ = 1;
  std::size_t row_line_ = 0;
  std::size_t bytes_read_ = 0;
  bool at_start_ = true;
  bool eof_ = false;
};

// Whether BYTES is well-formed UTF-8 (no overlong forms, no surrogates, no
// code points above U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

// The one-line error for BYTES that are not UTF-8, naming the encoding
// when it is recognizably Korean Windows/Excel (CP949, also read as
// EUC-KR), with how to convert. Never quotes the bytes (they may be a name).
std::string not_utf8_message(std::string_view bytes);

}  // namespace uncounted::io
