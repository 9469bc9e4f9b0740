#pragma once
// The web application: a JSON API over the library (described by the
// OpenAPI document at /api/openapi.json) and the browser front end (web/,
// built into web/dist), served by one process. See docs/web.md.
//
//   store::Store& store = ...;            // opened once: key derivation is slow
//   server::ServeOptions options;         // 127.0.0.1:8080, no TLS
//   server::serve(store, options);        // blocks until stopped (SIGINT/SIGTERM)
//
// Threat model (../shared/design/architecture.md): loopback by default, and
// an address that is not loopback only with TLS; a login for everything but
// login, health and the OpenAPI document; roles on every endpoint; CSRF
// tokens on every state-changing request; login back-off; every write
// audited with its actor.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "model/role.h"
#include "store/store.h"

namespace uncounted::server {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;              // 0: any free port (see Server::port)
  std::string tls_certificate;  // PEM files; both or neither
  std::string tls_private_key;
  // The built front end (index.html and assets). Empty: find_static_dir().
  std::string static_dir;
  std::chrono::seconds session_idle{30 * 60};
  std::chrono::seconds session_lifetime{12 * 60 * 60};
  std::size_t max_body_bytes = 4 * 1024 * 1024;
  // Connections served at once, a thread each (connection_threads.h); more
  // wait until one closes.
  int max_connections = 512;
  // An administrator without one-time codes (totp.h) who logs in may do
  // nothing but enrol them (`serve --admin-totp optional` turns it off).
  bool administrators_need_totp = true;
  // Called once the socket is bound, with the port (e.g. to print the URL).
  std::function<void(int port)> on_listening;
};

// Parses "HOST:PORT" or "[V6]:PORT" into OPTIONS. Throws usage_error.
void parse_listen_address(const std::string& text, ServeOptions& options);
bool is_loopback_host(const std::string& host);

// The default front-end folder: <dir of the executable>/../web/dist, else
// $UNCOUNTED_SOURCE_DIR/web/dist, else web/dist under the source tree this
// program was built from. Empty when none holds an index.html.
std::string find_static_dir();

// A running server, for programs (the demo) and tests that need to stop it.
class Server {
 public:
  // Binds (throws runtime_error when the address is taken, usage_error for
  // a non-loopback address without TLS). Serving starts with run().
  Server(store::Store& store, const ServeOptions& options);
  ~Server();
  int port() const;
  // Serves until stop(); blocking.
  void run();
  // Thread-safe; makes run() return.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Serves until SIGINT or SIGTERM.
void serve(store::Store& store, const ServeOptions& options);

// Adds demo logins, one per role (demo-admin, demo-documenter, demo-analyst,
// demo-reviewer), all with PASSWORD, skipping those that exist, and returns
// their names. Audited with ACTOR. For `uncounted demo` only: real stores
// get real accounts.
std::vector<std::string> add_demo_users(store::Store& store, const std::string& password,
                                        const std::string& actor);

// The address a browser opens: "http://127.0.0.1:8080/", "https://[::1]:8443/".
std::string listening_url(const ServeOptions& options, int port);

}  // namespace uncounted::server
