#include "link/person_completion.h"

namespace uncounted::link {

std::vector<std::size_t> person_level_comparisons(const Settings& settings) {
  std::vector<std::size_t> out;
  for (std::size_t c = 0; c < settings.comparisons.size(); ++c) {
    const Comparison& comparison = settings.comparisons[c];
    if (!comparison.condition_column.empty() || !comparison.swap_column.empty()) continue;
    if (comparison.kind == ColumnKind::kSex || comparison.kind == ColumnKind::kYear ||
        comparison.kind == ColumnKind::kPlace) {
      out.push_back(c);
    }
  }
  return out;
}

PersonCompletion complete_from_persons(const Table& table, const Settings& settings,
                                       const std::vector<PreparedColumn>& columns,
                                       const std::vector<std::uint32_t>& entity,
                                       std::size_t entities) {
  PersonCompletion out;
  const std::size_t n = table.size();
  out.completed.assign(n, 0);
  out.comparisons = person_level_comparisons(settings);
  if (out.comparisons.size() > 8) out.comparisons.resize(8);  // one bit each
  out.table = table;
  if (out.comparisons.empty() || n == 0) return out;

  // The records of each entity, together (a counting sort).
  std::vector<std::uint32_t> begin(entities + 1, 0);
  for (std::uint32_t e : entity) ++begin[e + 1];
  for (std::size_t e = 0; e < entities; ++e) begin[e + 1] += begin[e];
  std::vector<std::uint32_t> members(n);
  {
    std::vector<std::uint32_t> next(begin.begin(), begin.end() - 1);
    for (std::uint32_t r = 0; r < n; ++r) members[next[entity[r]]++] = r;
  }

  for (std::size_t slot = 0; slot < out.comparisons.size(); ++slot) {
    const std::size_t c = out.comparisons[slot];
    const Comparison& comparison = settings.comparisons[c];
    const PreparedColumn& column = columns[c];
    // Per record, the record whose value it takes (itself when none).
    std::vector<std::uint32_t> source(n);
    for (std::uint32_t r = 0; r < n; ++r) source[r] = r;
    bool any = false;
    for (std::size_t e = 0; e < entities; ++e) {
      if (begin[e + 1] - begin[e] < 2) continue;
      std::int64_t reference = -1;
      bool agree = true;
      bool blank = false;
      for (std::uint32_t k = begin[e]; k < begin[e + 1] && agree; ++k) {
        const std::uint32_t r = members[k];
        if (column.is_null(r) || column.from_fallback(r)) {
          blank = true;
        } else if (reference < 0) {
          reference = r;
        } else {
          agree = comparison.gamma(column, static_cast<std::uint32_t>(reference), r) == 1;
        }
      }
      if (!agree || !blank || reference < 0) continue;
      for (std::uint32_t k = begin[e]; k < begin[e + 1]; ++k) {
        const std::uint32_t r = members[k];
        if (column.is_null(r) || column.from_fallback(r)) {
          source[r] = static_cast<std::uint32_t>(reference);
          out.completed[r] |= static_cast<std::uint8_t>(1u << slot);
          ++out.values_filled;
          any = true;
        }
      }
    }
    if (!any) continue;
    const Column* raw = table.column(comparison.column);
    Column filled(raw->name());
    for (std::uint32_t r = 0; r < n; ++r) {
      filled.push_back(source[r] == r ? (*raw)[r] : column.text(source[r]));
    }
    out.table.columns[static_cast<std::size_t>(raw - table.columns.data())] = std::move(filled);
  }
  for (std::uint8_t c : out.completed) out.records_completed += c != 0;
  return out;
}

}  // namespace uncounted::link
