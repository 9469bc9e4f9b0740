#pragma once
// The store's key: 256 bits derived from the passphrase by Argon2id
// (libsodium's limits: "moderate", 3 passes over 256 MiB, unless the store
// was created with another key strength) with a random salt.
// The salt, the limits and a key check value live in a small side file
// beside the store ("<store>.salt"): none of them is secret, and none of
// them reveals anything about the records.
//
// The key check value (a keyed BLAKE2b of a constant) lets a wrong
// passphrase be told from a damaged store without touching the database.

#include <array>
#include <cstdint>
#include <string>

namespace uncounted::store {

class SecretKey {
 public:
  SecretKey();
  ~SecretKey();  // wipes the key
  SecretKey(const SecretKey&) = delete;
  SecretKey& operator=(const SecretKey&) = delete;
  unsigned char (&bytes())[32] { return bytes_; }
  const unsigned char (&bytes() const)[32] { return bytes_; }

 private:
  unsigned char bytes_[32];
};

// How much work one passphrase guess costs (libsodium's three levels of
// Argon2id limits). Each opening of the store pays it once.
//   interactive: 2 passes over 64 MiB, about 0.15 s here. Still above
//                OWASP's minimum for Argon2id (19 MiB, 2 passes); for
//                machines short of memory, with a long passphrase.
//   moderate:    3 passes over 256 MiB, about 0.9 s here. The default.
//   sensitive:   4 passes over 1 GiB, a few seconds; for stores whose loss
//                is most likely (laptops that travel).
enum class KeyStrength { interactive, moderate, sensitive };

// "interactive", "moderate" or "sensitive".
const char* key_strength_name(KeyStrength strength);

struct KeyFile {
  int version = 1;
  std::array<unsigned char, 16> salt{};
  std::uint64_t ops_limit = 0;
  std::uint64_t mem_limit = 0;
  std::array<unsigned char, 32> key_check{};
};

// The side file's path for the store at STORE_PATH.
std::string key_file_path(const std::string& store_path);

// A new key file with a random salt, STRENGTH's limits and the given
// passphrase's check value; the derived key is written to KEY.
KeyFile new_key_file(const std::string& passphrase, SecretKey& key,
                     KeyStrength strength = KeyStrength::moderate);
// Derives the key for PASSPHRASE; throws denied("wrong passphrase") when
// the check value does not match.
void derive_key(const KeyFile& file, const std::string& passphrase, SecretKey& key);

void write_key_file(const std::string& path, const KeyFile& file);
KeyFile read_key_file(const std::string& path);

// Hex helpers for the side file and pseudonyms.
std::string to_hex(const unsigned char* bytes, std::size_t size);

}  // namespace uncounted::store
