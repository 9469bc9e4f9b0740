// Writing a simulation to disk: the lists in the interchange format and the
// truth beside them (simulation.h).

#include <algorithm>
#include <fstream>
#include <string_view>

#include "model/error.h"
#include "simulate/simulation.h"

namespace uncounted::simulate {
namespace {

constexpr std::size_t kBlockBytes = 1 << 20;

// Appends FIELD to OUT, quoted when it holds a comma, a quote or a line
// break (RFC 4180).
void append_quoted(std::string& out, std::string_view field) {
  const bool plain = std::none_of(field.begin(), field.end(), [](char c) {
    return c == ',' || c == '"' || c == '\r' || c == '\n';
  });
  if (plain) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string_view value_or_empty(const std::optional<std::string>& value) {
  return value ? std::string_view(*value) : std::string_view();
}

std::ofstream open_for_writing(const std::filesystem::path& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw runtime_error("cannot write the file", path.string());
  return out;
}

void finish(std::ofstream& out, const std::filesystem::path& path) {
  out.close();
  if (!out) throw runtime_error("writing the file failed", path.string());
}

}  // namespace

std::string record_csv_header() {
  return "source,record_id,name,sex,birth_year,origin,event,event_date,event_place,notes,true_id";
}

void append_record_csv_row(std::string& row, const Record& r, bool korean_sex) {
  // In the order of record_csv_header(); a missing value is an empty cell.
  std::string_view sex = to_code(r.sex);
  if (korean_sex && r.sex != Sex::kUnknown) sex = r.sex == Sex::kMale ? "남" : "여";
  const std::string_view cells[] = {r.source,
                                    r.record_id,
                                    value_or_empty(r.name),
                                    sex,
                                    value_or_empty(r.birth_year),
                                    value_or_empty(r.origin),
                                    r.event,
                                    value_or_empty(r.event_date),
                                    value_or_empty(r.event_place),
                                    value_or_empty(r.notes),
                                    value_or_empty(r.true_id)};
  for (std::size_t i = 0; i < std::size(cells); ++i) {
    if (i > 0) row += ',';
    append_quoted(row, cells[i]);
  }
}

std::string record_csv_row(const Record& r) {
  std::string row;
  append_record_csv_row(row, r);
  return row;
}

WrittenFiles write_simulation(const Simulation& sim, const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir / "truth", ec);
  if (ec) throw runtime_error("cannot create the output folder", dir.string());
  WrittenFiles files;
  for (std::size_t o = 0; o < sim.lists.size(); ++o) {
    const auto path = dir / (sim.scenario.organizations[o].code + ".csv");
    auto out = open_for_writing(path);
    // Rows are built in one buffer and written a block at a time: no
    // string per row or per field.
    std::string block = record_csv_header() + "\n";
    const bool korean_sex = sim.scenario.organizations[o].writing.sex_style == "korean";
    for (const Record& r : sim.lists[o]) {
      append_record_csv_row(block, r, korean_sex);
      block += '\n';
      if (block.size() >= kBlockBytes) {
        out.write(block.data(), static_cast<std::streamsize>(block.size()));
        block.clear();
      }
    }
    out.write(block.data(), static_cast<std::streamsize>(block.size()));
    finish(out, path);
    files.lists.push_back(path);
  }

  files.truth_json = dir / "truth" / "truth.json";
  auto json_out = open_for_writing(files.truth_json);
  json_out << truth_to_json(sim).dump(2) << "\n";
  finish(json_out, files.truth_json);

  files.truth_csv = dir / "truth" / "truth.csv";
  auto csv = open_for_writing(files.truth_csv);
  csv << "event,event_place,true_total,documented\n";
  for (const EventPlaceTruth& t : truth_by_event_place(sim))
    csv << t.event << "," << t.place_id << "," << t.total << "," << t.documented << "\n";
  finish(csv, files.truth_csv);

  // The true capture histories in the format of lists.md §3: what the
  // estimates would see with perfect linkage.
  files.captures_csv = dir / "truth" / "captures.csv";
  auto captures = open_for_writing(files.captures_csv);
  const auto& orgs = sim.scenario.organizations;
  for (const std::string& column : sim.scenario.estimation.strata) captures << column << ",";
  for (const auto& org : orgs) captures << org.code << ",";
  captures << "count\n";
  for (const TrueStratum& t : sim.strata) {
    for (std::size_t pattern = 1; pattern < t.counts.size(); ++pattern) {
      if (t.counts[pattern] == 0) continue;
      std::string row;
      for (const auto& [column, value] : t.key) {
        append_quoted(row, value);
        row += ',';
      }
      captures << row;
      for (std::size_t o = 0; o < orgs.size(); ++o) captures << ((pattern >> o) & 1) << ",";
      captures << t.counts[pattern] << "\n";
    }
  }
  finish(captures, files.captures_csv);
  return files;
}

}  // namespace uncounted::simulate
