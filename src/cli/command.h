#pragma once
// How a command joins the command line: each command lives in its own file
// in src/cli/ and registers itself with a static CommandRegistration, so
// adding a command never touches main.cpp.
//
//   namespace {
//   void add_dates(CLI::App& app, GlobalOptions& global) {
//     auto* cmd = app.add_subcommand("dates", "Fuzzy dates");
//     ...
//     cmd->callback([&global] { ... });   // throw uncounted::Error on failure
//   }
//   const CommandRegistration dates_registration("dates", add_dates);
//   }  // namespace
//
// A callback reports failure by throwing uncounted::Error; main() prints one
// line and exits with the error's code. With global.json the command prints
// exactly one JSON document on standard output.

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace uncounted::cli {

struct GlobalOptions {
  std::string store = "uncounted.db";  // --store
  std::string passphrase_file;         // --passphrase-file
  bool json = false;                   // --json
  std::string actor;                   // --actor (who is recorded in the audit log)
};

using CommandSetup = std::function<void(CLI::App& app, GlobalOptions& global)>;

class CommandRegistration {
 public:
  CommandRegistration(const char* name, CommandSetup setup);
};

// Calls every registered setup, in the order of the commands' names.
void add_registered_commands(CLI::App& app, GlobalOptions& global);

}  // namespace uncounted::cli
