#pragma once
// The testimonies table: one row per (source, testimony_id) holding the
// document as given. Used by the JSONL importer and the web application's
// testimony form; both write inside their own transaction, next to the
// testimony's records and the audit entry.

#include <cstdint>

#include "io/testimony.h"
#include "store/database.h"

namespace uncounted::store {

// Adds T as a new testimony and returns its testimonies.id. Requires that
// no testimony with T's (source, testimony_id) is stored (the table's
// UNIQUE constraint refuses a second one).
std::int64_t insert_testimony(Database& db, const io::Testimony& t);

// Replaces the document of the stored testimony with T's (source,
// testimony_id), or adds T when there is none: re-importing a testimony
// updates it in place.
void upsert_testimony(Database& db, const io::Testimony& t);

}  // namespace uncounted::store
