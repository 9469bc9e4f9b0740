#pragma once
// Versioned schema migrations. The schema version is SQLite's user_version;
// migration N takes a store from version N-1 to N, inside one transaction.
// Never edit a released migration: add a new one. Every store made by an
// earlier version must open in every later one (tests/store/migration_test).

#include "store/database.h"

namespace uncounted::store {

// The version this program writes.
int current_schema_version();
// Applies every migration the store lacks. Throws runtime_error when the
// store is newer than this program.
void migrate(Database& db);

}  // namespace uncounted::store
