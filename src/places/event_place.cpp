#include "places/event_place.h"

namespace uncounted::places {

std::optional<PlaceKind> facility_kind_of_event(std::string_view event_code) {
  if (event_code == "detention_kwanliso") return PlaceKind::kKwanliso;
  if (event_code == "detention_kyohwaso") return PlaceKind::kKyohwaso;
  if (event_code == "forced_repatriation") return PlaceKind::kJipkyulso;
  if (event_code == "interrogation") return PlaceKind::kSsdDetention;
  return std::nullopt;
}

PlaceMatch lookup_for_event(std::string_view text, std::string_view event_code) {
  const Gazetteer& g = gazetteer();
  PlaceMatch match = g.lookup(text);
  const std::optional<PlaceKind> kind = facility_kind_of_event(event_code);
  if (!kind || match.place == nullptr) return match;
  const PlaceKind area = match.place->kind;
  if (area != PlaceKind::kCounty && area != PlaceKind::kCity && area != PlaceKind::kDistrict) {
    return match;  // a facility already, or a whole province
  }
  const Place* only = nullptr;
  int found = 0;
  for (const Place& p : g.places()) {
    if (p.kind == *kind && g.same_or_within(p.id, match.place->id)) {
      only = &p;
      ++found;
    }
  }
  if (found != 1) return match;
  match.alternatives.insert(match.alternatives.begin(), {match.place, match.confidence});
  match.place = only;
  return match;
}

std::vector<const Place*> facilities_in(const Place& area, std::string_view event_code) {
  std::vector<const Place*> out;
  const std::optional<PlaceKind> kind = facility_kind_of_event(event_code);
  if (!kind) return out;
  const Gazetteer& g = gazetteer();
  for (const Place& p : g.places())
    if (p.kind == *kind && p.id != area.id && g.same_or_within(p.id, area.id)) out.push_back(&p);
  return out;
}

}  // namespace uncounted::places
