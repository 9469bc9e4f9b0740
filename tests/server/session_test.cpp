// Sessions expire (idle and absolute), and login back-off doubles.

#include <gtest/gtest.h>

#include "model/error.h"
#include "server/login_throttle.h"
#include "server/password.h"
#include "server/session_store.h"

namespace uncounted::server {
namespace {

using namespace std::chrono_literals;

TEST(SessionStoreTest, ExpiresWhenIdleAndAfterItsLifetime) {
  SessionStore sessions(30min, 12h);
  auto now = SessionStore::Clock::now();
  sessions.set_clock_for_testing([&] { return now; });
  const std::string token = sessions.start("kim", Role::kDocumenter);
  ASSERT_TRUE(sessions.find(token));
  EXPECT_EQ(sessions.find(token)->csrf_token.size(), 64u);
  now += 29min;
  EXPECT_TRUE(sessions.find(token));  // refreshed
  now += 29min;
  EXPECT_TRUE(sessions.find(token));
  now += 31min;
  EXPECT_FALSE(sessions.find(token));  // idle too long

  const std::string busy = sessions.start("lee", Role::kReviewer);
  for (int i = 0; i < 30; ++i) {
    now += 25min;
    if (i < 28) {
      ASSERT_TRUE(sessions.find(busy)) << i;
    }
  }
  EXPECT_FALSE(sessions.find(busy));  // past 12 hours, however busy
  EXPECT_FALSE(sessions.find("not a token"));
}

TEST(SessionStoreTest, TokensAreRandomAndEndAll) {
  SessionStore sessions(30min, 12h);
  const std::string a = sessions.start("kim", Role::kDocumenter);
  const std::string b = sessions.start("kim", Role::kDocumenter);
  EXPECT_NE(a, b);
  EXPECT_NE(sessions.find(a)->csrf_token, sessions.find(b)->csrf_token);
  sessions.end_all("kim");
  EXPECT_FALSE(sessions.find(a));
  EXPECT_FALSE(sessions.find(b));
}

TEST(LoginThrottleTest, BacksOffExponentiallyAndSuccessResetsTheUser) {
  LoginThrottle throttle;
  auto now = LoginThrottle::Clock::now();
  throttle.set_clock_for_testing([&] { return now; });
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(throttle.wait_seconds("kim", "10.0.0.1"), 0);
    throttle.failed("kim", "10.0.0.1");
  }
  EXPECT_EQ(throttle.wait_seconds("kim", "10.0.0.1"), 0);  // five free failures
  throttle.failed("kim", "10.0.0.1");
  EXPECT_EQ(throttle.wait_seconds("kim", "10.0.0.1"), 1);
  now += 1s;
  throttle.failed("kim", "10.0.0.1");
  EXPECT_EQ(throttle.wait_seconds("kim", "10.0.0.1"), 2);
  now += 2s;
  throttle.failed("kim", "10.0.0.1");
  EXPECT_EQ(throttle.wait_seconds("kim", "10.0.0.1"), 4);
  EXPECT_EQ(throttle.wait_seconds("kim", "10.0.0.2"), 4);  // the user name is blocked anywhere
  EXPECT_EQ(throttle.wait_seconds("lee", "10.0.0.2"), 0);
  for (int i = 0; i < 40; ++i) throttle.failed("kim", "10.0.0.1");
  EXPECT_EQ(throttle.wait_seconds("kim", "10.0.0.3"), 900);  // the ceiling
  EXPECT_GT(throttle.wait_seconds("lee", "10.0.0.1"), 0);    // the address is blocked too
  throttle.succeeded("kim");
  EXPECT_EQ(throttle.wait_seconds("kim", "10.0.0.3"), 0);
}

TEST(PasswordTest, HashesVerifyAndRefuseShortPasswords) {
  const std::string hash = hash_password("correct horse battery");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(verify_password("correct horse battery", hash));
  EXPECT_FALSE(verify_password("correct horse batterY", hash));
  EXPECT_NE(hash, hash_password("correct horse battery"));  // salted
  EXPECT_THROW(hash_password("short"), Error);
}

}  // namespace
}  // namespace uncounted::server
