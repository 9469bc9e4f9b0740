#include "store/exporter.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>
#include <vector>

#include "model/error.h"
#include "store/audit_log.h"
#include "store/pseudonym.h"
#include "store/record_table.h"

namespace uncounted::store {
namespace {

struct Row {
  std::vector<std::pair<std::string, std::optional<std::string>>> fields;
};

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

std::string csv_cell(std::string_view value) {
  std::string v(value);
  if (!v.empty() &&
      (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r')) {
    v.insert(v.begin(), '\'');
  }
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string quoted = "\"";
  for (char c : v) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

ExportReport export_records(Store& store, ExportFormat format, ExportProfile profile,
                            std::ostream& out, const std::string& actor) {
  Database& db = store.db();
  const bool partner = profile == ExportProfile::kPartner;
  std::optional<Pseudonymizer> pseudonyms;
  if (partner) pseudonyms.emplace(store.pseudonym_secret());

  // Unknown columns are exported again in the full profile: find them first.
  std::vector<std::string> columns = partner ? kPartnerColumns : kFullColumns;
  const std::size_t known_columns = columns.size();
  if (!partner) {
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

  if (format == ExportFormat::kCsv) {
    for (std::size_t i = 0; i < columns.size(); ++i) out << (i ? "," : "") << csv_cell(columns[i]);
    out << "\n";
  }
  ExportReport report;
  std::vector<std::int64_t> ids;
  std::vector<std::optional<std::string>> values(columns.size());
  for_each_record(db, [&](const StoredRecord& stored) {
    const Record& r = stored.record;
    std::optional<std::string> entity;
    if (auto it = entity_of.find(stored.id); it != entity_of.end()) entity = it->second;
    auto pseudo = [&](const char* kind, const std::optional<std::string>& v,
                      const std::string& scope) -> std::optional<std::string> {
      if (!v) return std::nullopt;
      return pseudonyms->pseudonym(kind, scope + '\0' + *v);
    };
    std::fill(values.begin(), values.end(), std::nullopt);
    if (partner) {
      values = {r.source,
                pseudo("record", r.record_id, r.source),
                pseudo("entity", entity, ""),
                sex_field(r.sex),
                r.birth_year,
                r.event,
                r.event_date,
                r.event_place,
                pseudo("testimony", r.testimony_id, r.source)};
    } else {
      values = {r.source,     r.record_id, entity,        r.name,       sex_field(r.sex),
                r.birth_year, r.origin,    r.event,       r.event_date, r.event_place,
                r.notes,      r.true_id,   r.testimony_id};
      values.resize(columns.size());
      for (const auto& [column, value] : r.extra) {
        for (std::size_t i = known_columns; i < columns.size(); ++i) {
          if (columns[i] == column) values[i] = value;
        }
      }
    }
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
    ids.push_back(stored.id);
    ++report.records;
  });
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
