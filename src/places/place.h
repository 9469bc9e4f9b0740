#pragma once
// One entry of the gazetteer (data/gazetteer.tsv): a province, city, county
// or district of North Korea, or a detention facility, with every spelling
// under which documenters write it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace uncounted::places {

enum class PlaceKind {
  kProvince,
  kSpecialCity,
  kCity,
  kCounty,
  kDistrict,
  kKwanliso,           // political prison camp (관리소)
  kKyohwaso,           // reform-through-labour prison (교화소)
  kJipkyulso,          // holding centre (집결소)
  kRodongDanryeondae,  // labour training camp (로동단련대)
  kSsdDetention,       // State Security (보위부) detention / interrogation centre
};

// "province", "special_city", ..., "ssd_detention" (the names in the TSV and JSON).
std::string_view to_string(PlaceKind kind);
std::optional<PlaceKind> place_kind_from_string(std::string_view text);
// Whether KIND is a place of detention rather than an administrative area.
bool is_facility(PlaceKind kind);

struct Place {
  std::string id;  // stable across versions: "kwanliso-15", "city-chongjin"
  PlaceKind kind = PlaceKind::kCounty;
  std::string name;    // English, as reports write it
  std::string hangul;  // DPRK spelling (ROK spellings are among the aliases)
  std::string rr;      // Revised Romanization
  std::string mr;      // McCune-Reischauer, with diacritics
  std::string dprk;    // DPRK official romanization (may be empty)
  std::vector<std::string> aliases;
  std::string parent;  // id of the area it lies in; empty for top level
  std::optional<double> lat, lon;
  std::string status;  // active | closed | disputed | reported
  std::string source;  // public source(s) of the entry
  int number = 0;      // facility number (Camp 15 -> 15), 0 when none
};

}  // namespace uncounted::places
