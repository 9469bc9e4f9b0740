#pragma once
// Login rate limiting with exponential back-off, per user name and per
// client address (either reaching its limit blocks): the first few failures
// are free, then each further failure doubles the wait before the next
// attempt, up to a ceiling. A success clears the user name's count (not the
// address's: one attacker with one right password must not reset the count
// for guessing others). Thread-safe; memory is bounded by forgetting keys
// whose wait ran out long ago.

#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

namespace uncounted::server {

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;
  struct Limits {
    int free_failures = 5;
    std::chrono::seconds first_wait{1};
    std::chrono::seconds max_wait{900};
  };
  LoginThrottle() : LoginThrottle(Limits{}) {}
  explicit LoginThrottle(Limits limits) : limits_(limits) {}

  // Seconds to wait before USER may try again from ADDRESS; 0 when now.
  std::int64_t wait_seconds(const std::string& user, const std::string& address);
  void failed(const std::string& user, const std::string& address);
  void succeeded(const std::string& user);

  void set_clock_for_testing(std::function<Clock::time_point()> now) { now_ = std::move(now); }

 private:
  struct Count {
    int failures = 0;
    Clock::time_point blocked_until{};
  };
  void fail(std::unordered_map<std::string, Count>& map, const std::string& key,
            Clock::time_point now, int free_failures);
  std::int64_t wait(std::unordered_map<std::string, Count>& map, const std::string& key,
                    Clock::time_point now);

  Limits limits_;
  std::function<Clock::time_point()> now_ = [] { return Clock::now(); };
  std::mutex mutex_;
  std::unordered_map<std::string, Count> by_user_;
  std::unordered_map<std::string, Count> by_address_;
};

}  // namespace uncounted::server
