#include "places/gazetteer.h"

#include <algorithm>
#include <charconv>
#include <mutex>

#include "data/embedded_file.h"
#include "model/error.h"
#include "places/edit_distance.h"
#include "places/gazetteer_index.h"
#include "places/place_text.h"

namespace uncounted::places {
namespace {

constexpr std::string_view kColumns =
    "id\tkind\tname\thangul\trr\tmr\tdprk\taliases\tparent\tlat\tlon\tstatus\tsource";
constexpr std::size_t kColumnCount = 13;

struct KindName {
  PlaceKind kind;
  std::string_view name;
  bool facility;
};

constexpr KindName kKinds[] = {
    {PlaceKind::kProvince, "province", false},
    {PlaceKind::kSpecialCity, "special_city", false},
    {PlaceKind::kCity, "city", false},
    {PlaceKind::kCounty, "county", false},
    {PlaceKind::kDistrict, "district", false},
    {PlaceKind::kKwanliso, "kwanliso", true},
    {PlaceKind::kKyohwaso, "kyohwaso", true},
    {PlaceKind::kJipkyulso, "jipkyulso", true},
    {PlaceKind::kRodongDanryeondae, "rodong_danryeondae", true},
    {PlaceKind::kSsdDetention, "ssd_detention", true},
};

std::optional<double> coordinate(std::string_view text, double limit, std::size_t line) {
  if (text.empty()) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < -limit || value > limit) {
    throw invalid_input("bad coordinate in gazetteer", "line " + std::to_string(line));
  }
  return value;
}

// "kwanliso-15" -> 15; 0 when the id does not end in a number.
int facility_number(std::string_view id) {
  const std::size_t dash = id.rfind('-');
  if (dash == std::string_view::npos) return 0;
  int n = 0;
  const auto tail = id.substr(dash + 1);
  const auto [end, ec] = std::from_chars(tail.data(), tail.data() + tail.size(), n);
  return ec == std::errc() && end == tail.data() + tail.size() ? n : 0;
}

template <typename Map>
void add_key(Map& map, const std::string& key, std::size_t place) {
  if (key.empty()) return;
  auto& ids = map[key];
  if (std::find(ids.begin(), ids.end(), place) == ids.end()) ids.push_back(place);
}

// The word that says KIND's level, as a folded key of the same script as
// KEY would end in it ("군" or "county"); empty for kinds without one.
std::string_view level_word(PlaceKind kind, std::string_view key) {
  if (key.empty()) return {};
  const bool hangul = static_cast<unsigned char>(key.front()) >= 0x80;
  switch (kind) {
    case PlaceKind::kProvince:
      return hangul ? "도" : "province";
    case PlaceKind::kSpecialCity:
    case PlaceKind::kCity:
      return hangul ? "시" : "city";
    case PlaceKind::kCounty:
      return hangul ? "군" : "county";
    case PlaceKind::kDistrict:
      return hangul ? "구역" : "tistrict";  // "district" folded (d -> t)
    default:
      return {};
  }
}

}  // namespace

std::string_view to_string(PlaceKind kind) {
  for (const KindName& k : kKinds) {
    if (k.kind == kind) return k.name;
  }
  return "county";
}

std::optional<PlaceKind> place_kind_from_string(std::string_view text) {
  for (const KindName& k : kKinds) {
    if (k.name == text) return k.kind;
  }
  return std::nullopt;
}

bool is_facility(PlaceKind kind) {
  for (const KindName& k : kKinds) {
    if (k.kind == kind) return k.facility;
  }
  return false;
}

Gazetteer::Gazetteer() : index_(std::make_unique<Index>()) {}
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;
Gazetteer::~Gazetteer() = default;

Gazetteer Gazetteer::parse(std::string_view tsv) {
  Gazetteer g;
  std::size_t line_number = 0;
  bool header_seen = false;
  for (std::string_view line : data::split_fields(tsv, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const std::string where = "gazetteer line " + std::to_string(line_number);
    if (!header_seen) {
      if (line != kColumns)
        throw invalid_input("gazetteer header is not " + std::string(kColumns), where);
      header_seen = true;
      continue;
    }
    const auto cells = data::split_fields(line, '\t');
    if (cells.size() != kColumnCount) throw invalid_input("gazetteer row needs 13 cells", where);
    Place p;
    p.id = cells[0];
    const auto kind = place_kind_from_string(cells[1]);
    if (p.id.empty() || !kind)
      throw invalid_input("gazetteer row lacks an id or a known kind", where);
    p.kind = *kind;
    p.name = cells[2];
    p.hangul = cells[3];
    p.rr = cells[4];
    p.mr = cells[5];
    p.dprk = cells[6];
    if (!cells[7].empty()) {
      for (std::string_view alias : data::split_fields(cells[7], '|'))
        p.aliases.emplace_back(alias);
    }
    p.parent = cells[8];
    p.lat = coordinate(cells[9], 90, line_number);
    p.lon = coordinate(cells[10], 180, line_number);
    if (p.lat.has_value() != p.lon.has_value())
      throw invalid_input("gazetteer row has half a coordinate", where);
    p.status = cells[11];
    p.source = cells[12];
    if (p.name.empty() || p.source.empty())
      throw invalid_input("gazetteer row lacks a name or source", where);
    if (is_facility(p.kind)) p.number = facility_number(p.id);
    g.places_.push_back(std::move(p));
  }
  if (!header_seen) throw invalid_input("gazetteer has no header", "gazetteer");
  for (std::size_t i = 0; i < g.places_.size(); ++i) {
    if (!g.by_id_.emplace(g.places_[i].id, i).second) {
      throw invalid_input("duplicate gazetteer id", "gazetteer entry " + std::to_string(i + 1));
    }
  }
  for (const Place& p : g.places_) {
    if (!p.parent.empty() && !g.find(p.parent)) {
      throw invalid_input("gazetteer parent is not an id of the table", "gazetteer entry " + p.id);
    }
  }
  // Every walk up the parents (same_or_within, the index, the map) must end:
  // a chain longer than the table has come back to a place it passed.
  for (const Place& p : g.places_) {
    std::size_t steps = 0;
    for (const Place* up = g.parent_of(p); up != nullptr; up = g.parent_of(*up)) {
      if (++steps > g.places_.size())
        throw invalid_input("gazetteer parents form a loop", "gazetteer entry " + p.id);
    }
  }
  g.build_index();
  return g;
}

void Gazetteer::build_index() {
  Index& ix = *index_;
  ix.site_plain.assign(places_.size(), {});
  ix.site_folded.assign(places_.size(), {});
  ix.facilities_within.assign(places_.size(), {});
  // Name keys with their level word written out ("자성군", "kowoncounty"):
  // a typo in the level word itself ("자성근", "Kowon Cpunty") keeps it
  // from being stripped, and only these forms are one edit away.
  std::vector<std::pair<std::string, std::size_t>> suffixed;
  for (std::size_t i = 0; i < places_.size(); ++i) {
    const Place& p = places_[i];
    std::vector<std::string_view> spellings = {p.name, p.hangul, p.rr, p.mr, p.dprk};
    for (const std::string& a : p.aliases) spellings.push_back(a);
    for (std::string_view s : spellings) {
      if (s.empty()) continue;
      const PlaceQuery q = parse_place_query(s);
      if (q.plain.empty()) continue;
      if (q.facility_words || q.number != 0) {
        // "Yodok camp": a site name of this facility, not a name of its own.
        if (is_facility(p.kind)) {
          auto& sp = ix.site_plain[i];
          if (std::find(sp.begin(), sp.end(), q.plain) == sp.end()) sp.push_back(q.plain);
          auto& sf = ix.site_folded[i];
          if (std::find(sf.begin(), sf.end(), q.folded) == sf.end()) sf.push_back(q.folded);
        }
        continue;
      }
      add_key(ix.plain, q.plain, i);
      add_key(ix.folded, q.folded, i);
      if (const std::string_view level = level_word(p.kind, q.folded); !level.empty()) {
        suffixed.push_back({q.folded + std::string(level), i});
      }
    }
    if (is_facility(p.kind)) {
      for (const Place* up = parent_of(p); up != nullptr; up = parent_of(*up)) {
        ix.facilities_within[by_id_.at(up->id)].push_back(i);
      }
    }
  }
  if (const auto foreign = data::embedded_file("places_foreign.tsv")) {
    for (std::string_view line : data::split_fields(*foreign, '\n')) {
      if (line.empty() || line.front() == '#' || line == "name") continue;
      const PlaceQuery q = parse_place_query(line);
      if (q.folded.empty()) continue;
      ix.decoy_keys.emplace(q.folded, true);
      ix.decoys.push_back(typo_key(q.folded));
    }
  }
  for (const auto& [key, ids] : ix.folded) {
    for (std::size_t id : ids) ix.fuzzy.push_back({typo_key(key), id});
  }
  for (const auto& [key, id] : suffixed) ix.fuzzy.push_back({typo_key(key), id});
  // Deterministic order, whatever the hash map's.
  std::sort(ix.fuzzy.begin(), ix.fuzzy.end(), [](const auto& a, const auto& b) {
    return a.key != b.key ? a.key < b.key : a.place < b.place;
  });
}

const Place* Gazetteer::find(std::string_view id) const {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &places_[it->second];
}

const Place* Gazetteer::parent_of(const Place& p) const {
  return p.parent.empty() ? nullptr : find(p.parent);
}

const Place* Gazetteer::nearest_with_coordinates(std::string_view id) const {
  for (const Place* p = find(id); p != nullptr; p = parent_of(*p)) {
    if (p->lat && p->lon) return p;
  }
  return nullptr;
}

bool Gazetteer::same_or_within(std::string_view a, std::string_view b) const {
  const Place* target = find(b);
  if (!target) return false;
  for (const Place* p = find(a); p != nullptr; p = parent_of(*p)) {
    if (p == target) return true;
  }
  return false;
}

const Gazetteer& gazetteer() {
  static const Gazetteer instance = [] {
    const auto tsv = data::embedded_file("gazetteer.tsv");
    if (!tsv) throw runtime_error("the gazetteer was not built into the program", "gazetteer.tsv");
    return Gazetteer::parse(*tsv);
  }();
  return instance;
}

}  // namespace uncounted::places
