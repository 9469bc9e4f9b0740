#pragma once
// The latest linkage as stored: its run (settings and summary, table
// `link_runs`), the person each record was put in (`entities`), and the
// scored candidate pairs with their explanations and review flag
// (`candidate_pairs`). pipeline/store_linkage.h writes it after linkage
// computes; estimation, evaluation, the report, the web application and the
// command line read it here.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/audit_log.h"
#include "store/database.h"
#include "store/record_table.h"

namespace uncounted::store {

struct LinkRun {
  std::int64_t id = 0;
  std::string created_at;
  std::string settings;  // a settings document (link/settings.h), JSON
  std::string summary;   // as `link --json` prints it, JSON
};

// The newest run, if linkage ever ran.
std::optional<LinkRun> latest_link_run(Database& db);

struct ScoredPair {
  std::int64_t record_a = 0;  // internal record ids, record_a < record_b
  std::int64_t record_b = 0;
  double match_weight = 0;
  double match_probability = 0;
  bool in_review_queue = false;
};

// Writes one linkage in one transaction: the constructor begins it, adds
// the run and empties the previous linkage's persons and pairs; then every
// record's person and every scored pair; commit() appends the audit entry
// and commits. Destroyed without commit(), nothing is written. Statements
// are prepared once.
class LinkageWriter {
 public:
  LinkageWriter(Database& db, std::string_view settings, std::string_view summary);
  std::int64_t run_id() const { return run_id_; }
  void add_person(std::int64_t record, std::string_view person, double match_probability);
  // EXPLANATION: the pair's waterfall (JSON), or empty to explain on demand.
  void add_pair(const ScoredPair& pair, std::string_view explanation);
  void commit(const AuditEntry& entry);

 private:
  Database& db_;
  Transaction tx_;
  std::int64_t run_id_ = 0;
  Statement person_;
  Statement pair_;
};

// Calls VISIT for every record with the person the latest linkage put it
// in (nullptr: no linkage has seen the record), in internal id order.
void for_each_record_with_person(
    Database& db, const std::function<void(const StoredRecord&, const std::string* person)>& visit);
// The person RECORD was put in, if any.
std::optional<std::string> person_of_record(Database& db, std::int64_t record);
// The records linked to the same person as RECORD (itself included), by
// internal id; just RECORD when it was never linked.
std::vector<std::int64_t> person_records(Database& db, std::int64_t record);

// Every scored pair of the latest linkage.
void for_each_scored_pair(Database& db, const std::function<void(const ScoredPair&)>& visit);
// The stored waterfall (JSON text) of a scored pair, or nullopt when the
// pair was not scored or not explained.
std::optional<std::string> pair_explanation(Database& db, std::int64_t record_a,
                                            std::int64_t record_b);

// The uncertain pairs of the latest run still waiting for a decision, most
// uncertain first (probability nearest 0.5), LIMIT from OFFSET.
std::vector<ScoredPair> review_queue(Database& db, std::int64_t limit, std::int64_t offset = 0);
// How many pairs wait in it.
std::int64_t review_queue_size(Database& db);

}  // namespace uncounted::store
