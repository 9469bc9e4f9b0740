#pragma once
// The encrypted store: one SQLCipher database file, opened with a raw key
// derived by Argon2id from the passphrase (store_key.h), with its schema
// brought up to date by versioned migrations (migrations.h).
//
// Threat model: the file, its journal and its side file reveal nothing
// identifying without the passphrase; SQLite's temporary tables live in
// memory, never in plaintext files.
//
// A Store is used by one thread at a time.

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/store_key.h"

namespace uncounted::store {

class Store {
 public:
  // Creates a new store at PATH (and its key file beside it), its key
  // derived with STRENGTH's limits. Throws usage_error when a store is
  // already there.
  static void create(const std::string& path, const std::string& passphrase,
                     KeyStrength strength = KeyStrength::moderate);
  // Opens an existing store. Throws denied("wrong passphrase") without
  // reading the database when the passphrase is wrong, runtime_error when
  // the store is missing or damaged.
  static std::unique_ptr<Store> open(const std::string& path, const std::string& passphrase);

  Database& db() { return *db_; }
  const std::string& path() const { return path_; }
  int schema_version();
  // A random id of this store (not secret), e.g. for exports' metadata.
  std::string store_id();
  // The per-store secret that keys the pseudonyms of partner exports.
  std::array<unsigned char, 32> pseudonym_secret();
  // Reads every page in use (auto_vacuum keeps no others), which checks
  // each page's HMAC (SQLCipher), and checks the b-tree structure (SQLite).
  // Returns the problems found; empty when sound. A page that fails its
  // HMAC throws runtime_error instead.
  std::vector<std::string> check_integrity();

 private:
  Store(std::string path, std::unique_ptr<Database> db);
  std::string path_;
  std::unique_ptr<Database> db_;
};

// Whether a store (its database file) exists at PATH.
bool store_exists(const std::string& path);

}  // namespace uncounted::store
