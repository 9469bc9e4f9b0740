#pragma once
// Login sessions, held in memory only (a restart logs everyone out, which
// is the safe failure). A session is found by the token in its HttpOnly
// cookie; state-changing requests must also present its CSRF token, which
// the page learns from the login answer and a cookie can never carry.
//
// Sessions end on logout, after `idle` without a request, or `lifetime`
// after login, whichever comes first. Thread-safe.

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "model/role.h"

namespace uncounted::server {

struct Session {
  std::string user;
  Role role = Role::kDocumenter;
  std::string csrf_token;
  // The account's generation at login (user_table.h): a session whose
  // account has since been disabled, changed role or password is over.
  std::int64_t generation = 0;
  // Set for an administrator who must enrol one-time codes first: the
  // session may only enrol them, read itself and log out.
  bool enrolment_only = false;
};

class SessionStore {
 public:
  using Clock = std::chrono::steady_clock;
  SessionStore(std::chrono::seconds idle, std::chrono::seconds lifetime)
      : idle_(idle), lifetime_(lifetime) {}

  // Starts a session; returns its (cookie) token.
  std::string start(const std::string& user, Role role, std::int64_t generation = 0,
                    bool enrolment_only = false);
  // The live session of TOKEN, refreshing its idle timer; nullopt when
  // unknown or expired (and then forgets it).
  std::optional<Session> find(const std::string& token);
  void end(const std::string& token);
  // Ends every session of USER (e.g. after a role change).
  void end_all(const std::string& user);
  std::size_t size();

  // For tests of expiry: the clock, replaceable.
  void set_clock_for_testing(std::function<Clock::time_point()> now) { now_ = std::move(now); }

 private:
  struct Entry {
    Session session;
    Clock::time_point started;
    Clock::time_point last_seen;
  };
  void sweep(Clock::time_point now);

  std::chrono::seconds idle_;
  std::chrono::seconds lifetime_;
  std::function<Clock::time_point()> now_ = [] { return Clock::now(); };
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> sessions_;
  std::size_t since_sweep_ = 0;
};

// 32 random bytes as 64 hex digits (libsodium's generator).
std::string random_token();

}  // namespace uncounted::server
