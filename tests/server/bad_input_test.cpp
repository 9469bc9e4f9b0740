// Bad input on every kind of request: oversized bodies, invalid JSON,
// invalid UTF-8, wrong types, script injection, cross-origin writes, path
// traversal in static file requests. Each gets a 4xx with a clear JSON
// message, and nothing is stored.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "server_fixture.h"

namespace uncounted::server::testing {
namespace {

class BadInputTest : public ServerFixture {
 protected:
  void expect_refused(const httplib::Result& r, int status, const std::string& what) {
    ASSERT_TRUE(r) << what;
    EXPECT_EQ(r->status, status) << what << ": " << r->body;
    const auto body = nlohmann::json::parse(r->body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << what << ": not JSON: " << r->body;
    EXPECT_TRUE(body.contains("error") && !body["error"].get<std::string>().empty()) << what;
  }
};

TEST_F(BadInputTest, BadBodiesAreRefusedAndNothingIsStored) {
  const Caller doc = login("doc");
  const auto testimonies = count("testimonies");
  const auto records = count("records");
  const auto audit = count("audit_log");

  expect_refused(call("POST", "/api/testimonies", doc, std::string(5 << 20, 'x')), 413,
                 "oversized body");
  expect_refused(call("POST", "/api/testimonies", doc, "{\"source\": "), 400, "truncated JSON");
  expect_refused(call("POST", "/api/testimonies", doc, "[1, 2]"), 400, "not an object");
  expect_refused(
      call("POST", "/api/testimonies", doc, sample_testimony().dump(), true, "text/plain"), 415,
      "wrong content type");
  std::string bad_utf8 = sample_testimony().dump();
  bad_utf8.replace(bad_utf8.find("Ri Chol Ho"), 2, "\xC3\x28");
  expect_refused(call("POST", "/api/testimonies", doc, bad_utf8), 400, "invalid UTF-8");
  std::string overlong = sample_testimony().dump();
  overlong.replace(overlong.find("Ri Chol Ho"), 2, "\xC0\xAF");
  expect_refused(call("POST", "/api/testimonies", doc, overlong), 400, "overlong UTF-8");

  nlohmann::json no_consent = sample_testimony();
  no_consent["consent"]["given"] = false;
  expect_refused(call("POST", "/api/testimonies", doc, no_consent.dump()), 400, "no consent");
  nlohmann::json bad_event = sample_testimony();
  bad_event["events"][0]["event"] = "<script>alert(1)</script>";
  expect_refused(call("POST", "/api/testimonies", doc, bad_event.dump()), 400, "unknown event");
  nlohmann::json bad_source = sample_testimony();
  bad_source["source"] = "../../etc";
  expect_refused(call("POST", "/api/testimonies", doc, bad_source.dump()), 400, "bad source");
  nlohmann::json wrong_type = sample_testimony();
  wrong_type["people"] = "everyone";
  expect_refused(call("POST", "/api/testimonies", doc, wrong_type.dump()), 400, "wrong type");
  expect_refused(call("PUT", "/api/testimonies/999", doc, sample_testimony().dump()), 404,
                 "edit of a missing testimony");
  expect_refused(call("GET", "/api/testimonies?limit=abc", doc), 400, "bad limit");
  expect_refused(call("GET", "/api/testimonies?limit=100000", doc), 400, "limit out of range");
  expect_refused(call("GET", "/api/search?q=%C3%28", doc), 400, "invalid UTF-8 in the query");
  expect_refused(call("GET", "/api/search?q=", doc), 400, "empty search");

  EXPECT_EQ(count("testimonies"), testimonies);
  EXPECT_EQ(count("records"), records);
  EXPECT_EQ(count("audit_log"), audit);
}

TEST_F(BadInputTest, DeeplyNestedBodiesAreRefusedAndTheServerStaysUp) {
  // Red-team finding: a 200 KB testimony nested 100,000 levels deep took the
  // server down (serialization recursed until the stack overflowed).
  const Caller doc = login("doc");
  const auto testimonies = count("testimonies");
  nlohmann::json deep = sample_testimony();
  std::string body = deep.dump();
  const std::string nested = std::string(100000, '[') + std::string(100000, ']');
  body.insert(body.size() - 1, ",\"notes\":" + nested);
  expect_refused(call("POST", "/api/testimonies", doc, body), 400, "deep testimony");
  expect_refused(call("PUT", "/api/draft", doc, "{\"draft\":" + nested + "}"), 400, "deep draft");
  const auto health = call("GET", "/api/testimonies", doc);
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);  // still answering
  EXPECT_EQ(count("testimonies"), testimonies);
}

TEST_F(BadInputTest, AChunkedBodyIsRefusedBeforeItIsRead) {
  // Red-team finding: chunked bodies ignored the 4 MiB limit, without
  // login (512 MiB to /api/login took the server to 2.3 GB).
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  const std::string head =
      "POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  ASSERT_EQ(::send(fd, head.data(), head.size(), MSG_NOSIGNAL), static_cast<ssize_t>(head.size()));
  // 8 MiB of chunks, twice the limit; the server answers before reading them.
  const std::string chunk = "100000\r\n" + std::string(0x100000, 'x') + "\r\n";
  for (int i = 0; i < 8; ++i) {
    if (::send(fd, chunk.data(), chunk.size(), MSG_NOSIGNAL) < 0) break;  // closed on us: fine
  }
  char buffer[256] = {};
  const ssize_t got = ::recv(fd, buffer, sizeof buffer - 1, 0);
  ::close(fd);
  ASSERT_GT(got, 0);
  EXPECT_EQ(std::string(buffer).rfind("HTTP/1.1 411", 0), 0u) << buffer;
  const Caller doc = login("doc");  // still answering
  const auto ok = call("GET", "/api/testimonies", doc);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST_F(BadInputTest, ARequestForAnotherHostIsRefused) {
  // DNS rebinding: a page of evil.example resolving to 127.0.0.1 sends
  // Host: evil.example with the user's cookie.
  const Caller doc = login("doc");
  const auto r = call("GET", "/api/testimonies", doc, "{}", true, "application/json",
                      {{"Host", "evil.example"}});
  expect_refused(r, 421, "rebound host");
  const auto ok = call("GET", "/api/testimonies", doc);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST_F(BadInputTest, ScriptInjectionIsStoredAsTextAndServedAsJson) {
  const Caller doc = login("doc");
  const std::string evil = "<script>alert('x')</script><img src=x onerror=alert(1)>";
  auto r = call("POST", "/api/testimonies", doc, sample_testimony(evil).dump());
  ASSERT_EQ(r->status, 201) << r->body;
  const auto id = nlohmann::json::parse(r->body)["id"].get<std::int64_t>();
  r = call("GET", "/api/testimonies/" + std::to_string(id), doc);
  ASSERT_EQ(r->status, 200);
  // Served as JSON data, never as HTML, with a policy that forbids inline
  // scripts; the front end renders it as text (browser test).
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("script-src 'self'"),
            std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(r->body)["document"]["people"][0]["name"], evil);
}

TEST_F(BadInputTest, WritesAreAuditedWithTheirActor) {
  const Caller doc = login("doc");
  const auto before = count("audit_log");
  auto r = call("POST", "/api/testimonies", doc, sample_testimony().dump());
  ASSERT_EQ(r->status, 201);
  EXPECT_EQ(count("audit_log"), before + 1);
  auto s = store_->db().prepare("SELECT actor, action FROM audit_log ORDER BY seq DESC LIMIT 1");
  ASSERT_TRUE(s.step());
  EXPECT_EQ(s.column_text(0), "doc");
  EXPECT_EQ(s.column_text(1), "testimony_create");
  // The same (source, testimony_id) again is a conflict, not a duplicate.
  nlohmann::json again = sample_testimony();
  again["testimony_id"] = nlohmann::json::parse(r->body)["testimony_id"];
  expect_refused(call("POST", "/api/testimonies", doc, again.dump()), 409, "duplicate");
  EXPECT_EQ(count("testimonies"), 1);
}

TEST_F(BadInputTest, CrossOriginWritesAreRefused) {
  const Caller doc = login("doc");
  httplib::Headers headers = {
      {"Cookie", doc.cookie}, {"X-CSRF-Token", doc.csrf}, {"Origin", "http://evil.example"}};
  auto r =
      client_->Post("/api/testimonies", headers, sample_testimony().dump(), "application/json");
  expect_refused(r, 403, "cross-origin");
  EXPECT_EQ(count("testimonies"), 0);
}

TEST_F(BadInputTest, StaticFilesStayInsideTheirFolder) {
  auto r = client_->Get("/");
  ASSERT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("<title>test</title>"), std::string::npos);
  r = client_->Get("/assets/app.js");
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  for (const char* path :
       {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt",
        "/assets/%2e%2e/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt", "/..%5csecret.txt",
        "/.hidden", "/assets/app.js%00.html", "/../../../../etc/passwd"}) {
    auto res = client_->Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_GE(res->status, 400) << path;
    EXPECT_LT(res->status, 500) << path;
    EXPECT_EQ(res->body.find("SECRET-OUTSIDE-STATIC"), std::string::npos) << path;
    EXPECT_EQ(res->body.find("root:"), std::string::npos) << path;
  }
  EXPECT_EQ(client_->Get("/no-such-file.js")->status, 404);
}

TEST_F(BadInputTest, LoginRefusesMalformedRequests) {
  expect_refused(client_->Post("/api/login", "{}", "application/json"), 400, "empty login");
  expect_refused(client_->Post("/api/login", "{\"user\": 1, \"password\": 2}", "application/json"),
                 400, "wrong types");
  expect_refused(client_->Post("/api/login", "not json", "application/json"), 400, "not JSON");
  expect_refused(
      client_->Post("/api/login",
                    nlohmann::json{{"user", "nobody"}, {"password", "whatever12"}}.dump(),
                    "application/json"),
      401, "unknown user");
}

}  // namespace
}  // namespace uncounted::server::testing
