#pragma once
// The audit log's head: the sequence number and hash of its last entry,
// kept outside the database in a small side file beside the store
// ("<store>.audit") and sealed with a keyed MAC (BLAKE2b under a secret
// that lives inside the encrypted store). The hash chain alone shows an
// entry edited or removed in the middle; the head shows what the chain
// cannot: entries cut from the end, every entry deleted, or a log rewritten
// and chained again from the start.
//
// Crash safety: an append writes the head with the new entry as "pending"
// (the last committed entry stays "committed") before its transaction
// commits, and moves it to "committed" once the transaction has committed.
// A kill between the two leaves a head that names both, and either is a
// sound end of the log.
//
// The head file holds two sequence numbers, two hashes and a MAC: nothing
// about any record.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "store/database.h"

namespace uncounted::store {

struct AuditHead {
  std::int64_t seq = 0;  // 0: the empty log
  std::string hash;
};

// The side file's path for the store at STORE_PATH.
std::string audit_head_path(const std::string& store_path);

// Called by append_audit inside the writing transaction, with the entry it
// is about to write: seals the head with NEW_ENTRY pending, and arranges
// (Database::on_commit) for it to become the committed head. Throws
// runtime_error, and so refuses the write, when the head file is missing or
// altered: writing over it would erase the evidence.
void advance_audit_head(Database& db, const AuditHead& new_entry);

// Writes a fresh head for the log as it is (LAST), for a store anchored for
// the first time or re-anchored by 'uncounted audit reanchor'.
void write_audit_head(Database& db, const AuditHead& last);

// 'uncounted audit reanchor': seals a new head for the log as it is and
// records that it did (with whether the log was intact, and its problem if
// not), in one transaction; returns the entry that records it.
AuditHead reanchor_audit_log(Database& db, const std::string& actor);

// Whether this store's log has been anchored (a head written) before.
bool audit_log_anchored(Database& db);

// The head as read back.
struct SealedHead {
  AuditHead committed;
  std::optional<AuditHead> pending;
};
// Reads the head file and checks its MAC. Nothing when the file is missing;
// throws runtime_error when it is altered or unreadable.
std::optional<SealedHead> read_audit_head(Database& db);

// Checks the head against the log whose last entry is LAST and whose entry
// at a sequence number has the hash ENTRY_HASH(seq) (empty when there is no
// such entry). Returns the problem, or nothing when the log ends where its
// head says (or the store was never anchored).
std::optional<std::string> check_audit_head(
    Database& db, const AuditHead& last,
    const std::function<std::string(std::int64_t)>& entry_hash);

}  // namespace uncounted::store
