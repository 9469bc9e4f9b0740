#include "store/linkage_table.h"

#include <algorithm>

#include "store/audit_log.h"

namespace uncounted::store {

std::optional<LinkRun> latest_link_run(Database& db) {
  Statement s = db.prepare(
      "SELECT id, created_at, settings, summary FROM link_runs ORDER BY id DESC LIMIT 1");
  if (!s.step()) return std::nullopt;
  return LinkRun{s.column_int(0), s.column_text(1), s.column_text(2), s.column_text(3)};
}

namespace {

std::int64_t insert_run(Database& db, std::string_view settings, std::string_view summary) {
  db.prepare("INSERT INTO link_runs(created_at, settings, summary) VALUES (?, ?, ?)")
      .bind(1, std::string_view(utc_now()))
      .bind(2, settings)
      .bind(3, summary)
      .run();
  const std::int64_t id = db.last_insert_rowid();
  db.exec("DELETE FROM entities");
  db.exec("DELETE FROM candidate_pairs");
  return id;
}

}  // namespace

LinkageWriter::LinkageWriter(Database& db, std::string_view settings, std::string_view summary)
    : db_(db),
      tx_(db),
      run_id_(insert_run(db, settings, summary)),
      person_(db.prepare(
          "INSERT INTO entities(record, entity_id, match_probability, run) VALUES (?, ?, ?, ?)")),
      pair_(db.prepare(
          "INSERT OR REPLACE INTO candidate_pairs(record_a, record_b, match_weight, "
          "match_probability, in_review_queue, explanation) VALUES (?, ?, ?, ?, ?, ?)")) {}

void LinkageWriter::add_person(std::int64_t record, std::string_view person,
                               double match_probability) {
  person_.bind(1, record).bind(2, person).bind(3, match_probability).bind(4, run_id_).run();
}

void LinkageWriter::add_pair(const ScoredPair& pair, std::string_view explanation) {
  pair_.bind(1, pair.record_a)
      .bind(2, pair.record_b)
      .bind(3, pair.match_weight)
      .bind(4, pair.match_probability)
      .bind(5, std::int64_t{pair.in_review_queue ? 1 : 0});
  if (explanation.empty()) {
    pair_.bind_null(6);
  } else {
    pair_.bind(6, explanation);
  }
  pair_.run();
}

void LinkageWriter::commit(const AuditEntry& entry) {
  append_audit(db_, entry);
  tx_.commit();
}

std::optional<std::string> person_of_record(Database& db, std::int64_t record) {
  Statement s = db.prepare("SELECT entity_id FROM entities WHERE record = ?");
  s.bind(1, record);
  if (!s.step()) return std::nullopt;
  return s.column_text(0);
}

std::vector<std::int64_t> person_records(Database& db, std::int64_t record) {
  std::vector<std::int64_t> out;
  Statement s = db.prepare(
      "SELECT e2.record FROM entities e1 JOIN entities e2 ON e2.entity_id = e1.entity_id "
      "WHERE e1.record = ? ORDER BY e2.record");
  s.bind(1, record);
  while (s.step()) out.push_back(s.column_int(0));
  if (out.empty()) out.push_back(record);
  return out;
}

void for_each_scored_pair(Database& db, const std::function<void(const ScoredPair&)>& visit) {
  Statement s = db.prepare(
      "SELECT record_a, record_b, match_weight, match_probability, in_review_queue FROM "
      "candidate_pairs");
  ScoredPair pair;
  while (s.step()) {
    pair = {s.column_int(0), s.column_int(1), s.column_double(2), s.column_double(3),
            s.column_int(4) != 0};
    visit(pair);
  }
}

std::optional<std::string> pair_explanation(Database& db, std::int64_t record_a,
                                            std::int64_t record_b) {
  if (record_a > record_b) std::swap(record_a, record_b);
  Statement s =
      db.prepare("SELECT explanation FROM candidate_pairs WHERE record_a = ? AND record_b = ?");
  s.bind(1, record_a).bind(2, record_b);
  if (!s.step() || s.column_is_null(0)) return std::nullopt;
  return s.column_text(0);
}

namespace {

constexpr const char* kUndecided =
    "FROM candidate_pairs c LEFT JOIN match_decisions d "
    "ON d.record_a = c.record_a AND d.record_b = c.record_b "
    "WHERE c.in_review_queue = 1 AND d.decision IS NULL ";

}  // namespace

std::vector<ScoredPair> review_queue(Database& db, std::int64_t limit, std::int64_t offset) {
  std::vector<ScoredPair> queue;
  Statement s = db.prepare(
      std::string("SELECT c.record_a, c.record_b, c.match_weight, c.match_probability ") +
      kUndecided +
      "ORDER BY abs(c.match_probability - 0.5), c.record_a, c.record_b LIMIT ? OFFSET ?");
  s.bind(1, limit).bind(2, offset);
  while (s.step()) {
    queue.push_back(
        {s.column_int(0), s.column_int(1), s.column_double(2), s.column_double(3), true});
  }
  return queue;
}

std::int64_t review_queue_size(Database& db) {
  Statement s = db.prepare(std::string("SELECT count(*) ") + kUndecided);
  s.step();
  return s.column_int(0);
}

}  // namespace uncounted::store
