#pragma once
// A real server on a free loopback port over a fresh encrypted store, with
// one user per role, for the endpoint tests. Requests go through a real
// HTTP client, so cookies, headers and status codes are tested as a
// browser would meet them.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>

#include "server/endpoint.h"
#include "server/http.h"
#include "server/server.h"
#include "store/store.h"
#include "store/user_table.h"

namespace uncounted::server::testing {

inline const char* kPassword = "correct horse battery";

struct Caller {
  std::string cookie;  // "uncounted_session=..."; empty for nobody
  std::string csrf;
};

class ServerFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("uncounted-server-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ / "static" / "assets");
    write(dir_ / "static" / "index.html", "<!doctype html><title>test</title>");
    write(dir_ / "static" / "assets" / "app.js", "console.log(1)");
    write(dir_ / "secret.txt", "SECRET-OUTSIDE-STATIC");
    const std::string path = (dir_ / "store.db").string();
    store::Store::create(path, "store passphrase", store::KeyStrength::interactive);
    store_ = store::Store::open(path, "store passphrase");
    store::add_user(store_->db(), "admin", Role::kAdministrator, kPassword, "test");
    store::add_user(store_->db(), "doc", Role::kDocumenter, kPassword, "test");
    store::add_user(store_->db(), "ana", Role::kAnalyst, kPassword, "test");
    store::add_user(store_->db(), "rev", Role::kReviewer, kPassword, "test");
    start_server();
  }

  void TearDown() override {
    stop_server();
    std::filesystem::remove_all(dir_);
  }

  // A server over the store, as `uncounted serve` starts one.
  void start_server() {
    if (!store_) store_ = store::Store::open((dir_ / "store.db").string(), "store passphrase");
    ServeOptions options;
    options.host = "127.0.0.1";
    options.port = 0;
    options.static_dir = (dir_ / "static").string();
    options.max_connections = 8;
    // Most tests log in as the administrator with a password alone; the
    // enrolment that `serve` requires has its own test (totp_test.cpp).
    options.administrators_need_totp = administrators_need_totp_;
    server_ = std::make_unique<Server>(*store_, options);
    thread_ = std::thread([this] { server_->run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(60, 0);
    // Wait until it answers.
    for (int i = 0; i < 100; ++i) {
      if (auto r = client_->Get("/api/health"); r && r->status == 200) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  // Stops the server and closes the store, as the end of the process would.
  void stop_server() {
    server_->stop();
    thread_.join();
    client_.reset();
    server_.reset();
    store_.reset();
  }

  static void write(const std::filesystem::path& p, const std::string& text) {
    std::ofstream(p) << text;
  }

  Caller login(const std::string& user) {
    auto r =
        client_->Post("/api/login", nlohmann::json{{"user", user}, {"password", kPassword}}.dump(),
                      "application/json");
    EXPECT_TRUE(r);
    EXPECT_EQ(r->status, 200) << r->body;
    const std::string set_cookie = r->get_header_value("Set-Cookie");
    return {set_cookie.substr(0, set_cookie.find(';')),
            nlohmann::json::parse(r->body)["csrf_token"].get<std::string>()};
  }

  int port() const { return server_->port(); }

  // One request; BODY is sent as JSON for methods other than GET.
  httplib::Result call(const std::string& method, const std::string& path, const Caller& who,
                       const std::string& body = "{}", bool with_csrf = true,
                       const std::string& content_type = "application/json",
                       const httplib::Headers& extra = {}) {
    httplib::Headers headers = extra;
    if (!who.cookie.empty()) headers.emplace("Cookie", who.cookie);
    if (with_csrf && !who.csrf.empty()) headers.emplace("X-CSRF-Token", who.csrf);
    if (method == "GET") return client_->Get(path.c_str(), headers);
    if (method == "POST") return client_->Post(path.c_str(), headers, body, content_type.c_str());
    if (method == "PUT") return client_->Put(path.c_str(), headers, body, content_type.c_str());
    if (method == "DELETE")
      return client_->Delete(path.c_str(), headers, body, content_type.c_str());
    ADD_FAILURE() << "unknown method " << method;
    return client_->Get("/");
  }

  std::int64_t count(const std::string& table) {
    auto s = store_->db().prepare("SELECT count(*) FROM " + table);
    s.step();
    return s.column_int(0);
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Server> server_;
  bool administrators_need_totp_ = false;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

// A valid testimony with one victim (one record): the body example that
// the OpenAPI document gives for POST /api/testimonies, taken from the
// endpoint table so that the two cannot drift apart (and so that the tests
// keep that example valid). NAME, when given, replaces the victim's name.
inline nlohmann::json sample_testimony(const std::optional<std::string>& name = std::nullopt) {
  nlohmann::json testimony;
  for (const Endpoint& e : api_endpoints()) {
    if (e.method == "POST" && e.path == "/api/testimonies") testimony = e.body_example;
  }
  EXPECT_TRUE(testimony.is_object()) << "POST /api/testimonies has no body example";
  if (name) testimony["people"][0]["name"] = *name;
  return testimony;
}

}  // namespace uncounted::server::testing
