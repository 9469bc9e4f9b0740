#pragma once
// Stable keyed pseudonyms for partner exports: HMAC-SHA-256 under the
// store's own secret, so the same record gets the same pseudonym in every
// export from this store, and a partner, lacking the secret, cannot reverse
// or recompute them.

#include <array>
#include <string>
#include <string_view>

namespace uncounted::store {

class Pseudonymizer {
 public:
  explicit Pseudonymizer(const std::array<unsigned char, 32>& secret);
  ~Pseudonymizer();
  // KIND separates the spaces ("record", "entity", "testimony") so that a
  // record and an entity with the same text never share a pseudonym.
  // Returns 32 hex digits (128 bits of the MAC) with a short kind prefix.
  std::string pseudonym(std::string_view kind, std::string_view value) const;

 private:
  std::array<unsigned char, 32> secret_;
};

}  // namespace uncounted::store
