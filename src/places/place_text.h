#pragma once
// What a free-text place says, reduced to comparable keys: "요덕 15호 관리소",
// "Kwalliso No. 15", "Camp 15" and "Yodŏk camp" all become a name key
// ("요덕", "yodeok", or empty), a facility number (15) and a facility hint
// (kwanliso). Both the gazetteer's aliases and users' queries go through
// the same function, so the two always agree.

#include <string>
#include <string_view>

#include "places/place.h"

namespace uncounted::places {

enum class FacilityHint {
  kNone,
  kCamp,       // "camp": most often a kwanliso, sometimes not
  kDetention,  // "detention", "구류장": some place of detention
  kKwanliso,
  kKyohwaso,
  kJipkyulso,
  kRodongDanryeondae,
  kSsdDetention,
};

struct PlaceQuery {
  // Lowercase, diacritics spelled out as in RR (ŏ -> eo, ŭ -> eu),
  // apostrophes, spaces, hyphens, "city", "-do", "군", "시" dropped.
  // Hangul stays Hangul.
  std::string plain;
  // plain with romanization differences folded away (eo -> o, eu -> u,
  // ph -> p, j -> ch, g -> k, d -> t, b -> p, l -> r, sh -> s, doubled
  // letters), so RR, MR and DPRK spellings of one name meet.
  std::string folded;
  // The Hangul level suffix stripped from the name ("군" of "어랑군"), so
  // that a typo match can still tell a county from a two-syllable word.
  std::string level;
  int number = 0;  // "15" in "Camp 15", "15호"; 0 when none
  FacilityHint hint = FacilityHint::kNone;
  bool facility_words = false;  // any of camp, kwanliso, prison, 호, 관리소, ...
};

// Never throws; text that is not UTF-8 or holds no letters gives empty keys.
PlaceQuery parse_place_query(std::string_view text);

// The folding of PlaceQuery::folded, applied to an already plain key.
std::string fold_romanization(std::string_view plain);

// Whether a facility of KIND fits HINT (kNone and kDetention fit all).
bool hint_fits(FacilityHint hint, PlaceKind kind);

}  // namespace uncounted::places
