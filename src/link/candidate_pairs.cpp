#include "link/candidate_pairs.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <unordered_map>

#include "io/csv_file.h"
#include "model/error.h"
#include "model/event_type.h"
#include "model/parallel.h"

namespace uncounted::link {
namespace {

// A unit of work: groups [group_begin, group_end) of one rule, or, for a
// single large group, the outer rows [row_begin, row_end) of it.
struct WorkItem {
  std::uint32_t rule = 0;
  std::uint32_t group_begin = 0;
  std::uint32_t group_end = 0;
  std::uint32_t row_begin = 0;  // used when group_end == group_begin + 1
  std::uint32_t row_end = 0;
};

constexpr std::uint64_t kPairsPerItem = 1 << 15;

std::vector<WorkItem> plan_work(const std::vector<Blocks>& blocks) {
  std::vector<WorkItem> items;
  for (std::uint32_t r = 0; r < blocks.size(); ++r) {
    const std::vector<Group>& groups = blocks[r].groups;
    std::uint64_t pending = 0;
    std::uint32_t start = 0;
    for (std::uint32_t g = 0; g < groups.size(); ++g) {
      const std::uint64_t n = groups[g].end - groups[g].begin;
      const std::uint64_t pairs = n * (n - 1) / 2;
      if (pairs > kPairsPerItem) {
        if (start < g) items.push_back({r, start, g, 0, 0});
        // Split the big group's outer loop into chunks of about equal pairs.
        std::uint32_t row = groups[g].begin;
        while (row < groups[g].end) {
          std::uint64_t acc = 0;
          std::uint32_t end = row;
          while (end < groups[g].end && acc < kPairsPerItem) acc += groups[g].end - ++end;
          items.push_back({r, g, g + 1, row, end});
          row = end;
        }
        start = g + 1;
        pending = 0;
        continue;
      }
      pending += pairs;
      if (pending >= kPairsPerItem) {
        items.push_back({r, start, g + 1, groups[start].begin, groups[g].end});
        start = g + 1;
        pending = 0;
      }
    }
    if (start < groups.size()) {
      items.push_back({r, start, static_cast<std::uint32_t>(groups.size()), groups[start].begin,
                       groups.back().end});
    }
  }
  return items;
}

}  // namespace

namespace {

// Whether WHEN (the record's value of the fallback's when_column, as
// written: "Arrest", " arrest ") is one of the fallback's values, each
// distinct value of the column judged once.
class FallbackWhen {
 public:
  explicit FallbackWhen(const ColumnFallback& fallback) {
    for (const std::string& v : fallback.when_values) values_.push_back(io::ascii_lower(v));
  }
  bool operator()(std::string_view when) {
    const auto [it, fresh] = judged_.try_emplace(when, false);
    if (fresh) {
      const std::size_t first = when.find_first_not_of(" \t\r\n");
      const std::size_t last = when.find_last_not_of(" \t\r\n");
      const std::string value = first == std::string_view::npos
                                    ? ""
                                    : io::ascii_lower(when.substr(first, last - first + 1));
      it->second = std::find(values_.begin(), values_.end(), value) != values_.end();
    }
    return it->second;
  }

 private:
  std::vector<std::string> values_;  // lower-cased
  std::unordered_map<std::string_view, bool> judged_;
};

// The values of each comparison's condition column, interned once per
// column however many comparisons read it (the event date and place both
// read the kind of event), by PreparedColumn's own interning (0 = blank).
class ConditionIds {
 public:
  explicit ConditionIds(const Table& table) : table_(table) {}
  // Sets C's condition on COLUMN; nothing when C has none.
  void set(const Comparison& c, PreparedColumn& column) {
    if (c.condition_column.empty()) return;
    auto it = columns_.find(c.condition_column);
    if (it == columns_.end()) {
      const Column* raw = table_.column(c.condition_column);
      if (raw == nullptr) {
        throw invalid_input("the input has no column " + c.condition_column,
                            "comparison " + c.name + " condition_column");
      }
      const PreparedColumn values(*raw, ColumnKind::kString);
      std::vector<std::uint32_t> ids(table_.size());
      std::vector<std::uint8_t> stages(table_.size(), 0);
      std::vector<std::uint8_t> stage_of(values.distinct() + 1, 0);
      for (std::uint32_t v = 1; v <= values.distinct(); ++v) {
        const EventType* type = find_event_type(values.value(v));
        stage_of[v] = type == nullptr ? 0 : static_cast<std::uint8_t>(type->path_stage);
      }
      for (std::size_t r = 0; r < ids.size(); ++r) {
        ids[r] = values.id(static_cast<std::uint32_t>(r));
        stages[r] = stage_of[ids[r]];
      }
      it = columns_.emplace(c.condition_column, Values{std::move(ids), std::move(stages)}).first;
    }
    column.set_condition(it->second.ids);
    column.set_stages(it->second.stages);
  }

 private:
  // Per record of one condition column: its interned value, and the
  // EventType::path_stage of that value (0 where it is no event code), the
  // order of one person's events.
  struct Values {
    std::vector<std::uint32_t> ids;
    std::vector<std::uint8_t> stages;
  };
  const Table& table_;
  std::map<std::string, Values> columns_;
};

}  // namespace

std::vector<PreparedColumn> prepare_columns(const Table& table, const Settings& settings) {
  std::vector<PreparedColumn> out;
  out.reserve(settings.comparisons.size());
  ConditionIds conditions(table);
  for (const Comparison& c : settings.comparisons) {
    const Column* raw = table.column(c.column);
    if (raw == nullptr) {
      throw invalid_input("the input has no column " + c.column, "comparison " + c.name);
    }
    const Column* swap = nullptr;
    if (!c.swap_column.empty()) {
      swap = table.column(c.swap_column);
      if (swap == nullptr) {
        throw invalid_input("the input has no column " + c.swap_column, "comparison " + c.name);
      }
    }
    if (c.fallback.empty()) {
      out.emplace_back(*raw, c.kind, swap);
      conditions.set(c, out.back());
      continue;
    }
    const Column* fallback = table.column(c.fallback.column);
    const Column* when = table.column(c.fallback.when_column);
    if (fallback == nullptr || when == nullptr) {
      throw invalid_input("the input has no column " +
                              (fallback == nullptr ? c.fallback.column : c.fallback.when_column),
                          "comparison " + c.name + " fallback");
    }
    Column merged(c.column);
    std::vector<bool> from_fallback(table.size(), false);
    FallbackWhen applies(c.fallback);
    for (std::size_t r = 0; r < table.size(); ++r) {
      const bool use = raw->is_null(r) && !fallback->is_null(r) && applies((*when)[r]);
      merged.push_back(use ? (*fallback)[r] : (*raw)[r]);
      from_fallback[r] = use;
    }
    out.emplace_back(merged, c.kind, swap);
    out.back().set_from_fallback(std::move(from_fallback));
    conditions.set(c, out.back());
  }
  return out;
}

void lend_compared_columns(KeyColumns& keys, const Settings& settings,
                           const std::vector<PreparedColumn>& columns) {
  for (std::size_t c = 0; c < columns.size(); ++c) {
    keys.lend(settings.comparisons[c].column, settings.comparisons[c].kind, columns[c]);
  }
}

namespace {

// The comparison vector of I and J, comparison c read from COLUMN(c).
template <typename ColumnOf>
std::uint64_t vector_of(const std::vector<Comparison>& comparisons, ColumnOf column,
                        std::uint32_t i, std::uint32_t j) {
  std::uint64_t v = 0;
  for (std::size_t c = 0; c < comparisons.size(); ++c) {
    v |= static_cast<std::uint64_t>(comparisons[c].gamma(column(c), i, j)) << (kGammaBits * c);
  }
  return v;
}

}  // namespace

std::uint64_t comparison_vector(const std::vector<Comparison>& comparisons,
                                const std::vector<PreparedColumn>& columns, std::uint32_t i,
                                std::uint32_t j) {
  return vector_of(
      comparisons, [&](std::size_t c) -> const PreparedColumn& { return columns[c]; }, i, j);
}

std::uint64_t comparison_vector(const std::vector<Comparison>& comparisons,
                                const std::vector<const PreparedColumn*>& columns, std::uint32_t i,
                                std::uint32_t j) {
  return vector_of(
      comparisons, [&](std::size_t c) -> const PreparedColumn& { return *columns[c]; }, i, j);
}

ComparedPairs compare_candidate_pairs(const Table& table, const Settings& settings,
                                      const std::vector<Blocks>& blocks,
                                      const std::vector<PreparedColumn>& columns, int threads,
                                      const ProgressFunction& progress, std::size_t kept_rules,
                                      const PairFilter* filter) {
  const std::vector<WorkItem> items = plan_work(blocks);
  threads = std::max(1, threads);
  std::vector<std::vector<CandidatePair>> found(threads);
  std::vector<std::unordered_map<std::uint64_t, std::uint64_t>> counts(threads);
  std::vector<std::vector<std::uint64_t>> new_pairs(threads,
                                                    std::vector<std::uint64_t>(blocks.size(), 0));
  const bool cross_source_only = settings.link_type == LinkType::kLinkOnly;
  const std::size_t rules = blocks.size();
  if (kept_rules == 0 || kept_rules > rules) kept_rules = rules;
  std::atomic<std::size_t> done{0};

  auto compare_pair = [&](std::uint32_t r, std::uint32_t a, std::uint32_t b, int t) {
    if (cross_source_only && table.source[a] == table.source[b]) return;
    if (filter != nullptr && !filter->keeps(r, a, b)) return;
    // Compared already by an earlier rule?
    for (std::uint32_t e = 0; e < r; ++e) {
      const std::uint64_t k = blocks[e].keys[a];
      if (k != 0 && k == blocks[e].keys[b] && (filter == nullptr || filter->keeps(e, a, b))) {
        return;
      }
    }
    std::uint8_t mask = static_cast<std::uint8_t>(1u << r);
    for (std::size_t l = r + 1; l < rules; ++l) {
      const std::uint64_t k = blocks[l].keys[a];
      if (k != 0 && k == blocks[l].keys[b]) mask |= static_cast<std::uint8_t>(1u << l);
    }
    const std::uint32_t i = std::min(a, b);
    const std::uint32_t j = std::max(a, b);
    const std::uint64_t gamma = comparison_vector(settings.comparisons, columns, i, j);
    if (r < kept_rules) found[t].push_back({i, j, gamma});
    ++counts[t][gamma | (static_cast<std::uint64_t>(mask) << 56)];
    ++new_pairs[t][r];
  };

  model::parallel_for(items.size(), threads, [&](std::size_t w, int t) {
    const WorkItem& item = items[w];
    const Blocks& b = blocks[item.rule];
    if (item.group_end == item.group_begin + 1 && item.row_end > 0) {
      const Group& g = b.groups[item.group_begin];
      for (std::uint32_t x = item.row_begin; x < item.row_end; ++x) {
        for (std::uint32_t y = x + 1; y < g.end; ++y) {
          compare_pair(item.rule, b.order[x], b.order[y], t);
        }
      }
    } else {
      for (std::uint32_t gi = item.group_begin; gi < item.group_end; ++gi) {
        const Group& g = b.groups[gi];
        for (std::uint32_t x = g.begin; x < g.end; ++x) {
          for (std::uint32_t y = x + 1; y < g.end; ++y) {
            compare_pair(item.rule, b.order[x], b.order[y], t);
          }
        }
      }
    }
    const std::size_t d = ++done;
    if (t == 0 && progress) progress(d, items.size());
  });

  ComparedPairs out;
  std::size_t total = 0;
  for (const auto& f : found) total += f.size();
  out.pairs = std::move(found[0]);
  out.pairs.reserve(total);
  for (int t = 1; t < threads; ++t) {
    out.pairs.insert(out.pairs.end(), found[t].begin(), found[t].end());
    std::vector<CandidatePair>().swap(found[t]);
  }
  std::unordered_map<std::uint64_t, std::uint64_t> merged;
  for (const auto& c : counts) {
    for (const auto& [key, n] : c) merged[key] += n;
  }
  for (const auto& [key, n] : merged) {
    out.patterns.push_back({key & ((1ULL << 56) - 1), static_cast<std::uint8_t>(key >> 56), n});
  }
  std::sort(out.patterns.begin(), out.patterns.end(), [](const Pattern& x, const Pattern& y) {
    return x.gamma != y.gamma ? x.gamma < y.gamma : x.rules < y.rules;
  });
  out.new_pairs_per_rule.assign(rules, 0);
  for (const auto& np : new_pairs) {
    for (std::size_t r = 0; r < rules; ++r) out.new_pairs_per_rule[r] += np[r];
  }
  if (progress) progress(items.size(), items.size());
  return out;
}

}  // namespace uncounted::link
