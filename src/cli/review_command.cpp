// uncounted review: the reviewer's work from the command line, as on the
// web. `review queue` lists the uncertain pairs waiting for a decision, most
// uncertain first; `review decide A B match|non_match|unsure` decides one
// (refused when the pair was decided before, unless --replace); `review undo
// A B` takes a decision back. Decisions are audited and later linkage runs
// respect them (store/match_decision_table.h).

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/passphrase.h"
#include "model/error.h"
#include "store/linkage_table.h"
#include "store/match_decision_table.h"

namespace uncounted::cli {
namespace {

struct ReviewArgs {
  std::int64_t limit = 20;
  std::int64_t offset = 0;
  std::int64_t record_a = 0;
  std::int64_t record_b = 0;
  std::string decision;
  bool replace = false;
};

std::string record_line(store::Database& db, std::int64_t id) {
  const std::optional<store::StoredRecord> stored = store::find_record(db, id);
  if (!stored) return "#" + std::to_string(id) + " (removed)";
  const Record& r = stored->record;
  std::string line = "#" + std::to_string(id) + "  " + r.source + "/" + r.record_id + "  " +
                     r.name.value_or("(no name)");
  const std::string_view sex = to_code(r.sex);
  if (!sex.empty()) line += "  " + std::string(sex);
  if (r.birth_year) line += "  b." + *r.birth_year;
  line += "  " + r.event;
  if (r.event_date) line += " " + *r.event_date;
  if (r.event_place) line += " " + *r.event_place;
  return line;
}

void show_queue(store::Database& db, const ReviewArgs& args, bool json) {
  const std::vector<store::ScoredPair> pairs = store::review_queue(db, args.limit, args.offset);
  const std::int64_t remaining = store::review_queue_size(db);
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const store::ScoredPair& p : pairs) {
      out.push_back({{"record_a", p.record_a},
                     {"record_b", p.record_b},
                     {"match_weight", p.match_weight},
                     {"match_probability", p.match_probability}});
    }
    std::cout << nlohmann::json{{"remaining", remaining}, {"pairs", out}}.dump() << "\n";
    return;
  }
  std::cout << remaining << " pair(s) wait for a decision";
  if (pairs.empty()) {
    std::cout << "\n";
    return;
  }
  std::cout << "; the most uncertain:\n";
  char probability[16];
  for (const store::ScoredPair& p : pairs) {
    std::snprintf(probability, sizeof probability, "%.3f", p.match_probability);
    std::cout << "pair " << p.record_a << " " << p.record_b << "  probability " << probability
              << "\n  " << record_line(db, p.record_a) << "\n  " << record_line(db, p.record_b)
              << "\n";
  }
}

void add_pair_options(CLI::App* cmd, ReviewArgs& args) {
  cmd->add_option("RECORD_A", args.record_a, "A record's internal id (as `review queue` shows)")
      ->required()
      ->check(CLI::Range(std::int64_t{1}, INT64_MAX));
  cmd->add_option("RECORD_B", args.record_b, "The other record's internal id")
      ->required()
      ->check(CLI::Range(std::int64_t{1}, INT64_MAX));
}

void add_review(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<ReviewArgs>();
  auto* cmd = app.add_subcommand("review", "Decide the uncertain pairs linkage could not");
  cmd->require_subcommand(1);

  auto* queue = cmd->add_subcommand("queue",
                                    "The pairs waiting for a decision, most uncertain "
                                    "first");
  queue->add_option("--limit", args->limit, "Pairs to show (default 20)")
      ->check(CLI::Range(1, 100000));
  queue->add_option("--offset", args->offset, "Skip this many pairs")
      ->check(CLI::Range(0, 1'000'000'000));
  queue->callback([&global, args] {
    auto store = open_store(global);
    show_queue(store->db(), *args, global.json);
  });

  auto* decide = cmd->add_subcommand("decide", "Decide a pair: match, non_match or unsure");
  add_pair_options(decide, *args);
  decide->add_option("DECISION", args->decision, "match, non_match or unsure")
      ->required()
      ->check(CLI::IsMember({"match", "non_match", "unsure"}));
  decide->add_flag("--replace", args->replace, "Replace an earlier decision on the pair");
  decide->callback([&global, args] {
    auto store = open_store(global);
    const store::Decision decision = store::parse_decision(args->decision);
    store::record_decision(store->db(), args->record_a, args->record_b, decision,
                           actor_name(global), args->replace);
    const std::int64_t remaining = store::review_queue_size(store->db());
    if (global.json) {
      std::cout << nlohmann::json{{"decision", args->decision}, {"remaining", remaining}}.dump()
                << "\n";
    } else {
      std::cout << "Decided " << args->record_a << " " << args->record_b << ": " << args->decision
                << "; " << remaining << " pair(s) wait. Run `uncounted link` for it to take "
                << "effect.\n";
    }
  });

  auto* undo = cmd->add_subcommand("undo", "Take back the decision on a pair");
  add_pair_options(undo, *args);
  undo->callback([&global, args] {
    auto store = open_store(global);
    const auto taken =
        store::undo_decision(store->db(), args->record_a, args->record_b, actor_name(global));
    if (!taken) throw not_found("this pair has no decision to undo", "review undo");
    if (global.json) {
      std::cout << nlohmann::json{{"undone", store::to_string(taken->decision)}}.dump() << "\n";
    } else {
      std::cout << "Took back " << store::to_string(taken->decision) << " on " << args->record_a
                << " " << args->record_b << "; the pair waits again.\n";
    }
  });
}

const CommandRegistration review_registration("review", add_review);

}  // namespace
}  // namespace uncounted::cli
