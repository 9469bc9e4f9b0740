#pragma once
// The files of the repository's data/ folder, compiled into the program so
// that it needs nothing beside the binary at run time.

#include <optional>
#include <string_view>
#include <vector>

namespace uncounted::data {

// Returns the bytes of data/NAME (NAME is the base name, e.g.
// "surnames.tsv"), or nullopt when no such file was embedded.
// Thread-safe: the bytes are static and immutable.
std::optional<std::string_view> embedded_file(std::string_view name);

// The pieces of TEXT between SEP characters (a table's lines, a line's
// cells, a cell's list items); empty pieces are kept, so cell positions
// stay put. The views point into TEXT.
std::vector<std::string_view> split_fields(std::string_view text, char sep);

}  // namespace uncounted::data
