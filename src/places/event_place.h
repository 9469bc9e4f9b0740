#pragma once
// The place an event's text names, read with the event's kind. Witnesses
// often name a camp by the county it lies in ("Yodok", "Kaechon",
// "Hwasong"), which the gazetteer reads as the county: a person detained in
// Camp 15 on one list and "in Yodok" on another then fell into two strata
// (county-yodok and kwanliso-15), and the camp's estimate lost them. For a
// detention in a kwanliso (or a kyohwaso, a holding centre after forced
// repatriation, a State Security interrogation), a county, city or district
// that holds exactly one facility of that kind means that facility; otherwise the plain
// reading stands (Kaechon holds Camp 14 and Kyohwaso 1: a kwanliso
// detention there is Camp 14, a kyohwaso detention Kyohwaso 1).

#include <optional>
#include <string_view>
#include <vector>

#include "places/gazetteer.h"

namespace uncounted::places {

// The facility kind an event code takes place in, if it names one.
std::optional<PlaceKind> facility_kind_of_event(std::string_view event_code);

// gazetteer().lookup(TEXT), with an area replaced by its only facility of
// the event's kind (the area then becomes the first alternative).
PlaceMatch lookup_for_event(std::string_view text, std::string_view event_code);

// The facilities of the event's kind that AREA holds (a province, county,
// city or district), in gazetteer order: where a record that names only
// the area may have happened. Empty when the event names no facility kind
// or the area holds none.
std::vector<const Place*> facilities_in(const Place& area, std::string_view event_code);

}  // namespace uncounted::places
