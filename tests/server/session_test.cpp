// Sessions expire (idle and absolute), and login back-off doubles.

#include <gtest/gtest.h>

#include "model/error.h"
#include "server/login_throttle.h"
#include "server/session_store.h"
#include "store/password.h"

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
  now += std::chrono::seconds(1);
  throttle.failed("kim", "10.0.0.1");
  EXPECT_EQ(throttle.wait_seconds("kim", "10.0.0.1"), 2);
  now += std::chrono::seconds(2);
  throttle.failed("kim", "10.0.0.1");
  EXPECT_EQ(throttle.wait_seconds("kim", "10.0.0.1"), 4);
  // Eight failures from one address do not keep kim out elsewhere, nor
  // others out of that address.
  EXPECT_EQ(throttle.wait_seconds("kim", "10.0.0.2"), 0);
  EXPECT_EQ(throttle.wait_seconds("lee", "10.0.0.1"), 0);
  for (int i = 0; i < 40; ++i) throttle.failed("kim", "10.0.0.1");
  EXPECT_EQ(throttle.wait_seconds("kim", "10.0.0.3"), 900);  // the name anywhere: the ceiling
  EXPECT_GT(throttle.wait_seconds("lee", "10.0.0.1"), 0);    // the address is blocked too
  throttle.succeeded("kim", "10.0.0.3");
  EXPECT_EQ(throttle.wait_seconds("kim", "10.0.0.3"), 0);
}

TEST(LoginThrottleTest, FailuresDecaySoTyposNeverAddUp) {
  // Red-team finding: the per-address count never decayed, so after about
  // 20 typos in a server's life everyone at an office waited 15 minutes.
  LoginThrottle throttle;
  auto now = LoginThrottle::Clock::now();
  throttle.set_clock_for_testing([&] { return now; });
  for (int day = 0; day < 30; ++day) {
    throttle.failed("kim", "192.0.2.1");  // one typo a day, then the right password
    throttle.succeeded("kim", "192.0.2.1");
    EXPECT_EQ(throttle.wait_seconds("lee", "192.0.2.1"), 0) << "day " << day;
    now += std::chrono::hours(24);
  }
}

TEST(LoginThrottleTest, ALockedOutUserGetsInOnceTheAttackerStops) {
  // Red-team finding: six wrong passwords from anyone locked a named user
  // out even with the right one.
  LoginThrottle throttle;
  auto now = LoginThrottle::Clock::now();
  throttle.set_clock_for_testing([&] { return now; });
  for (int i = 0; i < 60; ++i) throttle.failed("kim", "203.0.113.9");  // the attacker
  EXPECT_GT(throttle.wait_seconds("kim", "203.0.113.9"), 0);
  EXPECT_GT(throttle.wait_seconds("kim", "192.0.2.1"), 0);  // guessed from anywhere: slowed
  now += std::chrono::minutes(16);                          // the attacker has stopped
  EXPECT_EQ(throttle.wait_seconds("kim", "192.0.2.1"), 0);
  throttle.succeeded("kim", "192.0.2.1");
  EXPECT_EQ(throttle.wait_seconds("kim", "192.0.2.1"), 0);
}

TEST(PasswordTest, HashesVerifyAndRefuseShortPasswords) {
  const std::string hash = store::hash_password("correct horse battery");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(store::verify_password("correct horse battery", hash));
  EXPECT_FALSE(store::verify_password("correct horse batterY", hash));
  EXPECT_NE(hash, store::hash_password("correct horse battery"));  // salted
  EXPECT_THROW(store::hash_password("short"), Error);
}

}  // namespace
}  // namespace uncounted::server
