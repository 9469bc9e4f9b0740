#include "store/testimony_table.h"

#include <string>
#include <string_view>

#include "store/audit_log.h"

namespace uncounted::store {
namespace {

// A new row, created and last updated at NOW.
std::int64_t insert_row(Database& db, const io::Testimony& t, const std::string& document,
                        const std::string& now) {
  db.prepare(
        "INSERT INTO testimonies(source, testimony_id, document, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?)")
      .bind(1, std::string_view(t.source))
      .bind(2, std::string_view(t.testimony_id))
      .bind(3, std::string_view(document))
      .bind(4, std::string_view(now))
      .bind(5, std::string_view(now))
      .run();
  return db.last_insert_rowid();
}

}  // namespace

std::int64_t insert_testimony(Database& db, const io::Testimony& t) {
  return insert_row(db, t, t.document.dump(), utc_now());
}

void upsert_testimony(Database& db, const io::Testimony& t) {
  // SQLCipher 3.4 is SQLite 3.15: no INSERT ... ON CONFLICT DO UPDATE, so
  // update first and insert when no row had that (source, testimony_id).
  const std::string now = utc_now();
  const std::string document = t.document.dump();
  db.prepare(
        "UPDATE testimonies SET document = ?, updated_at = ? WHERE source = ? AND "
        "testimony_id = ?")
      .bind(1, std::string_view(document))
      .bind(2, std::string_view(now))
      .bind(3, std::string_view(t.source))
      .bind(4, std::string_view(t.testimony_id))
      .run();
  if (db.changes() == 0) insert_row(db, t, document, now);
}

}  // namespace uncounted::store
