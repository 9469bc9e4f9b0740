#include "link/table.h"

#include "io/csv_file.h"

namespace uncounted::link {

const Column* Table::column(std::string_view name) const {
  const std::string wanted = io::ascii_lower(name);
  for (const Column& c : columns) {
    if (io::ascii_lower(c.name()) == wanted) return &c;
  }
  return nullptr;
}

std::string Table::key(std::size_t i) const {
  return source_names[source[i]] + ":" + std::string(record_id[i]);
}

std::optional<std::uint32_t> Table::find(std::string_view source_colon_id) const {
  const std::size_t colon = source_colon_id.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const std::string_view src = source_colon_id.substr(0, colon);
  const std::string_view id = source_colon_id.substr(colon + 1);
  for (std::size_t i = 0; i < size(); ++i) {
    if (record_id[i] == id && source_names[source[i]] == src) {
      return static_cast<std::uint32_t>(i);
    }
  }
  return std::nullopt;
}

Table table_from_records(const std::vector<Record>& records) {
  Table table;
  for (const char* name :
       {"name", "sex", "birth_year", "origin", "event", "event_date", "event_place"}) {
    table.columns.emplace_back(name);
  }
  auto opt = [](const std::optional<std::string>& s) -> std::string_view {
    return s ? std::string_view(*s) : std::string_view();
  };
  for (const Record& r : records) {
    std::uint32_t source = 0;
    while (source < table.source_names.size() && table.source_names[source] != r.source) ++source;
    if (source == table.source_names.size()) table.source_names.push_back(r.source);
    table.source.push_back(source);
    table.record_id.push_back(r.record_id);
    table.columns[0].push_back(opt(r.name));
    table.columns[1].push_back(to_code(r.sex));
    table.columns[2].push_back(opt(r.birth_year));
    table.columns[3].push_back(opt(r.origin));
    table.columns[4].push_back(r.event);
    table.columns[5].push_back(opt(r.event_date));
    table.columns[6].push_back(opt(r.event_place));
    table.truth.push_back(opt(r.true_id));
    if (r.true_id) table.has_truth = true;
  }
  return table;
}

}  // namespace uncounted::link
