#include "store/record_table.h"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include "store/audit_log.h"
#include "store/linkage_table.h"

namespace uncounted::store {
namespace {

constexpr const char* kColumns =
    "source, record_id, name, sex, birth_year, origin, event, event_date, event_place, notes, "
    "true_id, testimony_id, extra";

// A digest of every field, length-prefixed and with absent fields marked,
// so that re-importing an unchanged row is recognised as a no-op.
std::string content_hash(const Record& r, const std::string& extra) {
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, 16);
  auto add = [&state](const std::optional<std::string>& field) {
    const std::string prefix = field ? std::to_string(field->size()) + ":" : std::string("-");
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(prefix.data()),
                              prefix.size());
    if (field) {
      crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(field->data()),
                                field->size());
    }
  };
  add(r.source);
  add(r.record_id);
  add(r.name);
  add(std::string(to_code(r.sex)));
  add(r.birth_year);
  add(r.origin);
  add(r.event);
  add(r.event_date);
  add(r.event_place);
  add(r.notes);
  add(r.true_id);
  add(r.testimony_id);
  add(extra);
  unsigned char digest[16];
  crypto_generichash_final(&state, digest, sizeof digest);
  return std::string(reinterpret_cast<const char*>(digest), sizeof digest);
}

void bind_fields(Statement& s, const Record& r, const std::string& extra) {
  s.bind(1, std::string_view(r.source));
  s.bind(2, std::string_view(r.record_id));
  s.bind(3, r.name);
  const std::string_view sex = to_code(r.sex);
  if (sex.empty()) {
    s.bind_null(4);
  } else {
    s.bind(4, sex);
  }
  s.bind(5, r.birth_year);
  s.bind(6, r.origin);
  s.bind(7, std::string_view(r.event));
  s.bind(8, r.event_date);
  s.bind(9, r.event_place);
  s.bind(10, r.notes);
  s.bind(11, r.true_id);
  s.bind(12, r.testimony_id);
  if (extra == "[]") {
    s.bind_null(13);
  } else {
    s.bind(13, std::string_view(extra));
  }
}

Record read_record(const Statement& s, int first) {
  Record r;
  r.source = s.column_text(first);
  r.record_id = s.column_text(first + 1);
  r.name = s.column_optional_text(first + 2);
  const std::string sex = s.column_text(first + 3);
  r.sex = sex == "M" ? Sex::kMale : sex == "F" ? Sex::kFemale : Sex::kUnknown;
  r.birth_year = s.column_optional_text(first + 4);
  r.origin = s.column_optional_text(first + 5);
  r.event = s.column_text(first + 6);
  r.event_date = s.column_optional_text(first + 7);
  r.event_place = s.column_optional_text(first + 8);
  r.notes = s.column_optional_text(first + 9);
  r.true_id = s.column_optional_text(first + 10);
  r.testimony_id = s.column_optional_text(first + 11);
  if (auto extra = s.column_optional_text(first + 12)) extra_from_json(*extra, r);
  return r;
}

}  // namespace

std::string extra_to_json(const Record& record) {
  nlohmann::json pairs = nlohmann::json::array();
  for (const auto& [column, value] : record.extra) pairs.push_back({column, value});
  return pairs.dump();
}

void extra_from_json(const std::string& json, Record& record) {
  record.extra.clear();
  const auto pairs = nlohmann::json::parse(json, nullptr, false);
  if (!pairs.is_array()) return;
  for (const auto& pair : pairs) {
    if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string()) {
      record.extra.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
    }
  }
}

RecordWriter::RecordWriter(Database& db)
    : db_(db),
      find_(db.prepare("SELECT id, content_hash, testimony_id FROM records WHERE source = ? AND "
                       "record_id = ?")),
      insert_(db.prepare(std::string("INSERT INTO records(") + kColumns +
                         ", content_hash, created_at, updated_at) VALUES "
                         "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")),
      update_(db.prepare(
          "UPDATE records SET source=?, record_id=?, name=?, sex=?, birth_year=?, origin=?, "
          "event=?, event_date=?, event_place=?, notes=?, true_id=?, testimony_id=?, extra=?, "
          "content_hash=?, updated_at=? WHERE id=?")),
      now_(utc_now()) {}

UpsertOutcome RecordWriter::upsert(const Record& record, std::int64_t& id) {
  const std::string extra = extra_to_json(record);
  const std::string hash = content_hash(record, extra);
  find_.bind(1, std::string_view(record.source)).bind(2, std::string_view(record.record_id));
  std::optional<std::string> stored_hash;
  std::optional<std::string> stored_testimony;
  if (find_.step()) {
    id = find_.column_int(0);
    stored_hash = find_.column_text(1);
    stored_testimony = find_.column_optional_text(2);
  }
  find_.reset();
  if (stored_hash && stored_testimony != record.testimony_id) return UpsertOutcome::kTaken;
  if (!stored_hash) {
    bind_fields(insert_, record, extra);
    insert_.bind_blob(14, hash.data(), hash.size());
    insert_.bind(15, std::string_view(now_));
    insert_.bind(16, std::string_view(now_));
    insert_.run();
    id = db_.last_insert_rowid();
    return UpsertOutcome::kInserted;
  }
  if (*stored_hash == hash) return UpsertOutcome::kUnchanged;
  bind_fields(update_, record, extra);
  update_.bind_blob(14, hash.data(), hash.size());
  update_.bind(15, std::string_view(now_));
  update_.bind(16, id);
  update_.run();
  return UpsertOutcome::kUpdated;
}

bool RecordWriter::taken(const Record& record) {
  find_.bind(1, std::string_view(record.source)).bind(2, std::string_view(record.record_id));
  const bool found = find_.step();
  const bool other = found && find_.column_optional_text(2) != record.testimony_id;
  find_.reset();
  return other;
}

void for_each_record(Database& db, const std::function<void(const StoredRecord&)>& visit) {
  Statement s = db.prepare(std::string("SELECT id, ") + kColumns + " FROM records ORDER BY id");
  StoredRecord stored;
  while (s.step()) {
    stored.id = s.column_int(0);
    stored.record = read_record(s, 1);
    visit(stored);
  }
}

std::optional<StoredRecord> find_record(Database& db, std::int64_t id) {
  Statement s = db.prepare(std::string("SELECT id, ") + kColumns + " FROM records WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return StoredRecord{s.column_int(0), read_record(s, 1)};
}

std::int64_t count_records(Database& db) {
  Statement s = db.prepare("SELECT count(*) FROM records");
  s.step();
  return s.column_int(0);
}

std::vector<std::pair<std::string, std::int64_t>> count_records_by_source(Database& db) {
  Statement s = db.prepare("SELECT source, count(*) FROM records GROUP BY source ORDER BY source");
  std::vector<std::pair<std::string, std::int64_t>> out;
  while (s.step()) out.emplace_back(s.column_text(0), s.column_int(1));
  return out;
}

void for_each_record_with_person(
    Database& db,
    const std::function<void(const StoredRecord&, const std::string* person)>& visit) {
  Statement s = db.prepare(std::string("SELECT r.id, ") + kColumns +
                           ", e.entity_id FROM records r LEFT JOIN entities e ON e.record = r.id "
                           "ORDER BY r.id");
  StoredRecord stored;
  std::string person;
  while (s.step()) {
    stored.id = s.column_int(0);
    stored.record = read_record(s, 1);
    const bool linked = !s.column_is_null(14);
    if (linked) person = s.column_text(14);
    visit(stored, linked ? &person : nullptr);
  }
}

std::vector<std::int64_t> remove_testimony_records_except(Database& db, const std::string& source,
                                                          const std::string& testimony_id,
                                                          const std::set<std::string>& kept) {
  Statement old =
      db.prepare("SELECT id, record_id FROM records WHERE source = ? AND testimony_id = ?");
  old.bind(1, std::string_view(source)).bind(2, std::string_view(testimony_id));
  std::vector<std::int64_t> stale;
  while (old.step()) {
    if (!kept.count(old.column_text(1))) stale.push_back(old.column_int(0));
  }
  Statement remove = db.prepare("DELETE FROM records WHERE id = ?");
  for (std::int64_t id : stale) remove.bind(1, id).run();
  return stale;
}

}  // namespace uncounted::store
