#pragma once
// The users of the web application (the store's `users` table): a name, a
// role and an Argon2id password hash. Adding a user is a write and appends
// an audit entry with its actor; the entry holds the user name and role,
// which name a staff member, not a victim or witness.

#include <optional>
#include <string>
#include <vector>

#include "model/role.h"
#include "store/database.h"
#include "store/password.h"

namespace uncounted::store {

struct User {
  std::string name;
  Role role = Role::kDocumenter;
  std::string password_hash;
  std::string created_at;
  bool disabled = false;
  // Moves on at every disable, enable and password change: sessions
  // started under an earlier generation are over (api_router.cpp checks it
  // on every request, so a change made by the command line ends the web
  // sessions too).
  std::int64_t generation = 0;
  // One-time codes (totp.h): the enrolled secret, if any, and the last step
  // a code was accepted for.
  std::optional<std::string> totp_secret;
  std::int64_t totp_last_step = 0;
};

// Throws usage_error when NAME is not 1-64 of A-Z a-z 0-9 . _ - or already
// taken, or when the password is too short.
void add_user(store::Database& db, const std::string& name, Role role, const std::string& password,
              const std::string& actor);
void add_user(store::Database& db, const std::string& name, Role role, const PasswordHash& hash,
              const std::string& actor);

// Disables (or enables again) NAME's account; audited. Throws usage_error
// when there is no such user. Disabling, demoting or deleting the last
// enabled administrator is refused: nobody could manage accounts after.
void set_user_disabled(store::Database& db, const std::string& name, bool disabled,
                       const std::string& actor);
// Sets NAME's password (model/passphrase_policy.h check_new_password);
// audited, the hash never.
void set_user_password(store::Database& db, const std::string& name, const std::string& password,
                       const std::string& actor);
void set_user_password(store::Database& db, const std::string& name, const PasswordHash& hash,
                       const std::string& actor);

// Gives NAME another role; their sessions end. Audited.
void set_user_role(store::Database& db, const std::string& name, Role role,
                   const std::string& actor);
// Removes NAME's account (their audit entries stay, under their name).
// Refused (usage_error) while they have an unsaved testimony draft: disable
// the account instead, or have the draft saved first.
void delete_user(store::Database& db, const std::string& name, const std::string& actor);

// Enrolls SECRET (server/totp.h new_totp_secret) as NAME's one-time-code
// secret, replacing any, ending their sessions; returns it (show it once,
// to its owner). Audited, never the secret. REMOVE_TOTP takes it away again.
std::string enroll_totp(store::Database& db, const std::string& name, const std::string& secret,
                        const std::string& actor);
void remove_totp(store::Database& db, const std::string& name, const std::string& actor);
// Remembers that a code of STEP was used by NAME.
void use_totp_step(store::Database& db, const std::string& name, std::int64_t step);

std::optional<User> find_user(store::Database& db, const std::string& name);
// Every user, by name (hashes left empty).
std::vector<User> list_users(store::Database& db);

bool valid_user_name(const std::string& name);

}  // namespace uncounted::store
