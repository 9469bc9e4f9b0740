#pragma once
// Strict UTF-8 decoding, one code point at a time: the one decoder that the
// CSV reader, the date parser and the gazetteer share. (Name text uses
// korean/utf8.h, which replaces ill-formed bytes with U+FFFD instead.)

#include <cstddef>
#include <string_view>

namespace uncounted {

// Decodes the sequence at TEXT[I] into CP and returns its length in bytes,
// or 0 when it is ill-formed: a stray continuation byte, a truncated
// sequence, an overlong form, a surrogate, or a code point above U+10FFFF.
std::size_t decode_utf8_at(std::string_view text, std::size_t i, char32_t* cp);

}  // namespace uncounted
