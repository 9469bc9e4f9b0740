#include "pipeline/store_evaluation.h"

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "link/settings.h"
#include "model/error.h"
#include "store/linkage_table.h"

namespace uncounted::pipeline {

StoreEvaluation evaluate_store(store::Store& store, const std::string& truth_column) {
  store::Database& db = store.db();
  link::Settings settings = link::default_settings();
  {
    const std::optional<store::LinkRun> run = store::latest_link_run(db);
    if (!run) {
      throw invalid_input("the store has no linkage yet: run 'uncounted link' first", "evaluate");
    }
    settings = link::settings_from_json(nlohmann::json::parse(run->settings));
  }
  // Records with a truth value, numbered 0..n-1.
  StoreEvaluation result;
  result.threshold = settings.threshold;
  std::vector<std::string> truth_values;
  std::vector<std::uint32_t> source, entity;
  std::unordered_map<std::int64_t, std::uint32_t> position;
  std::unordered_map<std::string, std::uint32_t> source_number, entity_number;
  store::for_each_record_with_person(
      db, [&](const store::StoredRecord& stored, const std::string* person) {
        ++result.records;
        std::optional<std::string> truth =
            truth_column == "true_id" ? stored.record.true_id : std::nullopt;
        for (const auto& [column, value] : stored.record.extra) {
          if (column == truth_column) truth = value;
        }
        if (!truth || !person) {
          ++result.records_without_truth;
          return;
        }
        position.emplace(stored.id, static_cast<std::uint32_t>(truth_values.size()));
        truth_values.push_back(*truth);
        source.push_back(
            source_number
                .try_emplace(stored.record.source, static_cast<std::uint32_t>(source_number.size()))
                .first->second);
        entity.push_back(
            entity_number.try_emplace(*person, static_cast<std::uint32_t>(entity_number.size()))
                .first->second);
      });
  if (truth_values.empty()) {
    throw invalid_input("no linked record has the truth column " + truth_column, "--truth-column");
  }
  std::vector<link::ScoredPair> pairs;
  store::for_each_scored_pair(db, [&](const store::ScoredPair& stored) {
    auto a = position.find(stored.record_a);
    auto b = position.find(stored.record_b);
    if (a == position.end() || b == position.end()) return;
    link::ScoredPair pair;
    pair.i = a->second;
    pair.j = b->second;
    pair.match_weight = static_cast<float>(stored.match_weight);
    pair.match_probability = static_cast<float>(stored.match_probability);
    pairs.push_back(pair);
  });
  std::vector<std::string_view> truth(truth_values.begin(), truth_values.end());
  result.accuracy =
      link::measure_accuracy(truth, source, settings.link_type, entity, pairs, settings.threshold);
  return result;
}

}  // namespace uncounted::pipeline
