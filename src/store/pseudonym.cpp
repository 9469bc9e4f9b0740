#include "store/pseudonym.h"

#include <sodium.h>

#include "store/store_key.h"

namespace uncounted::store {

Pseudonymizer::Pseudonymizer(const std::array<unsigned char, 32>& secret) : secret_(secret) {}

Pseudonymizer::~Pseudonymizer() { sodium_memzero(secret_.data(), secret_.size()); }

std::string Pseudonymizer::pseudonym(std::string_view kind, std::string_view value) const {
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, secret_.data(), secret_.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(kind.data()),
                                kind.size());
  const unsigned char separator = 0;
  crypto_auth_hmacsha256_update(&state, &separator, 1);
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(value.data()),
                                value.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, mac);
  const std::string prefix = kind.empty() ? std::string() : std::string(1, kind[0]) + "-";
  return prefix + to_hex(mac, 16);
}

}  // namespace uncounted::store
