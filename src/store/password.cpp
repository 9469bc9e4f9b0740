#include "store/password.h"

#include <sodium.h>

#include "model/error.h"
#include "model/passphrase_policy.h"
#include "store/sodium.h"

namespace uncounted::store {
namespace {

// The "interactive" limits: about 64 MiB and a few tenths of a second per
// hash, which bounds an offline guesser without making logins slow.
constexpr unsigned long long kOps = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr std::size_t kMem = crypto_pwhash_MEMLIMIT_INTERACTIVE;

}  // namespace

std::string hash_password(std::string_view password) {
  ensure_sodium();
  if (password.size() > kMaxPasswordBytes) throw usage_error("the password is too long");
  check_new_password(std::string(password));
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), kOps, kMem) != 0) {
    throw runtime_error("out of memory while hashing the password");
  }
  return std::string(out);
}

bool verify_password(std::string_view password, const std::string& hash) {
  ensure_sodium();
  if (password.size() > kMaxPasswordBytes) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void verify_nothing(std::string_view password) {
  // A hash of a random password, made once: verifying against it costs what
  // verifying a real user's hash costs.
  static const std::string dummy = [] {
    ensure_sodium();
    unsigned char random[24];
    randombytes_buf(random, sizeof random);
    char text[sizeof random * 2 + 1];
    sodium_bin2hex(text, sizeof text, random, sizeof random);
    return hash_password(text);
  }();
  (void)verify_password(password.substr(0, kMaxPasswordBytes), dummy);
}

}  // namespace uncounted::store
