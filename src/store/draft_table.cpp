#include "store/draft_table.h"

#include "store/audit_log.h"

namespace uncounted::store {

void put_draft(store::Database& db, const std::string& user, const std::string& document) {
  // SQLite 3.15 has no UPSERT: REPLACE on the primary key does the same.
  db.prepare("INSERT OR REPLACE INTO drafts (user, document, updated_at) VALUES (?, ?, ?)")
      .bind(1, std::string_view(user))
      .bind(2, std::string_view(document))
      .bind(3, std::string_view(store::utc_now()))
      .run();
}

std::optional<std::string> find_draft(store::Database& db, const std::string& user) {
  store::Statement s = db.prepare("SELECT document FROM drafts WHERE user = ?");
  s.bind(1, std::string_view(user));
  if (!s.step()) return std::nullopt;
  return s.column_text(0);
}

void discard_draft(store::Database& db, const std::string& user) {
  db.prepare("DELETE FROM drafts WHERE user = ?").bind(1, std::string_view(user)).run();
}

}  // namespace uncounted::store
