#include "cli/command.h"

#include <map>

namespace uncounted::cli {
namespace {

std::map<std::string, CommandSetup>& registry() {
  static std::map<std::string, CommandSetup> commands;
  return commands;
}

}  // namespace

CommandRegistration::CommandRegistration(const char* name, CommandSetup setup) {
  registry().emplace(name, std::move(setup));
}

void add_registered_commands(CLI::App& app, GlobalOptions& global) {
  for (auto& [name, setup] : registry()) setup(app, global);
}

}  // namespace uncounted::cli
