#include "link/input_files.h"

#include <regex>
#include <unordered_map>
#include <unordered_set>

#include "io/csv_file.h"
#include "model/error.h"

namespace uncounted::link {

std::string source_name_of_file(const std::string& path) {
  std::string name = path.substr(path.find_last_of('/') + 1);
  const std::size_t dot = name.find('.');
  if (dot != std::string::npos && dot > 0) name = name.substr(0, dot);
  return name.empty() ? "input" : name;
}

Table read_input_files(const std::vector<std::string>& files, const Settings& settings,
                       InputReport* report) {
  if (files.empty()) throw usage_error("no input files");
  Table table;
  const std::vector<std::string> wanted = settings.columns();
  for (const std::string& c : wanted) table.columns.emplace_back(c);
  std::vector<std::size_t> present(wanted.size(), 0);
  std::optional<std::regex> truth_pattern;
  if (!settings.input.truth_pattern.empty()) {
    try {
      truth_pattern.emplace(settings.input.truth_pattern);
    } catch (const std::regex_error&) {
      throw invalid_input("truth_pattern is not a valid regular expression", "input.truth_pattern");
    }
  }
  std::unordered_map<std::string, std::uint32_t> sources;
  InputReport local;
  InputReport& out = report ? *report : local;
  std::vector<std::string> fields;
  for (const std::string& path : files) {
    io::CsvOptions options;
    options.delimiter = settings.input.delimiter;
    options.trim_leading_space = settings.input.trim_leading_space;
    io::CsvFile csv(path, options);
    constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);
    std::size_t source_col = kAbsent;
    if (!settings.input.source_column.empty()) {
      source_col = csv.column(settings.input.source_column).value_or(kAbsent);
      if (source_col == kAbsent) {
        throw invalid_input("missing column " + settings.input.source_column +
                                " (or set input.source_column to null: each file a source)",
                            path);
      }
    }
    std::size_t id_col = kAbsent;
    for (const std::string& c : settings.input.record_id_columns) {
      if (auto k = csv.column(c)) {
        id_col = *k;
        break;
      }
    }
    if (id_col == kAbsent && !settings.input.record_id_columns.empty()) {
      throw invalid_input("missing record id column " + settings.input.record_id_columns.front(),
                          path);
    }
    std::vector<std::size_t> cols(wanted.size(), kAbsent);
    for (std::size_t c = 0; c < wanted.size(); ++c) {
      if (auto k = csv.column(wanted[c])) {
        cols[c] = *k;
        ++present[c];
      } else {
        out.warnings.push_back("column " + wanted[c] + " is missing in " + path +
                               " (treated as unknown)");
      }
    }
    std::size_t truth_col = kAbsent;
    if (!settings.input.truth_column.empty()) {
      truth_col = csv.column(settings.input.truth_column).value_or(kAbsent);
      if (truth_col != kAbsent) table.has_truth = true;
    }
    const std::string file_source = source_name_of_file(path);
    std::size_t row = 0;
    while (csv.next(fields)) {
      ++row;
      const std::string& src = source_col == kAbsent ? file_source : fields[source_col];
      if (src.empty()) throw invalid_input("blank source", path + ":" + std::to_string(csv.line()));
      auto [it, inserted] = sources.emplace(src, static_cast<std::uint32_t>(sources.size()));
      if (inserted) table.source_names.push_back(src);
      table.source.push_back(it->second);
      if (id_col == kAbsent) {
        table.record_id.push_back(std::to_string(row));
      } else {
        if (fields[id_col].empty()) {
          throw invalid_input("blank record id", path + ":" + std::to_string(csv.line()));
        }
        table.record_id.push_back(fields[id_col]);
      }
      for (std::size_t c = 0; c < wanted.size(); ++c) {
        table.columns[c].push_back(cols[c] == kAbsent ? std::string_view() : fields[cols[c]]);
      }
      std::string_view truth = truth_col == kAbsent ? std::string_view() : fields[truth_col];
      std::string captured;
      if (truth_pattern && !truth.empty()) {
        std::smatch m;
        const std::string t(truth);
        if (std::regex_search(t, m, *truth_pattern) && m.size() > 1) captured = m[1].str();
        truth = captured;
      }
      table.truth.push_back(truth);
    }
    out.rows += row;
  }
  bool any = false;
  for (std::size_t c = 0; c < wanted.size(); ++c) any = any || present[c] > 0;
  if (!any) {
    throw invalid_input(
        "none of the input files has a column the model compares (use --settings "
        "to map the files' columns)");
  }
  for (std::size_t c = 0; c < wanted.size(); ++c) {
    if (present[c] == 0) {
      out.warnings.push_back("column " + wanted[c] + " is in no input file");
    }
  }
  // (source, record_id) must be unique: linkage output is keyed by it.
  std::unordered_set<std::string> seen;
  seen.reserve(table.size());
  for (std::size_t i = 0; i < table.size(); ++i) {
    std::string key = std::to_string(table.source[i]) + '\x1f' + std::string(table.record_id[i]);
    if (!seen.insert(std::move(key)).second) {
      throw invalid_input("a record id repeats within its source",
                          "record " + std::to_string(i + 1));
    }
  }
  return table;
}

}  // namespace uncounted::link
