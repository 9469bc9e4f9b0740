#pragma once
// The gazetteer place of every distinct value of a place column, looked up
// once per distinct text (a lookup costs microseconds; a column has far
// fewer distinct places than records), with the chain of areas the place
// lies in, so that "same place" and "one within the other" (a camp in its
// county, a county in its province) are a few integer comparisons per pair.
//
// Thread-safety: immutable after construction.

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace uncounted::link {

class PlaceValues {
 public:
  // Areas above a place that are kept: camp < county < province < country.
  static constexpr int kMaxDepth = 6;

  PlaceValues() = default;
  // VALUES[id - 1] is the text of value id (ids are 1-based, 0 = null).
  explicit PlaceValues(const std::vector<std::string_view>& values);

  bool empty() const { return chains_.empty(); }
  // Whether value ID was found in the gazetteer.
  bool known(std::uint32_t id) const { return chains_[id][0] >= 0; }
  // The gazetteer index of value ID's place; -1 when not found.
  std::int32_t place(std::uint32_t id) const { return chains_[id][0]; }
  // Both known and the same gazetteer place.
  bool same(std::uint32_t a, std::uint32_t b) const {
    return known(a) && chains_[a][0] == chains_[b][0];
  }
  // Both known and one lies within the other (or they are the same).
  bool within(std::uint32_t a, std::uint32_t b) const {
    return known(a) && known(b) && (contains(b, a) || contains(a, b));
  }

 private:
  // Whether AREA's place is INNER's place or one of its ancestors.
  bool contains(std::uint32_t area, std::uint32_t inner) const {
    for (const std::int32_t p : chains_[inner]) {
      if (p < 0) break;
      if (p == chains_[area][0]) return true;
    }
    return false;
  }

  // By id: the place's index in the gazetteer, then its ancestors'; -1 ends.
  std::vector<std::array<std::int32_t, kMaxDepth>> chains_;
};

}  // namespace uncounted::link
