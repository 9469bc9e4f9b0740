#include "server/session_store.h"

#include <sodium.h>

#include "model/error.h"
#include "store/sodium.h"

namespace uncounted::server {

std::string random_token() {
  store::ensure_sodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char hex[sizeof bytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return std::string(hex);
}

std::string SessionStore::start(const std::string& user, Role role, std::int64_t generation,
                                bool enrolment_only) {
  std::string token = random_token();
  const Clock::time_point now = now_();
  std::lock_guard lock(mutex_);
  if (++since_sweep_ >= 64) sweep(now);
  sessions_[token] =
      Entry{Session{user, role, random_token(), generation, enrolment_only}, now, now};
  return token;
}

std::optional<Session> SessionStore::find(const std::string& token) {
  if (token.size() != 64) return std::nullopt;
  const Clock::time_point now = now_();
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(token);
  if (it == sessions_.end()) return std::nullopt;
  Entry& e = it->second;
  if (now - e.last_seen > idle_ || now - e.started > lifetime_) {
    sessions_.erase(it);
    return std::nullopt;
  }
  e.last_seen = now;
  return e.session;
}

void SessionStore::end(const std::string& token) {
  std::lock_guard lock(mutex_);
  sessions_.erase(token);
}

void SessionStore::end_all(const std::string& user) {
  std::lock_guard lock(mutex_);
  std::erase_if(sessions_, [&](const auto& kv) { return kv.second.session.user == user; });
}

std::size_t SessionStore::size() {
  std::lock_guard lock(mutex_);
  return sessions_.size();
}

void SessionStore::sweep(Clock::time_point now) {
  since_sweep_ = 0;
  std::erase_if(sessions_, [&](const auto& kv) {
    return now - kv.second.last_seen > idle_ || now - kv.second.started > lifetime_;
  });
}

}  // namespace uncounted::server
