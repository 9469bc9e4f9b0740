#pragma once
// Testimony drafts, saved as a documenter types, one per user, in memory
// only: a draft holds names and places before the documenter decides to
// keep them, so it never goes to disk in plaintext (not in the browser's
// storage either), and a draft lives until it is saved, discarded, or the
// server stops. Bounded in size. Thread-safe.

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace uncounted::server {

class DraftStore {
 public:
  void put(const std::string& user, std::string draft) {
    std::lock_guard lock(mutex_);
    drafts_[user] = std::move(draft);
  }
  std::optional<std::string> get(const std::string& user) {
    std::lock_guard lock(mutex_);
    auto it = drafts_.find(user);
    if (it == drafts_.end()) return std::nullopt;
    return it->second;
  }
  void discard(const std::string& user) {
    std::lock_guard lock(mutex_);
    drafts_.erase(user);
  }

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, std::string> drafts_;
};

}  // namespace uncounted::server
