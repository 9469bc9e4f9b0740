#pragma once
// What a new store's passphrase must be (`init`): a lost laptop is a
// brute-force attack on it, and Argon2id only slows each guess. At least
// 12 characters, at least 6 different ones, and about 60 bits by a rough
// estimate (length x log2 of the character classes used, repeats and runs
// counted once); four random words pass easily, "password123" and three
// spaces do not. The message says how to make a good one, never echoes it.

#include <string>

namespace uncounted {

// Throws usage_error naming what is wrong when PASSPHRASE is too weak.
void check_new_passphrase(const std::string& passphrase);

// A web account's password (checked at `user add`, `user password` and on
// the web): an online guess is throttled (login back-off), so the bar is
// lower than a store's, but a common word with digits tacked on
// ("password123", "qwerty2024") is what attackers try first: at least 10
// characters, 5 different ones and about 40 bits, a common word inside
// counting a quarter per character. Throws usage_error.
void check_new_password(const std::string& password);

// The rough strength estimate, in bits.
double passphrase_bits(const std::string& passphrase);

}  // namespace uncounted
