// libFuzzer target: the CSV reader and the record-list validation on
// arbitrary bytes. Any input must end in rows or an uncounted::Error, never
// a crash, a hang or a sanitizer report.

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "io/csv_reader.h"
#include "io/record_list.h"
#include "model/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  // The reader on its own, with both option sets.
  for (bool trim : {false, true}) {
    std::istringstream in(bytes);
    uncounted::io::CsvOptions options;
    options.trim_leading_space = trim;
    options.max_field_bytes = 4096;
    uncounted::io::CsvReader reader(in, "fuzz.csv", options);
    std::vector<std::string> fields;
    try {
      while (reader.next(fields)) {
      }
    } catch (const uncounted::Error&) {
    }
  }
  // The record list reader goes through a file, as the importer does.
  static const std::string path = "/tmp/uncounted-csv-fuzz-" + std::to_string(::getpid()) + ".csv";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
  }
  try {
    uncounted::io::RecordListReader reader(path);
    std::optional<uncounted::Record> record;
    std::optional<uncounted::io::RowError> error;
    std::vector<std::string> raw;
    while (reader.next(record, error, raw)) {
      if (record.has_value() == error.has_value()) __builtin_trap();  // exactly one is set
    }
  } catch (const uncounted::Error&) {
  }
  return 0;
}
