// uncounted audit verify: recompute the audit log's hash chain.

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/passphrase.h"
#include "model/error.h"
#include "store/audit_log.h"

namespace uncounted::cli {
namespace {

void add_audit(CLI::App& app, GlobalOptions& global) {
  auto* cmd = app.add_subcommand("audit", "The tamper-evident audit log");
  cmd->require_subcommand(1);
  auto* verify = cmd->add_subcommand(
      "verify", "Check every page of the store and recompute the audit hash chain");
  verify->callback([&global] {
    auto store = open_store(global);
    const std::vector<std::string> problems = store->check_integrity();
    if (!problems.empty()) {
      throw runtime_error("the store is damaged: " + problems.front() + " (" +
                              std::to_string(problems.size()) + " problem(s))",
                          "audit verify");
    }
    const store::AuditVerification v = store::verify_audit(store->db());
    if (global.json) {
      nlohmann::json j = {{"entries", v.entries}, {"ok", !v.first_broken.has_value()}};
      if (v.first_broken) {
        j["first_broken"] = *v.first_broken;
        j["reason"] = v.reason;
      }
      std::cout << j.dump() << "\n";
    }
    if (v.first_broken) {
      throw runtime_error(
          "audit log broken at entry " + std::to_string(*v.first_broken) + ": " + v.reason,
          "audit verify");
    }
    if (!global.json) std::cout << "Audit log intact: " << v.entries << " entries.\n";
  });
}

const CommandRegistration registration("audit", add_audit);

}  // namespace
}  // namespace uncounted::cli
