#pragma once
// The tamper-evident audit log: every write (import, edit, link decision,
// export) appends an entry with its time, actor, action, affected ids and
// details, chained by SHA-256 to the entry before it. Appending happens in
// the same transaction as the write it records, so the log never claims a
// write that did not happen, nor misses one that did.
//
// Entries hold ids and counts, never names or other identifying values.
//
// The chain shows an entry edited or removed in the middle; the head kept
// outside the database (audit_head.h) shows entries cut from the end, a log
// emptied, or one rewritten and chained again.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "store/audit_head.h"
#include "store/database.h"

namespace uncounted::store {

struct AuditEntry {
  std::string actor;
  std::string action;   // "import", "export", "link", "decide", "user_add", ...
  std::string ids;      // JSON: affected ids (see compress_id_ranges)
  std::string details;  // JSON object: counts, parameters
};

// Appends ENTRY; must be called inside the writing transaction. Returns
// its sequence number and hash.
AuditHead append_audit(Database& db, const AuditEntry& entry);

struct AuditVerification {
  std::int64_t entries = 0;
  // The first entry whose hash or link does not match, if any.
  std::optional<std::int64_t> first_broken;
  std::string reason;
  // The log's last entry: write it down (or keep an export's) to check
  // later that the log still holds it (audit verify --expect-head).
  AuditHead head;
};
// Recomputes the chain and checks it against its head.
AuditVerification verify_audit(Database& db);

// The log as people read it: newest first, filtered.
struct AuditFilter {
  std::string action;  // empty: any
  std::string actor;   // empty: any
  std::string since;   // ISO 8601 prefix order, e.g. "2026-12-01"; empty: any
  std::size_t limit = 100;
};
struct AuditRecord {
  std::int64_t seq = 0;
  std::string at;
  AuditEntry entry;
};
std::vector<AuditRecord> read_audit(Database& db, const AuditFilter& filter);

// As `audit list --json` and GET /api/audit show them: {"entries": [...]}.
nlohmann::json to_json(const std::vector<AuditRecord>& entries);
// As `audit verify --json` and GET /api/audit/verify show it.
nlohmann::json to_json(const AuditVerification& verification);

// How many audited changes (every action but export and reanchor, which
// change no data) were made by someone other than ACTOR_A and ACTOR_B.
std::int64_t changes_by_others(Database& db, const std::string& actor_a,
                               const std::string& actor_b);

// The hash of an entry: SHA-256 over the hash before it (64 zeros for the
// first), its sequence number, time and fields, each length-prefixed.
std::string chain_hash(const std::string& prev_hash, std::int64_t seq, const std::string& at,
                       const AuditEntry& entry);

// The log's last entry as stored (seq 0 when the log is empty).
AuditHead last_audit_entry(Database& db);
// The hash of entry SEQ; empty when the log has no such entry.
std::string audit_entry_hash(Database& db, std::int64_t seq);

// Internal record ids as JSON ranges: [[1,1000],[1002,1002]] (an import of a
// million rows stays a few bytes).
std::string compress_id_ranges(std::vector<std::int64_t> ids);

// The time now, UTC, ISO 8601 with seconds.
std::string utc_now();

}  // namespace uncounted::store
