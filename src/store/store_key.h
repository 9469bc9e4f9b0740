#pragma once
// The store's key: 256 bits derived from the passphrase by Argon2id
// (libsodium, "moderate" limits: 3 passes over 256 MiB) with a random salt.
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

struct KeyFile {
  int version = 1;
  std::array<unsigned char, 16> salt{};
  std::uint64_t ops_limit = 0;
  std::uint64_t mem_limit = 0;
  std::array<unsigned char, 32> key_check{};
};

// The side file's path for the store at STORE_PATH.
std::string key_file_path(const std::string& store_path);

// A new key file with a random salt and the given passphrase's check value;
// the derived key is written to KEY.
KeyFile new_key_file(const std::string& passphrase, SecretKey& key);
// Derives the key for PASSPHRASE; throws denied("wrong passphrase") when
// the check value does not match.
void derive_key(const KeyFile& file, const std::string& passphrase, SecretKey& key);

void write_key_file(const std::string& path, const KeyFile& file);
KeyFile read_key_file(const std::string& path);

// Hex helpers for the side file and pseudonyms.
std::string to_hex(const unsigned char* bytes, std::size_t size);

}  // namespace uncounted::store
