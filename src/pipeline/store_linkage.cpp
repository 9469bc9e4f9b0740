#include "pipeline/store_linkage.h"

#include <algorithm>
#include <unordered_map>

#include "link/explain.h"
#include "link/table.h"
#include "model/error.h"
#include "store/audit_log.h"
#include "store/linkage_table.h"
#include "store/match_decision_table.h"
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
  store::for_each_decision(store.db(), [&](const store::MatchDecision& d) {
    if (d.decision == store::Decision::kUnsure) return;
    auto a = loaded.position.find(d.record_a);
    auto b = loaded.position.find(d.record_b);
    if (a == loaded.position.end() || b == loaded.position.end()) return;
    decisions.push_back({a->second, b->second, d.decision == store::Decision::kMatch});
  });
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
  store::LinkageWriter writer(store.db(), link::to_json(result.settings).dump(),
                              outcome.summary.dump());
  outcome.run_id = writer.run_id();
  for (std::size_t r = 0; r < loaded.ids.size(); ++r) {
    writer.add_person(loaded.ids[r], names[result.clusters.entity[r]],
                      static_cast<double>(result.best_probability[r]));
  }
  std::unordered_map<std::uint64_t, bool> in_review;
  for (const link::ReviewItem& item : result.review) {
    if (item.kind != link::ReviewItem::Kind::kPair) continue;
    in_review[(std::uint64_t{std::min(item.i, item.j)} << 32) | std::max(item.i, item.j)] = true;
  }
  const double threshold = result.settings.threshold;
  std::size_t explained = 0;
  std::string explanation;
  for (const link::ScoredPair& pair : result.pairs) {
    const std::uint32_t i = std::min(pair.i, pair.j), j = std::max(pair.i, pair.j);
    const bool review = in_review.count((std::uint64_t{i} << 32) | j) > 0;
    explanation.clear();
    if ((review || pair.match_probability >= threshold) && explained < kMaxStoredExplanations) {
      explanation = link::to_json(linker.explain(i, j)).dump();
      ++explained;
    }
    writer.add_pair({loaded.ids[i], loaded.ids[j], static_cast<double>(pair.match_weight),
                     static_cast<double>(pair.match_probability), review},
                    explanation);
  }
  nlohmann::json details = {{"run", outcome.run_id},
                            {"records", loaded.ids.size()},
                            {"entities", result.clusters.entities},
                            {"links", result.links},
                            {"review_queue", result.review.size()},
                            {"decisions_respected", decisions.size()}};
  writer.commit(store::AuditEntry{options.actor, "link", store::compress_id_ranges(loaded.ids),
                                  details.dump()});
}

}  // namespace

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

}  // namespace uncounted::pipeline
