#pragma once
// The testimonies table: one row per (source, testimony_id) holding the
// document as given. Used by the JSONL importer and the web application's
// testimony form; both write inside their own transaction, next to the
// testimony's records and the audit entry.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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

// Replaces the document of testimony ID with T's (same source and
// testimony_id; the caller checks).
void replace_testimony_document(Database& db, std::int64_t id, const io::Testimony& t);

struct StoredTestimony {
  std::int64_t id = 0;  // testimonies.id
  std::string source;
  std::string testimony_id;
  std::string created_at;
  std::string updated_at;
  std::string document;  // the JSON text as saved
};

std::optional<std::int64_t> find_testimony(Database& db, const std::string& source,
                                           const std::string& testimony_id);
std::optional<StoredTestimony> find_testimony(Database& db, std::int64_t id);
std::int64_t count_testimonies(Database& db);
// LIMIT testimonies from OFFSET, newest first.
std::vector<StoredTestimony> list_testimonies(Database& db, std::int64_t limit,
                                              std::int64_t offset);

}  // namespace uncounted::store
