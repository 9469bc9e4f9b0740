#include "estimate/capture_table.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <limits>
#include <map>

#include "io/csv_reader.h"
#include "model/error.h"

namespace uncounted::estimate {
namespace {

// A table may carry more list columns than can be estimated at once, as long
// as --lists picks at most kMaxLists of them; beyond this the 2^J pattern
// vector itself would be unreasonable.
constexpr std::size_t kMaxListColumns = 16;

// Each stratum holds a count for every one of the 2^J patterns, so a short
// file with many list columns and many strata could ask for gigabytes: the
// table may hold at most this many pattern cells in all (128 MiB of counts).
constexpr std::size_t kMaxCells = std::size_t{1} << 24;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

std::int64_t parse_count(const std::string& text, const std::string& where) {
  const std::string t = trim(text);
  if (t.empty()) throw invalid_input("count is empty", where);
  if (t[0] == '-') throw invalid_input("count is negative", where);
  std::int64_t value = 0;
  for (char c : t) {
    if (c == '.' || c == 'e' || c == 'E') throw invalid_input("count is not an integer", where);
    if (c < '0' || c > '9') throw invalid_input("count is not a non-negative integer", where);
    if (value > (std::numeric_limits<std::int64_t>::max() - 9) / 10)
      throw invalid_input("count is too large", where);
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::int64_t Stratum::observed() const {
  std::int64_t n = 0;
  for (std::size_t p = 1; p < counts.size(); ++p) n += counts[p];
  return n;
}

std::string Stratum::label() const {
  if (key.empty()) return "all";
  std::string s;
  for (const auto& [column, value] : key) {
    if (!s.empty()) s += ", ";
    s += column + "=" + value;
  }
  return s;
}

CaptureTable read_capture_table(std::istream& in, const std::string& file_name,
                                const TableReadOptions& options) {
  io::CsvReader reader(in, file_name);
  std::vector<std::string> fields;
  if (!reader.next(fields)) throw invalid_input("the table is empty", file_name);
  const std::string header_where = file_name + ":" + std::to_string(reader.line());

  CaptureTable table;
  std::vector<int> list_column;     // column index of each list
  std::vector<int> stratum_column;  // column index of each stratum column
  int count_column = -1;
  for (const std::string& wanted : options.strata) {
    auto it = std::find_if(fields.begin(), fields.end(),
                           [&](const std::string& f) { return lower(trim(f)) == lower(wanted); });
    if (it == fields.end())
      throw usage_error("stratum column " + wanted + " is not in the table", header_where);
    stratum_column.push_back(static_cast<int>(it - fields.begin()));
    table.stratum_columns.push_back(trim(*it));
  }
  for (std::size_t c = 0; c < fields.size(); ++c) {
    const std::string name = trim(fields[c]);
    if (lower(name) == "count") {
      if (count_column >= 0) throw invalid_input("two count columns", header_where);
      count_column = static_cast<int>(c);
    } else if (std::find(stratum_column.begin(), stratum_column.end(), static_cast<int>(c)) ==
               stratum_column.end()) {
      if (name.empty()) throw invalid_input("a column has no name", header_where);
      if (std::find(table.lists.begin(), table.lists.end(), name) != table.lists.end())
        throw invalid_input("list column " + name + " appears twice", header_where);
      table.lists.push_back(name);
      list_column.push_back(static_cast<int>(c));
    }
  }
  if (count_column < 0) throw invalid_input("the table has no count column", header_where);
  if (table.lists.empty()) throw invalid_input("the table has no list columns", header_where);
  if (table.lists.size() > kMaxListColumns)
    throw invalid_input(
        "the table has more than " + std::to_string(kMaxListColumns) + " list columns",
        header_where);

  const std::size_t cells = std::size_t{1} << table.lists.size();
  std::map<std::vector<std::string>, std::size_t> stratum_index;
  std::vector<std::vector<bool>> seen;  // per stratum, per pattern: was it a row already
  while (reader.next(fields)) {
    const std::string where = file_name + ":" + std::to_string(reader.line());
    if (fields.size() == 1 && trim(fields[0]).empty()) continue;  // blank line
    if (fields.size() != list_column.size() + stratum_column.size() + 1)
      throw invalid_input("row has " + std::to_string(fields.size()) + " cells, header has " +
                              std::to_string(list_column.size() + stratum_column.size() + 1),
                          where);
    Pattern pattern = 0;
    for (std::size_t j = 0; j < list_column.size(); ++j) {
      const std::string cell = trim(fields[list_column[j]]);
      if (cell == "1")
        pattern |= Pattern{1} << j;
      else if (cell != "0")
        throw invalid_input("list column " + table.lists[j] + " must be 0 or 1", where);
    }
    const std::int64_t count = parse_count(fields[count_column], where + ", column count");
    if (pattern == 0)
      throw invalid_input(
          "a row has the all-zero pattern: people on no list are the unknown being estimated "
          "and cannot be a row",
          where);
    std::vector<std::string> key_values;
    for (int c : stratum_column) key_values.push_back(trim(fields[c]));
    auto [it, inserted] = stratum_index.emplace(key_values, table.strata.size());
    if (inserted) {
      if ((table.strata.size() + 1) * cells > kMaxCells)
        throw invalid_input("the table has more than " + std::to_string(kMaxCells / cells) +
                                " strata for its " + std::to_string(table.lists.size()) +
                                " list columns",
                            where);
      Stratum s;
      for (std::size_t i = 0; i < key_values.size(); ++i)
        s.key.emplace_back(table.stratum_columns[i], key_values[i]);
      s.counts.assign(cells, 0);
      table.strata.push_back(std::move(s));
      seen.emplace_back(cells, false);
    }
    if (seen[it->second][pattern])
      throw invalid_input("the same capture pattern appears twice in one stratum", where);
    seen[it->second][pattern] = true;
    table.strata[it->second].counts[pattern] = count;
  }
  if (table.strata.empty()) throw invalid_input("the table has no rows", file_name);
  if (!options.lists.empty()) return select_lists(table, options.lists);
  return table;
}

CaptureTable select_lists(const CaptureTable& table, const std::vector<std::string>& lists) {
  std::vector<std::size_t> source;
  for (const std::string& code : lists) {
    auto it = std::find(table.lists.begin(), table.lists.end(), code);
    if (it == table.lists.end())
      throw usage_error("list " + code + " is not in the table", "--lists");
    if (std::find(source.begin(), source.end(),
                  static_cast<std::size_t>(it - table.lists.begin())) != source.end())
      throw usage_error("list " + code + " is named twice", "--lists");
    source.push_back(static_cast<std::size_t>(it - table.lists.begin()));
  }
  CaptureTable out;
  out.lists = lists;
  out.stratum_columns = table.stratum_columns;
  const std::size_t cells = std::size_t{1} << lists.size();
  for (const Stratum& s : table.strata) {
    Stratum t;
    t.key = s.key;
    t.counts.assign(cells, 0);
    for (std::size_t p = 1; p < s.counts.size(); ++p) {
      Pattern q = 0;
      for (std::size_t j = 0; j < source.size(); ++j)
        if (p >> source[j] & 1u) q |= Pattern{1} << j;
      if (q != 0) t.counts[q] += s.counts[p];
    }
    out.strata.push_back(std::move(t));
  }
  return out;
}

std::optional<std::string> why_not_estimable(const Stratum& stratum, std::size_t list_count) {
  if (list_count < 2)
    return "only one list: an estimate needs at least two lists whose overlap can be measured";
  if (list_count > kMaxLists)
    return "more than " + std::to_string(kMaxLists) + " lists (" + std::to_string(list_count) +
           "): choose at most " + std::to_string(kMaxLists) + " with --lists";
  if (stratum.counts.size() != (std::size_t{1} << list_count))
    return "the table does not have one count per capture pattern";
  if (stratum.observed() == 0) return "all counts are zero: nobody was observed";
  std::int64_t overlap = 0;
  for (std::size_t p = 1; p < stratum.counts.size(); ++p)
    if (std::popcount(static_cast<Pattern>(p)) >= 2) overlap += stratum.counts[p];
  if (overlap == 0)
    return "the lists do not overlap: nobody is on more than one list, so the overlap gives "
           "no information about the people on none";
  return std::nullopt;
}

std::vector<std::string> sparsity_warnings(const Stratum& stratum, std::size_t list_count) {
  std::vector<std::string> out;
  const std::size_t cells = (std::size_t{1} << list_count) - 1;
  std::size_t zero = 0;
  for (std::size_t p = 1; p < stratum.counts.size(); ++p) zero += stratum.counts[p] == 0;
  if (zero * 2 > cells)
    out.push_back(std::to_string(zero) + " of " + std::to_string(cells) +
                  " capture patterns are empty: the table is sparse and interactions may not "
                  "be estimable");
  for (std::size_t j = 0; j < list_count; ++j) {
    std::int64_t on = 0;
    for (std::size_t p = 1; p < stratum.counts.size(); ++p)
      if (p >> j & 1u) on += stratum.counts[p];
    if (on == 0) out.push_back("list " + std::to_string(j + 1) + " is empty in this stratum");
  }
  const std::int64_t n = stratum.observed();
  if (n > 0 && n < 20) out.push_back("fewer than 20 people observed: intervals will be wide");
  return out;
}

}  // namespace uncounted::estimate
