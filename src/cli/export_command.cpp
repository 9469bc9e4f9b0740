// uncounted export --format csv|jsonl --profile full|partner --out FILE

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/passphrase.h"
#include "model/error.h"
#include "store/exporter.h"

namespace uncounted::cli {
namespace {

struct ExportArgs {
  std::string format = "csv";
  std::string profile = "partner";
  std::string out;
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
  cmd->add_option("--out", args.out, "Output file")->required();
  cmd->callback([&global] {
    auto store = open_store(global);
    // Owner-only permissions: even a partner export is not for other users
    // of this machine.
    const int fd = ::open(args.out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) throw runtime_error("cannot write the file", args.out);
    ::close(fd);
    std::ofstream out(args.out, std::ios::binary | std::ios::trunc);
    store::ExportReport report;
    try {
      report = store::export_records(
          *store, args.format == "csv" ? store::ExportFormat::kCsv : store::ExportFormat::kJsonl,
          args.profile == "full" ? store::ExportProfile::kFull : store::ExportProfile::kPartner,
          out, actor_name(global));
    } catch (...) {
      out.close();
      std::remove(args.out.c_str());
      throw;
    }
    if (global.json) {
      std::cout << nlohmann::json{{"records", report.records},
                                  {"format", args.format},
                                  {"profile", args.profile},
                                  {"out", args.out}}
                       .dump()
                << "\n";
    } else {
      std::cout << "Exported " << report.records << " record(s) (" << args.profile << ", "
                << args.format << ") to " << args.out << ".\n";
    }
  });
}

const CommandRegistration registration("export", add_export);

}  // namespace
}  // namespace uncounted::cli
