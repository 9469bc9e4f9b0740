#include "pipeline/store_evaluation.h"

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "link/settings.h"
#include "model/error.h"
#include "store/record_table.h"

namespace uncounted::pipeline {

StoreEvaluation evaluate_store(store::Store& store, const std::string& truth_column) {
  store::Database& db = store.db();
  link::Settings settings = link::default_settings();
  {
    store::Statement s = db.prepare("SELECT settings FROM link_runs ORDER BY id DESC LIMIT 1");
    if (!s.step()) {
      throw invalid_input("the store has no linkage yet: run 'uncounted link' first", "evaluate");
    }
    settings = link::settings_from_json(nlohmann::json::parse(s.column_text(0)));
  }
  std::unordered_map<std::int64_t, std::string> entity_of;
  {
    store::Statement s = db.prepare("SELECT record, entity_id FROM entities");
    while (s.step()) entity_of.emplace(s.column_int(0), s.column_text(1));
  }
  // Records with a truth value, numbered 0..n-1.
  StoreEvaluation result;
  result.threshold = settings.threshold;
  std::vector<std::string> truth_values;
  std::vector<std::uint32_t> source, entity;
  std::unordered_map<std::int64_t, std::uint32_t> position;
  std::unordered_map<std::string, std::uint32_t> source_number, entity_number;
  store::for_each_record(db, [&](const store::StoredRecord& stored) {
    ++result.records;
    std::optional<std::string> truth =
        truth_column == "true_id" ? stored.record.true_id : std::nullopt;
    for (const auto& [column, value] : stored.record.extra) {
      if (column == truth_column) truth = value;
    }
    auto e = entity_of.find(stored.id);
    if (!truth || e == entity_of.end()) {
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
        entity_number.try_emplace(e->second, static_cast<std::uint32_t>(entity_number.size()))
            .first->second);
  });
  if (truth_values.empty()) {
    throw invalid_input("no linked record has the truth column " + truth_column, "--truth-column");
  }
  std::vector<link::ScoredPair> pairs;
  {
    store::Statement s = db.prepare(
        "SELECT record_a, record_b, match_weight, match_probability FROM candidate_pairs");
    while (s.step()) {
      auto a = position.find(s.column_int(0));
      auto b = position.find(s.column_int(1));
      if (a == position.end() || b == position.end()) continue;
      link::ScoredPair pair;
      pair.i = a->second;
      pair.j = b->second;
      pair.match_weight = static_cast<float>(s.column_double(2));
      pair.match_probability = static_cast<float>(s.column_double(3));
      pairs.push_back(pair);
    }
  }
  std::vector<std::string_view> truth(truth_values.begin(), truth_values.end());
  result.accuracy =
      link::measure_accuracy(truth, source, settings.link_type, entity, pairs, settings.threshold);
  return result;
}

}  // namespace uncounted::pipeline
