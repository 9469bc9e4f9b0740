#pragma once
// The records table: insert-or-update by (source, record_id), and reading
// records back. Used by the importer, the web application and linkage.

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/record.h"
#include "store/database.h"

namespace uncounted::store {

// kTaken: the stored record with that (source, record_id) belongs to another
// testimony, or to a list while RECORD comes from a testimony (or the other
// way round); nothing is written. A list row "T-1/e1/p1" must not replace
// what testimony T-1 says, nor a testimony a list's row.
enum class UpsertOutcome { kInserted, kUpdated, kUnchanged, kTaken };

// Prepared statements for writing many records in one transaction.
class RecordWriter {
 public:
  explicit RecordWriter(Database& db);
  // Inserts RECORD, or updates the stored record with the same (source,
  // record_id) when any field differs. ID receives the internal row id.
  UpsertOutcome upsert(const Record& record, std::int64_t& id);
  // Whether upsert would answer kTaken.
  bool taken(const Record& record);

 private:
  Database& db_;
  Statement find_;
  Statement insert_;
  Statement update_;
  std::string now_;
};

struct StoredRecord {
  std::int64_t id = 0;
  Record record;
};

// Calls VISIT for every record, in internal id order.
void for_each_record(Database& db, const std::function<void(const StoredRecord&)>& visit);
std::optional<StoredRecord> find_record(Database& db, std::int64_t id);
std::int64_t count_records(Database& db);
// How many records each source holds, by source.
std::vector<std::pair<std::string, std::int64_t>> count_records_by_source(Database& db);
// for_each_record_with_person (the records with the person linkage put
// them in) is in linkage_table.h.

// Removes the records of testimony (SOURCE, TESTIMONY_ID) whose record_id
// is not in KEPT (a testimony's edit dropped them); returns their ids.
std::vector<std::int64_t> remove_testimony_records_except(Database& db, const std::string& source,
                                                          const std::string& testimony_id,
                                                          const std::set<std::string>& kept);

// The extra columns as stored: a JSON array of [column, value] pairs.
std::string extra_to_json(const Record& record);
void extra_from_json(const std::string& json, Record& record);

}  // namespace uncounted::store
