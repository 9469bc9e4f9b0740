#pragma once
// Reviewers' decisions on pairs of records (table `match_decisions`): match,
// non_match or unsure, with who decided and when. Linkage takes match and
// non_match as must-link and cannot-link; unsure keeps the pair out of the
// review queue without constraining linkage. Every decision, and every undo,
// is audited.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "store/database.h"

namespace uncounted::store {

enum class Decision { kMatch, kNonMatch, kUnsure };
// "match", "non_match", "unsure"; throws usage_error otherwise.
Decision parse_decision(const std::string& text);
std::string to_string(Decision decision);

struct MatchDecision {
  std::int64_t record_a = 0;  // internal record ids, record_a < record_b
  std::int64_t record_b = 0;
  Decision decision = Decision::kUnsure;
  std::string actor;
  std::string decided_at;
};

// Records ACTOR's decision on the pair (either order); audited. A pair
// decided before is decided again only when REPLACE, so that a key pressed
// twice, or a second reviewer in another process, cannot overwrite a
// decision unseen: otherwise conflict, naming the earlier decision and who
// made it (checked in the same transaction as the write). Throws
// invalid_input for a record with itself, not_found when either record does
// not exist.
void record_decision(Database& db, std::int64_t record_a, std::int64_t record_b, Decision decision,
                     const std::string& actor, bool replace);
// Takes back the decision on the pair, which returns to the review queue;
// audited. Returns what was taken back; nullopt (nothing written) when the
// pair had no decision.
std::optional<MatchDecision> undo_decision(Database& db, std::int64_t record_a,
                                           std::int64_t record_b, const std::string& actor);
std::optional<MatchDecision> find_decision(Database& db, std::int64_t record_a,
                                           std::int64_t record_b);
// Every decision (unsure ones too).
void for_each_decision(Database& db, const std::function<void(const MatchDecision&)>& visit);

}  // namespace uncounted::store
