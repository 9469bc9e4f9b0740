#pragma once
// Linkage over the store: reads every record, runs the linker (src/link)
// with the reviewers' decisions as must-link / cannot-link, and writes the
// persons (entities), the scored candidate pairs with their explanations,
// and the review queue back, in one transaction with its audit entry.
// The command line (`uncounted link`), the web application and the demo call
// this; src/link itself never touches the store.

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "link/linker.h"
#include "store/store.h"

namespace uncounted::pipeline {

struct StoreLinkOptions {
  // A settings document (link/settings.h); the defaults for the interchange
  // format when absent.
  std::optional<nlohmann::json> settings;
  std::string actor = "cli";
  link::LinkOptions link;  // threads, progress
  // Runs its argument with the store to itself: the server passes one that
  // holds its store mutex. Linkage reads the records under it, computes
  // outside it (other requests are served meanwhile), and writes under it
  // again, only if nothing was written in between (the audit log's last
  // entry tells); otherwise it starts over, three times at most, then
  // throws conflict. Empty: runs it directly (the command line).
  std::function<void(const std::function<void()>&)> with_store;
};

struct StoreLinkOutcome {
  std::int64_t run_id = 0;
  nlohmann::json summary;  // as `link --json` prints: records, pairs, links, entities, seconds
};

// Throws invalid_input when the store holds no record, conflict when the
// store kept changing while linkage computed.
StoreLinkOutcome link_store(store::Store& store, const StoreLinkOptions& options);

enum class Decision { kMatch, kNonMatch, kUnsure };
// "match", "non_match", "unsure"; throws usage_error otherwise.
Decision parse_decision(const std::string& text);
std::string to_string(Decision decision);

struct ReviewPair {
  std::int64_t record_a = 0;  // internal record ids, record_a < record_b
  std::int64_t record_b = 0;
  double match_weight = 0;
  double match_probability = 0;
  std::optional<std::string> decision;  // set once a reviewer decided
};

// The uncertain pairs of the latest run still waiting for a decision, most
// uncertain first (probability nearest 0.5).
std::vector<ReviewPair> review_queue(store::Store& store, std::size_t limit);

// The stored waterfall (JSON) of a scored pair of the latest run, or nullopt
// when the pair was not scored.
std::optional<nlohmann::json> pair_explanation(store::Store& store, std::int64_t record_a,
                                               std::int64_t record_b);

// Records a reviewer's decision (audited); later runs respect it. Throws
// invalid_input when either record does not exist.
void record_decision(store::Store& store, std::int64_t record_a, std::int64_t record_b,
                     Decision decision, const std::string& actor);

// The records linked to the same person as RECORD (itself included), by
// internal id; just RECORD when it was never linked.
std::vector<std::int64_t> person_records(store::Store& store, std::int64_t record);

}  // namespace uncounted::pipeline
