#include "io/csv_file.h"

#include <filesystem>
#include <iostream>
#include <set>

#include "model/error.h"

namespace uncounted::io {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

CsvFile::CsvFile(const std::string& path, CsvOptions options) : path_(path) {
  std::istream* in = &std::cin;
  if (path != "-") {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw runtime_error("is a directory", path);
    file_ = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*file_) throw runtime_error("cannot open the file", path);
    size_bytes_ = static_cast<std::size_t>(std::filesystem::file_size(path, ec));
    in = file_.get();
  }
  reader_ = std::make_unique<CsvReader>(*in, path, options);
  if (!reader_->next(header_) || (header_.size() == 1 && header_[0].empty())) {
    throw invalid_input("empty file: no header row", path + ":1");
  }
  std::set<std::string> seen;
  for (const std::string& name : header_) {
    if (name.empty()) throw invalid_input("empty column name in the header", path + ":1");
    if (!seen.insert(ascii_lower(name)).second) {
      throw invalid_input("column '" + name + "' appears twice in the header", path + ":1");
    }
  }
}

std::optional<std::size_t> CsvFile::column(std::string_view name) const {
  const std::string wanted = ascii_lower(name);
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (ascii_lower(header_[i]) == wanted) return i;
  }
  return std::nullopt;
}

bool CsvFile::next(std::vector<std::string>& fields, bool check_count) {
  for (;;) {
    if (!reader_->next(fields)) return false;
    if (fields.size() == 1 && fields[0].empty()) continue;  // blank line
    if (check_count && fields.size() != header_.size()) {
      throw invalid_input("row has " + std::to_string(fields.size()) + " fields, the header has " +
                              std::to_string(header_.size()),
                          path_ + ":" + std::to_string(reader_->line()));
    }
    return true;
  }
}

}  // namespace uncounted::io
