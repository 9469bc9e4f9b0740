// uncounted export --format csv|jsonl --profile full|partner --out FILE

#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/passphrase.h"
#include "model/error.h"
#include "store/exporter.h"
#include "store/output_file.h"
#include "store/partner_view.h"

namespace uncounted::cli {
namespace {

struct ExportArgs {
  std::string format = "csv";
  std::string profile = "partner";
  std::string out;
  bool force = false;
};

void add_export(CLI::App& app, GlobalOptions& global) {
  static ExportArgs args;
  auto* cmd = app.add_subcommand("export", "Export records (profile 'partner' is pseudonymized)");
  cmd->add_option("--format", args.format, "csv or jsonl")
      ->check(CLI::IsMember({"csv", "jsonl"}))
      ->capture_default_str();
  cmd->add_option("--profile", args.profile,
                  "full (every field) or partner (identifying fields dropped, ids pseudonymized)")
      ->check(CLI::IsMember({"full", "partner"}))
      ->capture_default_str();
  cmd->add_option("--out", args.out, "Output file (never the store or its files)")->required();
  cmd->add_flag("--force", args.force, "Replace --out if it exists");
  cmd->callback([&global] {
    store::check_output_path(args.out, global.store, args.force, "--out");
    auto store = open_store(global);
    // Owner-only permissions (even a partner export is not for other users
    // of this machine), a temporary name until complete: a failure leaves
    // nothing behind and touches nothing that was there.
    store::OutputFile file(args.out);
    const store::ExportReport report = store::export_records(
        *store, args.format == "csv" ? store::ExportFormat::kCsv : store::ExportFormat::kJsonl,
        args.profile == "full" ? store::ExportProfile::kFull : store::ExportProfile::kPartner,
        file.stream(), actor_name(global));
    file.commit();
    const bool partner = args.profile == "partner";
    if (global.json) {
      nlohmann::json j = {
          {"records", report.records},
          {"format", args.format},
          {"profile", args.profile},
          {"out", args.out},
          {"audit_entry", {{"seq", report.audit_entry.seq}, {"hash", report.audit_entry.hash}}}};
      if (partner) {
        j["disclosure"] = {{"least_group", store::kLeastGroup},
                           {"unique_share", report.unique_share},
                           {"unique_share_as_stored", report.unique_share_as_stored},
                           {"generalized_rows", report.generalized_rows}};
      }
      std::cout << j.dump() << "\n";
    } else {
      if (partner) {
        std::cout << "Unique on sex, birth year, event, date and place: "
                  << std::round(1000 * report.unique_share) / 10 << "% of rows (as stored: "
                  << std::round(1000 * report.unique_share_as_stored) / 10 << "%); "
                  << report.generalized_rows << " row(s) generalized for groups of at least "
                  << store::kLeastGroup << ".\n";
      }
      std::cout << "Exported " << report.records << " record(s) (" << args.profile << ", "
                << args.format << ") to " << args.out << ".\n"
                << "Audit entry " << report.audit_entry.seq << ": " << report.audit_entry.hash
                << "\n  (keep it: 'uncounted audit verify --expect-head " << report.audit_entry.seq
                << ":" << report.audit_entry.hash
                << "' shows later that the log still holds this export)\n";
    }
  });
}

const CommandRegistration export_registration("export", add_export);

}  // namespace
}  // namespace uncounted::cli
