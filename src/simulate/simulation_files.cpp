// Writing a simulation to disk: the lists in the interchange format and the
// truth beside them (simulation.h).

#include <fstream>

#include "model/error.h"
#include "simulate/simulation.h"

namespace uncounted::simulate {
namespace {

std::string quoted(const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string cell(const std::optional<std::string>& value) { return value ? quoted(*value) : ""; }

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

std::string record_csv_row(const Record& r) {
  std::string row = quoted(r.source) + "," + quoted(r.record_id) + "," + cell(r.name) + ",";
  row += std::string(to_code(r.sex)) + "," + cell(r.birth_year) + "," + cell(r.origin) + ",";
  row += quoted(r.event) + "," + cell(r.event_date) + "," + cell(r.event_place) + ",";
  row += cell(r.notes) + "," + cell(r.true_id);
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
    out << record_csv_header() << "\n";
    for (const Record& r : sim.lists[o]) out << record_csv_row(r) << "\n";
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
      for (const auto& [column, value] : t.key) captures << quoted(value) << ",";
      for (std::size_t o = 0; o < orgs.size(); ++o) captures << ((pattern >> o) & 1) << ",";
      captures << t.counts[pattern] << "\n";
    }
  }
  finish(captures, files.captures_csv);
  return files;
}

}  // namespace uncounted::simulate
