#pragma once
// The tamper-evident audit log: every write (import, edit, link decision,
// export) appends an entry with its time, actor, action, affected ids and
// details, chained by SHA-256 to the entry before it. Appending happens in
// the same transaction as the write it records, so the log never claims a
// write that did not happen, nor misses one that did.
//
// Entries hold ids and counts, never names or other identifying values.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace uncounted::store {

struct AuditEntry {
  std::string actor;
  std::string action;   // "import", "export", "link", "decide", "user_add", ...
  std::string ids;      // JSON: affected ids (see compress_id_ranges)
  std::string details;  // JSON object: counts, parameters
};

// Appends ENTRY; must be called inside the writing transaction.
void append_audit(Database& db, const AuditEntry& entry);

struct AuditVerification {
  std::int64_t entries = 0;
  // The first entry whose hash or link does not match, if any.
  std::optional<std::int64_t> first_broken;
  std::string reason;
};
AuditVerification verify_audit(Database& db);

// Internal record ids as JSON ranges: [[1,1000],[1002,1002]] (an import of a
// million rows stays a few bytes).
std::string compress_id_ranges(std::vector<std::int64_t> ids);

// The time now, UTC, ISO 8601 with seconds.
std::string utc_now();

}  // namespace uncounted::store
