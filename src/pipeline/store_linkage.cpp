#include "pipeline/store_linkage.h"

#include <algorithm>
#include <unordered_map>

#include "link/explain.h"
#include "link/table.h"
#include "model/error.h"
#include "store/audit_log.h"
#include "store/record_table.h"

namespace uncounted::pipeline {
namespace {

// Explanations are stored for the pairs people look at (links and the
// review queue); beyond this many, the rest are explained on demand only.
constexpr std::size_t kMaxStoredExplanations = 200000;

struct LoadedRecords {
  std::vector<std::int64_t> ids;  // internal id per position
  std::vector<Record> records;
  std::unordered_map<std::int64_t, std::uint32_t> position;
};

LoadedRecords load_records(store::Store& store) {
  LoadedRecords loaded;
  store::for_each_record(store.db(), [&loaded](const store::StoredRecord& stored) {
    loaded.position.emplace(stored.id, static_cast<std::uint32_t>(loaded.ids.size()));
    loaded.ids.push_back(stored.id);
    loaded.records.push_back(stored.record);
  });
  return loaded;
}

std::vector<link::PairDecision> stored_decisions(store::Store& store, const LoadedRecords& loaded) {
  std::vector<link::PairDecision> decisions;
  store::Statement s = store.db().prepare(
      "SELECT record_a, record_b, decision FROM match_decisions WHERE decision != 'unsure'");
  while (s.step()) {
    auto a = loaded.position.find(s.column_int(0));
    auto b = loaded.position.find(s.column_int(1));
    if (a == loaded.position.end() || b == loaded.position.end()) continue;
    decisions.push_back({a->second, b->second, s.column_text(2) == "match"});
  }
  return decisions;
}

// An entity is named after its smallest internal record id, so that the
// same cluster keeps its id from run to run.
std::vector<std::string> entity_names(const link::Clusters& clusters, const LoadedRecords& loaded) {
  std::vector<std::int64_t> smallest(clusters.entities, INT64_MAX);
  for (std::size_t r = 0; r < clusters.entity.size(); ++r) {
    smallest[clusters.entity[r]] = std::min(smallest[clusters.entity[r]], loaded.ids[r]);
  }
  std::vector<std::string> names(clusters.entities);
  for (std::size_t e = 0; e < names.size(); ++e) names[e] = "P" + std::to_string(smallest[e]);
  return names;
}

// Writes one linkage: its run, the entities, the scored pairs with their
// explanations, and the audit entry, in one transaction.
void write_linkage(store::Store& store, const StoreLinkOptions& options,
                   const LoadedRecords& loaded, const std::vector<link::PairDecision>& decisions,
                   link::Linker& linker, const link::LinkResult& result,
                   const std::vector<std::string>& names, StoreLinkOutcome& outcome) {
  store::Database& db = store.db();
  store::Transaction tx(db);
  db.prepare("INSERT INTO link_runs(created_at, settings, summary) VALUES (?, ?, ?)")
      .bind(1, std::string_view(store::utc_now()))
      .bind(2, std::string_view(link::to_json(result.settings).dump()))
      .bind(3, std::string_view(outcome.summary.dump()))
      .run();
  outcome.run_id = db.last_insert_rowid();
  db.exec("DELETE FROM entities");
  db.exec("DELETE FROM candidate_pairs");
  {
    store::Statement insert = db.prepare(
        "INSERT INTO entities(record, entity_id, match_probability, run) VALUES (?, ?, ?, ?)");
    for (std::size_t r = 0; r < loaded.ids.size(); ++r) {
      insert.bind(1, loaded.ids[r])
          .bind(2, std::string_view(names[result.clusters.entity[r]]))
          .bind(3, static_cast<double>(result.best_probability[r]))
          .bind(4, outcome.run_id)
          .run();
    }
  }
  {
    std::unordered_map<std::uint64_t, bool> in_review;
    for (const link::ReviewItem& item : result.review) {
      if (item.kind != link::ReviewItem::Kind::kPair) continue;
      in_review[(std::uint64_t{std::min(item.i, item.j)} << 32) | std::max(item.i, item.j)] = true;
    }
    const double threshold = result.settings.threshold;
    store::Statement insert = db.prepare(
        "INSERT OR REPLACE INTO candidate_pairs(record_a, record_b, match_weight, "
        "match_probability, in_review_queue, explanation) VALUES (?, ?, ?, ?, ?, ?)");
    std::size_t explained = 0;
    for (const link::ScoredPair& pair : result.pairs) {
      const std::uint32_t i = std::min(pair.i, pair.j), j = std::max(pair.i, pair.j);
      const bool review = in_review.count((std::uint64_t{i} << 32) | j) > 0;
      insert.bind(1, loaded.ids[i])
          .bind(2, loaded.ids[j])
          .bind(3, static_cast<double>(pair.match_weight))
          .bind(4, static_cast<double>(pair.match_probability))
          .bind(5, std::int64_t{review ? 1 : 0});
      if ((review || pair.match_probability >= threshold) && explained < kMaxStoredExplanations) {
        insert.bind(6, std::string_view(link::to_json(linker.explain(i, j)).dump()));
        ++explained;
      } else {
        insert.bind_null(6);
      }
      insert.run();
    }
  }
  nlohmann::json details = {{"run", outcome.run_id},
                            {"records", loaded.ids.size()},
                            {"entities", result.clusters.entities},
                            {"links", result.links},
                            {"review_queue", result.review.size()},
                            {"decisions_respected", decisions.size()}};
  store::append_audit(db, store::AuditEntry{options.actor, "link",
                                            store::compress_id_ranges(loaded.ids), details.dump()});
  tx.commit();
}

}  // namespace

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

StoreLinkOutcome link_store(store::Store& store, const StoreLinkOptions& options) {
  const auto hold = [&options](const std::function<void()>& fn) {
    if (options.with_store) {
      options.with_store(fn);
    } else {
      fn();
    }
  };
  constexpr int kTries = 3;
  for (int attempt = 0; attempt < kTries; ++attempt) {
    LoadedRecords loaded;
    std::vector<link::PairDecision> decisions;
    std::int64_t version = 0;
    hold([&] {
      loaded = load_records(store);
      if (loaded.records.empty()) {
        throw invalid_input("the store holds no record: import lists first", "link");
      }
      decisions = stored_decisions(store, loaded);
      version = store::last_audit_entry(store.db()).seq;
    });
    link::Settings settings =
        options.settings ? link::settings_from_json(*options.settings) : link::default_settings();
    link::Linker linker(link::table_from_records(loaded.records), std::move(settings));
    link::LinkOptions link_options = options.link;
    link_options.decisions.insert(link_options.decisions.end(), decisions.begin(), decisions.end());
    const link::LinkResult& result = linker.run(link_options);

    StoreLinkOutcome outcome;
    outcome.summary = link::summary_json(linker);
    outcome.summary["decisions_respected"] = decisions.size();
    const std::vector<std::string> names = entity_names(result.clusters, loaded);
    bool written = false;
    hold([&] {
      // Something was written meanwhile (every write is audited): the
      // records or decisions this linkage read may be stale.
      if (store::last_audit_entry(store.db()).seq != version) return;
      write_linkage(store, options, loaded, decisions, linker, result, names, outcome);
      written = true;
    });
    if (written) return outcome;
  }
  throw conflict("the store kept changing while linkage computed (" + std::to_string(kTries) +
                     " tries); run it again when writes pause",
                 "link");
}

std::vector<ReviewPair> review_queue(store::Store& store, std::size_t limit) {
  std::vector<ReviewPair> queue;
  store::Statement s = store.db().prepare(
      "SELECT c.record_a, c.record_b, c.match_weight, c.match_probability "
      "FROM candidate_pairs c LEFT JOIN match_decisions d "
      "ON d.record_a = c.record_a AND d.record_b = c.record_b "
      "WHERE c.in_review_queue = 1 AND d.decision IS NULL "
      "ORDER BY abs(c.match_probability - 0.5), c.record_a, c.record_b LIMIT ?");
  s.bind(1, static_cast<std::int64_t>(limit));
  while (s.step()) {
    queue.push_back({s.column_int(0), s.column_int(1), s.column_double(2), s.column_double(3), {}});
  }
  return queue;
}

std::optional<nlohmann::json> pair_explanation(store::Store& store, std::int64_t record_a,
                                               std::int64_t record_b) {
  if (record_a > record_b) std::swap(record_a, record_b);
  store::Statement s = store.db().prepare(
      "SELECT explanation FROM candidate_pairs WHERE record_a = ? AND record_b = ?");
  s.bind(1, record_a).bind(2, record_b);
  if (!s.step() || s.column_is_null(0)) return std::nullopt;
  return nlohmann::json::parse(s.column_text(0), nullptr, false);
}

void record_decision(store::Store& store, std::int64_t record_a, std::int64_t record_b,
                     Decision decision, const std::string& actor) {
  if (record_a == record_b) throw invalid_input("a record cannot be compared with itself");
  if (record_a > record_b) std::swap(record_a, record_b);
  store::Database& db = store.db();
  if (!store::find_record(db, record_a) || !store::find_record(db, record_b)) {
    throw invalid_input("no such record", "decision");
  }
  store::Transaction tx(db);
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
      .bind(5, std::string_view(store::utc_now()))
      .run();
  nlohmann::json details = {{"decision", to_string(decision)}};
  store::append_audit(
      db, store::AuditEntry{actor, "decide", store::compress_id_ranges({record_a, record_b}),
                            details.dump()});
  tx.commit();
}

std::vector<std::int64_t> person_records(store::Store& store, std::int64_t record) {
  std::vector<std::int64_t> out;
  store::Statement s = store.db().prepare(
      "SELECT e2.record FROM entities e1 JOIN entities e2 ON e2.entity_id = e1.entity_id "
      "WHERE e1.record = ? ORDER BY e2.record");
  s.bind(1, record);
  while (s.step()) out.push_back(s.column_int(0));
  if (out.empty()) out.push_back(record);
  return out;
}

}  // namespace uncounted::pipeline
