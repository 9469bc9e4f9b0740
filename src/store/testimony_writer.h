#pragma once
// Writing a testimony entered in the web application (or given whole): validated and
// flattened by io::parse_testimony (the same rules as `uncounted import`),
// then the testimony and its victims' records written in one transaction
// with an audit entry naming the actor. An edit replaces the document and
// removes the records its new version no longer has.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "store/database.h"

namespace uncounted::store {

struct SavedTestimony {
  std::int64_t id = 0;  // testimonies.id
  std::string source;
  std::string testimony_id;
  std::size_t records = 0;
};

// Creates a testimony. Throws invalid_input (with the reason, never a
// value) when DOCUMENT is invalid, conflict when (source, testimony_id)
// exists.
SavedTestimony create_testimony(Database& db, const nlohmann::json& document,
                                const std::string& actor);

// Replaces testimony ID. Its source and testimony_id cannot change
// (invalid_input); not_found when there is no such testimony.
SavedTestimony update_testimony(Database& db, std::int64_t id, const nlohmann::json& document,
                                const std::string& actor);

}  // namespace uncounted::store
