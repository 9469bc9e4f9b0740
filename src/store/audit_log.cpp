#include "store/audit_log.h"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <ctime>

#include "store/audit_head.h"
#include "store/store_key.h"

namespace uncounted::store {
namespace {

constexpr char kGenesis[] = "0000000000000000000000000000000000000000000000000000000000000000";

}  // namespace

// The hash covers every field, length-prefixed so that no two different
// entries serialize to the same bytes.
std::string chain_hash(const std::string& prev_hash, std::int64_t seq, const std::string& at,
                       const AuditEntry& e) {
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  auto add = [&state](const std::string& field) {
    const std::string length = std::to_string(field.size()) + ":";
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(length.data()),
                              length.size());
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(field.data()),
                              field.size());
  };
  add(prev_hash);
  add(std::to_string(seq));
  add(at);
  add(e.actor);
  add(e.action);
  add(e.ids);
  add(e.details);
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state, digest);
  return to_hex(digest, sizeof digest);
}

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

AuditHead append_audit(Database& db, const AuditEntry& entry) {
  const AuditHead last = last_audit_entry(db);
  const std::string prev = last.seq > 0 ? last.hash : std::string(kGenesis);
  const std::int64_t seq = last.seq + 1;
  const std::string at = utc_now();
  const std::string hash = chain_hash(prev, seq, at, entry);
  advance_audit_head(db, AuditHead{seq, hash});
  db.prepare(
        "INSERT INTO audit_log(seq, at, actor, action, ids, details, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, seq)
      .bind(2, std::string_view(at))
      .bind(3, std::string_view(entry.actor))
      .bind(4, std::string_view(entry.action))
      .bind(5, std::string_view(entry.ids))
      .bind(6, std::string_view(entry.details))
      .bind(7, std::string_view(prev))
      .bind(8, std::string_view(hash))
      .run();
  return AuditHead{seq, hash};
}

AuditVerification verify_audit(Database& db) {
  AuditVerification result;
  Statement s = db.prepare(
      "SELECT seq, at, actor, action, ids, details, prev_hash, hash FROM audit_log ORDER BY seq");
  std::string prev = kGenesis;
  std::int64_t expected_seq = 1;
  AuditHead last;
  while (s.step()) {
    const std::int64_t seq = s.column_int(0);
    AuditEntry e{s.column_text(2), s.column_text(3), s.column_text(4), s.column_text(5)};
    ++result.entries;
    auto broken = [&](const char* reason) {
      result.first_broken = seq;
      result.reason = reason;
    };
    if (seq != expected_seq) {
      broken(seq > expected_seq ? "entries are missing before this one" : "sequence out of order");
      return result;
    }
    if (s.column_text(6) != prev) {
      broken("does not link to the entry before it");
      return result;
    }
    const std::string hash = chain_hash(prev, seq, s.column_text(1), e);
    if (hash != s.column_text(7)) {
      broken("its content does not match its hash");
      return result;
    }
    prev = hash;
    last = AuditHead{seq, hash};
    ++expected_seq;
  }
  const auto entry_hash_at = [&db](std::int64_t seq) { return audit_entry_hash(db, seq); };
  if (auto problem = check_audit_head(db, last, entry_hash_at)) {
    result.first_broken = last.seq + 1;
    result.reason = *problem;
  }
  result.head = last;
  return result;
}

std::vector<AuditRecord> read_audit(Database& db, const AuditFilter& filter) {
  Statement s = db.prepare(
      "SELECT seq, at, actor, action, ids, details FROM audit_log WHERE (?1 = '' OR action = ?1) "
      "AND (?2 = '' OR actor = ?2) AND (?3 = '' OR at >= ?3) ORDER BY seq DESC LIMIT ?4");
  s.bind(1, std::string_view(filter.action))
      .bind(2, std::string_view(filter.actor))
      .bind(3, std::string_view(filter.since))
      .bind(4, static_cast<std::int64_t>(filter.limit));
  std::vector<AuditRecord> out;
  while (s.step()) {
    out.push_back(AuditRecord{
        s.column_int(0), s.column_text(1),
        AuditEntry{s.column_text(2), s.column_text(3), s.column_text(4), s.column_text(5)}});
  }
  return out;
}

std::int64_t changes_by_others(Database& db, const std::string& actor_a,
                               const std::string& actor_b) {
  Statement s = db.prepare(
      "SELECT count(*) FROM audit_log WHERE actor NOT IN (?, ?) AND action NOT IN ('export', "
      "'reanchor')");
  s.bind(1, std::string_view(actor_a)).bind(2, std::string_view(actor_b));
  s.step();
  return s.column_int(0);
}

nlohmann::json to_json(const std::vector<AuditRecord>& entries) {
  nlohmann::json out = nlohmann::json::array();
  for (const AuditRecord& r : entries) {
    out.push_back({{"seq", r.seq},
                   {"at", r.at},
                   {"actor", r.entry.actor},
                   {"action", r.entry.action},
                   {"details", nlohmann::json::parse(r.entry.details, nullptr, false)}});
  }
  return {{"entries", out}};
}

nlohmann::json to_json(const AuditVerification& v) {
  nlohmann::json out = {{"entries", v.entries},
                        {"ok", !v.first_broken.has_value()},
                        {"head", {{"seq", v.head.seq}, {"hash", v.head.hash}}}};
  if (v.first_broken) {
    out["first_broken"] = *v.first_broken;
    out["reason"] = v.reason;
  }
  return out;
}

AuditHead last_audit_entry(Database& db) {
  Statement s = db.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
  if (!s.step()) return AuditHead{};
  return AuditHead{s.column_int(0), s.column_text(1)};
}

std::string audit_entry_hash(Database& db, std::int64_t seq) {
  Statement s = db.prepare("SELECT hash FROM audit_log WHERE seq = ?");
  s.bind(1, seq);
  return s.step() ? s.column_text(0) : std::string();
}

std::string compress_id_ranges(std::vector<std::int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::string out = "[";
  for (std::size_t i = 0; i < ids.size();) {
    std::size_t j = i;
    while (j + 1 < ids.size() && ids[j + 1] == ids[j] + 1) ++j;
    if (out.size() > 1) out += ',';
    out += "[" + std::to_string(ids[i]) + "," + std::to_string(ids[j]) + "]";
    i = j + 1;
  }
  return out + "]";
}

}  // namespace uncounted::store
