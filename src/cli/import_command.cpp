// uncounted import FILE...: record lists (CSV) and testimonies (JSONL).

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/passphrase.h"
#include "cli/progress.h"
#include "model/error.h"
#include "store/importer.h"
#include "store/output_file.h"

namespace uncounted::cli {
namespace {

struct ImportArgs {
  std::vector<std::string> files;
  bool skip_invalid = false;
  std::string rejects;
  bool force = false;
};

void add_import(CLI::App& app, GlobalOptions& global) {
  static ImportArgs args;
  auto* cmd = app.add_subcommand(
      "import",
      "Import record lists (CSV) or testimonies (JSONL); all-or-nothing unless --skip-invalid");
  cmd->add_option("files", args.files, "CSV record lists (*.csv) or testimonies (*.jsonl)")
      ->required();
  cmd->add_flag("--skip-invalid", args.skip_invalid,
                "Import the good rows and write the bad ones to --rejects");
  cmd->add_option("--rejects", args.rejects,
                  "With --skip-invalid: where to write the bad rows (plaintext: keep it safe)");
  cmd->add_flag("--force", args.force, "Replace --rejects if it exists");
  cmd->callback([&global] {
    if (!args.rejects.empty()) {
      store::check_output_path(args.rejects, global.store, args.force, "--rejects");
    }
    auto store = open_store(global);
    store::ImportOptions options;
    options.skip_invalid = args.skip_invalid;
    options.rejects_path = args.rejects;
    options.actor = actor_name(global);
    Progress progress("import");
    options.progress = [&progress](std::size_t done, std::size_t total) {
      progress.update(done, total);
    };
    const store::ImportReport report = store::import_files(*store, args.files, options);
    for (const io::RowError& e : report.errors) {
      std::cerr << e.where() << ": " << e.reason << "\n";
    }
    if (!report.committed) {
      throw invalid_input(std::to_string(report.errors.size()) +
                              " invalid row(s); nothing was imported (use --skip-invalid "
                              "--rejects FILE to keep the good rows)",
                          report.errors.front().where());
    }
    if (global.json) {
      std::cout << nlohmann::json{{"rows", report.rows},
                                  {"inserted", report.inserted},
                                  {"updated", report.updated},
                                  {"unchanged", report.unchanged},
                                  {"testimonies", report.testimonies},
                                  {"rejected", report.rejected}}
                       .dump()
                << "\n";
    } else {
      std::cout << "Imported " << report.rows << " row(s): " << report.inserted << " new, "
                << report.updated << " updated, " << report.unchanged << " unchanged, "
                << report.rejected << " rejected";
      if (report.testimonies > 0) std::cout << ", " << report.testimonies << " testimonies";
      std::cout << ".\n";
    }
  });
}

const CommandRegistration import_registration("import", add_import);

}  // namespace
}  // namespace uncounted::cli
