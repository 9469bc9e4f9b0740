// One-time codes: RFC 6238's own test vectors, and a login that needs the
// code of the moment, refuses a wrong one and never takes one twice.

#include "server/totp.h"

#include <chrono>
#include <thread>

#include "server_fixture.h"

namespace uncounted::server::testing {
namespace {

TEST(Totp, MatchesRfc6238Vectors) {
  // RFC 6238 appendix B, SHA-1, the last six of its eight digits.
  const std::string secret = "12345678901234567890";
  EXPECT_EQ(totp_code(secret, 59 / 30), "287082");
  EXPECT_EQ(totp_code(secret, 1111111109 / 30), "081804");
  EXPECT_EQ(totp_code(secret, 1234567890 / 30), "005924");
  EXPECT_EQ(totp_code(secret, 2000000000 / 30), "279037");
  EXPECT_EQ(base32(secret), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  // One step early or late is accepted, two are not; a used step never.
  EXPECT_EQ(totp_step_matching(secret, "081804", 1111111109 + 30, 0), 1111111109 / 30);
  EXPECT_FALSE(totp_step_matching(secret, "081804", 1111111109 + 60, 0));
  EXPECT_FALSE(totp_step_matching(secret, "081804", 1111111109, 1111111109 / 30));
  EXPECT_EQ(new_totp_secret().size(), 20u);
  EXPECT_NE(new_totp_secret(), new_totp_secret());
}

class TotpLoginTest : public ServerFixture {};

TEST_F(TotpLoginTest, AnEnrolledAccountNeedsTheCodeOfTheMomentOnce) {
  const std::string secret = store::enroll_totp(store_->db(), "admin", new_totp_secret(), "test");
  auto attempt = [&](const nlohmann::json& body) {
    auto r = client_->Post("/api/login", body.dump(), "application/json");
    EXPECT_TRUE(r);
    return r ? std::make_pair(r->status, nlohmann::json::parse(r->body, nullptr, false))
             : std::make_pair(0, nlohmann::json());
  };
  auto [status, body] = attempt({{"user", "admin"}, {"password", kPassword}});
  EXPECT_EQ(status, 401);
  EXPECT_EQ(body["code"], "totp_required");
  const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
  const std::string code = totp_code(secret, now / 30);
  const std::string wrong = code == "000000" ? "000001" : "000000";
  EXPECT_EQ(attempt({{"user", "admin"}, {"password", kPassword}, {"code", wrong}}).first, 401);
  EXPECT_EQ(attempt({{"user", "admin"}, {"password", "wrong password"}, {"code", code}}).first,
            401);
  EXPECT_EQ(attempt({{"user", "admin"}, {"password", kPassword}, {"code", code}}).first, 200);
  // The same code again (seen over a shoulder): refused.
  EXPECT_EQ(attempt({{"user", "admin"}, {"password", kPassword}, {"code", code}}).first, 401);
  // Accounts without a secret log in as before.
  EXPECT_EQ(attempt({{"user", "doc"}, {"password", kPassword}}).first, 200);
  // Removed, the password alone is enough again.
  store::remove_totp(store_->db(), "admin", "test");
  EXPECT_EQ(attempt({{"user", "admin"}, {"password", kPassword}}).first, 200);
}

// `serve` as it runs by default: an administrator without codes may do
// nothing but enrol them, from the web, proving the app holds the secret.
TEST_F(TotpLoginTest, AnAdministratorWithoutCodesMustEnrolThemFirst) {
  stop_server();
  administrators_need_totp_ = true;
  start_server();
  const auto now = [] {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
  auto r =
      client_->Post("/api/login", nlohmann::json{{"user", "admin"}, {"password", kPassword}}.dump(),
                    "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(nlohmann::json::parse(r->body)["totp_enrollment_required"], true);
  const std::string set_cookie = r->get_header_value("Set-Cookie");
  const Caller admin{set_cookie.substr(0, set_cookie.find(';')),
                     nlohmann::json::parse(r->body)["csrf_token"].get<std::string>()};
  // Nothing else: not the users, not a testimony, not an account change.
  for (const auto& [method, path] : std::vector<std::pair<std::string, std::string>>{
           {"GET", "/api/users"}, {"GET", "/api/audit"}, {"POST", "/api/users/disable"}}) {
    auto refused = call(method, path, admin, R"({"name":"doc"})");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 403) << method << " " << path;
    EXPECT_EQ(nlohmann::json::parse(refused->body)["code"], "totp_enrollment_required");
  }
  auto me = call("GET", "/api/session", admin);
  ASSERT_TRUE(me);
  EXPECT_EQ(nlohmann::json::parse(me->body)["totp_enrollment_required"], true);
  // Other roles are not asked.
  EXPECT_EQ(
      nlohmann::json::parse(
          client_
              ->Post("/api/login", nlohmann::json{{"user", "doc"}, {"password", kPassword}}.dump(),
                     "application/json")
              ->body)["totp_enrollment_required"],
      false);
  // Confirming before an offer, or with a wrong code, enrols nothing.
  auto early = call("POST", "/api/account/totp/confirm", admin, R"({"code":"123456"})");
  ASSERT_TRUE(early);
  EXPECT_EQ(early->status, 409);
  auto offer = call("POST", "/api/account/totp", admin);
  ASSERT_TRUE(offer);
  ASSERT_EQ(offer->status, 200) << offer->body;
  const nlohmann::json offered = nlohmann::json::parse(offer->body);
  EXPECT_NE(offered["uri"].get<std::string>().find("otpauth://totp/"), std::string::npos);
  EXPECT_FALSE(store::find_user(store_->db(), "admin")->totp_secret) << "not before a code";
  // The secret as the app reads it (base32) decoded back to bytes.
  std::string secret;
  {
    const std::string b32 = offered["secret"];
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char c : b32) {
      buffer = (buffer << 5) | static_cast<std::uint32_t>(alphabet.find(c));
      bits += 5;
      if (bits >= 8) {
        secret.push_back(static_cast<char>((buffer >> (bits - 8)) & 0xff));
        bits -= 8;
      }
    }
  }
  ASSERT_EQ(secret.size(), 20u);
  const std::string code = totp_code(secret, now() / 30);
  const std::string wrong = code == "000000" ? "000001" : "000000";
  auto bad =
      call("POST", "/api/account/totp/confirm", admin, nlohmann::json{{"code", wrong}}.dump());
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  auto good =
      call("POST", "/api/account/totp/confirm", admin, nlohmann::json{{"code", code}}.dump());
  ASSERT_TRUE(good);
  ASSERT_EQ(good->status, 200) << good->body;
  EXPECT_TRUE(store::find_user(store_->db(), "admin")->totp_secret);
  // The enrolment session is over; the next login needs a code, and then
  // everything is open.
  auto after = call("GET", "/api/session", admin);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 401);
  auto no_code =
      client_->Post("/api/login", nlohmann::json{{"user", "admin"}, {"password", kPassword}}.dump(),
                    "application/json");
  ASSERT_TRUE(no_code);
  EXPECT_EQ(no_code->status, 401);
  // The code used to confirm is spent: wait for the next one if needed.
  std::string next = totp_code(secret, now() / 30);
  for (int i = 0; next == code && i < 35; ++i) {
    std::this_thread::sleep_for(std::chrono::seconds(1));
    next = totp_code(secret, now() / 30);
  }
  auto full = client_->Post(
      "/api/login",
      nlohmann::json{{"user", "admin"}, {"password", kPassword}, {"code", next}}.dump(),
      "application/json");
  ASSERT_TRUE(full);
  ASSERT_EQ(full->status, 200) << full->body;
  EXPECT_EQ(nlohmann::json::parse(full->body)["totp_enrollment_required"], false);
  const std::string full_cookie = full->get_header_value("Set-Cookie");
  const Caller enrolled{full_cookie.substr(0, full_cookie.find(';')),
                        nlohmann::json::parse(full->body)["csrf_token"].get<std::string>()};
  auto users = call("GET", "/api/users", enrolled);
  ASSERT_TRUE(users);
  EXPECT_EQ(users->status, 200);
}

}  // namespace
}  // namespace uncounted::server::testing
