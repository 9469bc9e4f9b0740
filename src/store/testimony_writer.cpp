#include "store/testimony_writer.h"

#include <set>

#include "io/testimony.h"
#include "model/error.h"
#include "store/audit_log.h"
#include "store/record_table.h"
#include "store/testimony_table.h"

namespace uncounted::store {
namespace {

io::Testimony parse(const nlohmann::json& document) {
  io::Testimony t;
  const std::string why = io::parse_testimony(
      document.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict), t);
  if (!why.empty()) throw invalid_input(why, "testimony");
  return t;
}

// Writes T's records; removes this testimony's records that T no longer has.
std::vector<std::int64_t> write_records(Database& db, const io::Testimony& t) {
  RecordWriter writer(db);
  std::vector<std::int64_t> ids;
  std::set<std::string> kept;
  for (const Record& r : t.records) {
    std::int64_t id = 0;
    if (writer.upsert(r, id) == UpsertOutcome::kTaken) {
      throw invalid_input(
          "a record of this testimony has the (source, record_id) of a record from a list or "
          "another testimony; nothing was saved");
    }
    ids.push_back(id);
    kept.insert(r.record_id);
  }
  for (std::int64_t id : remove_testimony_records_except(db, t.source, t.testimony_id, kept)) {
    ids.push_back(id);
  }
  return ids;
}

void audit(Database& db, const char* action, std::int64_t testimony,
           std::vector<std::int64_t> record_ids, std::size_t records, const std::string& actor) {
  const nlohmann::json details = {{"testimony", testimony}, {"records", records}};
  append_audit(
      db, AuditEntry{actor, action, compress_id_ranges(std::move(record_ids)), details.dump()});
}

}  // namespace

SavedTestimony create_testimony(Database& db, const nlohmann::json& document,
                                const std::string& actor) {
  const io::Testimony t = parse(document);
  Transaction tx(db);
  if (find_testimony(db, t.source, t.testimony_id)) {
    throw conflict("a testimony with this source and testimony_id exists; edit it instead");
  }
  const std::int64_t id = insert_testimony(db, t);
  std::vector<std::int64_t> ids = write_records(db, t);
  audit(db, "testimony_create", id, ids, t.records.size(), actor);
  tx.commit();
  return {id, t.source, t.testimony_id, t.records.size()};
}

SavedTestimony update_testimony(Database& db, std::int64_t id, const nlohmann::json& document,
                                const std::string& actor) {
  Transaction tx(db);
  // Existence first: an edit of a testimony that is not there is "not
  // found" whatever its body says.
  const std::optional<StoredTestimony> stored = find_testimony(db, id);
  if (!stored) throw not_found("no such testimony");
  // A form that leaves out the identifiers edits the testimony it names.
  nlohmann::json complete = document;
  if (complete.is_object()) {
    if (!complete.contains("source")) complete["source"] = stored->source;
    if (!complete.contains("testimony_id")) complete["testimony_id"] = stored->testimony_id;
  }
  const io::Testimony t = parse(complete);
  if (stored->source != t.source || stored->testimony_id != t.testimony_id) {
    throw invalid_input("source and testimony_id of a testimony cannot change");
  }
  replace_testimony_document(db, id, t);
  std::vector<std::int64_t> ids = write_records(db, t);
  audit(db, "testimony_update", id, ids, t.records.size(), actor);
  tx.commit();
  return {id, t.source, t.testimony_id, t.records.size()};
}

}  // namespace uncounted::store
