#pragma once
// UTF-8 decoding and encoding for name text. Decoding never fails: an
// ill-formed byte sequence becomes U+FFFD, one replacement per maximal
// ill-formed subpart, so callers get a defined result for any bytes.

#include <string>
#include <string_view>

namespace uncounted::korean {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// Decodes TEXT into code points (appended to OUT after clearing it).
// Returns false when some bytes were ill-formed (and replaced).
bool decode_utf8(std::string_view text, std::u32string& out);

// Appends the UTF-8 encoding of CP to OUT (U+FFFD for surrogates and values
// above U+10FFFF).
void append_utf8(char32_t cp, std::string& out);

std::string encode_utf8(std::u32string_view text);

}  // namespace uncounted::korean
