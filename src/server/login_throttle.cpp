#include "server/login_throttle.h"

#include <algorithm>
#include <initializer_list>

namespace uncounted::server {
namespace {
constexpr std::size_t kMaxKeys = 100000;
// The key of a name at an address (a separator no name or address holds).
std::string pair_key(const std::string& user, const std::string& address) {
  return user + '\x1f' + address;
}
}  // namespace

std::int64_t LoginThrottle::wait(std::unordered_map<std::string, Count>& map,
                                 const std::string& key, Clock::time_point now) {
  auto it = map.find(key);
  if (it == map.end() || it->second.blocked_until <= now) return 0;
  if (now - it->second.last_failure > limits_.forget_after) return 0;
  const auto left = std::chrono::ceil<std::chrono::seconds>(it->second.blocked_until - now);
  return std::max<std::int64_t>(1, left.count());
}

std::int64_t LoginThrottle::wait_seconds(const std::string& user, const std::string& address) {
  const Clock::time_point now = now_();
  std::lock_guard lock(mutex_);
  return std::max({wait(by_user_at_address_, pair_key(user, address), now),
                   wait(by_user_, user, now), wait(by_address_, address, now)});
}

void LoginThrottle::fail(std::unordered_map<std::string, Count>& map, const std::string& key,
                         Clock::time_point now, int free_failures) {
  if (map.size() >= kMaxKeys) {
    // Forget keys that are not blocked any more; their history matters
    // less than staying within memory.
    std::erase_if(map, [&](const auto& kv) { return kv.second.blocked_until <= now; });
  }
  Count& c = map[key];
  if (c.failures > 0 && now - c.last_failure > limits_.forget_after) c = Count{};
  c.last_failure = now;
  ++c.failures;
  const int over = c.failures - free_failures;
  if (over <= 0) return;
  auto wait = limits_.first_wait;
  for (int i = 1; i < over && wait < limits_.max_wait; ++i) wait *= 2;
  c.blocked_until = now + std::min(wait, limits_.max_wait);
}

void LoginThrottle::failed(const std::string& user, const std::string& address) {
  const Clock::time_point now = now_();
  std::lock_guard lock(mutex_);
  fail(by_user_at_address_, pair_key(user, address), now, limits_.free_failures);
  fail(by_user_, user, now, limits_.free_failures_shared);
  // Colleagues share an address (loopback, an office's NAT): the address
  // gets more free failures than one name there, so that one person's typos
  // do not lock everyone out, while a guesser cycling names is still slowed.
  fail(by_address_, address, now, limits_.free_failures_shared);
}

void LoginThrottle::succeeded(const std::string& user, const std::string& address) {
  std::lock_guard lock(mutex_);
  by_user_at_address_.erase(pair_key(user, address));
  by_user_.erase(user);
}

}  // namespace uncounted::server
