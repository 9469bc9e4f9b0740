#include "cli/passphrase.h"

#include <sodium.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "model/error.h"

namespace uncounted::cli {
namespace {

std::string strip_line_end(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

}  // namespace

std::string prompt_without_echo(const char* question) {
  std::cerr << question << std::flush;
  termios old{};
  tcgetattr(STDIN_FILENO, &old);
  termios quiet = old;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  std::string line;
  std::getline(std::cin, line);
  tcsetattr(STDIN_FILENO, TCSANOW, &old);
  std::cerr << "\n";
  return strip_line_end(line);
}

std::string read_passphrase(const GlobalOptions& global, bool confirm) {
  std::string passphrase;
  if (!global.passphrase_file.empty()) {
    std::ifstream in(global.passphrase_file, std::ios::binary);
    if (!in) throw usage_error("cannot read the passphrase file", global.passphrase_file);
    std::getline(in, passphrase);
    passphrase = strip_line_end(passphrase);
  } else if (const char* env = std::getenv("UNCOUNTED_PASSPHRASE"); env != nullptr) {
    passphrase = env;
  } else if (isatty(STDIN_FILENO)) {
    passphrase = prompt_without_echo("Passphrase: ");
    if (confirm && prompt_without_echo("Passphrase again: ") != passphrase) {
      throw usage_error("the passphrases differ");
    }
  } else {
    throw usage_error(
        "no passphrase: use --passphrase-file FILE or $UNCOUNTED_PASSPHRASE, or run on a "
        "terminal");
  }
  if (passphrase.empty()) throw usage_error("the passphrase is empty");
  return passphrase;
}

std::unique_ptr<store::Store> open_store(const GlobalOptions& global) {
  std::string passphrase = read_passphrase(global);
  auto store = store::Store::open(global.store, passphrase);
  sodium_memzero(passphrase.data(), passphrase.size());
  return store;
}

std::string actor_name(const GlobalOptions& global) {
  if (!global.actor.empty()) return global.actor;
  if (const char* user = std::getenv("USER"); user != nullptr && *user != '\0') return user;
  return "cli";
}

}  // namespace uncounted::cli
