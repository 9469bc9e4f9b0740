#pragma once
// Romanized names with one slip of the keyboard: "Pak aMn-ryon", "Parrk
// Hyeok Geon", "Kmi Sung-byong", "Prk Hyeil" have no Korean reading as
// written, so they would compare as different from every spelling of the
// same person and share no blocking key with them. About 80% of
// misspellings are one letter deleted, inserted, changed or two letters
// swapped (Damerau 1964, "A technique for computer detection and
// correction of spelling errors", CACM 7(3)); the readings of a name that
// has none are read from those single edits.
//
// Used by prepare() (name_comparison.h) only for names without a reading;
// such a name is marked, and compare() never ranks it above "one typo
// apart" (NameLevel::kJamoEdit1): a repair is a guess, not a spelling.

#include <string_view>
#include <vector>

#include "korean/romanized_name_parser.h"

namespace uncounted::korean {

// Readings of TEXT, a romanized name that parse_romanized_name() cannot
// read, from single edits of one ASCII letter (deletions and swaps of
// neighbours first; letters changed or inserted only when those give no
// reading), at most MAX_CANDIDATES, best first. The edits go to the one
// word that has no reading alone ("aMn" in "Pak aMn-ryon"); when two
// words have none ("John Smith" has one: Smith), one edit cannot mend the
// name. Empty when no single edit reads, for text over 48 bytes or an
// unread word over 16, and for text with fewer than four letters (too
// little to tell a slip from another name). A name that is no Korean name
// costs a few parses, at most about 1 ms. Thread-safe; never throws on
// any bytes.
std::vector<HangulCandidate> parse_misspelled_romanized_name(std::string_view text,
                                                             int max_candidates);

}  // namespace uncounted::korean
