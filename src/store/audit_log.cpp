#include "store/audit_log.h"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <ctime>

#include "store/store_key.h"

namespace uncounted::store {
namespace {

constexpr char kGenesis[] = "0000000000000000000000000000000000000000000000000000000000000000";

// The hash covers every field, length-prefixed so that no two different
// entries serialize to the same bytes.
std::string entry_hash(const std::string& prev_hash, std::int64_t seq, const std::string& at,
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

}  // namespace

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void append_audit(Database& db, const AuditEntry& entry) {
  std::string prev = kGenesis;
  std::int64_t seq = 1;
  {
    Statement last = db.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    if (last.step()) {
      seq = last.column_int(0) + 1;
      prev = last.column_text(1);
    }
  }
  const std::string at = utc_now();
  const std::string hash = entry_hash(prev, seq, at, entry);
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
}

AuditVerification verify_audit(Database& db) {
  AuditVerification result;
  Statement s = db.prepare(
      "SELECT seq, at, actor, action, ids, details, prev_hash, hash FROM audit_log ORDER BY seq");
  std::string prev = kGenesis;
  std::int64_t expected_seq = 1;
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
    const std::string hash = entry_hash(prev, seq, s.column_text(1), e);
    if (hash != s.column_text(7)) {
      broken("its content does not match its hash");
      return result;
    }
    prev = hash;
    ++expected_seq;
  }
  return result;
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
