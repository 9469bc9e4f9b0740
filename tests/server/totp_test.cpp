// One-time codes: RFC 6238's own test vectors, and a login that needs the
// code of the moment, refuses a wrong one and never takes one twice.

#include "server/totp.h"

#include <chrono>

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

}  // namespace
}  // namespace uncounted::server::testing
