#include "store/migrations.h"

#include <string>
#include <vector>

#include "model/error.h"

namespace uncounted::store {
namespace {

// Migration 1: records, testimonies, linkage results, review decisions,
// users and the audit chain.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value BLOB NOT NULL
);
CREATE TABLE records (
  id           INTEGER PRIMARY KEY,
  source       TEXT NOT NULL,
  record_id    TEXT NOT NULL,
  name         TEXT,
  sex          TEXT,
  birth_year   TEXT,
  origin       TEXT,
  event        TEXT NOT NULL,
  event_date   TEXT,
  event_place  TEXT,
  notes        TEXT,
  true_id      TEXT,
  testimony_id TEXT,
  extra        TEXT,            -- JSON array of [column, value] pairs
  content_hash BLOB NOT NULL,   -- of every field, to tell updates from no-ops
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  UNIQUE (source, record_id)
);
CREATE TABLE testimonies (
  id           INTEGER PRIMARY KEY,
  source       TEXT NOT NULL,
  testimony_id TEXT NOT NULL,
  document     TEXT NOT NULL,   -- the testimony as imported (JSON)
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  UNIQUE (source, testimony_id)
);
CREATE TABLE link_runs (
  id         INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  settings   TEXT NOT NULL,     -- the trained model (JSON settings document)
  summary    TEXT NOT NULL      -- counts and timings (JSON)
);
CREATE TABLE entities (
  record            INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
  entity_id         TEXT NOT NULL,
  match_probability REAL,
  run               INTEGER NOT NULL REFERENCES link_runs(id)
);
CREATE INDEX entities_by_entity ON entities(entity_id);
CREATE TABLE candidate_pairs (
  record_a          INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  record_b          INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  match_weight      REAL NOT NULL,
  match_probability REAL NOT NULL,
  in_review_queue   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (record_a, record_b)
);
CREATE TABLE match_decisions (
  record_a   INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  record_b   INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  decision   TEXT NOT NULL CHECK (decision IN ('match', 'non_match', 'unsure')),
  actor      TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  PRIMARY KEY (record_a, record_b),
  CHECK (record_a < record_b)
);
CREATE TABLE users (
  name          TEXT PRIMARY KEY,
  role          TEXT NOT NULL CHECK (role IN ('administrator', 'documenter', 'analyst', 'reviewer')),
  password_hash TEXT NOT NULL,
  created_at    TEXT NOT NULL
);
CREATE TABLE audit_log (
  seq       INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  ids       TEXT NOT NULL,      -- affected ids (JSON)
  details   TEXT NOT NULL,      -- counts and parameters (JSON); never names
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
)sql";

// Migration 2: the explanation (waterfall, JSON) of each stored candidate
// pair, so that reviewers and the person page can show why without
// re-running linkage.
constexpr const char* kVersion2 = R"sql(
ALTER TABLE candidate_pairs ADD COLUMN explanation TEXT;
CREATE INDEX candidate_pairs_by_review ON candidate_pairs(in_review_queue);
)sql";

// Migration 3: testimony drafts of the web application, one per user, kept
// in the encrypted store so that an interview in progress survives a
// restart of the server (and never touches the browser's storage).
constexpr const char* kVersion3 = R"sql(
CREATE TABLE drafts (
  user       TEXT PRIMARY KEY,
  document   TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
)sql";

// Version 4: the secret that seals the audit log's head (audit_head.h),
// random per store and kept only inside the encrypted store.
constexpr const char* kVersion4 = R"sql(
INSERT OR IGNORE INTO meta(key, value) VALUES ('audit_secret', randomblob(32));
)sql";

// Version 5: accounts can be disabled, and a password change (or a
// disable) ends every session of the account: a session remembers the
// generation it was started under and ends when the account's moves on.
constexpr const char* kVersion5 = R"sql(
ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
)sql";

// Version 6: one-time codes (server/totp.h): the enrolled secret, and the
// last 30-second step a code was accepted for (never twice).
constexpr const char* kVersion6 = R"sql(
ALTER TABLE users ADD COLUMN totp_secret BLOB;
ALTER TABLE users ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;
)sql";

const std::vector<const char*>& migrations() {
  static const std::vector<const char*> all = {kVersion1, kVersion2, kVersion3,
                                               kVersion4, kVersion5, kVersion6};
  return all;
}

int user_version(Database& db) {
  Statement s = db.prepare("PRAGMA user_version");
  s.step();
  return static_cast<int>(s.column_int(0));
}

}  // namespace

int current_schema_version() { return static_cast<int>(migrations().size()); }

void migrate(Database& db) {
  const int have = user_version(db);
  if (have > current_schema_version()) {
    throw runtime_error("the store was written by a newer version of uncounted (schema " +
                        std::to_string(have) + ")");
  }
  for (int version = have + 1; version <= current_schema_version(); ++version) {
    Transaction tx(db);
    db.exec(migrations()[version - 1]);
    db.exec("PRAGMA user_version = " + std::to_string(version));
    tx.commit();
  }
}

}  // namespace uncounted::store
