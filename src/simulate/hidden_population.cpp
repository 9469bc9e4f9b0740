#include "simulate/hidden_population.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "korean/surname_table.h"
#include "model/error.h"
#include "places/gazetteer.h"

namespace uncounted::simulate {
namespace {

// Family names as they are distributed, drawn by weight; given names from
// the scenario's name model (given_names.h).
class NameSampler {
 public:
  explicit NameSampler(NameConcentration concentration) : given_(concentration) {
    for (const korean::Surname& s : korean::SurnameTable::instance().all()) {
      if (s.north.empty() || s.north.size() > 2) continue;
      surnames_.push_back(&s);
      surname_weights_.push_back(s.share);
    }
    if (surnames_.empty()) throw runtime_error("the name tables are empty", "simulate");
  }

  korean::HangulName draw_surname(RandomStream& random) const {
    korean::HangulName name;
    const korean::Surname& surname = *surnames_[random.categorical(surname_weights_)];
    for (char32_t cp : surname.north) name.syllables[name.length++] = korean::syllable_index(cp);
    name.surname_length = name.length;
    return name;
  }
  const GivenNameModel& given() const { return given_; }

 private:
  std::vector<const korean::Surname*> surnames_;
  std::vector<double> surname_weights_;
  GivenNameModel given_;
};

// The gazetteer's places by role in a person's path.
struct PlacePools {
  std::vector<const places::Place*> origins;     // cities and counties
  std::vector<const places::Place*> border;      // holding centres for returnees
  std::vector<const places::Place*> security;    // State Security detention centres
  std::vector<const places::Place*> facilities;  // the scenario's facilities
  std::vector<double> facility_weights;

  explicit PlacePools(const PopulationSpec& spec) {
    const auto& g = places::gazetteer();
    for (const places::Place& p : g.places()) {
      if (p.kind == places::PlaceKind::kCity || p.kind == places::PlaceKind::kCounty)
        origins.push_back(&p);
      if (p.kind == places::PlaceKind::kJipkyulso) border.push_back(&p);
      if (p.kind == places::PlaceKind::kSsdDetention) security.push_back(&p);
    }
    for (const auto& [id, weight] : spec.facilities) {
      facilities.push_back(g.find(id));
      facility_weights.push_back(weight);
    }
    if (origins.empty() || border.empty() || security.empty())
      throw runtime_error("the gazetteer lacks places the simulator needs", "simulate");
  }
};

template <typename T>
const T& pick(const std::vector<T>& items, RandomStream& random) {
  return items[random.between(0, static_cast<int>(items.size()) - 1)];
}

CivilDate later(const CivilDate& date, int min_days, int max_days, RandomStream& random) {
  return from_days(to_days(date) + random.between(min_days, max_days));
}

std::string detention_code(places::PlaceKind kind) {
  switch (kind) {
    case places::PlaceKind::kKwanliso:
      return "detention_kwanliso";
    case places::PlaceKind::kKyohwaso:
      return "detention_kyohwaso";
    default:
      return "detention_other";
  }
}

// One person's path: the act or circumstance that led to arrest, arrest,
// interrogation, detention, perhaps a transfer, perhaps death.
std::vector<TrueEvent> draw_path(const PopulationSpec& spec, const PlacePools& pools,
                                 const std::string& origin, std::vector<double>& cause_weights,
                                 RandomStream& random) {
  std::vector<TrueEvent> events;
  const CivilDate arrested{random.between(spec.first_year, spec.last_year), random.between(1, 12),
                           random.between(1, 28)};
  const std::string& cause = spec.causes[random.categorical(cause_weights)].first;
  std::string arrest_place = origin;
  const places::Place* security = pick(pools.security, random);
  if (cause == "forced_repatriation") {
    const places::Place* centre = pick(pools.border, random);
    events.push_back({"forced_repatriation", arrested, centre->id});
    arrest_place = centre->parent.empty() ? centre->id : centre->parent;
    // Returnees are questioned by State Security where they were handed over.
    for (const places::Place* s : pools.security)
      if (s->parent == centre->parent) security = s;
  } else if (cause != "other") {
    const CivilDate act = from_days(to_days(arrested) - random.between(0, 120));
    events.push_back({cause, cause == "family_punishment" ? arrested : act, origin});
  }
  events.push_back({"arrest", arrested, arrest_place});
  CivilDate when = arrested;
  if (random.bernoulli(spec.interrogation)) {
    when = later(when, 1, 30, random);
    events.push_back({"interrogation", when, security->id});
  }
  const places::Place* facility = pools.facilities[random.categorical(pools.facility_weights)];
  when = later(when, 20, 180, random);
  events.push_back({detention_code(facility->kind), when, facility->id});
  if (random.bernoulli(spec.transfer) && pools.facilities.size() > 1) {
    const places::Place* next = facility;
    while (next == facility) next = pools.facilities[random.categorical(pools.facility_weights)];
    facility = next;
    when = later(when, 180, 5 * 365, random);
    events.push_back({detention_code(facility->kind), when, facility->id});
  }
  const double fate = random.uniform();
  if (fate < spec.death_in_custody) {
    events.push_back({"death_in_custody", later(when, 30, 8 * 365, random), facility->id});
  } else if (fate < spec.death_in_custody + spec.execution) {
    events.push_back({"execution", later(when, 10, 3 * 365, random), facility->id});
  }
  return events;
}

}  // namespace

std::vector<TruePerson> draw_population(const PopulationSpec& spec, RandomStream& random) {
  static const NameSampler diverse(NameConcentration::kDiverse);
  static const NameSampler realistic(NameConcentration::kRealistic);
  static const NameSampler extreme(NameConcentration::kExtreme);
  const NameSampler& names = spec.names == NameConcentration::kDiverse     ? diverse
                             : spec.names == NameConcentration::kRealistic ? realistic
                                                                           : extreme;
  const PlacePools pools(spec);
  std::vector<double> cause_weights;
  for (const auto& [cause, weight] : spec.causes) cause_weights.push_back(weight);
  std::vector<TruePerson> people;
  people.reserve(static_cast<std::size_t>(spec.size));
  for (int i = 0; i < spec.size; ++i) {
    TruePerson p;
    char id[16];
    std::snprintf(id, sizeof id, "P%06d", i + 1);
    p.id = id;
    p.name = names.draw_surname(random);
    // Diverse names keep the draws (and so the lists) of the simulator
    // before the name model: the given name comes right after the family
    // name. Concentrated names depend on sex and birth cohort, drawn last.
    const bool diverse_names = spec.names == NameConcentration::kDiverse;
    if (diverse_names) names.given().draw(false, 0, p.name, random);
    p.female = random.bernoulli(spec.female_share);
    p.birth_year = random.between(spec.birth_first, spec.birth_last);
    p.origin_id = pick(pools.origins, random)->id;
    p.events = draw_path(spec, pools, p.origin_id, cause_weights, random);
    // Nobody is arrested before the age of 14: such people are born earlier.
    for (const auto& e : p.events) p.birth_year = std::min(p.birth_year, e.date.year - 14);
    if (!diverse_names) names.given().draw(p.female, p.birth_year, p.name, random);
    people.push_back(std::move(p));
  }
  return people;
}

}  // namespace uncounted::simulate
