#pragma once
// A name field as sources write it, split by script: "리철호 (Ri Chol Ho)"
// is the Hangul 리철호 plus the romanized "Ri Chol Ho"; "김 철호" (a stray
// space), "ㄱㅣㅁㅊㅓㄹㅎㅗ" (compatibility jamo) and NFD jamo sequences all
// give the Hangul 김철호.

#include <string>
#include <string_view>

#include "korean/hangul_name.h"

namespace uncounted::korean {

// A name field longer than this is not a name; it is not parsed.
inline constexpr std::size_t kMaxNameFieldBytes = 1024;

struct NameText {
  HangulName hangul;          // the first run of Hangul syllables, split; empty if none usable
  std::string roman;          // everything else that is Latin text, separators kept (UTF-8)
  bool ill_formed = false;    // invalid UTF-8 was replaced
  bool other_script = false;  // characters that are neither Hangul nor Latin were dropped
  bool too_long = false;      // over kMaxNameFieldBytes: nothing was parsed
};

NameText split_name_text(std::string_view utf8);

}  // namespace uncounted::korean
