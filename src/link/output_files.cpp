#include "link/output_files.h"

#include <charconv>
#include <cstdio>
#include <fstream>
#include <unordered_map>

#include "io/csv_cell.h"
#include "io/csv_file.h"
#include "io/output_file.h"
#include "model/error.h"

namespace uncounted::link {
namespace {

void put_field(std::ostream& out, std::string_view field) { out << io::csv_cell(field); }

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::unordered_map<std::string, std::uint32_t> index_of(const Table& table) {
  std::unordered_map<std::string, std::uint32_t> index;
  index.reserve(table.size());
  for (std::uint32_t r = 0; r < table.size(); ++r) index.emplace(table.key(r), r);
  return index;
}

std::uint32_t lookup(const std::unordered_map<std::string, std::uint32_t>& index,
                     const std::string& source, const std::string& id, const std::string& where) {
  const auto it = index.find(source + ":" + id);
  if (it == index.end())
    throw invalid_input("the file names a record that is not in the input", where);
  return it->second;
}

std::size_t require(const io::CsvFile& csv, const char* column) {
  if (auto c = csv.column(column)) return *c;
  throw invalid_input(std::string("missing column ") + column, csv.path());
}

}  // namespace

std::string entity_label(std::uint32_t entity) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "e%07u", entity);
  return buf;
}

void write_links_csv(const std::string& path, const Linker& linker) {
  const Table& t = linker.table();
  const LinkResult& r = linker.result();
  io::OutputFile file(path);
  std::ostream& out = file.stream();
  out << "source,record_id,entity_id,match_probability\n";
  for (std::uint32_t i = 0; i < t.size(); ++i) {
    put_field(out, t.source_names[t.source[i]]);
    out << ',';
    put_field(out, t.record_id[i]);
    out << ',' << entity_label(r.clusters.entity[i]) << ',' << number(r.best_probability[i])
        << '\n';
  }
  file.commit();
}

void write_pairs_csv(const std::string& path, const Linker& linker) {
  const Table& t = linker.table();
  io::OutputFile file(path);
  std::ostream& out = file.stream();
  out << "source_l,record_id_l,source_r,record_id_r,match_weight,match_probability\n";
  for (const ScoredPair& p : linker.result().pairs) {
    put_field(out, t.source_names[t.source[p.i]]);
    out << ',';
    put_field(out, t.record_id[p.i]);
    out << ',';
    put_field(out, t.source_names[t.source[p.j]]);
    out << ',';
    put_field(out, t.record_id[p.j]);
    out << ',' << number(p.match_weight) << ',' << number(p.match_probability) << '\n';
  }
  file.commit();
}

void write_review_csv(const std::string& path, const Linker& linker) {
  const Table& t = linker.table();
  io::OutputFile file(path);
  std::ostream& out = file.stream();
  out << "kind,source_l,record_id_l,source_r,record_id_r,entity_id,match_probability,reason\n";
  for (const ReviewItem& item : linker.result().review) {
    if (item.kind == ReviewItem::Kind::kPair) {
      out << "pair,";
      put_field(out, t.source_names[t.source[item.i]]);
      out << ',';
      put_field(out, t.record_id[item.i]);
      out << ',';
      put_field(out, t.source_names[t.source[item.j]]);
      out << ',';
      put_field(out, t.record_id[item.j]);
    } else {
      out << "cluster,,,,";
    }
    out << ',' << entity_label(item.entity) << ',' << number(item.match_probability) << ',';
    put_field(out, item.reason);
    out << '\n';
  }
  file.commit();
}

std::vector<PairDecision> read_decisions_csv(const std::string& path, const Table& table) {
  io::CsvFile csv(path);
  const std::size_t sl = require(csv, "source_l"), il = require(csv, "record_id_l"),
                    sr = require(csv, "source_r"), ir = require(csv, "record_id_r"),
                    m = require(csv, "match");
  const auto index = index_of(table);
  std::vector<PairDecision> out;
  std::vector<std::string> f;
  while (csv.next(f)) {
    const std::string where = path + ":" + std::to_string(csv.line());
    const std::string& v = f[m];
    if (v != "0" && v != "1") throw invalid_input("match must be 1 or 0", where);
    out.push_back(
        {lookup(index, f[sl], f[il], where), lookup(index, f[sr], f[ir], where), v == "1"});
  }
  return out;
}

std::vector<std::uint32_t> read_links_csv(const std::string& path, const Table& table) {
  io::CsvFile csv(path);
  const std::size_t s = require(csv, "source"), id = require(csv, "record_id"),
                    e = require(csv, "entity_id");
  const auto index = index_of(table);
  constexpr std::uint32_t kNone = static_cast<std::uint32_t>(-1);
  std::vector<std::uint32_t> entity(table.size(), kNone);
  std::unordered_map<std::string, std::uint32_t> numbers;
  std::vector<std::string> f;
  while (csv.next(f)) {
    const std::string where = path + ":" + std::to_string(csv.line());
    const std::uint32_t r = lookup(index, f[s], f[id], where);
    entity[r] = numbers.emplace(f[e], static_cast<std::uint32_t>(numbers.size())).first->second;
  }
  auto next = static_cast<std::uint32_t>(numbers.size());
  for (std::uint32_t& v : entity) {
    if (v == kNone) v = next++;
  }
  return entity;
}

std::vector<ScoredPair> read_pairs_csv(const std::string& path, const Table& table) {
  io::CsvFile csv(path);
  const std::size_t sl = require(csv, "source_l"), il = require(csv, "record_id_l"),
                    sr = require(csv, "source_r"), ir = require(csv, "record_id_r"),
                    p = require(csv, "match_probability");
  const std::size_t w = csv.column("match_weight").value_or(p);
  const auto index = index_of(table);
  std::vector<ScoredPair> out;
  std::vector<std::string> f;
  while (csv.next(f)) {
    const std::string where = path + ":" + std::to_string(csv.line());
    ScoredPair pair;
    pair.i = lookup(index, f[sl], f[il], where);
    pair.j = lookup(index, f[sr], f[ir], where);
    float prob = 0;
    float weight = 0;
    const auto r1 = std::from_chars(f[p].data(), f[p].data() + f[p].size(), prob);
    const auto r2 = std::from_chars(f[w].data(), f[w].data() + f[w].size(), weight);
    if (r1.ec != std::errc() || r2.ec != std::errc()) {
      throw invalid_input("match_probability and match_weight must be numbers", where);
    }
    pair.match_probability = prob;
    pair.match_weight = weight;
    out.push_back(pair);
  }
  return out;
}

}  // namespace uncounted::link
