#pragma once
// The files of the repository's data/ folder, compiled into the program so
// that it needs nothing beside the binary at run time.

#include <optional>
#include <string_view>

namespace uncounted::data {

// Returns the bytes of data/NAME (NAME is the base name, e.g.
// "surnames.tsv"), or nullopt when no such file was embedded.
// Thread-safe: the bytes are static and immutable.
std::optional<std::string_view> embedded_file(std::string_view name);

}  // namespace uncounted::data
