#pragma once
// The lookup structures that Gazetteer builds once from its table (private
// to src/places/: gazetteer.cpp builds them, place_lookup.cpp reads them).

#include <string>
#include <unordered_map>
#include <vector>

#include "places/gazetteer.h"

namespace uncounted::places {

struct Gazetteer::Index {
  // Name keys (PlaceQuery::plain / ::folded) of every alias that is a plain
  // name, to the places (indexes into places_) that carry it.
  std::unordered_map<std::string, std::vector<std::size_t>> plain;
  std::unordered_map<std::string, std::vector<std::size_t>> folded;
  // The distinct folded keys as code points, for typo matching.
  struct FuzzyKey {
    std::u32string key;
    std::size_t place;
  };
  std::vector<FuzzyKey> fuzzy;
  // Per facility: the name keys its aliases give beside the facility
  // words ("Yodok camp" -> "yodok", "Susong Correctional Center" -> "susong").
  std::vector<std::vector<std::string>> site_plain;
  std::vector<std::vector<std::string>> site_folded;
  // Folded keys of places outside North Korea (data/places_foreign.tsv):
  // a fuzzy match must fit better than these to count.
  std::vector<std::u32string> decoys;
  std::unordered_map<std::string, bool> decoy_keys;
  // Per place: the facilities whose parent chain reaches it.
  std::vector<std::vector<std::size_t>> facilities_within;
};

}  // namespace uncounted::places
