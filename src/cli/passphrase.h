#pragma once
// Where the store's passphrase comes from (../shared/spec/cli.md): the file
// named by --passphrase-file, else $UNCOUNTED_PASSPHRASE, else a no-echo
// prompt when standard input is a terminal; otherwise a usage error. Never
// a plain command-line argument; never printed or logged.

#include <memory>
#include <string>

#include "cli/command.h"
#include "store/store.h"

namespace uncounted::cli {

// CONFIRM asks twice at a prompt (for init).
std::string read_passphrase(const GlobalOptions& global, bool confirm = false);

// Asks QUESTION on standard error and reads one line from a terminal
// without echo (passphrases, passwords); the line end is dropped.
std::string prompt_without_echo(const char* question);

// Opens the store named by --store with the passphrase from read_passphrase.
std::unique_ptr<store::Store> open_store(const GlobalOptions& global);

// The actor recorded in the audit log: --actor, else $USER, else "cli".
std::string actor_name(const GlobalOptions& global);

}  // namespace uncounted::cli
