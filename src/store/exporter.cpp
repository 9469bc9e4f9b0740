#include "store/exporter.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>
#include <vector>

#include "io/csv_cell.h"
#include "model/error.h"
#include "store/audit_log.h"
#include "store/partner_view.h"
#include "store/record_table.h"

namespace uncounted::store {
namespace {

using io::csv_cell;

const std::vector<std::string> kFullColumns = {
    "source", "record_id",  "entity_id",   "name",  "sex",     "birth_year",  "origin",
    "event",  "event_date", "event_place", "notes", "true_id", "testimony_id"};
const std::vector<std::string> kPartnerColumns = {"source",     "record_id",   "entity_id",
                                                  "sex",        "birth_year",  "event",
                                                  "event_date", "event_place", "testimony_id"};

std::optional<std::string> sex_field(Sex sex) {
  const std::string_view code = to_code(sex);
  if (code.empty()) return std::nullopt;
  return std::string(code);
}

}  // namespace

namespace {

// Writes one row of COLUMNS' values as CSV or as a JSON object.
void write_row(std::ostream& out, ExportFormat format, const std::vector<std::string>& columns,
               const std::vector<std::optional<std::string>>& values) {
  if (format == ExportFormat::kCsv) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (i) out << ',';
      if (values[i]) out << csv_cell(*values[i]);
    }
    out << '\n';
  } else {
    nlohmann::json j = nlohmann::json::object();
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (values[i]) j[columns[i]] = *values[i];
    }
    out << j.dump() << '\n';
  }
}

void write_header(std::ostream& out, ExportFormat format, const std::vector<std::string>& columns) {
  if (format != ExportFormat::kCsv) return;
  for (std::size_t i = 0; i < columns.size(); ++i) out << (i ? "," : "") << csv_cell(columns[i]);
  out << "\n";
}

// The partner profile: partner_view.h is its one rule.
std::vector<std::int64_t> export_partner(Store& store, ExportFormat format, std::ostream& out,
                                         ExportReport& report) {
  const PartnerView view = partner_view(store);
  write_header(out, format, kPartnerColumns);
  std::vector<std::int64_t> ids;
  ids.reserve(view.rows.size());
  for (const PartnerRecord& r : view.rows) {
    write_row(out, format, kPartnerColumns,
              {r.source, r.record, r.entity, r.sex, r.birth_years, r.event, r.event_year,
               r.event_place, r.testimony});
    ids.push_back(r.stored_id);
  }
  report.records = view.rows.size();
  report.unique_share = view.unique_share;
  report.unique_share_as_stored = view.unique_share_as_stored;
  report.generalized_rows = view.generalized_rows;
  return ids;
}

std::vector<std::int64_t> export_full(Database& db, ExportFormat format, std::ostream& out,
                                      ExportReport& report) {
  // Unknown columns are exported again: find them first.
  std::vector<std::string> columns = kFullColumns;
  const std::size_t known_columns = columns.size();
  {
    Statement s = db.prepare("SELECT DISTINCT extra FROM records WHERE extra IS NOT NULL");
    Record scratch;
    while (s.step()) {
      extra_from_json(s.column_text(0), scratch);
      for (const auto& [column, value] : scratch.extra) {
        if (std::find(columns.begin(), columns.end(), column) == columns.end()) {
          columns.push_back(column);
        }
      }
    }
  }
  std::unordered_map<std::int64_t, std::string> entity_of;
  {
    Statement s = db.prepare("SELECT record, entity_id FROM entities");
    while (s.step()) entity_of.emplace(s.column_int(0), s.column_text(1));
  }
  write_header(out, format, columns);
  std::vector<std::int64_t> ids;
  std::vector<std::optional<std::string>> values(columns.size());
  for_each_record(db, [&](const StoredRecord& stored) {
    const Record& r = stored.record;
    std::optional<std::string> entity;
    if (auto it = entity_of.find(stored.id); it != entity_of.end()) entity = it->second;
    values = {r.source,     r.record_id, entity,        r.name,       sex_field(r.sex),
              r.birth_year, r.origin,    r.event,       r.event_date, r.event_place,
              r.notes,      r.true_id,   r.testimony_id};
    values.resize(columns.size());
    for (const auto& [column, value] : r.extra) {
      for (std::size_t i = known_columns; i < columns.size(); ++i) {
        if (columns[i] == column) values[i] = value;
      }
    }
    write_row(out, format, columns, values);
    ids.push_back(stored.id);
    ++report.records;
  });
  return ids;
}

}  // namespace

ExportReport export_records(Store& store, ExportFormat format, ExportProfile profile,
                            std::ostream& out, const std::string& actor) {
  Database& db = store.db();
  const bool partner = profile == ExportProfile::kPartner;
  ExportReport report;
  const std::vector<std::int64_t> ids =
      partner ? export_partner(store, format, out, report) : export_full(db, format, out, report);
  out.flush();
  if (!out) throw runtime_error("cannot write the export");
  Transaction tx(db);
  nlohmann::json details = {{"format", format == ExportFormat::kCsv ? "csv" : "jsonl"},
                            {"profile", partner ? "partner" : "full"},
                            {"records", report.records}};
  report.audit_entry =
      append_audit(db, AuditEntry{actor, "export", compress_id_ranges(ids), details.dump()});
  tx.commit();
  return report;
}

}  // namespace uncounted::store
