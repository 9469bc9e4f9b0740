// uncounted serve [--listen HOST:PORT] [--tls-cert FILE --tls-key FILE]:
// the web application (src/server/, docs/web.md).

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/passphrase.h"
#include "model/error.h"
#include "server/server.h"

namespace uncounted::cli {
namespace {

struct ServeArgs {
  std::string listen = "127.0.0.1:8080";
  std::string cert;
  std::string key;
  std::string static_dir;
  int session_minutes = 30;
  int max_connections = 512;
  std::string admin_totp = "required";
};

void add_serve(CLI::App& app, GlobalOptions& global) {
  static ServeArgs args;
  auto* cmd = app.add_subcommand("serve", "The web application (loopback by default)");
  cmd->add_option("--listen", args.listen,
                  "HOST:PORT to listen on (default 127.0.0.1:8080; port 0 picks a free one; an "
                  "address other than loopback needs TLS)");
  cmd->add_option("--tls-cert", args.cert, "TLS certificate chain (PEM)");
  cmd->add_option("--tls-key", args.key, "TLS private key (PEM)");
  cmd->add_option("--static-dir", args.static_dir,
                  "The built front end (default: web/dist beside the program's build folder, "
                  "else $UNCOUNTED_SOURCE_DIR/web/dist)");
  cmd->add_option("--session-minutes", args.session_minutes,
                  "Idle minutes before a session ends (default 30)")
      ->check(CLI::Range(1, 24 * 60));
  cmd->add_option("--max-connections,--threads", args.max_connections,
                  "Connections served at once, a thread each; more wait (default 512)")
      ->check(CLI::Range(4, 4096));
  cmd->add_option("--admin-totp", args.admin_totp,
                  "required (default): an administrator without one-time codes must enrol them "
                  "at login before anything else; optional: they may")
      ->check(CLI::IsMember({"required", "optional"}));
  cmd->callback([&global] {
    server::ServeOptions options;
    options.administrators_need_totp = args.admin_totp == "required";
    server::parse_listen_address(args.listen, options);
    options.tls_certificate = args.cert;
    options.tls_private_key = args.key;
    options.static_dir = args.static_dir;
    options.session_idle = std::chrono::minutes(args.session_minutes);
    options.max_connections = args.max_connections;
    options.on_listening = [&options, &global](int port) {
      const std::string url = server::listening_url(options, port);
      // The URL on standard output (scripts read the port from it when
      // --listen asked for port 0); nothing else goes there.
      if (global.json) {
        std::cout << nlohmann::json{{"url", url}, {"port", port}}.dump() << std::endl;
      } else {
        std::cout << url << std::endl;
      }
    };
    auto store = open_store(global);
    if (args.static_dir.empty() && server::find_static_dir().empty()) {
      std::cerr << "warning: the front end is not built (web/dist); only the API is served\n";
    }
    server::serve(*store, options);
  });
}

const CommandRegistration serve_registration("serve", add_serve);

}  // namespace
}  // namespace uncounted::cli
