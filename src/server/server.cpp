#include "server/server.h"

#include <pthread.h>
#include <sys/socket.h>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

#include "model/error.h"
#include "server/api_router.h"
#include "server/app_state.h"
#include "server/connection_threads.h"
#include "server/http.h"
#include "server/static_files.h"
#include "store/user_table.h"

namespace uncounted::server {

namespace fs = std::filesystem;

void parse_listen_address(const std::string& text, ServeOptions& options) {
  std::string host;
  std::string port;
  if (!text.empty() && text[0] == '[') {
    const auto close = text.find("]:");
    if (close == std::string::npos) throw usage_error("expected [ADDRESS]:PORT", "--listen");
    host = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos) throw usage_error("expected HOST:PORT", "--listen");
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
  }
  if (host.empty() || port.empty() || port.size() > 5 ||
      port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535) {
    throw usage_error("expected HOST:PORT with a port from 0 to 65535", "--listen");
  }
  options.host = host;
  options.port = std::stoi(port);
}

bool is_loopback_host(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

std::string find_static_dir() {
  std::vector<fs::path> candidates;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back(exe.parent_path() / ".." / "web" / "dist");
  if (const char* source = std::getenv("UNCOUNTED_SOURCE_DIR")) {
    candidates.push_back(fs::path(source) / "web" / "dist");
  }
  for (const fs::path& c : candidates) {
    if (fs::is_regular_file(c / "index.html", ec)) return fs::weakly_canonical(c, ec).string();
  }
  return {};
}

struct Server::Impl {
  Impl(store::Store& store, const ServeOptions& options) : app(store, options) {}
  AppState app;
  std::unique_ptr<httplib::Server> http;
  std::string static_dir;
  int port = 0;
  socket_t listening = INVALID_SOCKET;  // the last socket the library made
};

namespace {

// Answers for requests the routes did not answer (httplib's 404s, 413 for
// oversized bodies, 400 for malformed requests) get a JSON body too.
void json_error_bodies(httplib::Server& http) {
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string message = "request failed";
    if (res.status == 413) message = "the request body is too large";
    if (res.status == 404) message = "not found";
    if (res.status == 400) message = "malformed request";
    if (res.status == 414) message = "the request line is too long";
    send_error(res, res.status, message);
  });
}

}  // namespace

Server::Server(store::Store& store, const ServeOptions& options)
    : impl_(std::make_unique<Impl>(store, options)) {
  const bool tls = !options.tls_certificate.empty() || !options.tls_private_key.empty();
  if (tls && (options.tls_certificate.empty() || options.tls_private_key.empty())) {
    throw usage_error("TLS needs both --tls-cert and --tls-key", "serve");
  }
  if (!tls && !is_loopback_host(options.host)) {
    throw usage_error(
        "listening on an address other than loopback needs TLS (--tls-cert, "
        "--tls-key)",
        "--listen");
  }
  if (tls) {
    auto ssl = std::make_unique<httplib::SSLServer>(options.tls_certificate.c_str(),
                                                    options.tls_private_key.c_str());
    if (!ssl->is_valid()) throw usage_error("cannot load the TLS certificate or key", "serve");
    impl_->http = std::move(ssl);
  } else {
    impl_->http = std::make_unique<httplib::Server>();
  }
  impl_->app.tls = tls;
  impl_->static_dir = options.static_dir.empty() ? find_static_dir() : options.static_dir;
  httplib::Server& http = *impl_->http;
  const int most = options.max_connections;
  http.new_task_queue = [most] { return new ConnectionThreads(most); };
  http.set_payload_max_length(options.max_body_bytes);
  // The body limit is enforced on Content-Length; a chunked body was read
  // whole whatever its size (a 512 MiB chunked login took the server to
  // 2.3 GB, no login needed). Browsers and our clients send a length, so a
  // chunked request is refused before its body is read, and the connection
  // closed.
  http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    const std::string te = req.get_header_value("Transfer-Encoding");
    if (te.empty()) return httplib::Server::HandlerResponse::Unhandled;
    res.status = 411;
    res.set_header("Connection", "close");
    res.set_content(R"({"error":"send the body with a Content-Length, not chunked"})",
                    "application/json; charset=utf-8");
    return httplib::Server::HandlerResponse::Handled;
  });
  // Only SO_REUSEADDR (a restart may bind while old connections linger), not
  // the library's default SO_REUSEPORT, under which a second `uncounted
  // serve` on the same port also listened and requests went to either
  // store at random (found in a day's use).
  http.set_socket_options([impl = impl_.get()](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    impl->listening = sock;
  });
  http.set_keep_alive_max_count(1000);
  http.set_read_timeout(10, 0);
  http.set_write_timeout(10, 0);
  httplib::Headers headers = {
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      // Scripts and styles only from our own files: injected markup cannot
      // run even if it were ever rendered as HTML.
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"},
  };
  // Under TLS the browser is told to come back over TLS only.
  if (tls) headers.emplace("Strict-Transport-Security", "max-age=31536000");
  http.set_default_headers(std::move(headers));
  json_error_bodies(http);
  AppState& app = impl_->app;
  const auto api = [&app](const httplib::Request& req, httplib::Response& res) {
    handle_api_request(app, req, res);
  };
  http.Get("/api/.*", api);
  http.Post("/api/.*", api);
  http.Put("/api/.*", api);
  http.Delete("/api/.*", api);
  http.Patch("/api/.*", api);
  const std::string static_dir = impl_->static_dir;
  http.Get(".*", [static_dir](const httplib::Request& req, httplib::Response& res) {
    serve_static_file(static_dir, req, res);
  });
  if (options.port == 0) {
    impl_->port = http.bind_to_any_port(options.host.c_str());
  } else if (http.bind_to_port(options.host.c_str(), options.port)) {
    impl_->port = options.port;
  } else {
    impl_->port = -1;
  }
  if (impl_->port <= 0) {
    throw runtime_error("cannot listen there (address in use or not available)", "--listen");
  }
  // The library listens with a backlog of 5: a browser's six parallel
  // connections, or a burst of clients, had their SYNs dropped and waited
  // a second for the retry. Listening again only sets the backlog.
  if (impl_->listening != INVALID_SOCKET) ::listen(impl_->listening, SOMAXCONN);
}

Server::~Server() = default;

int Server::port() const { return impl_->port; }

void Server::run() {
  if (impl_->app.options.on_listening) impl_->app.options.on_listening(impl_->port);
  impl_->http->listen_after_bind();
}

void Server::stop() { impl_->http->stop(); }

void serve(store::Store& store, const ServeOptions& options) {
  // SIGINT and SIGTERM are taken by a thread that stops the server, so that
  // every worker thread (which inherits the mask) finishes its request and
  // the store is closed cleanly.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  Server server(store, options);
  std::atomic<bool> signalled{false};
  std::thread waiter([&server, &signalled, signals] {
    int got = 0;
    sigwait(&signals, &got);
    signalled = true;
    server.stop();
  });
  server.run();
  // When run() ended for another reason, wake the waiter with a signal that
  // only it takes (every thread blocks these; sigwait accepts them).
  if (!signalled) pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
}

std::vector<std::string> add_demo_users(store::Store& store, const std::string& password,
                                        const std::string& actor) {
  const std::pair<const char*, Role> users[] = {{"demo-admin", Role::kAdministrator},
                                                {"demo-documenter", Role::kDocumenter},
                                                {"demo-analyst", Role::kAnalyst},
                                                {"demo-reviewer", Role::kReviewer}};
  std::vector<std::string> names;
  for (const auto& [name, role] : users) {
    if (!store::find_user(store.db(), name))
      store::add_user(store.db(), name, role, password, actor);
    names.emplace_back(name);
  }
  return names;
}

std::string listening_url(const ServeOptions& options, int port) {
  const bool tls = !options.tls_certificate.empty();
  const std::string host =
      options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  return std::string(tls ? "https" : "http") + "://" + host + ":" + std::to_string(port) + "/";
}

}  // namespace uncounted::server
