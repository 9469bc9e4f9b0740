#include "store/match_decision_table.h"

#include <nlohmann/json.hpp>
#include <utility>

#include "model/error.h"
#include "store/audit_log.h"
#include "store/record_table.h"

namespace uncounted::store {

Decision parse_decision(const std::string& text) {
  if (text == "match") return Decision::kMatch;
  if (text == "non_match") return Decision::kNonMatch;
  if (text == "unsure") return Decision::kUnsure;
  throw usage_error("a decision is match, non_match or unsure", "decision");
}

std::string to_string(Decision decision) {
  switch (decision) {
    case Decision::kMatch:
      return "match";
    case Decision::kNonMatch:
      return "non_match";
    case Decision::kUnsure:
      return "unsure";
  }
  return "unsure";
}

namespace {

constexpr const char* kColumns =
    "SELECT record_a, record_b, decision, actor, decided_at FROM match_decisions ";

MatchDecision read_row(const Statement& s) {
  return {s.column_int(0), s.column_int(1), parse_decision(s.column_text(2)), s.column_text(3),
          s.column_text(4)};
}

void audit(Database& db, const std::string& actor, const char* action, std::int64_t a,
           std::int64_t b, Decision decision) {
  const nlohmann::json details = {{"decision", to_string(decision)}};
  append_audit(db, AuditEntry{actor, action, compress_id_ranges({a, b}), details.dump()});
}

}  // namespace

void record_decision(Database& db, std::int64_t record_a, std::int64_t record_b, Decision decision,
                     const std::string& actor, bool replace) {
  if (record_a == record_b) throw invalid_input("a record cannot be compared with itself");
  if (record_a > record_b) std::swap(record_a, record_b);
  Transaction tx(db);
  if (!find_record(db, record_a) || !find_record(db, record_b)) {
    throw not_found("no such record", "decision");
  }
  if (!replace) {
    if (const std::optional<MatchDecision> earlier = find_decision(db, record_a, record_b)) {
      throw conflict("this pair was already decided (" + to_string(earlier->decision) + " by " +
                         earlier->actor + "); undo or replace that decision",
                     "decision");
    }
  }
  db.prepare("DELETE FROM match_decisions WHERE record_a = ? AND record_b = ?")
      .bind(1, record_a)
      .bind(2, record_b)
      .run();
  db.prepare(
        "INSERT INTO match_decisions(record_a, record_b, decision, actor, decided_at) "
        "VALUES (?, ?, ?, ?, ?)")
      .bind(1, record_a)
      .bind(2, record_b)
      .bind(3, std::string_view(to_string(decision)))
      .bind(4, std::string_view(actor))
      .bind(5, std::string_view(utc_now()))
      .run();
  audit(db, actor, "decide", record_a, record_b, decision);
  tx.commit();
}

std::optional<MatchDecision> find_decision(Database& db, std::int64_t record_a,
                                           std::int64_t record_b) {
  if (record_a > record_b) std::swap(record_a, record_b);
  Statement s = db.prepare(std::string(kColumns) + "WHERE record_a = ? AND record_b = ?");
  s.bind(1, record_a).bind(2, record_b);
  if (!s.step()) return std::nullopt;
  return read_row(s);
}

std::optional<MatchDecision> undo_decision(Database& db, std::int64_t record_a,
                                           std::int64_t record_b, const std::string& actor) {
  if (record_a > record_b) std::swap(record_a, record_b);
  Transaction tx(db);
  std::optional<MatchDecision> taken = find_decision(db, record_a, record_b);
  if (!taken) return std::nullopt;
  db.prepare("DELETE FROM match_decisions WHERE record_a = ? AND record_b = ?")
      .bind(1, record_a)
      .bind(2, record_b)
      .run();
  audit(db, actor, "decide_undo", record_a, record_b, taken->decision);
  tx.commit();
  return taken;
}

void for_each_decision(Database& db, const std::function<void(const MatchDecision&)>& visit) {
  Statement s = db.prepare(std::string(kColumns) + "ORDER BY record_a, record_b");
  while (s.step()) visit(read_row(s));
}

}  // namespace uncounted::store
