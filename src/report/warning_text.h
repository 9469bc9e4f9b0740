#pragma once
// The estimators' warnings and reasons for not estimating are written in
// English (src/estimate, src/pipeline); the report shows each in Korean
// beside it. Known messages are recognised by a phrase they contain and
// carry their numbers over; a message not known here gets a Korean line
// saying that only the English exists, so a reader is never left guessing.

#include <optional>
#include <string>
#include <string_view>

namespace uncounted::report {

// The Korean of an estimator warning or reason (with its "lcmcr: " or
// "dga: " prefix, if any).
std::string korean_warning(std::string_view english);

// The Korean of ENGLISH when it is a known message, else nullopt (where
// korean_warning gives the fallback line).
std::optional<std::string> known_korean_warning(std::string_view english);

// Whether korean_warning knows ENGLISH (false: it gave the fallback line).
bool has_korean_warning(std::string_view english);

}  // namespace uncounted::report
