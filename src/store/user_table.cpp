#include "store/user_table.h"

#include <nlohmann/json.hpp>

#include "model/error.h"
#include "store/audit_log.h"
#include "store/password.h"

namespace uncounted::store {

bool valid_user_name(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

void add_user(store::Database& db, const std::string& name, Role role, const std::string& password,
              const std::string& actor) {
  if (!valid_user_name(name)) {
    throw usage_error("a user name is 1 to 64 of A-Z a-z 0-9 . _ -", "user name");
  }
  // Hash before the transaction: it takes a few tenths of a second.
  add_user(db, name, role, PasswordHash::of(password), actor);
}

void add_user(store::Database& db, const std::string& name, Role role, const PasswordHash& hashed,
              const std::string& actor) {
  if (!valid_user_name(name)) {
    throw usage_error("a user name is 1 to 64 of A-Z a-z 0-9 . _ -", "user name");
  }
  const std::string& hash = hashed.text;
  store::Transaction tx(db);
  if (find_user(db, name)) throw usage_error("that user already exists", "user name");
  db.prepare("INSERT INTO users(name, role, password_hash, created_at) VALUES (?, ?, ?, ?)")
      .bind(1, std::string_view(name))
      .bind(2, to_string(role))
      .bind(3, std::string_view(hash))
      .bind(4, std::string_view(store::utc_now()))
      .run();
  const nlohmann::json details = {{"user", name}, {"role", to_string(role)}};
  store::append_audit(db, store::AuditEntry{actor, "user_add", "[]", details.dump()});
  tx.commit();
}

namespace {

// Moves NAME's generation on with CHANGE (an UPDATE's SET clause) and
// appends ACTION to the audit log, in one transaction.
void change_user(store::Database& db, const std::string& name, const std::string& change,
                 const std::string& bound, const std::string& action, const std::string& actor) {
  store::Transaction tx(db);
  if (!find_user(db, name)) throw not_found("no such user", "user name");
  store::Statement update =
      db.prepare("UPDATE users SET " + change + ", generation = generation + 1 WHERE name = ?");
  int next = 1;
  if (!bound.empty()) update.bind(next++, std::string_view(bound));
  update.bind(next, std::string_view(name));
  update.run();
  const nlohmann::json details = {{"user", name}};
  store::append_audit(db, store::AuditEntry{actor, action, "[]", details.dump()});
  tx.commit();
}

User read_user(store::Statement& s) {
  const auto role = role_from_string(s.column_text(1));
  if (!role) throw runtime_error("a user has an unknown role", "users table");
  return User{s.column_text(0),     *role,           s.column_text(2),          s.column_text(3),
              s.column_int(4) != 0, s.column_int(5), s.column_optional_text(6), s.column_int(7)};
}

}  // namespace

namespace {

// Refuses a change that leaves no enabled administrator but NAME.
void keep_an_administrator(store::Database& db, const std::string& name) {
  store::Statement s = db.prepare(
      "SELECT count(*) FROM users WHERE role = 'administrator' AND disabled = 0 AND name <> ?");
  s.bind(1, std::string_view(name));
  s.step();
  const std::optional<User> user = find_user(db, name);
  if (s.column_int(0) == 0 && user && user->role == Role::kAdministrator && !user->disabled) {
    throw conflict("that is the last enabled administrator; add or enable another first",
                   "user name");
  }
}

}  // namespace

std::string enroll_totp(store::Database& db, const std::string& name, const std::string& secret,
                        const std::string& actor) {
  store::Transaction tx(db);
  if (!find_user(db, name)) throw not_found("no such user", "user name");
  store::Statement update = db.prepare(
      "UPDATE users SET totp_secret = ?, totp_last_step = 0, generation = generation + 1 WHERE "
      "name = ?");
  update.bind_blob(1, secret.data(), secret.size());
  update.bind(2, std::string_view(name));
  update.run();
  const nlohmann::json details = {{"user", name}};
  store::append_audit(db, store::AuditEntry{actor, "user_totp_enroll", "[]", details.dump()});
  tx.commit();
  return secret;
}

void remove_totp(store::Database& db, const std::string& name, const std::string& actor) {
  change_user(db, name, "totp_secret = NULL", "", "user_totp_remove", actor);
}

void use_totp_step(store::Database& db, const std::string& name, std::int64_t step) {
  store::Statement update =
      db.prepare("UPDATE users SET totp_last_step = ? WHERE name = ? AND totp_last_step < ?");
  update.bind(1, step).bind(2, std::string_view(name)).bind(3, step);
  update.run();
}

void set_user_role(store::Database& db, const std::string& name, Role role,
                   const std::string& actor) {
  if (role != Role::kAdministrator) keep_an_administrator(db, name);
  change_user(db, name, "role = ?", std::string(to_string(role)), "user_role", actor);
}

void delete_user(store::Database& db, const std::string& name, const std::string& actor) {
  store::Transaction tx(db);
  if (!find_user(db, name)) throw not_found("no such user", "user name");
  keep_an_administrator(db, name);
  {
    store::Statement draft = db.prepare("SELECT 1 FROM drafts WHERE user = ?");
    draft.bind(1, std::string_view(name));
    if (draft.step()) {
      throw conflict(
          "that user has an unsaved testimony draft; disable the account instead, or have the "
          "draft saved first",
          "user name");
    }
  }
  store::Statement remove = db.prepare("DELETE FROM users WHERE name = ?");
  remove.bind(1, std::string_view(name));
  remove.run();
  const nlohmann::json details = {{"user", name}};
  store::append_audit(db, store::AuditEntry{actor, "user_delete", "[]", details.dump()});
  tx.commit();
}

void set_user_disabled(store::Database& db, const std::string& name, bool disabled,
                       const std::string& actor) {
  if (disabled) keep_an_administrator(db, name);
  change_user(db, name, disabled ? "disabled = 1" : "disabled = 0", "",
              disabled ? "user_disable" : "user_enable", actor);
}

void set_user_password(store::Database& db, const std::string& name, const std::string& password,
                       const std::string& actor) {
  set_user_password(db, name, PasswordHash::of(password), actor);
}

void set_user_password(store::Database& db, const std::string& name, const PasswordHash& hash,
                       const std::string& actor) {
  change_user(db, name, "password_hash = ?", hash.text, "user_password", actor);
}

std::optional<User> find_user(store::Database& db, const std::string& name) {
  store::Statement s = db.prepare(
      "SELECT name, role, password_hash, created_at, disabled, generation, totp_secret, "
      "totp_last_step FROM users WHERE name = ?");
  s.bind(1, std::string_view(name));
  if (!s.step()) return std::nullopt;
  return read_user(s);
}

std::vector<User> list_users(store::Database& db) {
  std::vector<User> out;
  store::Statement s = db.prepare(
      "SELECT name, role, '', created_at, disabled, generation, totp_secret, totp_last_step FROM "
      "users ORDER BY name");
  while (s.step()) out.push_back(read_user(s));
  return out;
}

}  // namespace uncounted::store
