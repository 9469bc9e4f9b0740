#include "link/linker.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "link/estimate_u.h"
#include "link/person_completion.h"
#include "link/precision_threshold.h"
#include "link/reviewer_calibration.h"
#include "link/unscored_matches.h"
#include "model/error.h"
#include "model/parallel.h"

namespace uncounted::link {
namespace {

class Stopwatch {
 public:
  double lap() {
    const auto now = std::chrono::steady_clock::now();
    const double s = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    return s;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

std::vector<Blocks> block(const Table& table, const Settings& settings,
                          const std::vector<BlockingRule>& rules, KeyColumns& key_columns) {
  std::vector<Blocks> blocks;
  for (const BlockingRule& rule : rules) {
    blocks.push_back(
        make_blocks(rule, table, settings.link_type, &key_columns, settings.max_block_size));
    const Blocks& b = blocks.back();
    if (b.pairs > settings.max_pairs) {
      throw invalid_input(
          "blocking rule \"" + rule.text() + "\" would create " + std::to_string(b.pairs) +
              " candidate pairs (largest block: " + std::to_string(b.largest_group) +
              " records), more than max_pairs " + std::to_string(settings.max_pairs) +
              "; make the rule stricter (add a key, e.g. \"" + rule.text() +
              " & year(date_of_birth)\") or raise max_pairs",
          "blocking rule " + rule.text());
    }
  }
  return blocks;
}

// The patterns of the pairs that rules [0, KEPT) found, with only those
// rules' bits: the candidates' patterns when training rules were compared in
// the same pass.
std::vector<Pattern> kept_patterns(const std::vector<Pattern>& all, std::size_t kept) {
  const auto bits = static_cast<std::uint8_t>((1u << kept) - 1);
  std::vector<Pattern> out;
  for (const Pattern& p : all) {
    const auto rules = static_cast<std::uint8_t>(p.rules & bits);
    if (rules == 0) continue;
    if (!out.empty() && out.back().gamma == p.gamma && out.back().rules == rules) {
      out.back().count += p.count;
    } else {
      out.push_back({p.gamma, rules, p.count});
    }
  }
  return out;
}

// The same patterns with their rule bits renumbered: bit INDEX[r] of a
// pattern becomes bit r (training rule r is compared rule INDEX[r]).
std::vector<Pattern> renumbered_patterns(const std::vector<Pattern>& all,
                                         const std::vector<std::size_t>& index) {
  std::vector<Pattern> out;
  out.reserve(all.size());
  for (const Pattern& p : all) {
    std::uint8_t rules = 0;
    for (std::size_t r = 0; r < index.size(); ++r) {
      if (p.rules & (1u << index[r])) rules |= static_cast<std::uint8_t>(1u << r);
    }
    if (rules != 0) out.push_back({p.gamma, rules, p.count});
  }
  return out;
}

// The facts the clustering guards read: sex and birth year from the first
// comparisons of those kinds, the deduplicated sources by number.
RecordFacts record_facts(const Table& table, const Settings& settings,
                         const std::vector<PreparedColumn>& columns) {
  RecordFacts facts;
  const std::size_t n = table.size();
  for (std::size_t c = 0; c < settings.comparisons.size(); ++c) {
    const PreparedColumn& column = columns[c];
    const ColumnKind kind = settings.comparisons[c].kind;
    if (kind == ColumnKind::kSex && facts.sex.empty()) {
      facts.sex.assign(n, 0);
      for (std::uint32_t r = 0; r < n; ++r) {
        if (column.is_null(r)) continue;
        const std::string_view v = column.text(r);
        if (v == "M" || v == "F") facts.sex[r] = v[0];
      }
    } else if (kind == ColumnKind::kYear && facts.birth_lo.empty() &&
               settings.comparisons[c].column.find("birth") != std::string::npos) {
      facts.birth_lo.assign(n, 1);
      facts.birth_hi.assign(n, 0);
      for (std::uint32_t r = 0; r < n; ++r) {
        if (column.is_null(r) || column.lo(r) > column.hi(r)) continue;
        facts.birth_lo[r] = static_cast<float>(column.lo(r));
        facts.birth_hi[r] = static_cast<float>(column.hi(r));
      }
    }
  }
  facts.deduplicated_source.assign(table.source_names.size(), false);
  for (const std::string& name : settings.clustering.deduplicated_sources) {
    for (std::size_t s = 0; s < table.source_names.size(); ++s) {
      if (table.source_names[s] == name) facts.deduplicated_source[s] = true;
    }
  }
  return facts;
}

// UNSCORED: the matches expected among the pairs never compared
// (unscored_matches.h), counted among the missed in recall.
ExpectedAccuracy expected_accuracy(const std::vector<ScoredPair>& pairs, double threshold,
                                   const UnscoredMatches& unscored) {
  ExpectedAccuracy e;
  e.unscored_matches = unscored.expected;
  e.unscored_sampled = unscored.sampled;
  double true_links = 0;
  for (const ScoredPair& p : pairs) {
    if (p.match_probability >= threshold) {
      e.links += 1;
      true_links += p.match_probability;
    } else {
      e.missed_matches += p.match_probability;
    }
  }
  e.false_links = e.links - true_links;
  e.precision = e.links > 0 ? true_links / e.links : 1;
  const double matches = true_links + e.missed_matches + e.unscored_matches;
  e.recall = matches > 0 ? true_links / matches : 1;
  return e;
}

}  // namespace

Linker::Linker(Table table, Settings settings)
    : table_(std::move(table)), settings_(std::move(settings)) {
  for (const std::string& c : settings_.columns()) {
    if (table_.column(c) == nullptr) {
      throw invalid_input("the input has no column " + c + " that the settings use", c);
    }
  }
}

std::vector<PairDecision> Linker::decisions(const std::vector<RecordDecision>& decisions) const {
  std::unordered_map<std::string, std::uint32_t> index;
  index.reserve(table_.size());
  for (std::uint32_t r = 0; r < table_.size(); ++r) index.emplace(table_.key(r), r);
  std::vector<PairDecision> out;
  for (const RecordDecision& d : decisions) {
    const auto a = index.find(d.source_a + ":" + d.record_id_a);
    const auto b = index.find(d.source_b + ":" + d.record_id_b);
    if (a == index.end() || b == index.end()) {
      throw invalid_input("a decision names a record that is not in the input", "decisions");
    }
    out.push_back({a->second, b->second, d.match});
  }
  return out;
}

// How the model is trained, chosen once per run (Splink's training
// session): from labels, from the candidates' own patterns, from training
// rules compared in the candidates' pass, or from training rules compared
// in a pass of their own; or not at all (a trained settings document).
struct Linker::TrainingPlan {
  enum class Source { kNone, kLabels, kCandidates, kSamePass, kOwnPass };
  Source source = Source::kNone;
  std::vector<BlockingRule> rules;          // rules compared in the candidates' pass
  std::vector<std::size_t> training_index;  // training rule r is compared rule [r]
};

Linker::TrainingPlan Linker::plan_training(const LinkOptions& options) const {
  TrainingPlan plan;
  plan.rules = settings_.blocking_rules;
  if (settings_.trained && !options.retrain) return plan;
  if (!options.labels.empty()) {
    plan.source = TrainingPlan::Source::kLabels;
  } else if (settings_.training_blocking_rules.empty()) {
    plan.source = TrainingPlan::Source::kCandidates;
  } else {
    // Training rules that are not blocking rules are compared in the same
    // pass as the candidates (their pairs feed EM only), when the rule
    // masks allow (8 rules at most).
    std::vector<BlockingRule> rules = plan.rules;
    std::vector<std::size_t> index;
    for (const BlockingRule& t : settings_.training_blocking_rules) {
      std::size_t k = 0;
      while (k < rules.size() && rules[k].text() != t.text()) ++k;
      if (k == rules.size()) rules.push_back(t);
      index.push_back(k);
    }
    if (rules.size() <= 8) {
      plan.source = TrainingPlan::Source::kSamePass;
      plan.rules = std::move(rules);
      plan.training_index = std::move(index);
    } else {
      plan.source = TrainingPlan::Source::kOwnPass;
    }
  }
  return plan;
}

void Linker::prepare() {
  LinkResult& r = result_;
  columns_ = prepare_columns(table_, settings_);
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    const Comparison& comparison = settings_.comparisons[c];
    if (columns_[c].distinct() == 0) {
      r.warnings.push_back("column " + comparison.column +
                           " is blank in every record: comparison " + comparison.name +
                           " carries no evidence");
    } else if (columns_[c].unparsed() > 0) {
      r.warnings.push_back(std::to_string(columns_[c].unparsed()) + " value(s) of column " +
                           comparison.column + " could not be read as a " +
                           std::string(to_string(comparison.kind)) +
                           " (they never agree on interval levels)");
    }
  }
  if (table_.size() < 2) r.warnings.push_back("fewer than two records: nothing to link");
}

std::vector<Blocks> Linker::block_all(const TrainingPlan& plan, KeyColumns& key_columns) {
  lend_compared_columns(key_columns, settings_, columns_);
  std::vector<Blocks> blocks = block(table_, settings_, plan.rules, key_columns);
  std::uint64_t upper_bound = 0;
  for (std::size_t k = 0; k < settings_.blocking_rules.size(); ++k) upper_bound += blocks[k].pairs;
  if (upper_bound > settings_.max_pairs) {
    throw invalid_input("the blocking rules together would create up to " +
                            std::to_string(upper_bound) + " candidate pairs, more than max_pairs " +
                            std::to_string(settings_.max_pairs) +
                            "; make the rules stricter or raise max_pairs",
                        "blocking rules");
  }
  return blocks;
}

ComparedPairs Linker::compare(const TrainingPlan& plan, const std::vector<Blocks>& blocks,
                              int threads, const ProgressFunction& progress,
                              std::vector<Pattern>& training_patterns) {
  LinkResult& r = result_;
  const std::size_t kept = settings_.blocking_rules.size();
  ComparedPairs compared =
      compare_candidate_pairs(table_, settings_, blocks, columns_, threads, progress, kept);
  r.candidate_pairs = compared.pairs.size();
  for (std::size_t k = 0; k < kept; ++k) {
    const Blocks& b = blocks[k];
    r.rules.push_back({settings_.blocking_rules[k].text(), b.pairs, compared.new_pairs_per_rule[k],
                       b.largest_group, b.purged_groups, b.purged_pairs});
    if (b.purged_groups > 0) {
      r.warnings.push_back(
          "blocking rule " + r.rules.back().rule + ": " + std::to_string(b.purged_groups) +
          " block(s) of more than " + std::to_string(settings_.max_block_size) + " records (" +
          std::to_string(b.purged_records) + " records, " + std::to_string(b.purged_pairs) +
          " pairs) skipped (max_block_size); other rules still pair them");
    }
  }
  if (plan.source == TrainingPlan::Source::kSamePass) {
    training_patterns = renumbered_patterns(compared.patterns, plan.training_index);
    if (plan.rules.size() > kept) compared.patterns = kept_patterns(compared.patterns, kept);
  }
  return compared;
}

void Linker::train(const TrainingPlan& plan, const LinkOptions& options,
                   const std::vector<Pattern>& candidates,
                   const std::vector<Pattern>& training_patterns, KeyColumns& key_columns,
                   int threads) {
  LinkResult& r = result_;
  switch (plan.source) {
    case TrainingPlan::Source::kNone:
      return;
    case TrainingPlan::Source::kLabels: {
      train_from_labels(settings_, columns_, options.labels);
      // m from the labelled matches; u from random pairs as always (pairs a
      // reviewer saw are the hard ones, nothing like random non-matches),
      // then the prior.
      Settings prior_only = settings_;
      prior_only.training.estimate_u = true;
      prior_only.training.estimate_m = false;
      r.training = train_model(prior_only, table_, columns_, {}, candidates, threads);
      settings_ = prior_only;
      settings_.training = Settings{}.training;
      break;
    }
    case TrainingPlan::Source::kCandidates:
      r.training = train_model(settings_, table_, columns_, candidates, candidates, threads);
      break;
    case TrainingPlan::Source::kSamePass:
      r.training = train_model(settings_, table_, columns_, training_patterns, candidates, threads);
      break;
    case TrainingPlan::Source::kOwnPass: {
      const std::vector<Blocks> training_blocks =
          block(table_, settings_, settings_.training_blocking_rules, key_columns);
      Settings for_training = settings_;
      for_training.blocking_rules = settings_.training_blocking_rules;
      const ComparedPairs training =
          compare_candidate_pairs(table_, for_training, training_blocks, columns_, threads);
      r.training = train_model(settings_, table_, columns_, training.patterns, candidates, threads);
      break;
    }
  }
  for (const std::string& w : r.training.warnings) r.warnings.push_back(w);
}

void Linker::cluster(const std::vector<PairDecision>& decisions, const PairWeight& pair_weight) {
  LinkResult& r = result_;
  r.clusters = cluster_records(table_.size(), table_.source, r.pairs, settings_.threshold,
                               decisions, settings_.clustering, pair_weight, facts_);
  r.links = 0;
  for (const ScoredPair& p : r.pairs) r.links += p.match_probability >= settings_.threshold;
  r.best_probability.assign(table_.size(), 0);
  for (const ScoredPair& p : r.pairs) {
    r.best_probability[p.i] = std::max(r.best_probability[p.i], p.match_probability);
    r.best_probability[p.j] = std::max(r.best_probability[p.j], p.match_probability);
  }
  for (const PairDecision& d : decisions) {
    if (d.match) r.best_probability[d.i] = r.best_probability[d.j] = 1;
  }
}

const LinkResult& Linker::run(const LinkOptions& options) {
  const int threads = options.threads > 0 ? options.threads : model::default_thread_count();
  auto progress = [&](const char* stage) -> ProgressFunction {
    if (!options.progress) return {};
    return [&options, stage](std::size_t done, std::size_t total) {
      options.progress(stage, done, total);
    };
  };
  result_ = LinkResult{};
  LinkResult& r = result_;
  Stopwatch watch;

  prepare();
  r.seconds.preparing = watch.lap();

  const TrainingPlan plan = plan_training(options);
  KeyColumns key_columns;
  const std::vector<Blocks> blocks = block_all(plan, key_columns);
  r.seconds.blocking = watch.lap();

  std::vector<Pattern> training_patterns;
  ComparedPairs compared = compare(plan, blocks, threads, progress("comparing"), training_patterns);
  r.seconds.comparing = watch.lap();

  train(plan, options, compared.patterns, training_patterns, key_columns, threads);
  r.seconds.estimating_u_and_em = watch.lap();

  weights_.emplace(settings_, columns_);
  if (plan.source != TrainingPlan::Source::kNone && plan.source != TrainingPlan::Source::kLabels &&
      settings_.training.estimate_m) {
    // EM's m, counted again where EM's match class took in non-matches
    // (confident_pairs.h); a second round changed nothing measurable.
    r.confident_pairs = m_from_confident_pairs(settings_, compared.pairs, *weights_, threads);
    weights_.emplace(settings_, columns_);
  }
  r.pairs = predict(compared.pairs, *weights_, settings_.retain_probability, threads);
  std::vector<CandidatePair>().swap(compared.pairs);
  r.seconds.predicting = watch.lap();

  // A pair's weight as the model gives it, then as the reviewers'
  // calibration (identity until fitted) makes it.
  // Across two persons the completed values count (person_columns_).
  const PairWeight pair_weight = [this](std::uint32_t i, std::uint32_t j) {
    return calibration_.apply(
        weights_->weight(comparison_vector(settings_.comparisons, person_columns_, i, j), i));
  };
  person_columns_.clear();
  for (const PreparedColumn& column : columns_) person_columns_.push_back(&column);
  completed_columns_.clear();
  calibration_ = ReviewerCalibration{};
  facts_ = record_facts(table_, settings_, columns_);
  cluster(options.decisions, pair_weight);
  if (plan.source != TrainingPlan::Source::kNone && settings_.training.prior_from_clusters) {
    prior_from_clusters(options.decisions, pair_weight);
  }
  if (settings_.clustering.complete_from_persons) {
    complete_from_persons(options.decisions, pair_weight, threads, progress("completing"));
  }
  if (options.calibrate_from_decisions) calibrate_from_decisions(options.decisions, pair_weight);
  raise_threshold_for_precision(options.decisions, pair_weight);
  r.expected =
      expected_accuracy(r.pairs, settings_.threshold,
                        estimate_unscored_matches(
                            table_, settings_.link_type, blocks, settings_.blocking_rules.size(),
                            [&pair_weight](std::uint32_t i, std::uint32_t j) {
                              return probability_from_weight(pair_weight(i, j));
                            }));
  if (const int name = korean_name_comparison(settings_.comparisons); name >= 0) {
    const PreparedColumn& names = columns_[static_cast<std::size_t>(name)];
    for (std::uint32_t i = 0; i < names.size(); ++i) r.expected.unnamed_records += names.is_null(i);
  }
  if (r.expected.precision < kTrustedExpectedAccuracy ||
      r.expected.recall < kTrustedExpectedAccuracy) {
    // Said plainly: persons counted from these links carry the errors into
    // any estimate (a missed link makes one person two, seen by fewer lists).
    char line[400];
    std::snprintf(
        line, sizeof line,
        "the linkage is uncertain: by its own probabilities about %.0f of %.0f links "
        "are false, %.0f matches among the scored pairs are missed and about %.0f "
        "among the pairs never compared (precision %.3f, recall %.3f; the matches of %llu "
        "records without a name are not counted); estimates from these persons inherit "
        "the errors",
        r.expected.false_links, r.expected.links, r.expected.missed_matches,
        r.expected.unscored_matches, r.expected.precision, r.expected.recall,
        static_cast<unsigned long long>(r.expected.unnamed_records));
    r.warnings.push_back(line);
  }
  r.review = review_queue(r.pairs, r.clusters, options.decisions, settings_.clustering);
  r.seconds.clustering = watch.lap();
  r.settings = settings_;
  return r;
}

void Linker::prior_from_clusters(const std::vector<PairDecision>& decisions,
                                 const PairWeight& pair_weight) {
  // EM's prior is the share of matches that makes the candidates' evidence
  // most likely. When lists are large and names common, millions of
  // candidates carry weak evidence each, and small departures from the
  // model (a home county shared by people arrested there) add up to many
  // times the true number of matches: the probabilities come out far too
  // high (on 315,000 simulated records, 0.8 predicted for 0.4 true). The
  // persons bound it instead: the records of P persons hold the pairs
  // within their clusters. So the prior is set to the pairs within the
  // clusters over all pairs (where that moves it 5% or more), the pairs
  // scored again and clustered again, once (a second round moved nothing
  // measurable).
  LinkResult& r = result_;
  const double all_pairs = static_cast<double>(total_pairs(table_, settings_.link_type));
  if (all_pairs <= 0) return;
  r.prior_rounds.push_back(settings_.probability_two_random_records_match);
  // The clusters also say how many records a person holds, so that a
  // name's frequency counts other persons only (MatchWeights): every pair
  // is scored again, not shifted.
  std::vector<std::uint64_t> sizes(r.clusters.entities, 0);
  for (std::uint32_t e : r.clusters.entity) ++sizes[e];
  double within = 0;
  for (std::uint64_t k : sizes) within += static_cast<double>(k) * static_cast<double>(k - 1) / 2;
  if (within == 0) return;
  const double before = settings_.probability_two_random_records_match;
  const double after = std::clamp(within / all_pairs, 1e-12, 0.5);
  if (std::abs(std::log(after / before)) >= 0.05) {
    settings_.probability_two_random_records_match = after;
    r.prior_rounds.push_back(after);
  }
  weights_.emplace(settings_, columns_, &r.clusters.entity);
  std::vector<ScoredPair> kept;
  kept.reserve(r.pairs.size());
  for (ScoredPair p : r.pairs) {
    p.match_weight = static_cast<float>(weights_->weight(p.gamma, p.i));
    p.match_probability = static_cast<float>(probability_from_weight(p.match_weight));
    if (p.match_probability >= settings_.retain_probability) kept.push_back(p);
  }
  r.pairs = std::move(kept);
  cluster(decisions, pair_weight);
}

Waterfall Linker::explain(std::uint32_t i, std::uint32_t j) const {
  if (!weights_) throw runtime_error("explain needs a trained model: run the linkage first");
  if (i >= table_.size() || j >= table_.size()) throw usage_error("no such record", "explain");
  Waterfall w = explain_pair(table_, settings_, columns_, *weights_, i, j);
  if (calibration_.fitted) {
    // The last term: what the reviewers' decisions did to the weight.
    WaterfallStep step;
    step.term = "reviewers' calibration";
    step.level = "fitted on " + std::to_string(calibration_.matches + calibration_.non_matches) +
                 " decisions";
    const double calibrated = calibration_.apply(w.match_weight);
    step.weight = calibrated - w.match_weight;
    step.cumulative = calibrated;
    w.steps.push_back(step);
    w.match_weight = calibrated;
    w.match_probability = probability_from_weight(calibrated);
  }
  return w;
}

void Linker::complete_from_persons(const std::vector<PairDecision>& decisions,
                                   const PairWeight& pair_weight, int threads,
                                   const ProgressFunction& progress) {
  LinkResult& r = result_;
  PersonCompletion completion = link::complete_from_persons(table_, settings_, columns_,
                                                            r.clusters.entity, r.clusters.entities);
  PersonCompletionReport& report = r.completion;
  report.ran = true;
  report.values_filled = completion.values_filled;
  report.records_completed = completion.records_completed;
  report.entities_before = r.clusters.entities;
  report.entities_after = r.clusters.entities;
  if (completion.values_filled == 0) return;

  Settings completed_settings = settings_;
  completed_settings.comparisons.clear();
  for (std::size_t c : completion.comparisons) {
    completed_settings.comparisons.push_back(settings_.comparisons[c]);
  }
  completed_columns_ = prepare_columns(completion.table, completed_settings);
  for (std::size_t k = 0; k < completion.comparisons.size(); ++k) {
    person_columns_[completion.comparisons[k]] = &completed_columns_[k];
  }
  // The blocking rules that read a completed column pair the completed
  // records anew, across persons only; KeyColumns reads the completed
  // columns through the compared ones, so they are swapped in for the
  // pass and back after it.
  std::vector<BlockingRule> rules;
  PairFilter filter{&completion.completed, &r.clusters.entity, {}};
  for (const BlockingRule& rule : settings_.blocking_rules) {
    std::uint8_t reads = 0;
    for (std::size_t k = 0; k < completion.comparisons.size(); ++k) {
      if (rule.uses_column(settings_.comparisons[completion.comparisons[k]].column)) {
        reads |= static_cast<std::uint8_t>(1u << k);
      }
    }
    if (reads != 0) {
      rules.push_back(rule);
      filter.rule_marks.push_back(reads);
    }
  }
  auto swap_columns = [&] {
    for (std::size_t k = 0; k < completion.comparisons.size(); ++k) {
      std::swap(columns_[completion.comparisons[k]], completed_columns_[k]);
    }
  };
  ComparedPairs compared;
  if (!rules.empty()) {
    swap_columns();
    KeyColumns key_columns;
    lend_compared_columns(key_columns, settings_, columns_);
    // A rule whose blocks grew past max_pairs on the completed values is
    // left out of this pass (its pairs were compared before).
    std::vector<Blocks> blocks;
    std::vector<std::uint8_t> marks;
    for (std::size_t k = 0; k < rules.size(); ++k) {
      Blocks b = make_blocks(rules[k], completion.table, settings_.link_type, &key_columns,
                             settings_.max_block_size);
      if (b.pairs > settings_.max_pairs) continue;
      blocks.push_back(std::move(b));
      marks.push_back(filter.rule_marks[k]);
    }
    filter.rule_marks = std::move(marks);
    compared = compare_candidate_pairs(completion.table, settings_, blocks, columns_, threads,
                                       progress, 0, &filter);
    swap_columns();
  }
  // The scored pairs that other rules found, across persons, with a
  // completed record: compared again on the completed values.
  for (const ScoredPair& p : r.pairs) {
    if (r.clusters.entity[p.i] != r.clusters.entity[p.j] &&
        (completion.completed[p.i] || completion.completed[p.j])) {
      compared.pairs.push_back(
          {p.i, p.j, comparison_vector(settings_.comparisons, person_columns_, p.i, p.j)});
    }
  }
  const auto before = [](const CandidatePair& x, const CandidatePair& y) {
    return x.i != y.i ? x.i < y.i : x.j < y.j;
  };
  const auto same = [](const CandidatePair& x, const CandidatePair& y) {
    return x.i == y.i && x.j == y.j;
  };
  std::sort(compared.pairs.begin(), compared.pairs.end(), before);
  compared.pairs.erase(std::unique(compared.pairs.begin(), compared.pairs.end(), same),
                       compared.pairs.end());
  report.pairs_compared = compared.pairs.size();
  std::vector<ScoredPair> rescored =
      predict(compared.pairs, *weights_, settings_.retain_probability, threads);
  // The pairs compared again replace their earlier scores.
  std::vector<ScoredPair> kept;
  kept.reserve(r.pairs.size() + rescored.size());
  for (const ScoredPair& p : r.pairs) {
    const CandidatePair key{p.i, p.j, 0};
    if (!std::binary_search(compared.pairs.begin(), compared.pairs.end(), key, before)) {
      kept.push_back(p);
    }
  }
  std::vector<CandidatePair>().swap(compared.pairs);
  kept.insert(kept.end(), rescored.begin(), rescored.end());
  r.pairs = std::move(kept);
  cluster(decisions, pair_weight);
  report.entities_after = r.clusters.entities;
}

void Linker::calibrate_from_decisions(const std::vector<PairDecision>& decisions,
                                      const PairWeight& pair_weight) {
  LinkResult& r = result_;
  std::vector<double> weights;
  std::vector<bool> match;
  for (const PairDecision& d : decisions) {
    if (d.i == d.j) continue;
    // The decided pair's own weight, as the reviewer saw it (its records'
    // values, not those their persons completed).
    const std::uint32_t i = std::min(d.i, d.j);
    const std::uint32_t j = std::max(d.i, d.j);
    weights.push_back(
        weights_->weight(comparison_vector(settings_.comparisons, columns_, i, j), i));
    match.push_back(d.match);
  }
  const ReviewerCalibration fit = fit_reviewer_calibration(weights, match);
  r.calibration = fit;
  if (!fit.fitted) return;
  calibration_ = fit;
  std::vector<ScoredPair> kept;
  kept.reserve(r.pairs.size());
  for (ScoredPair p : r.pairs) {
    p.match_weight = static_cast<float>(fit.apply(p.match_weight));
    p.match_probability = static_cast<float>(probability_from_weight(p.match_weight));
    if (p.match_probability >= settings_.retain_probability) kept.push_back(p);
  }
  r.pairs = std::move(kept);
  cluster(decisions, pair_weight);
  char line[200];
  std::snprintf(line, sizeof line,
                "probabilities recalibrated from %zu reviewer decisions (%zu matches): every "
                "match weight %+.2f bits",
                fit.matches + fit.non_matches, fit.matches, fit.intercept);
  r.warnings.push_back(line);
}

void Linker::raise_threshold_for_precision(const std::vector<PairDecision>& decisions,
                                           const PairWeight& pair_weight) {
  LinkResult& r = result_;
  const double given = settings_.threshold;
  const double raised = threshold_for_precision(r.pairs, given, settings_.min_expected_precision);
  if (raised <= given) return;
  const double precision_given = expected_accuracy(r.pairs, given, {}).precision;
  settings_.threshold = raised;
  r.threshold_given = given;
  cluster(decisions, pair_weight);
  char line[400];
  std::snprintf(line, sizeof line,
                "the threshold was raised from %.3f to %.3f: at %.3f the links' expected "
                "precision was %.3f, under %.2f (many people share these names); fewer links, "
                "each likelier true (link --threshold keeps a threshold you choose)",
                given, raised, given, precision_given, settings_.min_expected_precision);
  r.warnings.push_back(line);
}

nlohmann::json summary_json(const Linker& linker) {
  const LinkResult& r = linker.result();
  nlohmann::json rules = nlohmann::json::array();
  for (const RuleCount& c : r.rules) {
    rules.push_back({{"rule", c.rule},
                     {"pairs", c.pairs},
                     {"new_pairs", c.new_pairs},
                     {"largest_block", c.largest_block},
                     {"purged_blocks", c.purged_blocks},
                     {"purged_pairs", c.purged_pairs}});
  }
  nlohmann::json training = nlohmann::json::array();
  for (const RuleTraining& t : r.training.rules) {
    training.push_back({{"rule", t.rule},
                        {"pairs", t.pairs},
                        {"iterations", t.iterations},
                        {"converged", t.converged},
                        {"used", t.used},
                        {"match_share", t.lambda}});
  }
  std::size_t review_pairs = 0;
  for (const ReviewItem& item : r.review) review_pairs += item.kind == ReviewItem::Kind::kPair;
  return {
      {"records", linker.table().size()},
      {"sources", linker.table().source_names.size()},
      {"candidate_pairs", r.candidate_pairs},
      {"blocking_rules", rules},
      {"scored_pairs", r.pairs.size()},
      {"links_above_threshold", r.links},
      {"threshold", r.settings.threshold},
      {"threshold_given",
       r.threshold_given >= 0 ? nlohmann::json(r.threshold_given) : nlohmann::json(nullptr)},
      {"entities", r.clusters.entities},
      {"links_refused", r.clusters.refused_links},
      {"links_refused_by_average_linkage", r.clusters.average_linkage_refused},
      {"weak_links_split", r.clusters.weak_links_split},
      {"links_refused_as_implausible", r.clusters.implausible_refused},
      {"links_refused_within_deduplicated_lists", r.clusters.deduplicated_refused},
      {"clusters_flagged", r.clusters.flagged.size()},
      {"review_pairs", review_pairs},
      {"probability_two_random_records_match", r.settings.probability_two_random_records_match},
      {"prior_rounds", r.prior_rounds},
      {"persons_completion",
       {{"ran", r.completion.ran},
        {"values_filled", r.completion.values_filled},
        {"records_completed", r.completion.records_completed},
        {"pairs_compared_again", r.completion.pairs_compared},
        {"entities_before", r.completion.entities_before},
        {"entities_after", r.completion.entities_after}}},
      {"reviewer_calibration",
       {{"fitted", r.calibration.fitted},
        {"matches", r.calibration.matches},
        {"non_matches", r.calibration.non_matches},
        {"shift_bits", r.calibration.intercept}}},
      {"expected",
       {{"links", r.expected.links},
        {"false_links", r.expected.false_links},
        {"missed_matches", r.expected.missed_matches},
        {"unscored_matches", r.expected.unscored_matches},
        {"unscored_pairs_sampled", r.expected.unscored_sampled},
        {"unnamed_records", r.expected.unnamed_records},
        {"precision", r.expected.precision},
        {"recall", r.expected.recall}}},
      {"training",
       {{"u_sample_pairs", r.training.u_sample_pairs},
        {"u_sample_match_share", r.training.u_sample_match_share},
        {"em", training},
        {"failed_fits", r.training.failed_fits},
        {"name_agreeing_pairs", r.training.name_agreeing_pairs},
        {"name_agreeing_match_share", r.training.name_agreeing_match_share},
        {"m_from_confident_pairs",
         {{"min_probability", r.confident_pairs.min_probability},
          {"refined", r.confident_pairs.refined},
          {"failed", r.confident_pairs.failed}}}}},
      {"seconds",
       {{"preparing", r.seconds.preparing},
        {"blocking", r.seconds.blocking},
        {"comparing", r.seconds.comparing},
        {"training", r.seconds.estimating_u_and_em},
        {"predicting", r.seconds.predicting},
        {"clustering", r.seconds.clustering},
        {"total", r.seconds.total()}}},
      {"warnings", r.warnings},
  };
}

}  // namespace uncounted::link
