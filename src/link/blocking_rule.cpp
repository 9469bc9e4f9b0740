#include "link/blocking_rule.h"

#include <algorithm>
#include <charconv>

#include "io/csv_file.h"
#include "link/prepared_column.h"
#include "link/settings.h"
#include "model/civil_date.h"
#include "model/error.h"

namespace uncounted::link {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

constexpr std::pair<KeyTransform, const char*> kFunctions[] = {
    {KeyTransform::kPrefix, "prefix"},
    {KeyTransform::kSuffix, "suffix"},
    {KeyTransform::kYear, "year"},
    {KeyTransform::kKoreanKey, "korean_key"},
    {KeyTransform::kSurnameKey, "surname_key"},
    {KeyTransform::kGivenKey, "given_key"},
    {KeyTransform::kPlace, "place"},
};

BlockingKey parse_key(std::string_view text, const std::string& where) {
  text = trim(text);
  BlockingKey key;
  const std::size_t open = text.find('(');
  if (open == std::string_view::npos) {
    if (text.empty()) throw invalid_input("empty key in blocking rule", where);
    key.column = std::string(text);
    return key;
  }
  if (text.back() != ')') throw invalid_input("blocking key: missing ')'", where);
  const std::string name = io::ascii_lower(trim(text.substr(0, open)));
  std::string_view args = text.substr(open + 1, text.size() - open - 2);
  bool known = false;
  for (const auto& [t, fname] : kFunctions) {
    if (name == fname) {
      key.transform = t;
      known = true;
    }
  }
  if (!known) throw invalid_input("unknown blocking function \"" + name + "\"", where);
  const bool takes_length =
      key.transform == KeyTransform::kPrefix || key.transform == KeyTransform::kSuffix;
  const std::size_t comma = args.find(',');
  if (takes_length) {
    if (comma == std::string_view::npos) {
      throw invalid_input(name + "() needs a column and a length", where);
    }
    const std::string_view n = trim(args.substr(comma + 1));
    const auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), key.length);
    if (ec != std::errc() || end != n.data() + n.size() || key.length < 1) {
      throw invalid_input(name + "() length must be a positive integer", where);
    }
    args = args.substr(0, comma);
  } else if (comma != std::string_view::npos) {
    throw invalid_input(name + "() takes one column", where);
  }
  key.column = std::string(trim(args));
  if (key.column.empty()) throw invalid_input(name + "() needs a column", where);
  return key;
}

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
  // splitmix64 finalizer over the combination: cheap and well spread.
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

std::uint64_t hash_text(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

// The column kind a key reads its column as.
ColumnKind key_kind(const BlockingKey& key) {
  switch (key.transform) {
    case KeyTransform::kYear:
      return ColumnKind::kDate;
    case KeyTransform::kKoreanKey:
    case KeyTransform::kSurnameKey:
    case KeyTransform::kGivenKey:
      return ColumnKind::kName;
    case KeyTransform::kPlace:
      return ColumnKind::kPlace;
    default:
      return ColumnKind::kString;
  }
}

// Per-record hashes of one key; 0 for null.
std::vector<std::uint64_t> key_hashes(const BlockingKey& key, const PreparedColumn& column) {
  // Hash each distinct value once.
  std::vector<std::uint64_t> by_id(column.distinct() + 1, 0);
  for (std::uint32_t id = 1; id <= column.distinct(); ++id) {
    const std::string_view v = column.value(id);
    std::uint64_t h = 0;
    switch (key.transform) {
      case KeyTransform::kValue:
        h = hash_text(v);
        break;
      case KeyTransform::kPrefix:
        h = hash_text(v.substr(0, static_cast<std::size_t>(key.length)));
        break;
      case KeyTransform::kSuffix:
        h = hash_text(v.size() <= static_cast<std::size_t>(key.length)
                          ? v
                          : v.substr(v.size() - static_cast<std::size_t>(key.length)));
        break;
      case KeyTransform::kYear: {
        double lo = 0;
        double hi = 0;
        // Years first: days since 1970 cannot be told from years by size
        // (1962-01-01 is day -2922).
        const bool years = parse_year_interval(v, lo, hi);
        if (years || parse_date_interval(v, lo, hi)) {
          int ylo = static_cast<int>(lo);
          int yhi = static_cast<int>(hi);
          if (!years) {
            ylo = from_days(static_cast<std::int64_t>(lo)).year;
            yhi = from_days(static_cast<std::int64_t>(hi)).year;
          }
          if (ylo == yhi) h = mix(0x79656172, static_cast<std::uint64_t>(ylo));
        }
        break;
      }
      case KeyTransform::kKoreanKey:
      case KeyTransform::kSurnameKey:
      case KeyTransform::kGivenKey:
        h = column.korean_key_hash(key.transform, id);
        break;
      case KeyTransform::kPlace: {
        const std::int32_t place = column.place_index(id);
        h = place >= 0 ? mix(0x706c616365, static_cast<std::uint64_t>(place)) : hash_text(v);
        break;
      }
    }
    // Text keys of non-null text are never null; year and name keys are
    // null when the text has no single year or no Korean reading.
    const bool text_key =
        key.transform == KeyTransform::kValue || key.transform == KeyTransform::kPrefix ||
        key.transform == KeyTransform::kSuffix || key.transform == KeyTransform::kPlace;
    by_id[id] = (h == 0 && text_key) ? 1 : h;
  }
  std::vector<std::uint64_t> out(column.size());
  for (std::uint32_t i = 0; i < column.size(); ++i) out[i] = by_id[column.id(i)];
  return out;
}

}  // namespace

std::string BlockingRule::text() const {
  std::string out;
  for (const BlockingKey& k : keys) {
    if (!out.empty()) out += " & ";
    if (k.transform == KeyTransform::kValue) {
      out += k.column;
      continue;
    }
    for (const auto& [t, name] : kFunctions) {
      if (t == k.transform) out += name;
    }
    out += "(" + k.column;
    if (k.length > 0) out += ", " + std::to_string(k.length);
    out += ")";
  }
  return out;
}

bool BlockingRule::uses_column(std::string_view column) const {
  const std::string wanted = io::ascii_lower(column);
  for (const BlockingKey& k : keys) {
    if (io::ascii_lower(k.column) == wanted) return true;
  }
  return false;
}

BlockingRule parse_blocking_rule(std::string_view text, const std::string& where) {
  BlockingRule rule;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t amp = text.find('&', start);
    const std::size_t end = amp == std::string_view::npos ? text.size() : amp;
    rule.keys.push_back(parse_key(text.substr(start, end - start), where));
    if (amp == std::string_view::npos) break;
    start = amp + 1;
  }
  return rule;
}

KeyColumns::KeyColumns() = default;
KeyColumns::~KeyColumns() = default;

void KeyColumns::lend(const std::string& column, ColumnKind kind, const PreparedColumn& prepared) {
  columns_.emplace_back(io::ascii_lower(column), kind, &prepared);
}

const PreparedColumn& KeyColumns::get(const Table& table, const std::string& column,
                                      ColumnKind kind) {
  const std::string wanted = io::ascii_lower(column);
  for (const auto& [name, k, prepared] : columns_) {
    if (name == wanted && k == kind) return *prepared;
  }
  const Column* raw = table.column(column);
  if (raw == nullptr) {
    throw invalid_input("blocking rule names a column the input lacks: " + column,
                        "blocking rule on " + column);
  }
  owned_.push_back(std::make_unique<PreparedColumn>(*raw, kind));
  columns_.emplace_back(wanted, kind, owned_.back().get());
  return *owned_.back();
}

std::vector<std::uint64_t> blocking_keys(const BlockingRule& rule, const Table& table,
                                         KeyColumns* columns) {
  KeyColumns local;
  KeyColumns& prepared = columns != nullptr ? *columns : local;
  std::vector<std::uint64_t> keys(table.size(), 0x5eed);
  std::vector<bool> null(table.size(), false);
  for (const BlockingKey& k : rule.keys) {
    if (table.column(k.column) == nullptr) {
      throw invalid_input("blocking rule names a column the input lacks: " + k.column,
                          "blocking rule " + rule.text());
    }
    const std::vector<std::uint64_t> h = key_hashes(k, prepared.get(table, k.column, key_kind(k)));
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (h[i] == 0) null[i] = true;
      keys[i] = mix(keys[i], h[i]);
    }
  }
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (null[i])
      keys[i] = 0;
    else if (keys[i] == 0)
      keys[i] = 1;
  }
  return keys;
}

Blocks make_blocks(const BlockingRule& rule, const Table& table, LinkType link_type,
                   KeyColumns* columns, std::uint64_t max_block_size) {
  Blocks b;
  b.keys = blocking_keys(rule, table, columns);
  b.order.reserve(table.size());
  for (std::uint32_t i = 0; i < table.size(); ++i) {
    if (b.keys[i] != 0) b.order.push_back(i);
  }
  std::sort(b.order.begin(), b.order.end(), [&](std::uint32_t x, std::uint32_t y) {
    if (b.keys[x] != b.keys[y]) return b.keys[x] < b.keys[y];
    if (table.source[x] != table.source[y]) return table.source[x] < table.source[y];
    return x < y;
  });
  const bool cross_source_only = link_type == LinkType::kLinkOnly;
  std::size_t start = 0;
  while (start < b.order.size()) {
    std::size_t end = start + 1;
    while (end < b.order.size() && b.keys[b.order[end]] == b.keys[b.order[start]]) ++end;
    const std::uint64_t n = end - start;
    if (n >= 2) {
      std::uint64_t pairs = n * (n - 1) / 2;
      if (cross_source_only) {
        // Subtract the pairs inside each source (runs of equal source).
        std::size_t run = start;
        while (run < end) {
          std::size_t run_end = run + 1;
          while (run_end < end && table.source[b.order[run_end]] == table.source[b.order[run]]) {
            ++run_end;
          }
          const std::uint64_t k = run_end - run;
          pairs -= k * (k - 1) / 2;
          run = run_end;
        }
      }
      if (pairs > 0 && max_block_size > 0 && n > max_block_size) {
        ++b.purged_groups;
        b.purged_records += n;
        b.purged_pairs += pairs;
        b.purged.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)});
        if (b.purged_group.empty()) b.purged_group.assign(table.size(), 0);
        for (std::size_t k = start; k < end; ++k) {
          b.keys[b.order[k]] = 0;
          b.purged_group[b.order[k]] = static_cast<std::uint32_t>(b.purged.size());
        }
      } else if (pairs > 0) {
        b.groups.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)});
        b.pairs += pairs;
        b.largest_group = std::max(b.largest_group, n);
      }
    }
    start = end;
  }
  return b;
}

}  // namespace uncounted::link
