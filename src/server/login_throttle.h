#pragma once
// Login rate limiting with exponential back-off that protects without
// locking people out. Three counts, any of which reaching its limit blocks:
//   - a user name from one address (5 free failures): a person's own typos;
//   - a user name from any address (20): one account guessed from many;
//   - an address for any user name (20): one guesser cycling names.
// After the free failures each further one doubles the wait, up to a
// ceiling. Counts decay: one whose last failure is older than forget_after
// (15 minutes) starts again, so the typos of a server's lifetime never add
// up. A success clears the name's counts (from that address and anywhere),
// not the address's: one attacker with one right password must not reset
// the count for guessing others. An attacker guessing a colleague's name
// from another address therefore cannot keep the colleague out for long:
// 20 failures, and it decays once they stop. Thread-safe; memory is bounded
// by forgetting keys whose wait ran out long ago.

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
    int free_failures = 5;          // a name from one address
    int free_failures_shared = 20;  // a name from anywhere, an address for any name
    std::chrono::seconds first_wait{1};
    std::chrono::seconds max_wait{900};
    std::chrono::seconds forget_after{900};
  };
  LoginThrottle() : LoginThrottle(Limits{}) {}
  explicit LoginThrottle(Limits limits) : limits_(limits) {}

  // Seconds to wait before USER may try again from ADDRESS; 0 when now.
  std::int64_t wait_seconds(const std::string& user, const std::string& address);
  void failed(const std::string& user, const std::string& address);
  void succeeded(const std::string& user, const std::string& address);

  void set_clock_for_testing(std::function<Clock::time_point()> now) { now_ = std::move(now); }

 private:
  struct Count {
    int failures = 0;
    Clock::time_point blocked_until{};
    Clock::time_point last_failure{};
  };
  void fail(std::unordered_map<std::string, Count>& map, const std::string& key,
            Clock::time_point now, int free_failures);
  std::int64_t wait(std::unordered_map<std::string, Count>& map, const std::string& key,
                    Clock::time_point now);

  Limits limits_;
  std::function<Clock::time_point()> now_ = [] { return Clock::now(); };
  std::mutex mutex_;
  std::unordered_map<std::string, Count> by_user_at_address_;
  std::unordered_map<std::string, Count> by_user_;
  std::unordered_map<std::string, Count> by_address_;
};

}  // namespace uncounted::server
