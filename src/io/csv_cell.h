#pragma once
// One CSV cell as every file uncounted writes it (exports, rejects,
// linkage outputs): RFC 4180 quoting where needed, and a cell that a
// spreadsheet would run as a formula (= + - @, tab or CR first) neutralized
// with a leading apostrophe.

#include <string>
#include <string_view>

namespace uncounted::io {

std::string csv_cell(std::string_view value);

}  // namespace uncounted::io
