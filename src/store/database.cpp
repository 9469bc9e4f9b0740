#include "store/database.h"

#include <sqlite3.h>

#include <cstdio>

#include "model/error.h"

namespace uncounted::store {
namespace {

// SQLite's messages name tables and constraints, never row values, so they
// are safe to show. "file is not a database" is what a wrong key or a
// damaged file looks like to SQLCipher.
[[noreturn]] void fail(sqlite3* db, int rc, const char* doing) {
  const char* message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  const int primary = rc & 0xff;
  if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT) {
    throw runtime_error("the store is damaged or is not an uncounted store", doing);
  }
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    throw runtime_error("the store is in use by another process", doing);
  }
  if (primary == SQLITE_FULL) throw runtime_error("disk full", doing);
  if (primary == SQLITE_READONLY || primary == SQLITE_PERM || primary == SQLITE_CANTOPEN) {
    throw runtime_error(std::string("cannot write or open the store: ") + message, doing);
  }
  throw runtime_error(std::string("store error: ") + message, doing);
}

}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
  if (rc != SQLITE_OK) fail(db, rc, "prepare");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
  other.stmt_ = nullptr;
}

Statement& Statement::bind(int index, std::string_view text) {
  const int rc =
      sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) fail(db_, rc, "bind");
  return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& text) {
  return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

Statement& Statement::bind(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) fail(db_, rc, "bind");
  return *this;
}

Statement& Statement::bind(int index, double value) {
  const int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK) fail(db_, rc, "bind");
  return *this;
}

Statement& Statement::bind_null(int index) {
  const int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) fail(db_, rc, "bind");
  return *this;
}

Statement& Statement::bind_blob(int index, const void* data, std::size_t size) {
  const int rc = sqlite3_bind_blob(stmt_, index, data, static_cast<int>(size), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) fail(db_, rc, "bind");
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_, rc, "query");
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(stmt_, index); }
double Statement::column_double(int index) const { return sqlite3_column_double(stmt_, index); }

std::string Statement::column_text(int index) const {
  const auto* text = sqlite3_column_text(stmt_, index);
  const int size = sqlite3_column_bytes(stmt_, index);
  return text == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(text), size);
}

std::optional<std::string> Statement::column_optional_text(int index) const {
  if (column_is_null(index)) return std::nullopt;
  return column_text(index);
}

bool Statement::column_is_null(int index) const {
  return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

Database::Database(const std::string& path, bool create) : path_(path) {
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw runtime_error("cannot open the store", path);
  }
  // Another program writing (a command-line import while the server runs)
  // makes a request wait up to 30 s, not fail at once.
  sqlite3_busy_timeout(db_, 30000);
  sqlite3_extended_result_codes(db_, 1);
}

Database::~Database() { sqlite3_close_v2(db_); }

void Database::set_raw_key(const unsigned char (&key)[32]) {
  // PRAGMA key = "x'<64 hex digits>'" hands SQLCipher the raw key.
  char pragma[96];
  int n = std::snprintf(pragma, sizeof pragma, "PRAGMA key = \"x'");
  for (unsigned char byte : key) n += std::snprintf(pragma + n, sizeof pragma - n, "%02X", byte);
  std::snprintf(pragma + n, sizeof pragma - n, "'\"");
  const int rc = sqlite3_exec(db_, pragma, nullptr, nullptr, nullptr);
  volatile char* wipe = pragma;
  for (std::size_t i = 0; i < sizeof pragma; ++i) wipe[i] = 0;
  if (rc != SQLITE_OK) fail(db_, rc, "key");
}

void Database::exec(std::string_view sql) {
  const std::string copy(sql);
  const int rc = sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(db_, rc, "exec");
}

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!done_) {
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    db_.on_commit_ = nullptr;
  }
}

void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
  std::function<void()> after = std::move(db_.on_commit_);
  db_.on_commit_ = nullptr;
  if (after) {
    try {
      after();
    } catch (...) {
      // Best effort: see Database::on_commit.
    }
  }
}

}  // namespace uncounted::store
