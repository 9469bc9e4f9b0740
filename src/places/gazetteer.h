#pragma once
// The gazetteer of North Korean places and detention facilities
// (data/gazetteer.tsv, compiled into the program), and free-text lookup
// into it: "Yodok", "요덕 15호 관리소", "Camp 15", "Kwalliso No. 15" all find
// kwanliso-15 or its county; typos are forgiven up to a threshold, and
// text that fits nothing well gives no id rather than a wrong guess.

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "places/place.h"

namespace uncounted::places {

struct PlaceCandidate {
  const Place* place = nullptr;
  double confidence = 0;  // in [0, 1]
};

struct PlaceMatch {
  const Place* place = nullptr;  // nullptr: nothing fits well enough
  double confidence = 0;         // of `place`; 0 when there is none
  // Other places the text may mean, best first (never `place` itself):
  // the facilities inside a matched city, the other reading of an
  // ambiguous name, near misses.
  std::vector<PlaceCandidate> alternatives;
};

class Gazetteer {
 public:
  // Parses a table in the format of data/gazetteer.tsv. Throws
  // uncounted::Error (invalid input) naming the line when it is malformed:
  // a duplicate id, an unknown kind or parent, a bad coordinate.
  static Gazetteer parse(std::string_view tsv);

  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;
  ~Gazetteer();

  std::span<const Place> places() const { return places_; }
  // The entry with ID, or nullptr.
  const Place* find(std::string_view id) const;

  // Matches free text (any script or romanization). Thread-safe (const,
  // no shared mutable state); no exceptions.
  PlaceMatch lookup(std::string_view text) const;

  // The area P lies in (its parent entry), or nullptr at the top level.
  const Place* parent_of(const Place& p) const;

  // The place ID when it has coordinates, else the nearest area it lies in
  // that has them (a camp without a published site -> its county, then its
  // province). nullptr when ID is unknown or nothing up the chain has
  // coordinates.
  const Place* nearest_with_coordinates(std::string_view id) const;

  // Whether A is B or lies inside B (a county in its province, a camp in
  // its county). False when either id is unknown.
  bool same_or_within(std::string_view a, std::string_view b) const;
  // same_or_within either way: the two ids can name the same place.
  bool compatible(std::string_view a, std::string_view b) const {
    return same_or_within(a, b) || same_or_within(b, a);
  }

  // Confidence below which lookup() gives no id.
  static constexpr double kMinConfidence = 0.7;

  // The lookup structures (gazetteer_index.h); opaque to users.
  struct Index;

 private:
  Gazetteer();
  void build_index();
  PlaceMatch lookup_segment(std::string_view text) const;

  std::vector<Place> places_;
  std::unordered_map<std::string_view, std::size_t> by_id_;
  std::unique_ptr<Index> index_;
};

// The gazetteer shipped in data/gazetteer.tsv, parsed on first use.
// Thread-safe.
const Gazetteer& gazetteer();

}  // namespace uncounted::places
