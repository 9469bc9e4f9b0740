#pragma once
// libsodium must be initialised once before any of its functions runs; every
// caller asks through ensure_sodium() (sodium_init() is safe to call again).

namespace uncounted::store {

// Initialises libsodium; throws uncounted::Error when it cannot (no source of
// randomness).
void ensure_sodium();

}  // namespace uncounted::store
