#pragma once
// Testimony drafts, saved as a documenter types: one per user, in the
// encrypted store (table `drafts`, migration 3), so that an interview in
// progress survives a reload of the page and a restart of the server. A
// draft holds names and places before the documenter decides to keep them:
// it never goes to the browser's storage nor anywhere in plaintext. It
// lives until it is saved as a testimony, discarded, or its user removed.
//
// Draft saves are not audited one by one (one arrives every few seconds
// while typing, and a draft is not a record); saving the testimony is.
// The caller holds AppState::store_mutex.

#include <optional>
#include <string>

#include "store/database.h"

namespace uncounted::store {

void put_draft(store::Database& db, const std::string& user, const std::string& document);
std::optional<std::string> find_draft(store::Database& db, const std::string& user);
void discard_draft(store::Database& db, const std::string& user);

}  // namespace uncounted::store
