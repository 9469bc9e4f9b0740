// uncounted user add NAME --role ROLE [--password-file FILE], user list,
// user disable|enable|delete NAME, user role NAME --role ROLE,
// user password NAME [--password-file FILE]: the
// web application's accounts. A disable or a new password ends the
// account's web sessions at their next request, even while a server runs.

#include <unistd.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/passphrase.h"
#include "model/error.h"
#include "server/totp.h"
#include "store/user_table.h"

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
std::string read_password(const std::string& file, const char* command = "user add") {
  if (!file.empty()) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw usage_error("cannot read the password file", "--password-file");
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  if (!isatty(STDIN_FILENO)) {
    throw usage_error("no password: give --password-file FILE or run on a terminal", command);
  }
  const std::string first = prompt_without_echo("New password: ");
  if (prompt_without_echo("Again: ") != first) throw usage_error("the passwords differ", command);
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
    const auto role = role_from_string(args.role);
    store::add_user(store->db(), args.name, *role, password, actor_name(global));
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
    for (const store::User& u : store::list_users(store->db())) {
      if (global.json) {
        out.push_back({{"user", u.name},
                       {"role", to_string(u.role)},
                       {"created_at", u.created_at},
                       {"disabled", u.disabled}});
      } else {
        std::cout << u.name << "\t" << to_string(u.role) << "\t" << u.created_at
                  << (u.disabled ? "\tdisabled" : "") << "\n";
      }
    }
    if (global.json) std::cout << nlohmann::json{{"users", out}}.dump() << "\n";
  });
  for (const bool disabled : {true, false}) {
    auto* sub = user->add_subcommand(
        disabled ? "disable" : "enable",
        disabled ? "Disable an account: its web sessions end, its logins are refused"
                 : "Enable a disabled account again");
    sub->add_option("NAME", args.name, "User name")->required();
    sub->callback([&global, disabled] {
      auto store = open_store(global);
      store::set_user_disabled(store->db(), args.name, disabled, actor_name(global));
      if (global.json) {
        std::cout << nlohmann::json{{"user", args.name}, {"disabled", disabled}}.dump() << "\n";
      } else {
        std::cout << (disabled ? "Disabled " : "Enabled ") << args.name << ".\n";
      }
    });
  }
  auto* role = user->add_subcommand("role", "Give a user another role; their web sessions end");
  role->add_option("NAME", args.name, "User name")->required();
  role->add_option("--role", args.role, "administrator, documenter, analyst or reviewer")
      ->required()
      ->check(CLI::IsMember({"administrator", "documenter", "analyst", "reviewer"}));
  role->callback([&global] {
    auto store = open_store(global);
    store::set_user_role(store->db(), args.name, *role_from_string(args.role), actor_name(global));
    if (global.json) {
      std::cout << nlohmann::json{{"user", args.name}, {"role", args.role}}.dump() << "\n";
    } else {
      std::cout << args.name << " is now " << args.role << ".\n";
    }
  });
  auto* remove = user->add_subcommand(
      "delete", "Delete an account (its audit entries stay; refused while it has a draft)");
  remove->add_option("NAME", args.name, "User name")->required();
  remove->callback([&global] {
    auto store = open_store(global);
    store::delete_user(store->db(), args.name, actor_name(global));
    if (global.json) {
      std::cout << nlohmann::json{{"user", args.name}, {"deleted", true}}.dump() << "\n";
    } else {
      std::cout << "Deleted the account " << args.name << ".\n";
    }
  });
  auto* totp = user->add_subcommand(
      "totp",
      "Enroll a one-time-code secret (an authenticator app) for a user, who then logs in with "
      "password and code; --remove takes it away. Strongly advised for administrators");
  totp->add_option("NAME", args.name, "User name")->required();
  static bool remove_secret = false;
  totp->add_flag("--remove", remove_secret, "Remove the enrolled secret");
  totp->callback([&global] {
    auto store = open_store(global);
    if (remove_secret) {
      store::remove_totp(store->db(), args.name, actor_name(global));
      std::cout << (global.json ? nlohmann::json{{"user", args.name}, {"totp", false}}.dump()
                                : "One-time codes removed for " + args.name + ".")
                << "\n";
      return;
    }
    const std::string secret =
        store::enroll_totp(store->db(), args.name, server::new_totp_secret(), actor_name(global));
    const std::string uri = server::otpauth_uri(args.name, secret);
    if (global.json) {
      std::cout << nlohmann::json{{"user", args.name},
                                  {"secret", server::base32(secret)},
                                  {"otpauth_uri", uri}}
                       .dump()
                << "\n";
    } else {
      std::cout << "Enter this secret in the authenticator app of " << args.name
                << " (shown once; it is a password):\n  " << server::base32(secret) << "\n  " << uri
                << "\nTheir web sessions are over; from now on they log in with "
                << "password and code.\n";
    }
  });
  auto* password = user->add_subcommand(
      "password", "Set a user's password (without echo); their web sessions end");
  password->add_option("NAME", args.name, "User name")->required();
  password->add_option("--password-file", args.password_file,
                       "Read the password from the first line of FILE (for scripts)");
  password->callback([&global] {
    const std::string text = read_password(args.password_file, "user password");
    auto store = open_store(global);
    store::set_user_password(store->db(), args.name, text, actor_name(global));
    if (global.json) {
      std::cout << nlohmann::json{{"user", args.name}, {"sessions_ended", true}}.dump() << "\n";
    } else {
      std::cout << "Password of " << args.name << " set; their web sessions are over.\n";
    }
  });
}

const CommandRegistration user_registration("user", add_user_commands);

}  // namespace
}  // namespace uncounted::cli
