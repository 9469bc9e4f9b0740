// Health, the OpenAPI document, login, logout, the session, and users.

#include <chrono>

#include "server/api_router.h"
#include "server/app_state.h"
#include "server/endpoint.h"
#include "server/http.h"
#include "server/http_error.h"
#include "server/totp.h"
#include "store/password.h"
#include "store/user_table.h"

namespace uncounted::server {
namespace {

std::string cookie(const AppState& app, const std::string& value, std::int64_t max_age) {
  std::string c = std::string(kSessionCookieName) + "=" + value +
                  "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (app.tls) c += "; Secure";
  return c;
}

std::string text_field(const nlohmann::json& body, const char* name, std::size_t max) {
  auto it = body.find(name);
  if (it == body.end() || !it->is_string()) {
    throw HttpError(400, std::string("'") + name + "' must be a string");
  }
  const std::string& value = it->get_ref<const std::string&>();
  if (value.empty() || value.size() > max) {
    throw HttpError(400, std::string("'") + name + "' is empty or too long");
  }
  return value;
}

// Hashing a password takes one of the two hashing slots
// (AppState::password_slots).
template <typename Fn>
void with_password_slot(AppState& app, Fn fn) {
  app.password_slots.acquire();
  struct Release {
    AppState& app;
    ~Release() { app.password_slots.release(); }
  } release{app};
  fn();
}

nlohmann::json login(RequestContext& ctx) {
  AppState& app = ctx.app;
  const std::string name = text_field(ctx.body, "user", 64);
  const std::string password = text_field(ctx.body, "password", store::kMaxPasswordBytes);
  const std::string& address = ctx.request.remote_addr;
  if (const std::int64_t wait = app.throttle.wait_seconds(name, address); wait > 0) {
    ctx.response.set_header("Retry-After", std::to_string(wait));
    throw HttpError(429, "too many failed logins; try again in " + std::to_string(wait) + " s");
  }
  std::optional<store::User> user;
  {
    std::lock_guard lock(app.store_mutex);
    user = store::find_user(app.store.db(), name);
  }
  bool ok = false;
  with_password_slot(app, [&] {
    if (user) {
      ok = store::verify_password(password, user->password_hash);
    } else {
      store::verify_nothing(password);
    }
  });
  if (!ok) {
    app.throttle.failed(name, address);
    throw HttpError(401, "wrong user name or password");
  }
  // Said only to whoever knows the password.
  if (user->disabled) {
    app.throttle.succeeded(name, address);
    throw HttpError(403, "this account is disabled");
  }
  // The code of the moment, where the account has enrolled one (totp.h).
  if (user->totp_secret) {
    const auto code = ctx.body.find("code");
    if (code == ctx.body.end() || !code->is_string() ||
        code->get_ref<const std::string&>().empty()) {
      throw HttpError(401, "this account needs the code from its authenticator app",
                      "totp_required");
    }
    const std::int64_t now = unix_seconds_now();
    const auto step =
        totp_step_matching(*user->totp_secret, code->get<std::string>(), now, user->totp_last_step);
    if (!step) {
      app.throttle.failed(name, address);
      throw HttpError(401, "wrong or used code", "totp_required");
    }
    std::lock_guard lock(app.store_mutex);
    store::use_totp_step(app.store.db(), user->name, *step);
  }
  app.throttle.succeeded(name, address);
  // An administrator without one-time codes gets a session that can only
  // enrol them (api_router.cpp refuses the rest).
  const bool enrolment_only = app.options.administrators_need_totp &&
                              user->role == Role::kAdministrator && !user->totp_secret;
  // A fresh token at every login: a token planted before login is useless.
  const std::string token =
      app.sessions.start(user->name, user->role, user->generation, enrolment_only);
  const auto session = app.sessions.find(token);
  ctx.response.set_header("Set-Cookie", cookie(app, token, app.options.session_lifetime.count()));
  return {{"user", user->name},
          {"role", to_string(user->role)},
          {"csrf_token", session->csrf_token},
          {"idle_timeout_s", app.options.session_idle.count()},
          {"totp", user->totp_secret.has_value()},
          {"totp_enrollment_required", enrolment_only}};
}

nlohmann::json logout(RequestContext& ctx) {
  ctx.app.sessions.end(ctx.session_token);
  ctx.response.set_header("Set-Cookie", cookie(ctx.app, "", 0));
  return {{"logged_out", true}};
}

nlohmann::json session(RequestContext& ctx) {
  bool totp = false;
  {
    std::lock_guard lock(ctx.app.store_mutex);
    const std::optional<store::User> user = store::find_user(ctx.app.store.db(), ctx.user());
    totp = user && user->totp_secret;
  }
  return {{"user", ctx.session->user},
          {"role", to_string(ctx.session->role)},
          {"csrf_token", ctx.session->csrf_token},
          {"totp", totp},
          {"totp_enrollment_required", ctx.session->enrolment_only}};
}

// Enrolment of one-time codes from the web: a new secret is offered (kept
// in memory only) and becomes the account's once a code from the app
// proves the app holds it. Then every session of the account ends: the
// next login asks for the code.
nlohmann::json offer_totp(RequestContext& ctx) {
  const std::string secret = new_totp_secret();
  {
    std::lock_guard lock(ctx.app.pending_totp_mutex);
    ctx.app.pending_totp[ctx.user()] = secret;
  }
  return {{"secret", base32(secret)}, {"uri", otpauth_uri(ctx.user(), secret)}};
}

nlohmann::json confirm_totp(RequestContext& ctx) {
  const std::string code = text_field(ctx.body, "code", 16);
  std::string secret;
  {
    std::lock_guard lock(ctx.app.pending_totp_mutex);
    const auto it = ctx.app.pending_totp.find(ctx.user());
    if (it == ctx.app.pending_totp.end()) {
      throw HttpError(409, "no one-time-code secret was offered; start the set-up again");
    }
    secret = it->second;
  }
  const std::int64_t now = unix_seconds_now();
  const auto step = totp_step_matching(secret, code, now, 0);
  if (!step) {
    ctx.app.throttle.failed(ctx.user(), ctx.request.remote_addr);
    throw HttpError(400, "wrong code: check the app's clock and the key typed in");
  }
  {
    std::lock_guard lock(ctx.app.store_mutex);
    store::enroll_totp(ctx.app.store.db(), ctx.user(), secret, ctx.user());
    store::use_totp_step(ctx.app.store.db(), ctx.user(), *step);
  }
  {
    std::lock_guard lock(ctx.app.pending_totp_mutex);
    ctx.app.pending_totp.erase(ctx.user());
  }
  ctx.app.sessions.end_all(ctx.user());
  ctx.response.set_header("Set-Cookie", cookie(ctx.app, "", 0));
  return {{"name", ctx.user()}, {"totp", true}, {"sessions_ended", true}};
}

nlohmann::json users(RequestContext& ctx) {
  std::lock_guard lock(ctx.app.store_mutex);
  nlohmann::json out = nlohmann::json::array();
  for (const store::User& u : store::list_users(ctx.app.store.db())) {
    out.push_back({{"name", u.name},
                   {"role", to_string(u.role)},
                   {"created_at", u.created_at},
                   {"disabled", u.disabled},
                   {"totp", u.totp_secret.has_value()}});
  }
  return {{"users", out}};
}

nlohmann::json add(RequestContext& ctx) {
  const std::string name = text_field(ctx.body, "name", 64);
  const auto role = role_from_string(text_field(ctx.body, "role", 32));
  if (!role) throw HttpError(400, "'role' must be administrator, documenter, analyst or reviewer");
  const std::string password = text_field(ctx.body, "password", store::kMaxPasswordBytes);
  if (!store::valid_user_name(name))
    throw HttpError(400, "a user name is 1 to 64 of A-Z a-z 0-9 . _ -");
  {
    std::lock_guard lock(ctx.app.store_mutex);
    if (store::find_user(ctx.app.store.db(), name))
      throw HttpError(409, "that user already exists");
  }
  // Hashed first, the store held only to write.
  store::PasswordHash hash;
  with_password_slot(ctx.app, [&] { hash = store::PasswordHash::of(password); });
  {
    std::lock_guard lock(ctx.app.store_mutex);
    store::add_user(ctx.app.store.db(), name, *role, hash, ctx.user());
  }
  ctx.status = 201;
  return {{"name", name}, {"role", to_string(*role)}};
}

std::string existing_user(RequestContext& ctx) {
  const std::string name = text_field(ctx.body, "name", 64);
  std::lock_guard lock(ctx.app.store_mutex);
  if (!store::find_user(ctx.app.store.db(), name)) throw HttpError(404, "no such user");
  return name;
}

nlohmann::json disable(RequestContext& ctx, bool disabled) {
  const std::string name = existing_user(ctx);
  if (disabled && name == ctx.user()) throw HttpError(409, "you cannot disable your own account");
  {
    std::lock_guard lock(ctx.app.store_mutex);
    store::set_user_disabled(ctx.app.store.db(), name, disabled, ctx.user());
  }
  ctx.app.sessions.end_all(name);
  return {{"name", name}, {"disabled", disabled}};
}

nlohmann::json change_role(RequestContext& ctx) {
  const std::string name = existing_user(ctx);
  const auto role = role_from_string(text_field(ctx.body, "role", 32));
  if (!role) throw HttpError(400, "'role' must be administrator, documenter, analyst or reviewer");
  {
    std::lock_guard lock(ctx.app.store_mutex);
    store::set_user_role(ctx.app.store.db(), name, *role, ctx.user());
  }
  ctx.app.sessions.end_all(name);
  return {{"name", name}, {"role", to_string(*role)}};
}

nlohmann::json remove(RequestContext& ctx) {
  const std::string name = existing_user(ctx);
  if (name == ctx.user()) throw HttpError(409, "you cannot delete your own account");
  {
    std::lock_guard lock(ctx.app.store_mutex);
    store::delete_user(ctx.app.store.db(), name, ctx.user());
  }
  ctx.app.sessions.end_all(name);
  return {{"name", name}, {"deleted", true}};
}

nlohmann::json reset_password(RequestContext& ctx) {
  const std::string name = existing_user(ctx);
  const std::string password = text_field(ctx.body, "password", store::kMaxPasswordBytes);
  store::PasswordHash hash;
  with_password_slot(ctx.app, [&] { hash = store::PasswordHash::of(password); });
  {
    std::lock_guard lock(ctx.app.store_mutex);
    store::set_user_password(ctx.app.store.db(), name, hash, ctx.user());
  }
  ctx.app.sessions.end_all(name);
  return {{"name", name}, {"sessions_ended", true}};
}

// One's own password: the current one first. Every session of the account
// ends, this one too (the browser logs in again).
nlohmann::json change_own_password(RequestContext& ctx) {
  const std::string current = text_field(ctx.body, "current_password", store::kMaxPasswordBytes);
  const std::string next = text_field(ctx.body, "new_password", store::kMaxPasswordBytes);
  std::optional<store::User> user;
  {
    std::lock_guard lock(ctx.app.store_mutex);
    user = store::find_user(ctx.app.store.db(), ctx.user());
  }
  bool ok = false;
  with_password_slot(ctx.app,
                     [&] { ok = user && store::verify_password(current, user->password_hash); });
  if (!ok) throw HttpError(403, "the current password is wrong");
  store::PasswordHash hash;
  with_password_slot(ctx.app, [&] { hash = store::PasswordHash::of(next); });
  {
    std::lock_guard lock(ctx.app.store_mutex);
    store::set_user_password(ctx.app.store.db(), ctx.user(), hash, ctx.user());
  }
  ctx.app.sessions.end_all(ctx.user());
  ctx.response.set_header("Set-Cookie", cookie(ctx.app, "", 0));
  return {{"name", ctx.user()}, {"sessions_ended", true}};
}

}  // namespace

void add_account_endpoints(std::vector<Endpoint>& out) {
  out.push_back({"GET",
                 "/api/health",
                 true,
                 {},
                 "Whether the server is up (no login needed)",
                 {},
                 false,
                 {},
                 [](RequestContext&) -> nlohmann::json {
                   return {{"status", "ok"}};
                 }});
  out.push_back({"GET",
                 "/api/openapi.json",
                 true,
                 {},
                 "This document (no login needed)",
                 {},
                 false,
                 {},
                 [](RequestContext&) { return openapi_document(); }});
  out.push_back({"POST",
                 "/api/login",
                 true,
                 {},
                 "Log in: sets the session cookie and returns the CSRF token; failed logins "
                 "back off (429 with Retry-After)",
                 {},
                 true,
                 {{"user", "kim"}, {"password", "..."}},
                 login});
  out.push_back({"POST",
                 "/api/logout",
                 false,
                 RoleSet::all(),
                 "Log out (ends the session)",
                 {},
                 false,
                 {},
                 logout,
                 true});
  out.push_back({"GET",
                 "/api/session",
                 false,
                 RoleSet::all(),
                 "Who is logged in, with the CSRF token (after a page reload), and whether "
                 "one-time codes are enrolled (or must be, first)",
                 {},
                 false,
                 {},
                 session,
                 true});
  out.push_back({"POST",
                 "/api/account/totp",
                 false,
                 RoleSet::all(),
                 "Start setting up one-time codes: a new secret (base32, and an otpauth:// "
                 "URI) for an authenticator app, not yet in force",
                 {},
                 false,
                 {},
                 offer_totp,
                 true});
  out.push_back({"POST",
                 "/api/account/totp/confirm",
                 false,
                 RoleSet::all(),
                 "Confirm the set-up with a code from the app: the secret is enrolled "
                 "(audited) and every session of the account ends; logins then ask for a code",
                 {},
                 true,
                 {{"code", "123456"}},
                 confirm_totp,
                 true});
  out.push_back(
      {"GET", "/api/users", false, {Role::kAdministrator}, "List users", {}, false, {}, users});
  out.push_back({"POST",
                 "/api/users",
                 false,
                 {Role::kAdministrator},
                 "Add a user (audited)",
                 {},
                 true,
                 {{"name", "lee"}, {"role", "documenter"}, {"password", "at least 10 chars"}},
                 add});
  out.push_back({"POST",
                 "/api/users/disable",
                 false,
                 {Role::kAdministrator},
                 "Disable an account: its sessions end at once, its logins are refused "
                 "(audited)",
                 {},
                 true,
                 {{"name", "lee"}},
                 [](RequestContext& ctx) { return disable(ctx, true); }});
  out.push_back({"POST",
                 "/api/users/enable",
                 false,
                 {Role::kAdministrator},
                 "Enable a disabled account again (audited)",
                 {},
                 true,
                 {{"name", "lee"}},
                 [](RequestContext& ctx) { return disable(ctx, false); }});
  out.push_back({"POST",
                 "/api/users/role",
                 false,
                 {Role::kAdministrator},
                 "Give a user another role; their sessions end (audited)",
                 {},
                 true,
                 {{"name", "lee"}, {"role", "reviewer"}},
                 change_role});
  out.push_back({"POST",
                 "/api/users/delete",
                 false,
                 {Role::kAdministrator},
                 "Delete an account (refused while it has an unsaved draft; audited)",
                 {},
                 true,
                 {{"name", "lee"}},
                 remove});
  out.push_back({"POST",
                 "/api/users/password",
                 false,
                 {Role::kAdministrator},
                 "Set another user's password; their sessions end (audited)",
                 {},
                 true,
                 {{"name", "lee"}, {"password", "at least 10 chars"}},
                 reset_password});
  out.push_back({"POST",
                 "/api/account/password",
                 false,
                 RoleSet::all(),
                 "Change one's own password (the current one first); every session of the "
                 "account ends, this one too (audited)",
                 {},
                 true,
                 {{"current_password", "..."}, {"new_password", "at least 10 chars"}},
                 change_own_password});
}

}  // namespace uncounted::server
