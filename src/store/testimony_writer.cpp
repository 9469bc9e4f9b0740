#include "server/testimony_writer.h"

#include <set>

#include "io/testimony.h"
#include "model/error.h"
#include "server/http_error.h"
#include "store/audit_log.h"
#include "store/record_table.h"
#include "store/testimony_table.h"

namespace uncounted::server {
namespace {

io::Testimony parse(const nlohmann::json& document) {
  io::Testimony t;
  const std::string why = io::parse_testimony(
      document.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict), t);
  if (!why.empty()) throw invalid_input(why, "testimony");
  return t;
}

std::optional<std::int64_t> find_testimony(store::Database& db, const std::string& source,
                                           const std::string& testimony_id) {
  store::Statement s =
      db.prepare("SELECT id FROM testimonies WHERE source = ? AND testimony_id = ?");
  s.bind(1, std::string_view(source)).bind(2, std::string_view(testimony_id));
  if (!s.step()) return std::nullopt;
  return s.column_int(0);
}

// Writes T's records; removes this testimony's records that T no longer has.
std::vector<std::int64_t> write_records(store::Database& db, const io::Testimony& t) {
  store::RecordWriter writer(db);
  std::vector<std::int64_t> ids;
  std::set<std::string> kept;
  for (const Record& r : t.records) {
    std::int64_t id = 0;
    if (writer.upsert(r, id) == store::UpsertOutcome::kTaken) {
      throw invalid_input(
          "a record of this testimony has the (source, record_id) of a record from a list or "
          "another testimony; nothing was saved");
    }
    ids.push_back(id);
    kept.insert(r.record_id);
  }
  store::Statement old =
      db.prepare("SELECT id, record_id FROM records WHERE source = ? AND testimony_id = ?");
  old.bind(1, std::string_view(t.source)).bind(2, std::string_view(t.testimony_id));
  std::vector<std::int64_t> stale;
  while (old.step()) {
    if (!kept.count(old.column_text(1))) stale.push_back(old.column_int(0));
  }
  for (std::int64_t id : stale) {
    db.prepare("DELETE FROM records WHERE id = ?").bind(1, id).run();
    ids.push_back(id);
  }
  return ids;
}

void audit(store::Database& db, const char* action, std::int64_t testimony,
           std::vector<std::int64_t> record_ids, std::size_t records, const std::string& actor) {
  const nlohmann::json details = {{"testimony", testimony}, {"records", records}};
  store::append_audit(
      db, store::AuditEntry{actor, action, store::compress_id_ranges(std::move(record_ids)),
                            details.dump()});
}

}  // namespace

SavedTestimony create_testimony(store::Database& db, const nlohmann::json& document,
                                const std::string& actor) {
  const io::Testimony t = parse(document);
  store::Transaction tx(db);
  if (find_testimony(db, t.source, t.testimony_id)) {
    throw HttpError(409, "a testimony with this source and testimony_id exists; edit it instead");
  }
  const std::int64_t id = store::insert_testimony(db, t);
  std::vector<std::int64_t> ids = write_records(db, t);
  audit(db, "testimony_create", id, ids, t.records.size(), actor);
  tx.commit();
  return {id, t.source, t.testimony_id, t.records.size()};
}

SavedTestimony update_testimony(store::Database& db, std::int64_t id,
                                const nlohmann::json& document, const std::string& actor) {
  store::Transaction tx(db);
  store::Statement s = db.prepare("SELECT source, testimony_id FROM testimonies WHERE id = ?");
  s.bind(1, id);
  // Existence first: an edit of a testimony that is not there is a 404
  // whatever its body says.
  if (!s.step()) throw HttpError(404, "no such testimony");
  // A form that leaves out the identifiers edits the testimony it names.
  nlohmann::json complete = document;
  if (complete.is_object()) {
    if (!complete.contains("source")) complete["source"] = s.column_text(0);
    if (!complete.contains("testimony_id")) complete["testimony_id"] = s.column_text(1);
  }
  const io::Testimony t = parse(complete);
  if (s.column_text(0) != t.source || s.column_text(1) != t.testimony_id) {
    throw HttpError(400, "source and testimony_id of a testimony cannot change");
  }
  const std::string text = t.document.dump();
  db.prepare("UPDATE testimonies SET document = ?, updated_at = ? WHERE id = ?")
      .bind(1, std::string_view(text))
      .bind(2, std::string_view(store::utc_now()))
      .bind(3, id)
      .run();
  std::vector<std::int64_t> ids = write_records(db, t);
  audit(db, "testimony_update", id, ids, t.records.size(), actor);
  tx.commit();
  return {id, t.source, t.testimony_id, t.records.size()};
}

}  // namespace uncounted::server
