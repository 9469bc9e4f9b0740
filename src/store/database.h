#pragma once
// A thin RAII layer over an SQLCipher connection: statements with bound
// parameters, and errors turned into uncounted::Error. Knows nothing of the
// schema; store.h does.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace uncounted::store {

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;

  // Parameters are 1-based, as in SQLite. An empty optional binds NULL.
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const std::optional<std::string>& text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind_null(int index);
  Statement& bind_blob(int index, const void* data, std::size_t size);

  // Advances; true while a row is available. Throws on error.
  bool step();
  // Runs a statement that returns no rows, then resets it for reuse.
  void run();
  void reset();

  std::int64_t column_int(int index) const;
  double column_double(int index) const;
  std::string column_text(int index) const;
  std::optional<std::string> column_optional_text(int index) const;
  bool column_is_null(int index) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  // Opens (creating when CREATE) the file at PATH. Nothing is read until the
  // key is set and a statement runs.
  Database(const std::string& path, bool create);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Sets SQLCipher's raw 256-bit key (no key derivation inside SQLCipher:
  // ours is Argon2id, see key_derivation.h).
  void set_raw_key(const unsigned char (&key)[32]);

  void exec(std::string_view sql);
  Statement prepare(std::string_view sql) { return Statement(db_, sql); }
  std::int64_t last_insert_rowid() const;
  int changes() const;
  sqlite3* handle() { return db_; }
  const std::string& path() const { return path_; }

  // FN runs once the current transaction has committed (replacing any
  // earlier one of the same transaction); a rollback drops it. Used by the
  // audit log's head (audit_head.h). Errors inside FN are ignored: what it
  // does must leave a sound state when it does not run.
  void on_commit(std::function<void()> fn) { on_commit_ = std::move(fn); }
  bool commit_pending() const { return static_cast<bool>(on_commit_); }

 private:
  friend class Transaction;
  sqlite3* db_ = nullptr;
  std::string path_;
  std::function<void()> on_commit_;
};

// Runs a function inside BEGIN IMMEDIATE ... COMMIT; rolls back when it throws.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace uncounted::store
