#include "store/store.h"

#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>

#include "model/error.h"
#include "store/audit_log.h"
#include "store/migrations.h"
#include "store/store_key.h"

namespace uncounted::store {
namespace {

// SQLCipher 3.4 (Debian 12) settings that must be the same at every open:
// 4 KiB pages (its default is 1 KiB), each with its own IV and HMAC.
void set_cipher(Database& db) { db.exec("PRAGMA cipher_page_size = 4096"); }

void configure(Database& db) {
  // Temporary tables and indices in memory: SQLCipher would encrypt temp
  // files too, but none is safer than an encrypted one.
  db.exec("PRAGMA temp_store = MEMORY");
  db.exec("PRAGMA foreign_keys = ON");
  // The rollback journal is encrypted like the database; FULL sync makes a
  // kill or power loss leave the last committed state.
  db.exec("PRAGMA journal_mode = DELETE");
  db.exec("PRAGMA synchronous = FULL");
  // 64 MiB of decrypted pages: large imports and linkage reads stay in
  // memory instead of decrypting the same pages again.
  db.exec("PRAGMA cache_size = -65536");
}

// Reading the schema is the first access to page 1: a wrong key or a damaged
// file fails here.
void check_readable(Database& db) {
  Statement s = db.prepare("SELECT count(*) FROM sqlite_master");
  s.step();
}

void write_meta(Database& db, const char* key, const void* value, std::size_t size) {
  db.prepare("INSERT INTO meta(key, value) VALUES (?, ?)")
      .bind(1, std::string_view(key))
      .bind_blob(2, value, size)
      .run();
}

}  // namespace

bool store_exists(const std::string& path) {
  std::error_code ec;
  return std::filesystem::exists(path, ec);
}

Store::Store(std::string path, std::unique_ptr<Database> db)
    : path_(std::move(path)), db_(std::move(db)) {}

void Store::create(const std::string& path, const std::string& passphrase, KeyStrength strength) {
  if (store_exists(path) || store_exists(key_file_path(path))) {
    throw usage_error("a store already exists here", path);
  }
  if (passphrase.empty()) throw usage_error("the passphrase is empty");
  SecretKey key;
  const KeyFile key_file = new_key_file(passphrase, key, strength);
  std::error_code stale;
  // A head left by a store deleted before (its key is gone with it).
  std::filesystem::remove(audit_head_path(path), stale);
  try {
    auto db = std::make_unique<Database>(path, /*create=*/true);
    db->set_raw_key(key.bytes());
    set_cipher(*db);
    // No free pages stay in the file, so that the integrity check, which
    // reads every page in use, reads every page there is.
    db->exec("PRAGMA auto_vacuum = FULL");
    configure(*db);
    migrate(*db);
    Transaction tx(*db);
    unsigned char secret[32];
    randombytes_buf(secret, sizeof secret);
    write_meta(*db, "pseudonym_secret", secret, sizeof secret);
    sodium_memzero(secret, sizeof secret);
    unsigned char id[16];
    randombytes_buf(id, sizeof id);
    const std::string id_hex = to_hex(id, sizeof id);
    write_meta(*db, "store_id", id_hex.data(), id_hex.size());
    append_audit(
        *db, AuditEntry{"system", "init", "[]",
                        "{\"schema_version\":" + std::to_string(current_schema_version()) + "}"});
    tx.commit();
    write_key_file(key_file_path(path), key_file);
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(path, ec);
    std::filesystem::remove(path + "-journal", ec);
    std::filesystem::remove(audit_head_path(path), ec);
    throw;
  }
}

std::unique_ptr<Store> Store::open(const std::string& path, const std::string& passphrase) {
  if (!store_exists(path)) {
    throw runtime_error("no store here (create one with 'uncounted init')", path);
  }
  // The file system's refusal is a refusal (exit 4), not damage.
  for (const std::string& file : {path, key_file_path(path)}) {
    if (::access(file.c_str(), R_OK | W_OK) != 0 && errno == EACCES) {
      throw denied("permission denied (the store's files must be readable and writable by you)",
                   file);
    }
  }
  const KeyFile key_file = read_key_file(key_file_path(path));
  SecretKey key;
  derive_key(key_file, passphrase, key);
  auto db = std::make_unique<Database>(path, /*create=*/false);
  db->set_raw_key(key.bytes());
  set_cipher(*db);
  check_readable(*db);
  // An empty or truncated-to-nothing file reads as a new, empty database:
  // that is damage, not a store to fill.
  {
    Statement version = db->prepare("PRAGMA user_version");
    version.step();
    if (version.column_int(0) == 0) {
      throw corrupt("the store is damaged or is not an uncounted store", path);
    }
  }
  configure(*db);
  migrate(*db);
  return std::unique_ptr<Store>(new Store(path, std::move(db)));
}

int Store::schema_version() {
  Statement s = db_->prepare("PRAGMA user_version");
  s.step();
  return static_cast<int>(s.column_int(0));
}

std::string Store::store_id() {
  Statement s = db_->prepare("SELECT value FROM meta WHERE key = 'store_id'");
  if (!s.step()) throw runtime_error("the store has no id");
  return s.column_text(0);
}

std::array<unsigned char, 32> Store::pseudonym_secret() {
  Statement s = db_->prepare("SELECT value FROM meta WHERE key = 'pseudonym_secret'");
  if (!s.step()) throw runtime_error("the store has no pseudonym secret");
  const std::string value = s.column_text(0);
  if (value.size() != 32) throw runtime_error("the store's pseudonym secret is damaged");
  std::array<unsigned char, 32> out{};
  std::copy(value.begin(), value.end(), out.begin());
  return out;
}

std::vector<std::string> Store::check_integrity() {
  std::vector<std::string> problems;
  Statement s = db_->prepare("PRAGMA integrity_check");
  while (s.step()) {
    // One problem a line (SQLite may pack many lines and a "*** in
    // database main ***" banner into one row): the first names the damage.
    const std::string row = s.column_text(0);
    if (row == "ok") continue;
    std::size_t at = 0;
    while (at <= row.size()) {
      const std::size_t end = std::min(row.find('\n', at), row.size());
      const std::string line = row.substr(at, end - at);
      if (!line.empty() && line.rfind("***", 0) != 0) problems.push_back(line);
      at = end + 1;
    }
  }
  return problems;
}

}  // namespace uncounted::store
