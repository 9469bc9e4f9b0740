// The library's reference machinery, for the forms' live help: name
// readings and romanizations, gazetteer lookup and the whole gazetteer (for
// the map), fuzzy dates, and the event taxonomy. Nothing here touches the
// store.

#include "dates/fuzzy_date_parser.h"
#include "korean/name_comparison.h"
#include "korean/romanizer.h"
#include "model/event_type.h"
#include "pipeline/place_counts.h"
#include "places/event_place.h"
#include "places/gazetteer.h"
#include "server/app_state.h"
#include "server/endpoint.h"
#include "server/http_error.h"

namespace uncounted::server {
namespace {

std::string iso(const CivilDate& d) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", d.year, d.month, d.day);
  return text;
}

nlohmann::json romanize(RequestContext& ctx) {
  const std::string name = ctx.query("name", "", 200);
  const korean::PreparedName prepared = korean::prepare(name);
  nlohmann::json out = {{"hangul", korean::hangul_readings(prepared, 0.3f)}};
  if (prepared.count == 0) {
    out["rr"] = out["mr"] = out["dprk"] = nullptr;
    return out;
  }
  const korean::HangulName& best = prepared.candidates[0].name;
  korean::RomanizationOptions o;
  out["rr"] = korean::romanize(best, o);
  o.system = korean::RomanizationSystem::kMcCuneReischauer;
  out["mr"] = korean::romanize(best, o);
  o.system = korean::RomanizationSystem::kNorthKorean;
  o.diacritics = false;
  out["dprk"] = korean::romanize(best, o);
  return out;
}

nlohmann::json place_json(const places::Place& p) {
  nlohmann::json j = {{"id", p.id},         {"kind", places::to_string(p.kind)},
                      {"name", p.name},     {"hangul", p.hangul},
                      {"parent", p.parent}, {"status", p.status}};
  // Most facilities have no published coordinates: the map places them at
  // the county they lie in and says so ("approximate"), never inventing a
  // site.
  const places::Place* site = places::gazetteer().nearest_with_coordinates(p.id);
  j["lat"] = site ? nlohmann::json(*site->lat) : nlohmann::json(nullptr);
  j["lon"] = site ? nlohmann::json(*site->lon) : nlohmann::json(nullptr);
  j["approximate"] = site != nullptr && site->id != p.id;
  j["facility"] = places::is_facility(p.kind);
  return j;
}

nlohmann::json lookup(RequestContext& ctx) {
  const std::string text = ctx.query("q", "", 200);
  // With the event's code, a camp written as its county ("Yodok" for a
  // kwanliso detention) is offered as the camp first.
  const std::string event = ctx.query("event", "", 64);
  const places::PlaceMatch match =
      event.empty() ? places::gazetteer().lookup(text) : places::lookup_for_event(text, event);
  nlohmann::json out = {{"text", text}};
  nlohmann::json candidates = nlohmann::json::array();
  if (match.place) {
    nlohmann::json best = place_json(*match.place);
    best["confidence"] = match.confidence;
    candidates.push_back(best);
  }
  for (const places::PlaceCandidate& c : match.alternatives) {
    if (candidates.size() >= 8) break;
    nlohmann::json alt = place_json(*c.place);
    alt["confidence"] = c.confidence;
    candidates.push_back(alt);
  }
  out["matched"] = match.place != nullptr;
  out["candidates"] = candidates;
  return out;
}

nlohmann::json all_places(RequestContext&) {
  nlohmann::json out = nlohmann::json::array();
  for (const places::Place& p : places::gazetteer().places()) out.push_back(place_json(p));
  return {{"places", out}};
}

nlohmann::json parse_date(RequestContext& ctx) {
  const std::string text = ctx.query("text", "", 200);
  const auto date = dates::try_parse_fuzzy_date(text);
  if (!date) return {{"text", text}, {"understood", false}};
  return {{"text", text},
          {"understood", true},
          {"earliest", iso(date->earliest)},
          {"latest", iso(date->latest)},
          {"precision", std::string(to_string(date->precision))}};
}

nlohmann::json events(RequestContext&) {
  nlohmann::json out = nlohmann::json::array();
  for (const EventType& e : event_types()) {
    out.push_back({{"code", e.code}, {"en", e.english}, {"ko", e.korean}});
  }
  return {{"events", out}};
}

// Records and persons per place (aggregates: no name, no record), for the
// map. The store is held while it is read.
nlohmann::json place_counts(RequestContext& ctx) {
  pipeline::PlaceCounts counts;
  {
    std::lock_guard lock(ctx.app.store_mutex);
    counts = pipeline::count_records_per_place(ctx.app.store.db());
  }
  nlohmann::json places = nlohmann::json::array();
  for (const pipeline::PlaceCount& c : counts.places) {
    places.push_back({{"id", c.place}, {"records", c.records}, {"persons", c.persons}});
  }
  return {{"places", places}, {"blank", counts.blank}, {"unresolved", counts.unresolved}};
}

}  // namespace

void add_reference_endpoints(std::vector<Endpoint>& out) {
  const RoleSet all = RoleSet::all();
  const RoleSet readers = {Role::kDocumenter, Role::kReviewer};
  out.push_back({"GET",
                 "/api/names/romanize",
                 false,
                 readers,
                 "Hangul readings and romanizations of a name (live suggestions)",
                 {{"name", "a name in Hangul or any romanization", true}},
                 false,
                 {},
                 romanize});
  out.push_back({"GET",
                 "/api/places/lookup",
                 false,
                 all,
                 "Gazetteer matches for free text (autocomplete)",
                 {{"q", "a place as written", true}},
                 false,
                 {},
                 lookup});
  out.push_back({"GET",
                 "/api/places",
                 false,
                 all,
                 "Every gazetteer entry with its coordinates (for the map)",
                 {},
                 false,
                 {},
                 all_places});
  out.push_back({"GET",
                 "/api/places/counts",
                 false,
                 all,
                 "Records and persons per place, the place read with the event's kind "
                 "(aggregates, for the map), and how many records have no place or an unknown one",
                 {},
                 false,
                 {},
                 place_counts});
  out.push_back({"GET",
                 "/api/dates/parse",
                 false,
                 all,
                 "The interval a fuzzy date allows",
                 {{"text", "a fuzzy date", true}},
                 false,
                 {},
                 parse_date});
  out.push_back({"GET",
                 "/api/events",
                 false,
                 all,
                 "The event taxonomy, in English and Korean",
                 {},
                 false,
                 {},
                 events});
}

}  // namespace uncounted::server
