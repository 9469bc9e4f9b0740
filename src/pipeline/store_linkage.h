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

// The persons, pairs and review queue it writes are read through
// store/linkage_table.h; reviewers' decisions are store/match_decision_table.h.

}  // namespace uncounted::pipeline
