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

void replace_testimony_document(Database& db, std::int64_t id, const io::Testimony& t) {
  const std::string text = t.document.dump();
  db.prepare("UPDATE testimonies SET document = ?, updated_at = ? WHERE id = ?")
      .bind(1, std::string_view(text))
      .bind(2, std::string_view(utc_now()))
      .bind(3, id)
      .run();
}

std::optional<std::int64_t> find_testimony(Database& db, const std::string& source,
                                           const std::string& testimony_id) {
  Statement s = db.prepare("SELECT id FROM testimonies WHERE source = ? AND testimony_id = ?");
  s.bind(1, std::string_view(source)).bind(2, std::string_view(testimony_id));
  if (!s.step()) return std::nullopt;
  return s.column_int(0);
}

namespace {

constexpr const char* kColumns =
    "SELECT id, source, testimony_id, created_at, updated_at, document FROM testimonies ";

StoredTestimony read_row(Statement& s) {
  return {s.column_int(0),  s.column_text(1), s.column_text(2),
          s.column_text(3), s.column_text(4), s.column_text(5)};
}

}  // namespace

std::optional<StoredTestimony> find_testimony(Database& db, std::int64_t id) {
  Statement s = db.prepare(std::string(kColumns) + "WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_row(s);
}

std::int64_t count_testimonies(Database& db) {
  Statement s = db.prepare("SELECT count(*) FROM testimonies");
  s.step();
  return s.column_int(0);
}

std::vector<StoredTestimony> list_testimonies(Database& db, std::int64_t limit,
                                              std::int64_t offset) {
  Statement s = db.prepare(std::string(kColumns) + "ORDER BY id DESC LIMIT ? OFFSET ?");
  s.bind(1, limit).bind(2, offset);
  std::vector<StoredTestimony> out;
  while (s.step()) out.push_back(read_row(s));
  return out;
}

}  // namespace uncounted::store
