// Every endpoint of the OpenAPI document, called as each role and as
// nobody, checked against this file's own table of who may do what. The
// table is written here, not read from the server, so that a change of
// the server's rules fails this test until someone changes both on purpose;
// an endpoint missing from either side fails too.

#include <regex>
#include <set>

#include "server_fixture.h"

namespace uncounted::server::testing {
namespace {

const std::set<std::string> kPublic = {"GET /api/health", "GET /api/openapi.json",
                                       "POST /api/login"};

// Who may call each endpoint (besides the public ones).
const std::map<std::string, std::set<std::string>> kAllowed = {
    {"POST /api/logout", {"admin", "doc", "ana", "rev"}},
    {"GET /api/session", {"admin", "doc", "ana", "rev"}},
    {"GET /api/users", {"admin"}},
    {"POST /api/users", {"admin"}},
    {"POST /api/users/disable", {"admin"}},
    {"POST /api/users/enable", {"admin"}},
    {"POST /api/users/password", {"admin"}},
    {"POST /api/users/role", {"admin"}},
    {"POST /api/users/delete", {"admin"}},
    {"GET /api/audit", {"admin"}},
    {"GET /api/audit/verify", {"admin"}},
    {"POST /api/account/password", {"admin", "doc", "ana", "rev"}},
    {"POST /api/account/totp", {"admin", "doc", "ana", "rev"}},
    {"POST /api/account/totp/confirm", {"admin", "doc", "ana", "rev"}},
    {"GET /api/testimonies", {"doc"}},
    {"POST /api/testimonies", {"doc"}},
    {"GET /api/testimonies/{id}", {"doc"}},
    {"PUT /api/testimonies/{id}", {"doc"}},
    {"GET /api/draft", {"doc"}},
    {"PUT /api/draft", {"doc"}},
    {"DELETE /api/draft", {"doc"}},
    {"GET /api/search", {"doc", "rev"}},
    {"GET /api/persons/{id}", {"doc", "rev"}},
    {"GET /api/records/pseudonymized", {"ana"}},
    {"GET /api/review/queue", {"rev"}},
    {"POST /api/review/decisions", {"rev"}},
    {"POST /api/review/undo", {"rev"}},
    {"POST /api/link", {"rev", "ana"}},
    {"POST /api/estimates", {"ana"}},
    {"GET /api/estimates/{id}", {"ana"}},
    {"DELETE /api/estimates/{id}", {"ana"}},
    {"GET /api/names/romanize", {"doc", "rev"}},
    {"GET /api/places/lookup", {"admin", "doc", "ana", "rev"}},
    {"GET /api/places", {"admin", "doc", "ana", "rev"}},
    {"GET /api/places/counts", {"admin", "doc", "ana", "rev"}},
    {"GET /api/dates/parse", {"admin", "doc", "ana", "rev"}},
    {"GET /api/events", {"admin", "doc", "ana", "rev"}},
};

struct Operation {
  std::string method;  // upper case
  std::string path;    // template
  std::string key() const { return method + " " + path; }
};

std::vector<Operation> documented(const nlohmann::json& doc) {
  std::vector<Operation> out;
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      std::string m = method;
      for (char& c : m) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      out.push_back({m, path});
    }
  }
  // Logout ends the session it is called with: call it last.
  std::stable_partition(out.begin(), out.end(),
                        [](const Operation& o) { return o.path != "/api/logout"; });
  return out;
}

// A concrete URL for a template: ids of existing rows, harmless queries.
std::string concrete(const std::string& path) {
  std::string url = std::regex_replace(path, std::regex(R"(\{[a-z_]+\})"), "1");
  return url + "?q=kim&name=%EA%B9%80%EC%B2%A0%EC%88%98&text=2009&limit=5";
}

class AuthorizationTest : public ServerFixture {};

TEST_F(AuthorizationTest, EveryEndpointAnswersEachRoleAsTheTableSays) {
  // One testimony, so that {id} = 1 names a real testimony and record.
  const Caller doc = login("doc");
  auto created = call("POST", "/api/testimonies", doc, sample_testimony().dump());
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;

  auto r = client_->Get("/api/openapi.json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const nlohmann::json spec = nlohmann::json::parse(r->body);
  const std::vector<Operation> ops = documented(spec);

  std::set<std::string> seen;
  for (const Operation& op : ops) {
    seen.insert(op.key());
    EXPECT_TRUE(kPublic.count(op.key()) || kAllowed.count(op.key()))
        << op.key() << " is served but missing from this test's table";
  }
  for (const auto& [key, roles] : kAllowed) {
    EXPECT_TRUE(seen.count(key)) << key << " is in the table but not in the OpenAPI document";
  }

  const std::vector<std::string> users = {"admin", "doc", "ana", "rev"};
  std::map<std::string, Caller> callers;
  for (const std::string& u : users) callers[u] = login(u);
  callers[""] = Caller{};  // nobody

  int checked = 0;
  for (const Operation& op : ops) {
    const std::string url = concrete(op.path);
    for (const auto& [who, caller] : callers) {
      auto res = call(op.method, url, caller);
      ASSERT_TRUE(res) << op.key() << " as " << who << ": no answer";
      const int status = res->status;
      const std::string context = op.key() + " as " + (who.empty() ? "nobody" : who) + " -> " +
                                  std::to_string(status) + " " + res->body;
      EXPECT_LT(status, 500) << context;
      EXPECT_NE(res->get_header_value("Content-Type").find("application/json"), std::string::npos)
          << context;
      if (kPublic.count(op.key())) {
        EXPECT_NE(status, 401) << context;
        EXPECT_NE(status, 403) << context;
      } else if (who.empty()) {
        EXPECT_EQ(status, 401) << context;
      } else if (kAllowed.at(op.key()).count(who)) {
        EXPECT_NE(status, 401) << context;
        EXPECT_NE(status, 403) << context;
      } else {
        EXPECT_EQ(status, 403) << context;
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, static_cast<int>(ops.size() * callers.size()));
}

TEST_F(AuthorizationTest, StateChangingCallsNeedTheCsrfToken) {
  auto r = client_->Get("/api/openapi.json");
  const nlohmann::json spec = nlohmann::json::parse(r->body);
  std::map<std::string, Caller> callers;
  for (const char* u : {"admin", "doc", "ana", "rev"}) callers[u] = login(u);
  int checked = 0;
  for (const Operation& op : documented(spec)) {
    if (op.method == "GET" || kPublic.count(op.key())) continue;
    for (const std::string& who : kAllowed.at(op.key())) {
      auto res = call(op.method, concrete(op.path), callers[who], "{}", /*with_csrf=*/false);
      ASSERT_TRUE(res);
      EXPECT_EQ(res->status, 403) << op.key() << " as " << who << " without CSRF: " << res->body;
      Caller wrong = callers[who];
      wrong.csrf = std::string(64, '0');
      res = call(op.method, concrete(op.path), wrong);
      EXPECT_EQ(res->status, 403) << op.key() << " as " << who << " with a wrong CSRF token";
      ++checked;
    }
  }
  EXPECT_GT(checked, 10);
}

TEST_F(AuthorizationTest, UnknownApiPathsTellNobodyAnything) {
  auto res = call("GET", "/api/does-not-exist", Caller{});
  EXPECT_EQ(res->status, 401);
  res = call("GET", "/api/testimonies/1/../../users", Caller{});
  EXPECT_EQ(res->status, 401);
  const Caller doc = login("doc");
  res = call("GET", "/api/does-not-exist", doc);
  EXPECT_EQ(res->status, 404);
  res = call("DELETE", "/api/testimonies", doc);
  EXPECT_EQ(res->status, 405);
}

TEST_F(AuthorizationTest, LogoutEndsTheSessionAndTheCookieIsHardened) {
  auto r =
      client_->Post("/api/login", nlohmann::json{{"user", "rev"}, {"password", kPassword}}.dump(),
                    "application/json");
  const std::string set_cookie = r->get_header_value("Set-Cookie");
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(set_cookie.find("Secure"), std::string::npos);  // plain HTTP on loopback
  Caller rev{set_cookie.substr(0, set_cookie.find(';')),
             nlohmann::json::parse(r->body)["csrf_token"].get<std::string>()};
  EXPECT_EQ(call("GET", "/api/review/queue", rev)->status, 200);
  EXPECT_EQ(call("POST", "/api/logout", rev)->status, 200);
  EXPECT_EQ(call("GET", "/api/review/queue", rev)->status, 401);
  EXPECT_EQ(call("GET", "/api/session", rev)->status, 401);
}

TEST_F(AuthorizationTest, WrongPasswordsBackOff) {
  int last = 0;
  for (int i = 0; i < 6; ++i) {
    auto r = client_->Post("/api/login",
                           nlohmann::json{{"user", "doc"}, {"password", "wrong password"}}.dump(),
                           "application/json");
    last = r->status;
    if (i < 5) {
      EXPECT_EQ(r->status, 401) << "attempt " << i;
    }
  }
  // The sixth failure set a wait; the next try is refused before checking.
  auto r =
      client_->Post("/api/login", nlohmann::json{{"user", "doc"}, {"password", kPassword}}.dump(),
                    "application/json");
  EXPECT_EQ(last, 401);
  EXPECT_EQ(r->status, 429) << r->body;
  EXPECT_FALSE(r->get_header_value("Retry-After").empty());
  // Another user is not blocked by doc's failures.
  login("rev");
}

// Accounts can be revoked: disabling one, or changing its password (on the
// web or by the command line, which writes the store directly), ends its
// sessions at the next request.
TEST_F(AuthorizationTest, AccountChangesEndSessions) {
  const Caller admin = login("admin");
  Caller doc = login("doc");
  auto status = [&](const std::string& method, const std::string& path, const Caller& who,
                    const nlohmann::json& body = nlohmann::json::object()) {
    auto r = call(method, path, who, body.dump());
    EXPECT_TRUE(r);
    return r ? r->status : 0;
  };
  auto login_status = [&](const std::string& user, const std::string& password) {
    auto r =
        client_->Post("/api/login", nlohmann::json{{"user", user}, {"password", password}}.dump(),
                      "application/json");
    return r ? r->status : 0;
  };
  auto login_as = [&](const std::string& user, const std::string& password) {
    auto r =
        client_->Post("/api/login", nlohmann::json{{"user", user}, {"password", password}}.dump(),
                      "application/json");
    EXPECT_TRUE(r && r->status == 200);
    if (!r) return Caller{};
    const std::string set_cookie = r->get_header_value("Set-Cookie");
    return Caller{set_cookie.substr(0, set_cookie.find(';')),
                  nlohmann::json::parse(r->body)["csrf_token"].get<std::string>()};
  };
  EXPECT_EQ(status("GET", "/api/session", doc), 200);
  EXPECT_EQ(status("POST", "/api/users/disable", admin, {{"name", "doc"}}), 200);
  EXPECT_EQ(status("GET", "/api/session", doc), 401);
  EXPECT_EQ(login_status("doc", kPassword), 403);
  EXPECT_EQ(login_status("doc", "wrong password"), 401);
  EXPECT_EQ(status("POST", "/api/users/disable", admin, {{"name", "nobody"}}), 404);
  EXPECT_EQ(status("POST", "/api/users/disable", admin, {{"name", "admin"}}), 409);
  EXPECT_EQ(status("POST", "/api/users/enable", admin, {{"name", "doc"}}), 200);
  doc = login("doc");
  EXPECT_EQ(status("GET", "/api/session", doc), 200);

  // The command line, in another process, sets doc's password.
  store::set_user_password(store_->db(), "doc", "a new password for doc", "cli");
  EXPECT_EQ(status("GET", "/api/session", doc), 401);
  EXPECT_EQ(login_status("doc", kPassword), 401);
  EXPECT_EQ(login_status("doc", "a new password for doc"), 200);

  // One's own password: the current one first; then every session ends.
  const Caller rev = login("rev");
  const Caller rev_elsewhere = login("rev");
  EXPECT_EQ(
      status("POST", "/api/account/password", rev,
             {{"current_password", "wrong password"}, {"new_password", "rev's new password"}}),
      403);
  EXPECT_EQ(status("POST", "/api/account/password", rev,
                   {{"current_password", kPassword}, {"new_password", "short"}}),
            400);
  EXPECT_EQ(status("GET", "/api/session", rev), 200);
  EXPECT_EQ(status("POST", "/api/account/password", rev,
                   {{"current_password", kPassword}, {"new_password", "rev's new password"}}),
            200);
  EXPECT_EQ(status("GET", "/api/session", rev), 401);
  EXPECT_EQ(status("GET", "/api/session", rev_elsewhere), 401);
  EXPECT_EQ(login_status("rev", "rev's new password"), 200);

  // An administrator resets a password; the changes are audited.
  EXPECT_EQ(status("POST", "/api/users/password", admin,
                   {{"name", "ana"}, {"password", "ana's reset password"}}),
            200);
  EXPECT_EQ(login_status("ana", "ana's reset password"), 200);
  // Another role ends the sessions too; the last administrator stays one.
  Caller ana = login_as("ana", "ana's reset password");
  EXPECT_EQ(status("POST", "/api/users/role", admin, {{"name", "ana"}, {"role", "reviewer"}}), 200);
  EXPECT_EQ(status("GET", "/api/session", ana), 401);
  ana = login_as("ana", "ana's reset password");
  EXPECT_EQ(status("GET", "/api/review/queue", ana), 200);
  EXPECT_EQ(status("POST", "/api/users/role", admin, {{"name", "admin"}, {"role", "analyst"}}),
            409);
  EXPECT_EQ(status("POST", "/api/users/delete", admin, {{"name", "admin"}}), 409);
  EXPECT_EQ(status("POST", "/api/users/delete", admin, {{"name", "ana"}}), 200);
  EXPECT_EQ(status("GET", "/api/session", ana), 401);
  EXPECT_EQ(login_status("ana", "ana's reset password"), 401);
  auto s = store_->db().prepare(
      "SELECT count(*) FROM audit_log WHERE action IN ('user_disable', 'user_enable', "
      "'user_password', 'user_role', 'user_delete')");
  s.step();
  EXPECT_EQ(s.column_int(0), 7);
  // An administrator reads them on the web, filtered, newest first.
  auto read = call("GET", "/api/audit?action=user_role", admin);
  ASSERT_TRUE(read);
  ASSERT_EQ(read->status, 200) << read->body;
  const nlohmann::json entries = nlohmann::json::parse(read->body)["entries"];
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0]["actor"], "admin");
  EXPECT_EQ(entries[0]["details"]["user"], "ana");
  auto verified = call("GET", "/api/audit/verify", admin);
  ASSERT_TRUE(verified);
  EXPECT_EQ(nlohmann::json::parse(verified->body)["ok"], true) << verified->body;
}

}  // namespace
}  // namespace uncounted::server::testing
