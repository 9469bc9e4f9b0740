#pragma once
// The settings document: everything that defines a linkage model, as one
// JSON document that is saved with the results and can be read back, diffed
// and reused (Splink's "settings dictionary"). It says how to read the input
// (which column is the record id, where the source comes from, CSV quirks),
// which comparisons to make with which levels, the blocking rules, the
// trained parameters (m, u, the prior), and the clustering policy.
//
// default_settings() is the model for the interchange format of
// ../shared/spec/lists.md §1, so `uncounted link` needs no settings at all.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "link/blocking_rule.h"
#include "link/comparison.h"

namespace uncounted::link {

enum class LinkType {
  kLinkOnly,       // pairs only across sources (each source lists a person once)
  kDedupeOnly,     // all pairs, sources ignored
  kLinkAndDedupe,  // all pairs, within and across sources
};

struct InputSettings {
  // Column holding the source code; empty: each input file is a source,
  // named after the file (without directory and extension).
  std::string source_column = "source";
  // Candidates for the record id column, the first present is used; empty:
  // the 1-based row number.
  std::vector<std::string> record_id_columns{"record_id"};
  bool trim_leading_space = false;  // Febrl writes ", " between fields
  char delimiter = ',';
  // Ground truth, read by evaluation only: a column, and optionally a
  // regular expression whose first group is the entity (rec-12-dup-0 -> 12).
  std::string truth_column;
  std::string truth_pattern;
};

struct TrainingSettings {
  bool estimate_u = true;  // from random pairs
  std::uint64_t u_sample_pairs = 1'000'000;
  std::uint64_t seed = 42;
  bool estimate_m = true;     // by EM under each training blocking rule
  int max_iterations = 1000;  // cheap: EM runs on distinct patterns
  double convergence = 1e-5;  // largest change of any parameter
  // After clustering, set the prior to the pairs within the clusters over
  // all pairs and cluster again until it settles (Linker: the persons bound
  // the matches; EM's prior runs high on large lists of common names).
  bool prior_from_clusters = true;
};

struct ClusteringSettings {
  // Each source lists a person at most once: a cluster never holds two
  // records of one source (links are refused, strongest first).
  bool one_record_per_source = false;
  // A cluster whose weakest link is this many bits of match weight below its
  // median link, and is its only bridge, is chaining: split or flagged.
  double weak_link_gap_bits = 12;
  // A link that would make a cluster larger than this is refused: no
  // person has hundreds of records, but a chain of weak links does.
  std::uint32_t max_cluster_size = 100;
  bool split_weak_links = true;
  // Average linkage: two clusters of several records are joined only when
  // the mean match weight of all pairs across them reaches the threshold's,
  // so one strong link between two persons of the same common name does not
  // merge them when their other records disagree (needs a pair scorer).
  // The slack lets the mean fall this many bits under the threshold's: one
  // person's records of different events (an arrest, a camp, a death)
  // weigh little to each other, and at 0 bits the guard kept many of one
  // person's records apart (at 200,000 simulated people cluster F1 0.902
  // -> 0.910 with 2 bits, 3 seeds; 1 bit 0.909, 3 bits 0.909, 4 bits 0.905;
  // docs/linkage.md).
  bool average_linkage = true;
  double average_linkage_slack_bits = 2;
  // A link that would make a cluster no person can be is refused: both
  // sexes among its records, or birth years that cannot be reconciled
  // within max_birth_year_gap years ("1960s" allows 1960-1969).
  bool refuse_implausible = true;
  // Once the persons are found, a record's blank sex, birth year or origin
  // is read from the other records of its person where they agree, and the
  // pairs across two persons are compared again on those values
  // (person_completion.h). Off: at 200,000 simulated people it finds
  // persons a little better (cluster F1 +0.005) but leaves the pairs'
  // probabilities less calibrated (error 0.011 -> 0.022) and the estimate's
  // interval covering the truth less often (docs/linkage.md).
  bool complete_from_persons = false;
  double max_birth_year_gap = 10;
  // Sources declared deduplicated (each person at most once in the list):
  // a cluster never holds two of their records. Others may hold several
  // (a person arrested in one year and seen in a camp in another).
  std::vector<std::string> deduplicated_sources;
  // Pairs with a match probability in [review_low, review_high) go to the
  // review queue.
  double review_low = 0.2;
  double review_high = 0.9;
};

struct Settings {
  LinkType link_type = LinkType::kLinkAndDedupe;
  InputSettings input;
  std::vector<Comparison> comparisons;
  std::vector<BlockingRule> blocking_rules;           // OR-ed
  std::vector<BlockingRule> training_blocking_rules;  // empty: blocking_rules
  // The prior: the probability that two records drawn at random (among the
  // pairs the link type allows) are the same person.
  double probability_two_random_records_match = 1e-4;
  double threshold = 0.5;  // link when match probability >= this
  // The links' expected precision (their mean match probability) must
  // reach this. Where names are so common that it does not at `threshold`,
  // the threshold is raised until it does (at most to 0.99), and the output
  // says so: fewer links, each likelier true. 0: off (`link --threshold`
  // turns it off: a threshold the analyst chose is kept).
  double min_expected_precision = 0.95;
  double retain_probability = 1e-3;  // keep scored pairs at least this likely
  std::uint64_t max_pairs = 200'000'000;
  // Block purging: a blocking rule's blocks of more records than this are
  // skipped (counted and reported); 0: none are.
  std::uint64_t max_block_size = 0;
  TrainingSettings training;
  ClusteringSettings clustering;
  // True once m, u and the prior are estimated (or given): then `link
  // --settings` reuses them instead of training.
  bool trained = false;

  const std::vector<BlockingRule>& training_rules() const {
    return training_blocking_rules.empty() ? blocking_rules : training_blocking_rules;
  }
  // Every input column the model reads.
  std::vector<std::string> columns() const;
};

// Reads a settings document; anything missing takes its default. Throws
// invalid_input (naming the field) on anything malformed.
Settings settings_from_json(const nlohmann::json& j);
nlohmann::json to_json(const Settings& settings);
Settings read_settings_file(const std::string& path);
void write_settings_file(const std::string& path, const Settings& settings);

// The model for the interchange format (name, sex, birth_year, origin,
// event_date, event_place).
Settings default_settings();

std::string_view to_string(LinkType type);

}  // namespace uncounted::link
