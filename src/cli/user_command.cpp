// uncounted user add NAME --role ROLE [--password-file FILE], user list:
// the web application's accounts.

#include <unistd.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/passphrase.h"
#include "model/error.h"
#include "server/user_table.h"

namespace uncounted::cli {
namespace {

struct UserArgs {
  std::string name;
  std::string role;
  std::string password_file;
};

// The new user's password: the first line of --password-file, else asked
// twice without echo on a terminal; never an argument (it would show in
// the process list and the shell's history).
std::string read_password(const std::string& file) {
  if (!file.empty()) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw usage_error("cannot read the password file", "--password-file");
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  if (!isatty(STDIN_FILENO)) {
    throw usage_error("no password: give --password-file FILE or run on a terminal", "user add");
  }
  const std::string first = prompt_without_echo("New user's password: ");
  if (prompt_without_echo("Again: ") != first)
    throw usage_error("the passwords differ", "user add");
  return first;
}

void add_user_commands(CLI::App& app, GlobalOptions& global) {
  static UserArgs args;
  auto* user = app.add_subcommand("user", "Accounts of the web application");
  user->require_subcommand(1);
  auto* add = user->add_subcommand("add", "Add a user with a role (password without echo)");
  add->add_option("NAME", args.name, "User name: 1-64 of A-Z a-z 0-9 . _ -")->required();
  add->add_option("--role", args.role, "administrator, documenter, analyst or reviewer")
      ->required()
      ->check(CLI::IsMember({"administrator", "documenter", "analyst", "reviewer"}));
  add->add_option("--password-file", args.password_file,
                  "Read the password from the first line of FILE (for scripts)");
  add->callback([&global] {
    const std::string password = read_password(args.password_file);
    auto store = open_store(global);
    const auto role = server::role_from_string(args.role);
    server::add_user(store->db(), args.name, *role, password, actor_name(global));
    if (global.json) {
      std::cout << nlohmann::json{{"user", args.name}, {"role", args.role}}.dump() << "\n";
    } else {
      std::cout << "Added user " << args.name << " (" << args.role << ").\n";
    }
  });
  auto* list = user->add_subcommand("list", "List users and their roles");
  list->callback([&global] {
    auto store = open_store(global);
    nlohmann::json out = nlohmann::json::array();
    for (const server::User& u : server::list_users(store->db())) {
      if (global.json) {
        out.push_back(
            {{"user", u.name}, {"role", server::to_string(u.role)}, {"created_at", u.created_at}});
      } else {
        std::cout << u.name << "\t" << server::to_string(u.role) << "\t" << u.created_at << "\n";
      }
    }
    if (global.json) std::cout << nlohmann::json{{"users", out}}.dump() << "\n";
  });
}

const CommandRegistration registration("user", add_user_commands);

}  // namespace
}  // namespace uncounted::cli
