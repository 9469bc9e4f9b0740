// uncounted: document, link and count. The command line is a thin shell over
// the library; see ../shared/spec/cli.md for the contract and
// src/cli/README.md for how commands are added.

#include <sys/prctl.h>
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <iostream>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "model/error.h"

namespace {

// A crash must not leave the passphrase, the store's key or the names in
// memory on disk: no core file, and (outside sanitizer builds, whose leak
// checker attaches to the process) not dumpable, which also keeps other
// processes of the same user from reading this one's memory.
void no_core_dumps() {
  const rlimit none{0, 0};
  setrlimit(RLIMIT_CORE, &none);
#if !defined(__SANITIZE_ADDRESS__)
  prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  no_core_dumps();
  using uncounted::cli::GlobalOptions;
  CLI::App app{
      "uncounted: document testimonies, link records across lists, estimate the uncounted"};
  app.set_version_flag("--version", UNCOUNTED_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  GlobalOptions global;
  app.add_option("--store", global.store, "Path of the encrypted store")->capture_default_str();
  app.add_option("--passphrase-file", global.passphrase_file,
                 "Read the store's passphrase from this file (else $UNCOUNTED_PASSPHRASE, "
                 "else a prompt)");
  app.add_flag("--json", global.json, "Print one JSON document on standard output");
  app.add_option("--actor", global.actor, "Who is recorded in the audit log (default: $USER)");
  uncounted::cli::add_registered_commands(app, global);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    std::cerr << "error: " << e.what() << " (command line)\n";
    return 2;
  } catch (const uncounted::Error& e) {
    std::cerr << "error: " << e.one_line() << "\n";
    return uncounted::cli::exit_code(e.kind());
  } catch (const std::bad_alloc&) {
    std::cerr << "error: out of memory\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  std::cout.flush();
  return std::cout.good() ? 0 : 1;
}
