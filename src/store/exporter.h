#pragma once
// Exporting records as CSV or JSON Lines, in two profiles:
//  - full: every field as stored, for the organization's own backups;
//  - partner: what partner_view.h allows: no identifying field or free
//    text, ids as keyed pseudonyms, birth years in bands, event dates as
//    years, places as the gazetteer names them, a least group of five,
//    rows in keyed order.
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
  // Partner profile: the disclosure figures of partner_view.h.
  double unique_share = 0;
  double unique_share_as_stored = 0;
  std::size_t generalized_rows = 0;
  // The audit log's entry for this export: the partner keeps it, and
  // 'audit verify --expect-head SEQ:HASH' later shows the log still holds it.
  AuditHead audit_entry;
};

ExportReport export_records(Store& store, ExportFormat format, ExportProfile profile,
                            std::ostream& out, const std::string& actor);

}  // namespace uncounted::store
