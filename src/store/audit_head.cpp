#include "store/audit_head.h"

#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "model/error.h"
#include "store/audit_log.h"
#include "store/output_file.h"
#include "store/store_key.h"

namespace uncounted::store {
namespace {

constexpr char kFormat[] = "uncounted-audit-head";

std::string secret(Database& db) {
  Statement s = db.prepare("SELECT value FROM meta WHERE key = 'audit_secret'");
  if (!s.step()) throw runtime_error("the store has no audit secret");
  std::string value = s.column_text(0);
  if (value.size() != crypto_generichash_KEYBYTES) {
    throw runtime_error("the store's audit secret is damaged");
  }
  return value;
}

// The MAC covers every field, length-prefixed.
std::string seal(const std::string& key, const SealedHead& head) {
  std::string message = std::string(kFormat) + "|" + std::to_string(head.committed.seq) + "|" +
                        head.committed.hash + "|";
  if (head.pending) {
    message += std::to_string(head.pending->seq) + "|" + head.pending->hash;
  }
  unsigned char mac[32];
  crypto_generichash(mac, sizeof mac, reinterpret_cast<const unsigned char*>(message.data()),
                     message.size(), reinterpret_cast<const unsigned char*>(key.data()),
                     key.size());
  return to_hex(mac, sizeof mac);
}

void write_head_file(const std::string& path, const std::string& key, const SealedHead& head) {
  nlohmann::json j = {{"format", kFormat},
                      {"version", 1},
                      {"committed", {{"seq", head.committed.seq}, {"hash", head.committed.hash}}}};
  if (head.pending) {
    j["pending"] = {{"seq", head.pending->seq}, {"hash", head.pending->hash}};
  }
  j["mac"] = seal(key, head);
  OutputFile file(path);
  file.stream() << j.dump(2) << "\n";
  file.commit();
}

}  // namespace

std::string audit_head_path(const std::string& store_path) { return store_path + ".audit"; }

bool audit_log_anchored(Database& db) {
  Statement s = db.prepare("SELECT 1 FROM meta WHERE key = 'audit_anchored'");
  return s.step();
}

std::optional<SealedHead> read_audit_head(Database& db) {
  const std::string path = audit_head_path(db.path());
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::nullopt;
  std::ifstream in(path);
  SealedHead head;
  std::string mac;
  try {
    nlohmann::json j = nlohmann::json::parse(in);
    if (j.at("format") != kFormat) throw corrupt("not an audit head", path);
    head.committed = {j.at("committed").at("seq").get<std::int64_t>(),
                      j.at("committed").at("hash").get<std::string>()};
    if (j.contains("pending")) {
      head.pending = AuditHead{j.at("pending").at("seq").get<std::int64_t>(),
                               j.at("pending").at("hash").get<std::string>()};
    }
    mac = j.at("mac").get<std::string>();
  } catch (const nlohmann::json::exception&) {
    throw corrupt("the audit head is unreadable", path);
  }
  const std::string expected = seal(secret(db), head);
  if (sodium_memcmp(expected.data(), mac.data(), std::min(expected.size(), mac.size())) != 0 ||
      expected.size() != mac.size()) {
    throw corrupt("the audit head was altered", path);
  }
  return head;
}

namespace {

// The head as read (nothing when the file is missing), or the problem of
// an altered or unreadable one.
struct HeadRead {
  std::optional<SealedHead> head;
  std::optional<std::string> problem;
};

HeadRead read_head_checked(Database& db) {
  HeadRead read;
  try {
    read.head = read_audit_head(db);
  } catch (const Error&) {
    read.problem =
        "the audit head (" + audit_head_path(db.path()) + ") was altered or is unreadable";
  }
  return read;
}

std::optional<std::string> check_head(Database& db, const HeadRead& read, const AuditHead& last,
                                      const std::function<std::string(std::int64_t)>& entry_hash) {
  if (read.problem) return read.problem;
  const std::string path = audit_head_path(db.path());
  const std::optional<SealedHead>& head = read.head;
  if (!head) {
    if (!audit_log_anchored(db)) return std::nullopt;
    return "the audit head (" + path + ") is missing: entries may have been removed from the end";
  }
  const AuditHead& c = head->committed;
  if (last.seq < c.seq) {
    return "the log ends at entry " + std::to_string(last.seq) + " but its head recorded entry " +
           std::to_string(c.seq) + ": entries were removed from the end";
  }
  if (c.seq > 0 && entry_hash(c.seq) != c.hash) {
    return "entry " + std::to_string(c.seq) +
           " is not the one the head recorded: the log was rewritten";
  }
  if (last.seq == c.seq) return std::nullopt;
  if (head->pending && head->pending->seq == last.seq && head->pending->hash == last.hash) {
    return std::nullopt;
  }
  return "entries after " + std::to_string(c.seq) +
         " were not written by uncounted (its head does not name them)";
}

}  // namespace

std::optional<std::string> check_audit_head(
    Database& db, const AuditHead& last,
    const std::function<std::string(std::int64_t)>& entry_hash) {
  return check_head(db, read_head_checked(db), last, entry_hash);
}

void write_audit_head(Database& db, const AuditHead& last) {
  write_head_file(audit_head_path(db.path()), secret(db), SealedHead{last, std::nullopt});
  db.exec("INSERT OR IGNORE INTO meta(key, value) VALUES ('audit_anchored', '1')");
}

void advance_audit_head(Database& db, const AuditHead& new_entry) {
  const std::string path = audit_head_path(db.path());
  const std::string key = secret(db);
  const AuditHead last = last_audit_entry(db);
  // Read once: checked, then kept for its committed entry.
  const HeadRead read = read_head_checked(db);
  // An append over a head that does not match would overwrite the evidence.
  if (auto problem = check_head(db, read, last,
                                [&db](std::int64_t seq) { return audit_entry_hash(db, seq); })) {
    throw corrupt(*problem + "; nothing is written until 'uncounted audit verify' is clean",
                  "audit log");
  }
  SealedHead head{last, new_entry};
  // Within one transaction the committed entry stays the one before it.
  if (db.commit_pending() && read.head) head.committed = read.head->committed;
  write_head_file(path, key, head);
  // A head was there: the store is marked anchored already.
  if (!read.head) db.exec("INSERT OR IGNORE INTO meta(key, value) VALUES ('audit_anchored', '1')");
  db.on_commit([path, key, new_entry] {
    write_head_file(path, key, SealedHead{new_entry, std::nullopt});
  });
}

AuditHead reanchor_audit_log(Database& db, const std::string& actor) {
  Transaction tx(db);
  const AuditVerification before = verify_audit(db);
  write_audit_head(db, last_audit_entry(db));
  nlohmann::json details = {{"entries", before.entries}, {"was_intact", !before.first_broken}};
  if (before.first_broken) details["problem"] = before.reason;
  const AuditHead entry = append_audit(db, AuditEntry{actor, "reanchor", "[]", details.dump()});
  tx.commit();
  return entry;
}

}  // namespace uncounted::store
