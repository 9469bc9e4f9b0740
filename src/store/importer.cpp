#include "store/importer.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "io/csv_cell.h"
#include "io/csv_reader.h"
#include "io/output_file.h"
#include "io/testimony.h"
#include "model/error.h"
#include "store/audit_log.h"
#include "store/record_table.h"
#include "store/testimony_table.h"

namespace uncounted::store {
namespace {

bool is_jsonl(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  return ext == ".jsonl" || ext == ".ndjson";
}

// A rejected row, kept to be written out at the end (rejects are few).
struct Reject {
  io::RowError error;
  std::vector<std::pair<std::string, std::string>> fields;  // column, value
};

class ImportRun {
 public:
  ImportRun(Store& store, const ImportOptions& options, std::size_t total_bytes)
      : store_(store), options_(options), writer_(store.db()), total_bytes_(total_bytes) {}

  void csv_file(const std::string& path);
  void jsonl_file(const std::string& path);
  void write_rejects() const;
  void finish();
  ImportReport report;

 private:
  void write_testimony(const io::Testimony& t);
  void reject(io::RowError error, std::vector<std::pair<std::string, std::string>> fields);
  // Checks that (source, record_id) is not already in this import.
  bool claim_key(const Record& r, const std::string& file, std::size_t line);
  void write(const Record& r);
  void tick(std::size_t file_bytes);

  Store& store_;
  const ImportOptions& options_;
  RecordWriter writer_;
  // (source, record_id) -> where it was first seen: file number and line.
  std::unordered_map<std::string, std::pair<std::uint32_t, std::uint64_t>> seen_;
  std::vector<std::string> files_;
  std::string first_seen(const Record& r) const;
  std::vector<Reject> rejects_;
  std::vector<std::int64_t> written_ids_;
  std::size_t total_bytes_;
  std::size_t done_bytes_ = 0;
};

constexpr const char* kTakenMessage =
    "the store holds this (source, record_id) for another testimony or list; a list row cannot "
    "replace a testimony's record, nor a testimony a list's";

void ImportRun::reject(io::RowError error,
                       std::vector<std::pair<std::string, std::string>> fields) {
  ++report.rejected;
  report.errors.push_back(error);
  if (options_.skip_invalid) rejects_.push_back({std::move(error), std::move(fields)});
}

bool ImportRun::claim_key(const Record& r, const std::string& file, std::size_t line) {
  if (files_.empty() || files_.back() != file) files_.push_back(file);
  std::string key = r.source;
  key.push_back('\0');
  key += r.record_id;
  auto [it, fresh] = seen_.try_emplace(
      std::move(key), static_cast<std::uint32_t>(files_.size() - 1), std::uint64_t{line});
  return fresh;
}

std::string ImportRun::first_seen(const Record& r) const {
  const auto& [file, line] = seen_.at(r.source + '\0' + r.record_id);
  return files_[file] + ":" + std::to_string(line);
}

void ImportRun::write(const Record& r) {
  // After the first error of an all-or-nothing import nothing will be kept:
  // keep checking rows, stop writing them.
  if (!options_.skip_invalid && !report.errors.empty()) return;
  std::int64_t id = 0;
  switch (writer_.upsert(r, id)) {
    case UpsertOutcome::kInserted:
      ++report.inserted;
      break;
    case UpsertOutcome::kUpdated:
      ++report.updated;
      break;
    case UpsertOutcome::kUnchanged:
      ++report.unchanged;
      return;
    case UpsertOutcome::kTaken:  // checked by the callers before
      throw invalid_input("a record_id belongs to another testimony's record");
  }
  written_ids_.push_back(id);
}

void ImportRun::tick(std::size_t file_bytes) {
  if (options_.progress && report.rows % 20000 == 0) {
    options_.progress(done_bytes_ + file_bytes, total_bytes_);
  }
}

std::vector<std::pair<std::string, std::string>> named_fields(
    const std::vector<std::string>& header, const std::vector<std::string>& fields) {
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    out.emplace_back(i < header.size() ? header[i] : "column_" + std::to_string(i + 1), fields[i]);
  }
  return out;
}

void ImportRun::csv_file(const std::string& path) {
  io::RecordListReader reader(path);
  std::optional<Record> record;
  std::optional<io::RowError> error;
  std::vector<std::string> raw;
  while (reader.next(record, error, raw)) {
    ++report.rows;
    tick(reader.bytes_read());
    if (error) {
      reject(*error, named_fields(reader.header(), raw));
    } else if (!claim_key(*record, path, reader.line())) {
      reject(io::RowError{path, reader.line(),
                          "duplicate (source, record_id): also at " + first_seen(*record)},
             named_fields(reader.header(), raw));
    } else if (writer_.taken(*record)) {
      reject(io::RowError{path, reader.line(), kTakenMessage}, named_fields(reader.header(), raw));
    } else {
      write(*record);
    }
  }
  done_bytes_ += reader.size_bytes();
}

void ImportRun::jsonl_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw runtime_error("cannot open the file", path);
  std::error_code ec;
  const std::size_t size = static_cast<std::size_t>(std::filesystem::file_size(path, ec));
  std::string line;
  std::size_t line_number = 0;
  std::size_t bytes = 0;
  io::Testimony testimony;
  while (std::getline(in, line)) {
    ++line_number;
    bytes += line.size() + 1;
    if (line_number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    ++report.rows;
    tick(bytes);
    if (line.size() > 16 * io::kMaxFieldBytes) {
      reject({path, line_number, "line longer than 16 MiB"}, {{"json", line}});
      continue;
    }
    if (auto why = io::parse_testimony(line, testimony); !why.empty()) {
      reject({path, line_number, why}, {{"json", line}});
      continue;
    }
    bool duplicate = false;
    for (const Record& r : testimony.records) {
      if (!claim_key(r, path, line_number)) {
        reject({path, line_number, "duplicate (source, record_id): also at " + first_seen(r)},
               {{"json", line}});
        duplicate = true;
        break;
      }
    }
    if (duplicate) continue;
    if (std::any_of(testimony.records.begin(), testimony.records.end(),
                    [this](const Record& r) { return writer_.taken(r); })) {
      reject({path, line_number, kTakenMessage}, {{"json", line}});
      continue;
    }
    if (!options_.skip_invalid && !report.errors.empty()) continue;
    write_testimony(testimony);
    for (const Record& r : testimony.records) write(r);
  }
  if (in.bad()) throw runtime_error("cannot read the file", path);
  done_bytes_ += size;
}

void ImportRun::write_testimony(const io::Testimony& t) {
  upsert_testimony(store_.db(), t);
  ++report.testimonies;
}

// Rejects keep the input's columns, plus where and why, so that a
// documenter can fix them and import that file again.
void ImportRun::write_rejects() const {
  std::vector<std::string> columns;
  for (const Reject& r : rejects_) {
    for (const auto& [column, value] : r.fields) {
      if (std::find(columns.begin(), columns.end(), column) == columns.end()) {
        columns.push_back(column);
      }
    }
  }
  // Owner-only (the rows hold names), whole or not at all, and formulas
  // neutralized: a documenter opens it in a spreadsheet.
  io::OutputFile file(options_.rejects_path);
  std::ostream& out = file.stream();
  const auto quoted = [](const std::string& v) { return io::csv_cell(v); };
  out << "reject_file,reject_line,reject_reason";
  for (const std::string& c : columns) out << "," << quoted(c);
  out << "\n";
  for (const Reject& r : rejects_) {
    out << quoted(r.error.file) << "," << r.error.line << "," << quoted(r.error.reason);
    for (const std::string& c : columns) {
      out << ",";
      for (const auto& [column, value] : r.fields) {
        if (column == c) {
          out << quoted(value);
          break;
        }
      }
    }
    out << "\n";
  }
  file.commit();
}

void ImportRun::finish() {
  nlohmann::json details = {{"rows", report.rows},
                            {"inserted", report.inserted},
                            {"updated", report.updated},
                            {"unchanged", report.unchanged},
                            {"testimonies", report.testimonies},
                            {"rejected", report.rejected}};
  append_audit(store_.db(), AuditEntry{options_.actor, "import", compress_id_ranges(written_ids_),
                                       details.dump()});
}

}  // namespace

ImportReport import_files(Store& store, const std::vector<std::string>& files,
                          const ImportOptions& options) {
  if (files.empty()) throw usage_error("no file to import", "import");
  if (options.skip_invalid && options.rejects_path.empty()) {
    throw usage_error("--skip-invalid needs --rejects FILE", "import");
  }
  std::size_t total = 0;
  for (const std::string& f : files) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(f, ec)) throw runtime_error("no such file", f);
    total += static_cast<std::size_t>(std::filesystem::file_size(f, ec));
  }
  Transaction tx(store.db());
  ImportRun run(store, options, total);
  for (const std::string& f : files) {
    if (is_jsonl(f)) {
      run.jsonl_file(f);
    } else {
      run.csv_file(f);
    }
  }
  if (!run.report.errors.empty() && !options.skip_invalid) return run.report;  // rolls back
  if (options.skip_invalid && run.report.rejected > 0) run.write_rejects();
  run.finish();
  tx.commit();
  run.report.committed = true;
  return run.report;
}

}  // namespace uncounted::store
