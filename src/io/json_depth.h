#pragma once
// How deeply a JSON text nests, read before it is parsed: a 200 KB
// testimony nested 100,000 levels deep parsed fine and then crashed the
// program when it was written out (serialization recurses), taking the web
// server and every session with it. Every JSON that comes from outside
// (testimonies, web request bodies, settings, scenarios, truth files) is
// refused above kMaxJsonDepth levels; no real document comes near it.

#include <string_view>

namespace uncounted::io {

inline constexpr int kMaxJsonDepth = 64;

// True when TEXT opens more than LIMIT arrays or objects inside each other
// (brackets inside strings do not count). Linear, no allocation; does not
// check that TEXT is valid JSON.
bool json_nested_deeper_than(std::string_view text, int limit = kMaxJsonDepth);

}  // namespace uncounted::io
