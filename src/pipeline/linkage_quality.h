#pragma once
// The latest linkage's own estimate of its accuracy, without labels (`link
// --json` "expected": precision, recall, false_links, missed_matches,
// unscored_matches; link/linker.h ExpectedAccuracy), for what shows
// estimates: every estimate from linked records inherits these errors.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "store/database.h"

namespace uncounted::pipeline {

// Nothing when the store was never linked, or its run did not record it.
std::optional<nlohmann::json> linkage_quality(store::Database& db);

// One line for a person: "the linkage, by its own estimate: precision
// 0.968, recall 0.765; about 1,208 links false and 45,100 matches missed
// ...". Empty for a QUALITY without the figures.
std::string linkage_quality_text(const nlohmann::json& quality);

}  // namespace uncounted::pipeline
