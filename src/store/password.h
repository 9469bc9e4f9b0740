#pragma once
// Login passwords, hashed with Argon2id (libsodium's crypto_pwhash_str, which
// stores the salt and the cost parameters inside the hash string). The
// store's passphrase is a different secret with its own key derivation
// (store/store_key.h); these hashes only guard the web application's logins.

#include <string>
#include <string_view>

namespace uncounted::store {

// Refuses (usage_error) passwords longer than kMaxPasswordBytes or too weak
// (model/passphrase_policy.h check_new_password).
std::string hash_password(std::string_view password);

// Whether PASSWORD matches HASH. Takes as long for a wrong password as for a
// right one; use verify_nothing() when there is no user, so that timing does
// not tell which user names exist.
bool verify_password(std::string_view password, const std::string& hash);
void verify_nothing(std::string_view password);

inline constexpr std::size_t kMaxPasswordBytes = 1024;

// A password already hashed (by hash_password), for writing under a lock
// that must not wait a few tenths of a second for Argon2id.
struct PasswordHash {
  std::string text;
  static PasswordHash of(std::string_view password) { return {hash_password(password)}; }
};

}  // namespace uncounted::store
