#include "server/totp.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include <chrono>

#include "model/error.h"
#include "store/sodium.h"

namespace uncounted::server {

std::string new_totp_secret() {
  store::ensure_sodium();
  std::string secret(20, '\0');
  randombytes_buf(secret.data(), secret.size());
  return secret;
}

std::string base32(const std::string& bytes) {
  static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 5) {
      out += kAlphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 31];
  return out;
}

std::string totp_code(const std::string& secret, std::int64_t step) {
  unsigned char counter[8];
  for (int i = 7; i >= 0; --i) {
    counter[i] = static_cast<unsigned char>(step & 0xff);
    step >>= 8;
  }
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), counter, sizeof counter,
            mac, &length) ||
      length < 20) {
    throw runtime_error("cannot compute the one-time code");
  }
  const int offset = mac[length - 1] & 0x0f;
  const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7f) << 24) |
                               (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                               (static_cast<std::uint32_t>(mac[offset + 2]) << 8) |
                               static_cast<std::uint32_t>(mac[offset + 3]);
  std::string code = std::to_string(binary % 1'000'000);
  return std::string(6 - code.size(), '0') + code;
}

std::optional<std::int64_t> totp_step_matching(const std::string& secret, const std::string& code,
                                               std::int64_t now, std::int64_t last_used) {
  if (code.size() != 6) return std::nullopt;
  const std::int64_t step = now / 30;
  for (std::int64_t s = step - 1; s <= step + 1; ++s) {
    if (s <= last_used) continue;
    const std::string expected = totp_code(secret, s);
    if (sodium_memcmp(expected.data(), code.data(), 6) == 0) return s;
  }
  return std::nullopt;
}

std::string otpauth_uri(const std::string& user, const std::string& secret) {
  return "otpauth://totp/uncounted:" + user + "?secret=" + base32(secret) +
         "&issuer=uncounted&algorithm=SHA1&digits=6&period=30";
}

std::int64_t unix_seconds_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace uncounted::server
