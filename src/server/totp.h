#pragma once
// Time-based one-time passwords (RFC 6238, the codes of authenticator apps):
// HMAC-SHA-1 over the 30-second step since 1970, six digits. An account
// with a secret enrolled (`uncounted user totp NAME`) logs in with its
// password and the code of the moment; a code is accepted one step early or
// late (clocks drift), and never twice (a step once used is remembered), so
// a code seen over a shoulder is worth nothing a second time.

#include <cstdint>
#include <optional>
#include <string>

namespace uncounted::server {

// 20 random bytes (160 bits, RFC 4226's recommendation).
std::string new_totp_secret();

// RFC 4648 base32 without padding, as authenticator apps take it.
std::string base32(const std::string& bytes);

// The six-digit code of SECRET at STEP (seconds since 1970 / 30).
std::string totp_code(const std::string& secret, std::int64_t step);

// Seconds since 1970 now, the NOW of totp_step_matching.
std::int64_t unix_seconds_now();

// The step CODE matches at NOW (seconds since 1970), within one step either
// way and after LAST_USED; nothing when it matches none.
std::optional<std::int64_t> totp_step_matching(const std::string& secret, const std::string& code,
                                               std::int64_t now, std::int64_t last_used);

// otpauth://totp/uncounted:NAME?secret=...&issuer=uncounted, for a QR code.
std::string otpauth_uri(const std::string& user, const std::string& secret);

}  // namespace uncounted::server
