#pragma once
// What every request handler shares: the store (one connection, used by one
// thread at a time, hence the mutex), sessions and the login throttle.
// Owned by the Server; handlers get a reference.

#include <memory>
#include <mutex>
#include <semaphore>
#include <string>
#include <unordered_map>

#include "pipeline/person_search.h"
#include "server/estimate_jobs.h"
#include "server/login_throttle.h"
#include "server/server.h"
#include "server/session_store.h"
#include "store/partner_view.h"
#include "store/store.h"

namespace uncounted::server {

struct AppState {
  AppState(store::Store& s, const ServeOptions& o)
      : store(s), options(o), sessions(o.session_idle, o.session_lifetime) {}

  store::Store& store;
  // Held for every use of `store`, and never while hashing a password or
  // running an estimator.
  std::mutex store_mutex;
  // Held while one POST /api/link computes (review_endpoints.cpp).
  std::mutex link_mutex;
  ServeOptions options;
  SessionStore sessions;
  LoginThrottle throttle;
  // Argon2id costs 64 MiB per verification: at most two at a time, so that
  // a burst of logins cannot exhaust memory.
  std::counting_semaphore<2> password_slots{2};
  // One-time-code secrets offered to a user (POST /api/account/totp) and
  // not yet confirmed with a code, by user name; never stored until then.
  std::mutex pending_totp_mutex;
  std::unordered_map<std::string, std::string> pending_totp;
  // The partner view as of an audit entry (every write is audited): pages
  // of GET /api/records/pseudonymized reuse it until the store changes.
  // Used under store_mutex.
  std::shared_ptr<const store::PartnerView> partner_view;
  std::int64_t partner_view_seq = -1;
  // Keeps the prepared names between searches (used under store_mutex).
  pipeline::PersonSearch person_search;
  // Background estimates; last, so that its end (which waits for running
  // jobs) comes before the rest of the state they use goes.
  EstimateJobs estimate_jobs;
  bool tls = false;
};

}  // namespace uncounted::server
