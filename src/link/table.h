#pragma once
// The records to link, held column by column: one byte pool and one offset
// array per column, so a million records cost a few allocations, not
// millions. Built from uncounted::Record values (the interchange format) or
// from CSV files in any layout (see input_files.h). A blank cell is null.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/record.h"

namespace uncounted::link {

class Column {
 public:
  explicit Column(std::string name = {}) : name_(std::move(name)) {}
  const std::string& name() const { return name_; }
  std::size_t size() const { return ends_.size(); }
  std::string_view operator[](std::size_t i) const {
    const std::uint64_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(bytes_).substr(begin, ends_[i] - begin);
  }
  bool is_null(std::size_t i) const { return (*this)[i].empty(); }
  void push_back(std::string_view value) {
    bytes_.append(value);
    ends_.push_back(bytes_.size());
  }
  void reserve(std::size_t rows, std::size_t bytes) {
    ends_.reserve(rows);
    bytes_.reserve(bytes);
  }

 private:
  std::string name_;
  std::string bytes_;
  std::vector<std::uint64_t> ends_;
};

struct Table {
  std::vector<std::string> source_names;  // index = source number
  std::vector<std::uint32_t> source;      // per record
  Column record_id{"record_id"};
  std::vector<Column> columns;  // the comparable columns, by name
  Column truth{"truth"};        // ground truth (evaluation only); all null when absent
  bool has_truth = false;

  std::size_t size() const { return source.size(); }
  // The column named NAME (ASCII case-insensitive), or nullptr.
  const Column* column(std::string_view name) const;
  // "SOURCE:RECORD_ID" of record I (for explanations and review queues).
  std::string key(std::size_t i) const;
  // The record numbered by "SOURCE:RECORD_ID", or nullopt.
  std::optional<std::uint32_t> find(std::string_view source_colon_id) const;
};

// The interchange columns of ../shared/spec/lists.md §1 that linkage reads.
// Record::true_id becomes the truth column (read by evaluation only).
Table table_from_records(const std::vector<Record>& records);

}  // namespace uncounted::link
