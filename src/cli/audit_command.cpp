// uncounted audit verify [--expect-head SEQ:HASH]: check the store's pages,
// recompute the audit log's hash chain and check it against its head.
// uncounted audit reanchor: after a verify that failed and was looked into,
// seal a new head for the log as it is (itself audited).

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/passphrase.h"
#include "model/error.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace uncounted::cli {
namespace {

void add_audit(CLI::App& app, GlobalOptions& global) {
  auto* cmd = app.add_subcommand("audit", "The tamper-evident audit log");
  cmd->require_subcommand(1);
  auto* verify = cmd->add_subcommand(
      "verify",
      "Check every page of the store, recompute the audit hash chain and check it against its "
      "head");
  auto expected = std::make_shared<std::string>();
  verify->add_option("--expect-head", *expected,
                     "SEQ:HASH of an entry noted earlier (an export prints its own): the log "
                     "must still hold it");
  verify->callback([&global, expected] {
    auto store = open_store(global);
    const std::vector<std::string> problems = store->check_integrity();
    if (!problems.empty()) {
      throw runtime_error("the store is damaged: " + problems.front() + " (" +
                              std::to_string(problems.size()) + " problem(s))",
                          "audit verify");
    }
    store::AuditVerification v = store::verify_audit(store->db());
    if (!v.first_broken && !expected->empty()) {
      const std::size_t colon = expected->find(':');
      std::int64_t seq = 0;
      const std::string seq_text = expected->substr(0, colon);
      if (colon == std::string::npos || seq_text.empty() ||
          seq_text.find_first_not_of("0123456789") != std::string::npos || seq_text.size() > 15) {
        throw usage_error("--expect-head takes SEQ:HASH, as an export prints it", "--expect-head");
      }
      seq = std::stoll(seq_text);
      if (store::audit_entry_hash(store->db(), seq) != expected->substr(colon + 1)) {
        v.first_broken = seq;
        v.reason = "the log no longer holds the entry noted as " + seq_text +
                   ": it was removed or rewritten";
      }
    }
    if (global.json) std::cout << store::to_json(v).dump() << "\n";
    if (v.first_broken) {
      throw runtime_error(
          "audit log broken at entry " + std::to_string(*v.first_broken) + ": " + v.reason,
          "audit verify");
    }
    if (!global.json) {
      std::cout << "Audit log intact: " << v.entries << " entries; last entry " << v.head.seq
                << ": " << v.head.hash << "\n";
    }
  });

  auto* list = cmd->add_subcommand("list", "Read the audit log, newest first");
  auto filter = std::make_shared<store::AuditFilter>();
  list->add_option("--action", filter->action, "Only this action (import, export, link, ...)");
  list->add_option("--actor", filter->actor, "Only this actor");
  list->add_option("--since", filter->since, "Only entries from this date on (2026-12-01)");
  list->add_option("--limit", filter->limit, "At most this many entries (default 100)")
      ->check(CLI::Range(1, 1'000'000));
  list->callback([&global, filter] {
    auto store = open_store(global);
    const std::vector<store::AuditRecord> entries = store::read_audit(store->db(), *filter);
    if (global.json) {
      std::cout << store::to_json(entries).dump() << "\n";
      return;
    }
    for (const store::AuditRecord& r : entries) {
      std::cout << r.seq << "\t" << r.at << "\t" << r.entry.actor << "\t" << r.entry.action << "\t"
                << r.entry.details << "\n";
    }
    if (entries.empty()) std::cout << "No entries.\n";
  });

  auto* reanchor = cmd->add_subcommand(
      "reanchor",
      "Seal a new head for the audit log as it is, after a failed verify was looked into "
      "(recorded in the log)");
  reanchor->callback([&global] {
    auto store = open_store(global);
    const store::AuditHead entry = store::reanchor_audit_log(store->db(), actor_name(global));
    if (global.json) {
      std::cout << nlohmann::json{{"seq", entry.seq}, {"hash", entry.hash}}.dump() << "\n";
    } else {
      std::cout << "New audit head sealed; entry " << entry.seq << " records it: " << entry.hash
                << "\n";
    }
  });
}

const CommandRegistration audit_registration("audit", add_audit);

}  // namespace
}  // namespace uncounted::cli
