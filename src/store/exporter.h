#pragma once
// Exporting records as CSV or JSON Lines, in two profiles:
//  - full: every field as stored, for the organization's own backups;
//  - partner: identifying fields (name, origin, notes, true_id, unknown
//    extra columns) dropped, and record, entity and testimony ids replaced
//    by stable keyed pseudonyms (pseudonym.h).
// CSV cells that a spreadsheet would run as a formula (= + - @, tab, CR
// first) are neutralized with a leading apostrophe, in both profiles.
// Each export is recorded in the audit log.

#include <cstddef>
#include <ostream>
#include <string>

#include "store/audit_head.h"
#include "store/store.h"

namespace uncounted::store {

enum class ExportFormat { kCsv, kJsonl };
enum class ExportProfile { kFull, kPartner };

struct ExportReport {
  std::size_t records = 0;
  // The audit log's entry for this export: the partner keeps it, and
  // 'audit verify --expect-head SEQ:HASH' later shows the log still holds it.
  AuditHead audit_entry;
};

ExportReport export_records(Store& store, ExportFormat format, ExportProfile profile,
                            std::ostream& out, const std::string& actor);

// A CSV cell, quoted when needed and neutralized against formula injection.
std::string csv_cell(std::string_view value);

}  // namespace uncounted::store
